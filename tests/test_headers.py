"""Header lines: with and without a colon, in the seed's style, and the
headlines that begin with a header word; header dates that read two ways."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc._headers import ANY_CASE, BARE_KEYS, SENTENCE_WORDS, STRONG, WEAK, read_header_line

NBSP = "\u00a0"

# --- Values that fit each key -----------------------------------------------------------

_word = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)
# A value never starts with a word that starts the rest of a sentence.
_lower_word = st.from_regex(r"[a-z]{1,9}", fullmatch=True).filter(lambda w: w not in SENTENCE_WORDS)
_names = st.lists(_word, min_size=1, max_size=4).map(" ".join)
_urls = st.from_regex(r"https?://[a-z]{1,10}\.(org|com)(/[a-z0-9-]{1,12}){0,3}", fullmatch=True)
_dates = st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat)
_codes = st.from_regex(r"[a-z0-9][a-z0-9-]{0,11}", fullmatch=True).filter(
    lambda w: w not in SENTENCE_WORDS
)
_labels = st.lists(_lower_word | _word, min_size=1, max_size=3).map(" ".join)
_lists = st.lists(_lower_word | _word, min_size=1, max_size=5).map(", ".join)

#: Each key's values, by the test its values must pass.
_VALUES = {
    "looks_like_date": _dates,
    "_is_url": _urls,
    "_is_name": _names,
    "_is_code": _codes,
    "_is_label": _labels,
    "_is_list": _lists,
}


def _values_of(key: str) -> st.SearchStrategy[str]:
    return _VALUES[BARE_KEYS[key].__name__]


def test_every_bare_key_has_values_to_test_with() -> None:
    assert {test.__name__ for test in BARE_KEYS.values()} == set(_VALUES)


@st.composite
def _header_fields(draw: st.DrawFn) -> list[tuple[str, str]]:
    keys = draw(
        st.lists(st.sampled_from(sorted(set(BARE_KEYS) - {"date"})), max_size=5, unique=True)
    )
    return [(key, draw(_values_of(key))) for key in keys]


#: How a header line is laid out: ``{key}`` and ``{value}``, with or without a
#: colon, with or without the seed's leading space.
_STYLES = ["{key} {value}", " {key} {value} ", "{key}\t{value}", "{key}: {value}", " {key}:{value}"]


@given(
    fields=_header_fields(),
    styles=st.lists(st.sampled_from(_STYLES), min_size=6, max_size=6),
    date_at=st.integers(0, 5),
    date=_dates,
    headline=st.sampled_from(["Talks resume in Doha", "Source of leak named", "Date set"]),
)
def test_header_lines_without_a_colon_are_read_in_any_order(
    fields: list[tuple[str, str]], styles: list[str], date_at: int, date: str, headline: str
) -> None:
    lines = [style.format(key=k, value=v) for (k, v), style in zip(fields, styles, strict=False)]
    lines.insert(min(date_at, len(lines)), f" date {date} {NBSP}")
    article = newsdoc.loads("\n".join([*lines, headline, "", "Body text.", ""]), extract=False)
    assert article.headline == headline
    assert article.date == dt.date.fromisoformat(date)
    assert dict(article.metadata) == dict(fields)
    assert article.paragraphs == ("Body text.",)


# --- Headlines that begin with a header word ----------------------------------------------

# Words that no key takes as its value: no date, no URL, and lower case.
_PLAIN_WORDS = ["leak", "named", "rape", "drug", "found", "shorteners", "banned", "night"]


@given(
    key=st.sampled_from(sorted(BARE_KEYS)),
    capitalised=st.booleans(),
    first=st.sampled_from(sorted(SENTENCE_WORDS)),
    words=st.lists(st.sampled_from(_PLAIN_WORDS), max_size=6),
    dated=st.booleans(),
)
def test_a_headline_that_begins_with_a_header_word_stays_a_headline(
    key: str, capitalised: bool, first: str, words: list[str], dated: bool
) -> None:
    # A capitalised key never stands bare (but date and url, with a date or a
    # URL); after a lower-case key, a sentence word starts the rest of a sentence.
    start = key.capitalize() if capitalised else key
    headline = " ".join([start, first, *words])
    header = f" date 2023-07-09 {NBSP}\n" if dated else ""
    article = newsdoc.loads(f"{header}{headline}\n\nBody text.\n", extract=False)
    assert article.headline == headline
    assert not article.metadata
    assert article.paragraphs == ("Body text.",)


@pytest.mark.parametrize(
    "headline",
    [
        "Source of leak named as former aide",
        "Date rape drug found in nightclub",
        "URL shorteners banned by regulator",
        "Author Jane Doe wins prize",  # capitalised: keys stand bare only in lower case
        "Section 8 housing cuts",
        "Title fight set for June",
        "source of the leak named",  # lower case, but a name would start with a capital
        "url shorteners banned",
        "date night ideas",
    ],
)
def test_headlines_that_look_like_header_lines(headline: str) -> None:
    article = newsdoc.loads(f"{headline}\n\nBody.\n", extract=False)
    assert (article.headline, dict(article.metadata)) == (headline, {})


@pytest.mark.parametrize(
    ("line", "key", "value", "strength"),
    [
        ("url https://example.org/a", "url", "https://example.org/a", STRONG),
        ("URL https://example.org/a", "url", "https://example.org/a", STRONG),
        ("url www.example.org/a", "url", "www.example.org/a", STRONG),
        ("Date 2023-07-09", "date", "2023-07-09", STRONG),
        ("source Holdout Wire", "source", "Holdout Wire", WEAK),
        (" author Jane Doe ", "author", "Jane Doe", WEAK),
        ("source dawn.com", "source", "dawn.com", WEAK),
        ("author jane doe", "author", "jane doe", WEAK),
        ("language en-GB", "language", "en-GB", WEAK),
        ("tags Syria, drones", "tags", "Syria, drones", WEAK),
        ("tags Syria drones Daesh", "tags", "Syria drones Daesh", WEAK),
        ("section UK politics and policy", "section", "UK politics and policy", WEAK),
        ("published 9 July 2023", "published", "9 July 2023", WEAK),
        ("title: Fire guts warehouse", "title", "Fire guts warehouse", WEAK),
    ],
)
def test_bare_header_lines(line: str, key: str, value: str, strength: int) -> None:
    header = read_header_line(line)
    assert header is not None
    assert (header.key, header.value, header.strength) == (key, value, strength)
    # The key and value point where they stand in the line.
    assert line[header.key_col :].lower().startswith(key)
    assert line[header.value_col :].startswith(value)


@pytest.mark.parametrize(
    "text",
    [
        "date 2023-07-09\nsection 230 reform stalls\n\nText.",
        "date 2023-07-09\nauthor Salman Rushdie stabbed on stage\n\nText.",
        "source Apple says iPhone delayed\n\nText.",
        "title: Fire guts warehouse\n\nText.",
        "credit Suisse shares plunge\n\nText.",
    ],
)
def test_a_probable_header_line_before_a_blank_line_is_the_headline(text: str) -> None:
    article = newsdoc.loads(text, extract=False)
    headline = text.split("\n\n")[0].split("\n")[-1]
    assert article.headline == headline
    assert article.paragraphs == ("Text.",)
    assert "section" not in article.metadata
    assert "title" not in article.metadata


def test_header_values_of_real_files_need_not_be_capitalised() -> None:
    text = (
        "source reuters\ndate 2023-07-09\nauthor jane doe\nurl www.example.org/a\nHeadline\n\nText."
    )
    article = newsdoc.loads(text, extract=False)
    assert article.headline == "Headline"
    assert article.date == dt.date(2023, 7, 9)
    assert article.metadata == {
        "source": "reuters",
        "author": "jane doe",
        "url": "www.example.org/a",
    }


def test_only_self_evident_keys_stand_bare_in_any_case() -> None:
    assert set(BARE_KEYS) >= ANY_CASE
    assert read_header_line("Source Holdout Wire") is None
    assert read_header_line("SOURCE Holdout Wire") is None


def test_a_bare_header_line_before_the_date_line() -> None:
    text = f"source Holdout Wire\n date 2023-07-09 {NBSP}\nReal headline\n\nBody.\n"
    article = newsdoc.loads(text, extract=False)
    assert article.headline == "Real headline"
    assert article.metadata == {"source": "Holdout Wire"}
    assert article.date == dt.date(2023, 7, 9)
    assert article.diagnostics == ()


def test_a_headline_that_reads_as_a_bare_header_is_written_and_read_back() -> None:
    article = newsdoc.Article(headline="source Holdout Wire", paragraphs=["Body."])
    assert newsdoc.loads(newsdoc.dumps(article), extract=False) == article
    # ... but not when the line after it would be read as a header line too.
    article = newsdoc.Article(headline="source Holdout Wire", paragraphs=["author Jane Doe"])
    with pytest.raises(ValueError, match="line after it"):
        newsdoc.dumps(article)


# --- Header dates that read two ways ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "month_first", "day_first"),
    [
        ("12/10/2016", dt.date(2016, 12, 10), "2016-10-12"),
        ("1/2/2023", dt.date(2023, 1, 2), "2023-02-01"),
        ("09.07.2023", dt.date(2023, 9, 7), "2023-07-09"),
        ("12-10-16", dt.date(2016, 12, 10), "2016-10-12"),
    ],
)
def test_an_ambiguous_date_is_read_month_first_with_a_warning(
    value: str, month_first: dt.date, day_first: str
) -> None:
    article = newsdoc.loads(f"date: {value}\nA headline\n\nText.\n", extract=False)
    assert article.date == month_first
    [diagnostic] = article.diagnostics
    assert (diagnostic.code, diagnostic.severity) == ("ambiguous-date", "warning")
    assert month_first.isoformat() in diagnostic.message
    assert day_first in diagnostic.message
    assert "month first" in diagnostic.message
    assert (diagnostic.lineno, diagnostic.colno) == (1, 7)
    # A warning: strict reading takes it.
    assert newsdoc.loads(f"date: {value}\nA headline\n\nText.\n", strict=True, extract=False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13/10/2016", dt.date(2016, 10, 13)),  # 13 can only be the day
        ("10/13/2016", dt.date(2016, 10, 13)),
        ("10/10/2016", dt.date(2016, 10, 10)),  # both readings agree
        ("2016/12/10", dt.date(2016, 12, 10)),  # the year first: the ISO order
        ("2016-12-10", dt.date(2016, 12, 10)),
    ],
)
def test_a_numeric_date_with_one_reading_is_not_ambiguous(value: str, expected: dt.date) -> None:
    article = newsdoc.loads(f"date: {value}\nA headline\n\nText.\n", extract=False)
    assert (article.date, article.diagnostics) == (expected, ())


@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from("/-."))
def test_every_numeric_date_is_read_month_first_and_warned_when_it_could_swap(
    day: dt.date, separator: str
) -> None:
    value = f"{day.month}{separator}{day.day}{separator}{day.year}"
    article = newsdoc.loads(f"date: {value}\nA headline\n\nText.\n", extract=False)
    assert article.date == day
    codes = [d.code for d in article.diagnostics]
    assert codes == (["ambiguous-date"] if day.day <= 12 and day.day != day.month else [])
