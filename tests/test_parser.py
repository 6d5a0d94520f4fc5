"""Reading: what the parser makes of each part, and what it reports."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import ParseError

NBSP = "\u00a0"


def codes(article: newsdoc.Article) -> list[str]:
    return [d.code for d in article.diagnostics]


def test_the_sample(sample_bytes: bytes) -> None:
    article = newsdoc.loads(sample_bytes)
    assert article.date == dt.date(2023, 7, 9)
    assert article.headline == "US drone strikes in Syria kill key Daesh leader, says Centcom"
    assert len(article.images) == 1
    assert article.images[0].caption.endswith("in Raqqa, Syria.")
    assert article.images[0].credit == "Reuters/File"
    assert len(article.paragraphs) == 12
    assert article.paragraphs[0].startswith("The US Central Command (Centcom) announced")
    assert article.metadata == {}
    assert article.diagnostics == ()


def test_read_and_load_take_the_id_from_a_seed_file_name(tmp_path: Path) -> None:
    path = tmp_path / "007_00112233aabbccdd.txt"
    path.write_text(f" date 2023-07-09 {NBSP}\nHeadline\n\nBody.\n\n", encoding="utf-8")
    assert newsdoc.read(path).id == "00112233aabbccdd"
    with path.open("rb") as fp:
        assert newsdoc.load(fp).id == "00112233aabbccdd"
    other = tmp_path / "article.txt"
    other.write_bytes(path.read_bytes())
    assert newsdoc.read(other).id is None
    assert newsdoc.load(io.BytesIO(path.read_bytes()), id="x").id == "x"


def test_load_refuses_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n", encoding="utf-8")
    with path.open(encoding="utf-8") as fp, pytest.raises(TypeError, match="binary mode"):
        newsdoc.load(fp)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [3, None, ["x"], 1.5])
def test_loads_refuses_other_types(value: object) -> None:
    with pytest.raises(TypeError, match="loads\\(\\) argument must be str or bytes"):
        newsdoc.loads(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (f" date 2023-07-09 {NBSP}", dt.date(2023, 7, 9)),
        ("date 2023-07-09", dt.date(2023, 7, 9)),
        ("Date: 2023-07-09", dt.date(2023, 7, 9)),
        ("DATE 2023/07/09", dt.date(2023, 7, 9)),
        ("date: 9 July 2023", dt.date(2023, 7, 9)),
        ("date: July 9, 2023", dt.date(2023, 7, 9)),
        ("date: Sunday, July 9, 2023", dt.date(2023, 7, 9)),
        (
            "date: 2023-07-09T14:30:00+05:00",
            dt.datetime(2023, 7, 9, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=5))),
        ),
        ("date 2023-07-09 14:30", dt.datetime(2023, 7, 9, 14, 30)),
        ("date: July 9, 2023 14:30", dt.datetime(2023, 7, 9, 14, 30)),
        ("date: 9 July 2023 2:30 PM", dt.datetime(2023, 7, 9, 14, 30)),
    ],
)
def test_header_dates(line: str, expected: dt.date) -> None:
    article = newsdoc.loads(f"{line}\nHeadline\n\nBody.\n")
    assert article.date == expected
    assert type(article.date) is type(expected)
    if isinstance(expected, dt.datetime):
        assert isinstance(article.date, dt.datetime)
        assert article.date.utcoffset() == expected.utcoffset()
    assert article.headline == "Headline"
    assert article.diagnostics == ()


def test_an_offset_is_kept_not_converted() -> None:
    article = newsdoc.loads("date: 2023-07-09T23:30:00-04:00\nH\n\nB\n")
    assert isinstance(article.date, dt.datetime)
    assert article.date.hour == 23
    assert article.date.isoformat() == "2023-07-09T23:30:00-04:00"


def test_an_impossible_date_keeps_its_text_and_is_reported() -> None:
    article = newsdoc.loads(f" date 2023-02-30 {NBSP}\nHeadline\n\nBody.\n")
    assert article.date is None
    assert article.metadata["date"] == "2023-02-30"
    [diagnostic] = article.diagnostics
    assert (diagnostic.code, diagnostic.lineno, diagnostic.colno) == ("invalid-date", 1, 7)
    assert diagnostic.message == "Invalid date '2023-02-30'"
    assert diagnostic.severity == "error"


def test_strict_raises_a_positioned_error() -> None:
    with pytest.raises(ParseError) as info:
        newsdoc.loads(f" date 2023-02-30 {NBSP}\nHeadline\n\nBody.\n", strict=True)
    error = info.value
    assert str(error) == "Invalid date '2023-02-30' (at line 1, column 7)"
    assert (error.msg, error.pos, error.lineno, error.colno) == (
        "Invalid date '2023-02-30'",
        6,
        1,
        7,
    )
    assert error.doc.startswith(" date 2023-02-30")
    assert isinstance(error, ValueError)


def test_a_partial_date_is_never_completed_from_today() -> None:
    article = newsdoc.loads("date: July 2023\nHeadline\n\nBody.\n")
    assert article.date is None
    assert article.metadata["date"] == "July 2023"
    assert codes(article) == ["partial-date"]


@pytest.mark.parametrize(
    "headline",
    [
        "Date rape drug found in student flats",
        "Source of leak still unknown",
        "Author: the musical",
    ],
)
def test_a_headline_that_starts_with_a_header_word_stays_a_headline(headline: str) -> None:
    article = newsdoc.loads(f" date 2023-07-09 {NBSP}\n{headline}\n\nBody.\n")
    assert article.headline == headline
    assert article.paragraphs == ("Body.",)


def test_several_header_lines_in_any_order() -> None:
    text = (
        "url: https://example.com/a\nDate: 2023-07-09\nAuthor: Zoë Müller\n"
        "Desk: World\nHeadline here\n\nBody.\n"
    )
    article = newsdoc.loads(text)
    assert article.date == dt.date(2023, 7, 9)
    assert article.metadata == {
        "url": "https://example.com/a",
        "author": "Zoë Müller",
        "desk": "World",
    }
    assert article.headline == "Headline here"


def test_a_colon_line_with_only_a_blank_line_after_it_is_the_headline() -> None:
    article = newsdoc.loads(f" date 2023-07-09 {NBSP}\nBreaking: fire in the city\n\nBody.\n")
    assert article.headline == "Breaking: fire in the city"
    assert article.metadata == {}


def test_a_repeated_header_key_is_numbered_and_reported() -> None:
    article = newsdoc.loads("source: A\nsource: B\ndate: 2023-07-09\nH\n\nB\n")
    assert article.metadata == {"source": "A", "source_2": "B"}
    assert codes(article) == ["duplicate-header"]


@pytest.mark.parametrize(
    ("text", "expected_codes", "headline", "paragraphs"),
    [
        ("", ["empty-input"], "", ()),
        ("  \n\t\n", ["empty-input"], "", ()),
        ("Just a headline", ["no-date", "no-body"], "Just a headline", ()),
        (f" date 2023-07-09 {NBSP}\n", ["no-headline"], "", ()),
        ("Headline\n\nBody one.\nBody two.\n", ["no-date"], "Headline", ("Body one.", "Body two.")),
    ],
)
def test_missing_parts_give_empty_fields_and_a_diagnostic(
    text: str, expected_codes: list[str], headline: str, paragraphs: tuple[str, ...]
) -> None:
    article = newsdoc.loads(text)
    assert codes(article) == expected_codes
    assert article.headline == headline
    assert article.paragraphs == paragraphs


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        ("Smoke rises over Raqqa. — Reuters/File", "Smoke rises over Raqqa.", "Reuters/File"),
        ("Troops on patrol – AFP", "Troops on patrol", "AFP"),
        ("Protesters gather | Photo: Zoë Müller", "Protesters gather", "Photo: Zoë Müller"),
        (
            "A view of the port. - Photo by Łukasz Nowak",
            "A view of the port.",
            "Photo by Łukasz Nowak",
        ),
    ],
)
def test_captions_and_their_credits(line: str, caption: str, credit: str) -> None:
    article = newsdoc.loads(f"Headline\n\n{line}\nFirst paragraph.\n\nSecond.\n")
    assert [(i.caption, i.credit) for i in article.images] == [(caption, credit)]
    assert article.paragraphs == ("First paragraph.", "Second.")


def test_several_captions_and_a_blank_line_after_them() -> None:
    text = "Headline\n\nOne. — AFP\nTwo. — AP\n\nBody.\n"
    article = newsdoc.loads(text)
    assert [i.credit for i in article.images] == ["AFP", "AP"]
    assert article.paragraphs == ("Body.",)


def test_a_dash_in_a_paragraph_is_not_a_caption() -> None:
    text = "Headline\n\nThe talks failed, he said — adding that more would follow.\n"
    article = newsdoc.loads(text)
    assert article.images == ()
    assert len(article.paragraphs) == 1


def test_paragraph_breaks_are_only_line_breaks() -> None:
    text = "Headline\n\nOne\u2028still one\x0cand one\x85too.\n\n\n\nTwo.\r\nThree.\rFour.\n"
    article = newsdoc.loads(text)
    assert article.paragraphs == (
        "One\u2028still one\x0cand one\x85too.",
        "Two.",
        "Three.",
        "Four.",
    )


def test_layout_around_lines_is_stripped_but_content_kept() -> None:
    text = f"\ufeff date 2023-07-09 {NBSP}\t\n\u200b Headline\u00a0\n\n  Body\u00a0text.\t\n"
    article = newsdoc.loads(text)
    assert article.headline == "Headline"
    assert article.paragraphs == ("Body\u00a0text.",)


def test_cp1252_bytes_are_decoded_as_cp1252_and_reported() -> None:
    article = newsdoc.loads(b"Headline\n\nCaf\xe9 opens \x93today\x94.\n")
    assert article.paragraphs == ("Café opens “today”.",)
    [diagnostic] = [d for d in article.diagnostics if d.code == "encoding"]
    assert (diagnostic.lineno, diagnostic.colno, diagnostic.severity) == (3, 4, "warning")
    assert diagnostic.message == "Not valid UTF-8 (byte 0xe9); decoded as cp1252"


def test_undecodable_bytes_are_replaced_and_reported() -> None:
    data = b"Headline\n\nA\x01 \x81\x8d broken.\n"
    article = newsdoc.loads(data)
    assert article.paragraphs == ("A\x01 \ufffd\ufffd broken.",)
    [diagnostic] = [d for d in article.diagnostics if d.code == "invalid-utf8"]
    assert (diagnostic.lineno, diagnostic.colno) == (3, 4)
    with pytest.raises(ParseError, match=r"2 undecodable bytes became U\+FFFD\) \(at line 3, co"):
        newsdoc.loads(data, strict=True)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_other_unicode_encodings(codec: str, sample_bytes: bytes) -> None:
    text = sample_bytes.decode("utf-8")
    article = newsdoc.loads(text.encode(codec))
    assert article == newsdoc.loads(sample_bytes)
    assert {d.code for d in article.diagnostics} <= {"bom", "encoding"}


def test_mojibake_is_repaired_and_reported(sample_bytes: bytes) -> None:
    # UTF-8 read as cp1252 the way browsers do: its five undefined bytes as
    # the Latin-1 characters of the same number.
    undefined = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
    mangled = "".join(
        chr(byte) if byte in undefined else bytes([byte]).decode("cp1252") for byte in sample_bytes
    )
    assert "â€”" in mangled
    article = newsdoc.loads(mangled)
    assert article == newsdoc.loads(sample_bytes)
    [diagnostic] = article.diagnostics
    assert diagnostic.code == "mojibake"
    assert (diagnostic.lineno, diagnostic.colno) == (1, 18)  # the header's no-break space


def test_locating_a_body_offset_in_the_file(sample_bytes: bytes) -> None:
    article = newsdoc.loads(sample_bytes)
    assert article.source is not None
    where = article.text.index("Grynkewich said")
    location = article.source.locate(article, where)
    assert (location.lineno, location.colno) == (19, 37)
    line = sample_bytes.decode().splitlines()[location.lineno - 1]
    assert line[location.colno - 1 :].startswith("Grynkewich said")
    # The caption's and the credit's words are found on their line too.
    for words in ("Raqqa", "Reuters/File", "Daesh leader"):
        location = article.source.locate(article, article.text.index(words))
        line = sample_bytes.decode().splitlines()[location.lineno - 1]
        assert line[location.colno - 1 :].startswith(words)
    with pytest.raises(ValueError, match="outside the text"):
        article.source.locate(article, len(article.text) + 1)


@given(st.text(st.characters(exclude_characters="\r\n"), max_size=60))
def test_the_quick_header_test_agrees_with_the_full_one(line: str) -> None:
    from newsdoc._headers import read_header_line, surely_not_header
    from newsdoc._text import LAYOUT

    content = line.strip(LAYOUT)
    if surely_not_header(line, content):
        assert read_header_line(line, content) is None


def test_max_size_refuses_large_input_cleanly(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as info:
        newsdoc.loads(b"x" * 101, max_size=100)
    assert info.value.code == "too-large"
    assert str(info.value) == (
        "The input is over max_size (101 bytes, at most 100) (at line 1, column 1)"
    )
    assert newsdoc.loads("y" * 100, max_size=100).headline == "y" * 100
    path = tmp_path / "big.txt"
    path.write_bytes(b"Headline\n\n" + b"z" * 1000)
    with pytest.raises(ParseError, match="over max_size"):
        newsdoc.read(path, max_size=500)
    with path.open("rb") as fp, pytest.raises(ParseError, match="over max_size"):
        newsdoc.load(fp, max_size=500)


def test_a_very_long_date_value_is_not_handed_to_dateutil() -> None:
    article = newsdoc.loads("date: 2023 " + "x" * 1_000_000 + "\nHeadline\n\nBody.\n")
    assert article.date is None
    assert [d.code for d in article.diagnostics] == ["invalid-date"]


@pytest.mark.parametrize(
    "value",
    ["2023-07-09T14:30:00+55:00", "2023-07-09T14:30:00+05:30:15", "2023-07-09 14:30 +0333333"],
)
def test_impossible_offsets_are_invalid_dates(value: str) -> None:
    article = newsdoc.loads(f"date: {value}\nHeadline\n\nBody.\n")
    assert article.date is None
    assert article.metadata["date"] == value
    assert [d.code for d in article.diagnostics] == ["invalid-date"]


@given(st.text(st.sampled_from("ab\r\n\u2028")), st.data())
def test_counting_lines_and_the_line_table_agree(text: str, data: st.DataObject) -> None:
    from newsdoc._errors import position
    from newsdoc._model import line_and_column
    from newsdoc._parser import line_starts, split_lines

    pos = data.draw(st.integers(0, len(text)))
    assert position(text, pos) == line_and_column(line_starts(text, split_lines(text)), pos)


def test_stray_layout_at_both_ends_of_a_headline_keeps_it_a_headline() -> None:
    for headline in (" \tAd sales boost Time Warner profit\u00a0", "\u200bAd sales boost\u00a0"):
        article = newsdoc.loads(f"{headline}\n\nBody text here.\n")
        assert article.headline == headline.strip(" \t\u00a0\u200b")
        assert article.metadata == {}
    messy = newsdoc.loads(" \tsource Dawn \u00a0\n date 2023-07-09 \u00a0\nHeadline\n\nBody.\n")
    assert messy.metadata == {"source": "Dawn"}
    assert messy.headline == "Headline"


@pytest.mark.parametrize(
    "data",
    [b"\xef\xbb\xbf\xc3\xa2\xe2\x82\xac\xe2\x80\x9d\xff", b"\xff\xfe\xe2\x00\xac \x1d \x00\xd8"],
)
def test_error_positions_stay_inside_the_text(data: bytes) -> None:
    with pytest.raises(ParseError) as info:
        newsdoc.loads(data, strict=True)
    assert 0 <= info.value.pos <= len(info.value.doc)
    assert info.value.doc[info.value.pos] == "\ufffd"


@given(st.text(st.sampled_from("ab\r\n")), st.data())
def test_counting_on_from_an_earlier_line_agrees_with_counting_from_the_start(
    text: str, data: st.DataObject
) -> None:
    from newsdoc._errors import position

    first = data.draw(st.integers(0, len(text)))
    second = data.draw(st.integers(first, len(text)))
    lineno, colno = position(text, first)
    start = first - colno + 1
    assert position(text, second, start, lineno) == position(text, second)


def test_a_header_block_stops_at_the_limit_and_the_rest_is_kept() -> None:
    from newsdoc._parser import MAX_HEADER_LINES

    lines = [f"key{i}: value {i}" for i in range(MAX_HEADER_LINES + 20)]
    article = newsdoc.loads("date: 2023-07-09\n" + "\n".join(lines) + "\n")
    assert len(article.metadata) == MAX_HEADER_LINES - 1  # the date line is the first
    assert article.headline == lines[MAX_HEADER_LINES - 1]
    assert article.paragraphs == tuple(lines[MAX_HEADER_LINES:])
    [diagnostic] = article.diagnostics
    assert diagnostic.code == "too-many-headers"
    assert (diagnostic.lineno, diagnostic.colno) == (MAX_HEADER_LINES + 1, 1)


def test_a_headline_after_a_full_header_block_is_not_reported() -> None:
    from newsdoc._parser import MAX_HEADER_LINES

    header = "".join(f"key{i}: value\n" for i in range(MAX_HEADER_LINES))
    article = newsdoc.loads(header + "Breaking: fire in the city\n\nBody.\n")
    assert article.headline == "Breaking: fire in the city"
    assert codes(article) == ["no-date"]


def test_the_writer_refuses_more_header_lines_than_are_read_back() -> None:
    from newsdoc._parser import MAX_HEADER_LINES

    metadata = {f"key{i}": "value" for i in range(MAX_HEADER_LINES)}
    article = newsdoc.Article(headline="H", date=dt.date(2023, 7, 9), metadata=metadata)
    with pytest.raises(ValueError, match="metadata: 101 header lines"):
        newsdoc.dumps(article)
    fitting = newsdoc.Article(headline="H", metadata=metadata)
    assert newsdoc.loads(newsdoc.dumps(fitting)) == fitting


def test_many_diagnostics_are_each_placed_on_their_line() -> None:
    from newsdoc._errors import position

    text = "".join(f"source: {i}\r\n\n" if i % 2 else f"source: {i}\r" for i in range(40))
    article = newsdoc.loads(text + "Headline\n\nBody.")
    assert len(article.diagnostics) > 30
    for diagnostic in article.diagnostics:
        assert (diagnostic.lineno, diagnostic.colno) == position(text, diagnostic.pos)


_PIECES = ["a", "b: c", " ", "\u200b", "\r", "\n", "\r\n", " — AFP", "date 2023-07-09"]
_CHUNKY = st.lists(st.sampled_from(_PIECES)).map("".join)


@given(_CHUNKY, st.integers(1, 12))
def test_reading_the_body_a_chunk_at_a_time_changes_nothing(text: str, chunk: int) -> None:
    from newsdoc import _parser

    whole = newsdoc.loads(text)
    parts = _parser.locate_parts(text)
    saved = _parser._CHUNK
    _parser._CHUNK = chunk
    try:
        chunked = newsdoc.loads(text)
        assert chunked == whole
        assert chunked.diagnostics == whole.diagnostics
        assert _parser.locate_parts(text) == parts
    finally:
        _parser._CHUNK = saved


def test_a_flood_of_blank_lines_holds_no_object_per_line() -> None:
    import tracemalloc

    text = "Headline\n" + "\n" * 2_000_000 + "Body.\n" + " \r\n" * 500_000
    tracemalloc.start()
    try:
        article = newsdoc.loads(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert article.paragraphs == ("Body.",)
    assert peak < len(text)  # a list entry per line alone would be 8 bytes a line


def test_a_replacement_character_in_the_input_is_not_counted_as_undecodable() -> None:
    article = newsdoc.loads(b"Headline\n\n\x01 a\xff b\xef\xbf\xbd c\xfe\n")
    [message] = [d.message for d in article.diagnostics if d.code == "invalid-utf8"]
    assert "(2 undecodable bytes became U+FFFD)" in message
    assert article.paragraphs == ("\x01 a\ufffd b\ufffd c\ufffd",)


def test_loads_extracts_by_default_and_not_when_told(sample_bytes: bytes) -> None:
    article = newsdoc.loads(sample_bytes)
    assert article.entities
    assert article.quotes
    assert article.date_mentions
    plain = newsdoc.loads(sample_bytes, extract=False)
    assert (plain.entities, plain.quotes, plain.date_mentions) == ((), (), ())
    assert newsdoc.extract(plain) == article
    assert newsdoc.load(io.BytesIO(sample_bytes), extract=False) == plain


def test_loads_runs_the_extractor_it_is_given(tmp_path: Path, sample_bytes: bytes) -> None:
    seen: list[newsdoc.Article] = []

    def entities_only(article: newsdoc.Article) -> newsdoc.Article:
        seen.append(article)
        return newsdoc.RuleExtractor(quotes=False, dates=False)(article)

    path = tmp_path / "a.txt"
    path.write_bytes(sample_bytes)
    article = newsdoc.read(path, extract=entities_only)
    assert [a.entities for a in seen] == [()]  # handed the parsed article
    assert article.entities
    assert not article.quotes
    assert not article.date_mentions
    assert isinstance(entities_only, newsdoc.Extractor)


@pytest.mark.parametrize("value", [None, 1, "yes"])
def test_loads_refuses_an_extract_that_is_no_extractor(value: object) -> None:
    with pytest.raises(TypeError, match="extract must be True, False or an Extractor"):
        newsdoc.loads("Headline", extract=value)  # type: ignore[arg-type]


def _locate_by_walking(article: newsdoc.Article, body_offset: int) -> int:
    """Where ``article.body[body_offset]`` stands in the input, found paragraph by paragraph."""
    assert article.source is not None
    start = 0
    for index, paragraph in enumerate(article.paragraphs):
        if body_offset <= start + len(paragraph):
            return article.source.parts.paragraphs[index] + body_offset - start
        start += len(paragraph) + 2
    raise AssertionError("offset past the body")


def _in_a_line(article: newsdoc.Article, offset: int) -> bool:
    """True when ``article.text[offset]`` is a character of a part, not of a separator."""
    try:
        part = article.part_at(offset)
    except ValueError:
        return False
    return offset < part.end and article.text[offset] not in "\n"


@given(st.lists(st.sampled_from(["Head", "a b", "\n", "\n\n", " \r\n", "x — AFP"]), min_size=1))
def test_locating_every_offset(pieces: list[str]) -> None:
    article = newsdoc.loads("".join(pieces), extract=False)
    source = article.source
    assert source is not None
    # Every character of every part is located at the same character of the input.
    for offset in range(len(article.text)):
        if _in_a_line(article, offset):
            assert source.text[source.locate(article, offset).pos] == article.text[offset]
    with pytest.raises(ValueError, match="outside the text"):
        source.locate(article, len(article.text) + 1)
    if not article.paragraphs:
        with pytest.raises(ValueError, match="no paragraphs"):
            source.locate(article, article.body_start)
        return
    start = article.body_start
    for offset in range(len(article.body) + 1):
        expected = _locate_by_walking(article, offset)
        assert source.locate(article, start + offset).pos == expected
