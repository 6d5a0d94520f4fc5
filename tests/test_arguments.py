"""Wrong arguments: a clear `TypeError` or `ValueError` from newsdoc's own check.

Every public function and constructor is called with wrong types and values.
Each must raise the exception named, with a message saying what was expected
and what was given; raised ``from None`` (no chained cause or context), by a
``raise`` in newsdoc's own code (not from inside a regex, msgspec or
``open``), and before anything is opened, read, written or closed.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import (
    Article,
    DateMention,
    DatePrecision,
    Diagnostic,
    Entity,
    EntityKind,
    Image,
    JSONError,
    Location,
    Metadata,
    ParseError,
    ParseInfo,
    Quote,
    RuleExtractor,
    SourceMap,
    Span,
)
from newsdoc._reader import id_from_filename

SRC = Path(newsdoc.__file__).resolve().parent
# From the tests' folder, not the package's: CI installs the package into site-packages.
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_5034f051d719ed27.txt"
MISSING = ROOT / "no-such-dir" / "000_5034f051d719ed27.txt"

ARTICLE = Article(headline="H", paragraphs=["Smith said so."])
PARSED = newsdoc.loads("H\n\nSmith said so.\n", extract=False)
SPAN = Span(start=0, end=5, text="Smith")


def check_clean(info: pytest.ExceptionInfo[BaseException]) -> None:
    """Raised from None, by a ``raise`` statement in newsdoc's own source."""
    error = info.value
    assert error.__cause__ is None
    assert error.__suppress_context__ is True
    innermost = info.traceback[-1]
    assert Path(str(innermost.path)).resolve().is_relative_to(SRC), innermost
    assert "raise" in str(innermost.statement), innermost


def refuses(kind: type[Exception], message: str, call: Callable[..., object], *args: Any) -> None:
    """``call(*args)`` raises ``kind`` matching ``message``, cleanly."""
    with pytest.raises(kind, match=message) as info:
        call(*args)
    check_clean(info)


def returns_none(article: Article) -> Article:
    return None  # type: ignore[return-value]


# --- The readers' first argument ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (123, "int"),
        (1.5, "float"),
        (None, "None"),
        (["H"], "list"),
        (SAMPLE, r"PosixPath; to read the file at a path, use read\(\)"),
        (io.BytesIO(b"H"), r"BytesIO; to read an open file, use load\(\)"),
    ],
)
def test_loads_takes_str_or_bytes(value: object, got: str) -> None:
    refuses(TypeError, rf"loads\(\) argument must be str or bytes, not {got}", newsdoc.loads, value)


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (123, "int"),  # never a file descriptor: read(0) would read and close stdin
        (True, "bool"),
        (None, "None"),
        (1.5, "float"),
        (bytearray(b"a.txt"), "bytearray"),
        (io.BytesIO(b"H"), r"BytesIO; to read an open file, use load\(\)"),
    ],
)
def test_read_takes_a_path(value: object, got: str) -> None:
    expected = r"read\(\) argument must be a path \(str, bytes or os.PathLike\), not "
    refuses(TypeError, expected + got, newsdoc.read, value)


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (str(SAMPLE), r"str; to read the file at a path, use read\(\)"),
        (bytes(SAMPLE), "bytes; to read the file at a path"),
        (SAMPLE, "PosixPath; to read the file at a path"),
        (io.StringIO("H"), r"StringIO; it is a text file: open the file in binary mode \('rb'\)"),
        (123, "int"),
        (None, "None"),
        (io.BytesIO, "the class BytesIO"),
    ],
)
def test_load_takes_a_binary_file(value: object, got: str) -> None:
    expected = r"load\(\) argument must be a binary file object \(opened with 'rb'\), not "
    refuses(TypeError, expected + got, newsdoc.load, value)


# --- The keywords of loads, load and read ---------------------------------------------

KEYWORDS: list[Any] = [
    ({"strict": 1}, TypeError, "strict must be True or False, not int"),
    ({"strict": "yes"}, TypeError, "strict must be True or False, not str"),
    ({"strict": None}, TypeError, "strict must be True or False, not None"),
    ({"max_size": "10"}, TypeError, "max_size must be an int or None, not str"),
    ({"max_size": 10.0}, TypeError, "max_size must be an int or None, not float"),
    ({"max_size": True}, TypeError, "max_size must be an int or None, not bool"),
    ({"max_size": -1}, ValueError, "max_size must be 0 or more, not -1"),
    (
        {"extract": RuleExtractor},
        TypeError,
        r"extract must be True, False or an Extractor \(a function of an Article\), "
        r"not the class RuleExtractor; pass an instance, such as RuleExtractor\(\)",
    ),
    ({"extract": None}, TypeError, "extract must be True, False or an Extractor .*, not None"),
    ({"extract": 1}, TypeError, "extract must be .*, not int"),
    ({"extract": "yes"}, TypeError, "extract must be .*, not str"),
]
ID_KEYWORDS: list[Any] = [
    ({"id": 5}, TypeError, "id must be str or None, not int"),
    ({"id": b"5034f051d719ed27"}, TypeError, "id must be str or None, not bytes"),
]


@pytest.mark.parametrize(("keywords", "kind", "message"), KEYWORDS + ID_KEYWORDS)
def test_loads_keywords(keywords: dict[str, Any], kind: type[Exception], message: str) -> None:
    refuses(kind, rf"loads\(\): {message}", lambda: newsdoc.loads("H\n\nBody.", **keywords))


@pytest.mark.parametrize(("keywords", "kind", "message"), KEYWORDS + ID_KEYWORDS)
def test_load_keywords_are_checked_before_reading(
    keywords: dict[str, Any], kind: type[Exception], message: str
) -> None:
    with SAMPLE.open("rb") as fp:
        refuses(kind, rf"load\(\): {message}", lambda: newsdoc.load(fp, **keywords))
        assert fp.tell() == 0


@pytest.mark.parametrize(("keywords", "kind", "message"), KEYWORDS)
def test_read_keywords_are_checked_before_opening(
    keywords: dict[str, Any], kind: type[Exception], message: str
) -> None:
    # The path does not exist: the check came before open().
    refuses(kind, rf"read\(\): {message}", lambda: newsdoc.read(MISSING, **keywords))


def test_an_extractor_must_return_an_article() -> None:
    message = "returned None, not an Article"
    refuses(TypeError, message, lambda: newsdoc.loads("H\n\nBody.", extract=returns_none))
    refuses(TypeError, message, newsdoc.extract, ARTICLE, returns_none)


# --- Writing and JSON -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "got"), [({"headline": "H"}, "dict"), (Article, "the class Article"), (None, "None")]
)
def test_dumps_takes_an_article(value: object, got: str) -> None:
    refuses(TypeError, rf"dumps\(\) argument must be an Article, not {got}", newsdoc.dumps, value)


@pytest.mark.parametrize(
    ("value", "got"), [("H", "str"), (io.BytesIO(), "BytesIO"), (None, "None")]
)
def test_dump_takes_an_article_first(value: object, got: str) -> None:
    expected = rf"dump\(\): article must be an Article, not {got}"
    refuses(TypeError, expected, newsdoc.dump, value, io.BytesIO())


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (io.StringIO(), r"StringIO; it is a text file: open the file in binary mode \('wb'\)"),
        (1, "int"),
        (None, "None"),
        (io.BytesIO, "the class BytesIO"),
    ],
)
def test_dump_takes_a_binary_file(value: object, got: str) -> None:
    expected = r"dump\(\): fp must be a binary file object \(opened with 'wb'\), not "
    refuses(TypeError, expected + got, newsdoc.dump, ARTICLE, value)


@pytest.mark.parametrize("function", [newsdoc.to_json, newsdoc.to_dict])
@pytest.mark.parametrize(
    ("value", "got"),
    [({"headline": "H"}, "dict"), (Article, "the class Article"), (None, "None"), ("H", "str")],
)
def test_to_json_and_to_dict_take_an_article(
    function: Callable[[Article], object], value: object, got: str
) -> None:
    expected = rf"{function.__name__}\(\) argument must be an Article, not {got}"
    refuses(TypeError, expected, function, value)


@pytest.mark.parametrize(
    ("value", "got"),
    [(3, "int"), (None, "None"), ({}, r"dict; for decoded JSON data, use from_dict\(\)")],
)
def test_from_json_takes_json_text(value: object, got: str) -> None:
    expected = r"from_json\(\) argument must be str or bytes \(JSON text\), not "
    refuses(TypeError, expected + got, newsdoc.from_json, value)


@pytest.mark.parametrize(
    ("value", "got"), [("{}", r"str; for JSON text, use from_json\(\)"), (b"{}", "bytes")]
)
def test_from_dict_takes_decoded_data(value: object, got: str) -> None:
    expected = r"from_dict\(\) argument must be decoded JSON data \(a dict\), not "
    refuses(TypeError, expected + got, newsdoc.from_dict, value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "expected a JSON object, got null"),
        ([1], "expected a JSON object, got list"),
        ({}, "schema_version: missing"),
    ],
)
def test_from_dict_of_data_that_is_no_article(value: object, message: str) -> None:
    # Decoded JSON that is not an article's object is a document error, not a type error.
    refuses(JSONError, message, newsdoc.from_dict, value)


# --- Extraction -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("some text", r"str; read the text with newsdoc.loads\(\)"),
        (Article, "the class Article"),
        (None, "None"),
    ],
)
def test_extract_takes_an_article(value: object, got: str) -> None:
    refuses(
        TypeError, rf"extract\(\) argument must be an Article, not {got}", newsdoc.extract, value
    )


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (RuleExtractor, r"the class RuleExtractor; pass an instance, such as RuleExtractor\(\)"),
        (5, "int"),
        (True, "bool"),
        ("rules", "str"),
    ],
)
def test_extract_takes_an_extractor(value: object, got: str) -> None:
    expected = r"extract\(\): extractor must be an Extractor \(a function of an Article\) or None"
    refuses(TypeError, f"{expected}, not {got}", newsdoc.extract, ARTICLE, value)


@pytest.mark.parametrize(
    ("keywords", "kind", "message"),
    [
        ({"max_chars": "x"}, TypeError, "max_chars: expected an int or None, got str"),
        ({"max_chars": 1.5}, TypeError, "max_chars: expected an int or None, got float"),
        ({"max_chars": True}, TypeError, "max_chars: expected an int or None, got bool"),
        ({"max_chars": -1}, ValueError, "max_chars: expected 0 or more, got -1"),
        ({"entities": 1}, TypeError, "entities: expected True or False, got int"),
        ({"quotes": "no"}, TypeError, "quotes: expected True or False, got str"),
        ({"dates": None}, TypeError, "dates: expected True or False, got None"),
    ],
)
def test_rule_extractor_fields(
    keywords: dict[str, Any], kind: type[Exception], message: str
) -> None:
    refuses(kind, f"RuleExtractor.{message}", lambda: RuleExtractor(**keywords))


def test_rule_extractor_takes_an_article() -> None:
    expected = r"RuleExtractor\(\) argument must be an Article, not str"
    refuses(TypeError, expected, RuleExtractor(), "text")


# --- Nothing else happens -------------------------------------------------------------


def test_a_file_descriptor_is_refused_and_left_open(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Headline\n\nBody.\n")
    fd = os.open(path, os.O_RDONLY)
    try:
        refuses(TypeError, "must be a path .*, not int", newsdoc.read, fd)
        assert os.lseek(fd, 0, os.SEEK_CUR) == 0  # nothing was read
    finally:
        os.close(fd)  # and it is still open


def test_read_of_stdin_and_stdout_descriptors_touches_neither() -> None:
    code = (
        "import os, sys, newsdoc\n"
        "for fd in (0, 1):\n"
        "    try:\n"
        "        newsdoc.read(fd)\n"
        "    except TypeError as error:\n"
        "        print(fd, type(error).__name__, flush=True)\n"
        "os.fstat(0)\n"
        "print(sys.stdin.read(), flush=True)\n"
    )
    # In a process of its own: reading the test run's own stdin would hang it.
    done = subprocess.run(
        [sys.executable, "-c", code],
        input="still here",
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.split("\n") == ["0 TypeError", "1 TypeError", "still here", ""]


def test_load_of_a_text_file_reads_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nBody.\n", encoding="utf-8")
    with path.open(encoding="utf-8") as fp:
        refuses(TypeError, "not TextIOWrapper; it is a text file", newsdoc.load, fp)
        assert fp.tell() == 0


def test_load_of_a_file_opened_for_writing(tmp_path: Path) -> None:
    with (tmp_path / "a.txt").open("wb") as fp:
        refuses(TypeError, "not BufferedWriter; this one cannot be read", newsdoc.load, fp)


def test_load_of_an_object_whose_read_gives_text() -> None:
    class Reader:
        def read(self, size: int = -1) -> str:
            return "Headline"

    refuses(TypeError, r"not Reader; its read\(\) gave str", newsdoc.load, Reader())


def test_dump_to_a_path_creates_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for path in ("out.txt", b"out.txt", Path("out.txt")):
        refuses(TypeError, r"open the path with open\(path, 'wb'\)", newsdoc.dump, ARTICLE, path)
    assert list(tmp_path.iterdir()) == []


def test_dump_to_a_text_file_writes_nothing(tmp_path: Path) -> None:
    buffer = io.StringIO()
    refuses(TypeError, "not StringIO; it is a text file", newsdoc.dump, ARTICLE, buffer)
    assert buffer.getvalue() == ""
    path = tmp_path / "out.txt"
    with path.open("w", encoding="utf-8") as fp:
        refuses(TypeError, r"TextIOWrapper; .* binary mode \('wb'\)", newsdoc.dump, ARTICLE, fp)
    assert path.read_bytes() == b""
    with path.open("rb") as fp:
        refuses(TypeError, "BufferedReader; this one cannot be written", newsdoc.dump, ARTICLE, fp)


# --- Paths, as str, bytes and os.PathLike ---------------------------------------------


class BytesPath:
    """An `os.PathLike` whose path is bytes."""

    def __init__(self, path: bytes) -> None:
        self.path = path

    def __fspath__(self) -> bytes:
        return self.path


@pytest.mark.parametrize(
    "path",
    [str(SAMPLE), bytes(SAMPLE), SAMPLE, BytesPath(bytes(SAMPLE))],
    ids=["str", "bytes", "Path", "bytes-PathLike"],
)
def test_every_kind_of_path_is_read(path: Any) -> None:
    article = newsdoc.read(path, extract=False)
    assert article.id == "5034f051d719ed27"
    assert article == newsdoc.loads(SAMPLE.read_bytes(), id=article.id, extract=False)
    assert id_from_filename(path) == "5034f051d719ed27"


def test_the_id_comes_from_a_bytes_file_name() -> None:
    with open(bytes(SAMPLE), "rb") as fp:
        assert newsdoc.load(fp, extract=False).id == "5034f051d719ed27"
    assert id_from_filename(b"dir/001_0123456789abcdef.txt") == "0123456789abcdef"
    assert id_from_filename(b"\xff.txt") is None  # undecodable bytes: no id, no error


# --- max_size -------------------------------------------------------------------------


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Headline\n\n" + b"x" * 99_990)
    return path


def test_max_size_message_gives_the_real_size(big_file: Path) -> None:
    expected = r"The input is over max_size \(100000 bytes, at most 1000\)"
    with pytest.raises(ParseError, match=expected) as info:
        newsdoc.read(big_file, max_size=1000)
    assert info.value.code == "too-large"
    with big_file.open("rb") as fp, pytest.raises(ParseError, match=expected):
        newsdoc.load(fp, max_size=1000)
    # From where the file stands: 10 bytes were read before.
    with big_file.open("rb") as fp:
        fp.read(10)
        with pytest.raises(ParseError, match=r"\(99990 bytes, at most 1000\)"):
            newsdoc.load(fp, max_size=1000)


def test_max_size_message_without_a_file_size() -> None:
    with pytest.raises(ParseError, match=r"over max_size \(more than 1000 bytes, at most 1000\)"):
        newsdoc.load(io.BytesIO(b"x" * 5000), max_size=1000)


def test_max_size_zero_lets_only_empty_input_through(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert newsdoc.read(empty, max_size=0).headline == ""
    assert newsdoc.loads(b"", max_size=0).headline == ""
    with pytest.raises(ParseError, match=r"\(1 bytes, at most 0\)"):
        newsdoc.loads(b"x", max_size=0)
    assert newsdoc.loads(b"x", max_size=1).headline == "x"


# --- The model's constructors ---------------------------------------------------------

H = {"headline": "H"}
KIND = {"kind": "person", "name": "X"}
DIAGNOSTIC = {"code": "c", "message": "m", "severity": "warning", "pos": 0, "lineno": 1, "colno": 1}


@pytest.mark.parametrize(
    ("keywords", "kind", "message"),
    [
        ({"headline": None}, TypeError, "headline: expected str, got None"),
        ({"headline": b"H"}, TypeError, "headline: expected str, got bytes"),
        ({"headline": 5}, TypeError, "headline: expected str, got int"),
        ({"headline": "a\rb"}, ValueError, "headline: holds a line break"),
        ({**H, "paragraphs": None}, TypeError, "paragraphs: expected a sequence of str, got None"),
        ({**H, "paragraphs": "text"}, TypeError, "paragraphs: expected a sequence of str, got str"),
        ({**H, "paragraphs": [b"x"]}, TypeError, r"paragraphs\[0\]: expected str, got bytes"),
        ({**H, "paragraphs": ["a", "b\n\nc"]}, ValueError, r"paragraphs\[1\]: holds a blank line"),
        ({**H, "paragraphs": ["a\nb"]}, ValueError, r"paragraphs\[0\]: holds a line break"),
        ({**H, "paragraphs": ["a\n"]}, ValueError, r"paragraphs\[0\]: holds a line break"),
        ({**H, "date": "2023-07-09"}, TypeError, "date: expected date or None, got str"),
        ({**H, "date": 20230709}, TypeError, "date: expected date or None, got int"),
        ({**H, "images": [Image]}, TypeError, r"images\[0\]: expected Image, got the class Image"),
        ({**H, "images": Image(caption="C")}, TypeError, "images: expected a sequence of Image"),
        ({**H, "metadata": None}, TypeError, r"metadata: expected a mapping of str to str, or \("),
        ({**H, "metadata": "ab"}, TypeError, "metadata: expected a mapping .*, got str"),
        ({**H, "metadata": 5}, TypeError, "metadata: expected a mapping .*, got int"),
        (
            {**H, "metadata": [("a",)]},
            TypeError,
            r"item 0: expected a \(key, value\) pair, got tuple",
        ),
        ({**H, "metadata": ["ab"]}, TypeError, r"item 0: expected a \(key, value\) pair, got str"),
        ({**H, "metadata": {"url": 1}}, TypeError, "keys and values must be str, got str: int for"),
        ({**H, "id": 5}, TypeError, "id: expected str or None, got int"),
        ({**H, "id": b"x"}, TypeError, "id: expected str or None, got bytes"),
        ({**H, "entities": [Entity]}, TypeError, r"entities\[0\]: expected Entity, got the class"),
        ({**H, "quotes": [None]}, TypeError, r"quotes\[0\]: expected Quote, got None"),
        (
            {**H, "date_mentions": ["2019"]},
            TypeError,
            r"date_mentions\[0\]: expected DateMention, got str",
        ),
        ({**H, "parse_info": None}, TypeError, "parse_info: expected ParseInfo, got None"),
    ],
)
def test_article_fields(keywords: dict[str, Any], kind: type[Exception], message: str) -> None:
    refuses(kind, message, lambda: Article(**keywords))


@pytest.mark.parametrize(
    ("cls", "keywords", "kind", "message"),
    [
        (Span, {"start": "0", "end": 1, "text": "x"}, TypeError, "start: expected int, got str"),
        (Span, {"start": 0.0, "end": 1, "text": "x"}, TypeError, "start: expected int, got float"),
        (Span, {"start": True, "end": 1, "text": "x"}, TypeError, "start: expected int, got bool"),
        (Span, {"start": 0, "end": None, "text": "x"}, TypeError, "end: expected int, got None"),
        (Span, {"start": 0, "end": 1, "text": b"x"}, TypeError, "text: expected str, got bytes"),
        (Span, {"start": -1, "end": 0, "text": "x"}, ValueError, ": need 0 <= start <= end"),
        (Span, {"start": 0, "end": 2, "text": "x"}, ValueError, ": end - start is 2"),
        (
            Entity,
            {**KIND, "kind": "human"},
            ValueError,
            "kind: expected one of 'person', 'organization', 'place', 'nationality', "
            "'equipment', 'event', 'other', got 'human'",
        ),
        (Entity, {**KIND, "kind": "PERSON"}, ValueError, "kind: expected one of .*, got 'PERSON'"),
        (Entity, {**KIND, "kind": DatePrecision.DAY}, ValueError, "kind: expected one of"),
        (Entity, {**KIND, "kind": 1}, TypeError, "kind: expected EntityKind or str, got int"),
        (Entity, {**KIND, "kind": EntityKind}, TypeError, "kind: .*, got the class EntityKind"),
        (Entity, {**KIND, "name": None}, TypeError, "name: expected str, got None"),
        (Entity, {**KIND, "aliases": "abc"}, TypeError, "aliases: expected a sequence of str"),
        (Entity, {**KIND, "title": 5}, TypeError, "title: expected str or None, got int"),
        (Entity, {**KIND, "mentions": [(0, 1, "X")]}, TypeError, r"mentions\[0\]: expected Span"),
        (Quote, {"text": None}, TypeError, "text: expected str, got None"),
        (Quote, {"text": "x", "spans": SPAN}, TypeError, "spans: expected a sequence of Span"),
        (
            Quote,
            {"text": "x", "speaker_mention": "he"},
            TypeError,
            "speaker_mention: expected Span or None, got",
        ),
        (Quote, {"text": "x", "cue": 1}, TypeError, "cue: expected Span or None, got int"),
        (Quote, {"text": "x", "speaker_index": "0"}, TypeError, "speaker_index: expected int or"),
        (Quote, {"text": "x", "speaker_index": True}, TypeError, "speaker_index: expected int or"),
        (Quote, {"text": "x", "speaker_index": -1}, ValueError, "speaker_index: expected a non-"),
        (Image, {"caption": None}, TypeError, "caption: expected str, got None"),
        (Image, {"caption": b"C"}, TypeError, "caption: expected str, got bytes"),
        (Image, {"caption": "C", "credit": 5}, TypeError, "credit: expected str or None, got int"),
        (DateMention, {"span": None}, TypeError, "span: expected Span, got None"),
        (DateMention, {"span": (0, 4)}, TypeError, "span: expected Span, got tuple"),
        (DateMention, {"span": SPAN, "value": "2019"}, TypeError, "value: expected date or None"),
        (
            DateMention,
            {"span": SPAN, "precision": "decade"},
            ValueError,
            "precision: expected one of 'year', 'month', 'week', 'day', 'time', got 'decade'",
        ),
        (
            DateMention,
            {"span": SPAN, "precision": 1},
            TypeError,
            "precision: expected DatePrecision, str or None, got int",
        ),
        (Diagnostic, {**DIAGNOSTIC, "code": 1}, TypeError, "code: expected str, got int"),
        (Diagnostic, {**DIAGNOSTIC, "message": None}, TypeError, "message: expected str, got None"),
        (
            Diagnostic,
            {**DIAGNOSTIC, "severity": "fatal"},
            ValueError,
            "severity: expected 'error' or 'warning', got 'fatal'",
        ),
        (Diagnostic, {**DIAGNOSTIC, "severity": 1}, TypeError, "severity: expected str, got int"),
        (Diagnostic, {**DIAGNOSTIC, "pos": -1}, ValueError, "pos: expected an int of at least 0"),
        (Diagnostic, {**DIAGNOSTIC, "pos": 1.0}, TypeError, "pos: expected int, got float"),
        (
            Diagnostic,
            {**DIAGNOSTIC, "lineno": 0},
            ValueError,
            "lineno: expected an int of at least 1",
        ),
        (Diagnostic, {**DIAGNOSTIC, "colno": "1"}, TypeError, "colno: expected int, got str"),
        (Diagnostic, {**DIAGNOSTIC, "colno": True}, TypeError, "colno: expected int, got bool"),
    ],
)
def test_model_fields(
    cls: type[Any], keywords: dict[str, Any], kind: type[Exception], message: str
) -> None:
    # "Span.start: ..." for a field, "Span: ..." for the class's own rule.
    where = cls.__name__ + ("" if message.startswith(":") else ".")
    refuses(kind, where + message, lambda: cls(**keywords))


@pytest.mark.parametrize(
    ("cls", "args", "kind", "message"),
    [
        (Location, ("0", 1, 1), TypeError, "Location.pos: expected int, got str"),
        (Location, (-1, 1, 1), ValueError, "Location.pos: expected an int of at least 0, got -1"),
        (Location, (0, 0, 1), ValueError, "Location.lineno: expected an int of at least 1, got 0"),
        (Location, (0, 1, True), TypeError, "Location.colno: expected int, got bool"),
        (Metadata, (None,), TypeError, "metadata: expected a mapping .*, got None"),
        (Metadata, (5,), TypeError, "metadata: expected a mapping .*, got int"),
        (Metadata, ("ab",), TypeError, "metadata: expected a mapping .*, got str"),
        (Metadata, ([("a", "b", "c")],), TypeError, r"item 0: expected a \(key, value\) pair"),
        (Metadata, ({1: "a"},), TypeError, "keys and values must be str, got int: str"),
        (ParseInfo, (None,), TypeError, "ParseInfo.diagnostics: expected a sequence of Diagnostic"),
        (ParseInfo, (["x"],), TypeError, r"ParseInfo.diagnostics\[0\]: expected Diagnostic, got"),
        (ParseInfo, ((), b"x"), TypeError, "ParseInfo.text: expected str or None, got bytes"),
        (ParseInfo, ((), "x", "f"), TypeError, "ParseInfo.locator: expected a function, got str"),
        (SourceMap, (b"text", len), TypeError, "SourceMap.text: expected str, got bytes"),
        (SourceMap, ("text", None), TypeError, "SourceMap.locator: expected a function, got None"),
        (SourceMap, ("text", SourceMap), TypeError, "locator: .*, got the class SourceMap"),
    ],
)
def test_positional_constructors(
    cls: type[Any], args: tuple[Any, ...], kind: type[Exception], message: str
) -> None:
    refuses(kind, message, cls, *args)


@pytest.mark.parametrize(
    ("method", "args", "kind", "message"),
    [
        ("location", ("3",), TypeError, "pos: expected an int, got str"),
        ("location", (-1,), ValueError, r"pos: offset -1 is outside the text \(length 18\)"),
        ("location", (19,), ValueError, "pos: offset 19 is outside the text"),
        ("locate", ("article", 0), TypeError, r"locate\(\): article must be an Article, not str"),
        ("locate", (PARSED, "0"), TypeError, r"locate\(\): offset must be an int, not str"),
        ("locate", (PARSED, 1.5), TypeError, "offset must be an int, not float"),
        ("locate", (PARSED, 99), ValueError, r"offset 99 is outside the text \(length \d+\)"),
    ],
)
def test_source_map_methods(
    method: str, args: tuple[Any, ...], kind: type[Exception], message: str
) -> None:
    refuses(kind, message, getattr(PARSED.source, method), *args)


def test_what_the_constructors_convert() -> None:
    assert Entity(kind="person", name="X") == Entity(kind=EntityKind.PERSON, name="X")
    assert Entity(kind="person", name="X").kind is EntityKind.PERSON
    assert DateMention(span=SPAN, precision="day").precision is DatePrecision.DAY
    assert ParseInfo([]).diagnostics == ()  # type: ignore[arg-type]
    assert Metadata([["url", "u"]]) == {"url": "u"}  # type: ignore[list-item]
    assert RuleExtractor(max_chars=0)(ARTICLE).diagnostics[0].code == "not-extracted"
    assert RuleExtractor(max_chars=None, entities=False).max_chars is None
