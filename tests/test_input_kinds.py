"""Input that is not a seed-format article, and what strict reading refuses.

newsdoc's own JSON is read as JSON; other JSON, HTML and binary files are
read as text (nothing is lost) with an error-level ``not-seed-format``
diagnostic, and nothing is extracted from them.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, ParseError
from newsdoc.cli import main
from tests.strategies import articles


def _png() -> bytes:
    """A real 2 x 2 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("000_5034f051d719ed27.txt", "Talks resume in Doha\n\nText.\n")
    return buffer.getvalue()


def _elf() -> bytes:
    """The start of this machine's Python executable, when it is ELF; else a
    made-up ELF header with its NUL padding."""
    try:
        head = Path(sys.executable).resolve().read_bytes()[:8192]
    except OSError:
        head = b""
    if head.startswith(b"\x7fELF"):
        return head
    return b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\x3e\x00" + bytes(200)


HTML = (
    "<!DOCTYPE html>\n<html lang='en'>\n<head><title>Talks resume in Doha</title></head>\n"
    "<body><h1>Talks resume in Doha</h1>\n<p>President Joe Biden said on Monday that the "
    "talks in Doha would resume.</p></body>\n</html>\n"
)

NOT_ARTICLES = {
    "an ELF executable": _elf(),
    "a PNG image": _png(),
    "a zip archive": _zip(),
    "gzip-compressed data": gzip.compress(b"Talks resume in Doha\n\nPresident Joe Biden said.\n"),
    "a PDF document": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "HTML or XML": HTML.encode(),
    "JSON": json.dumps({"title": "Talks resume in Doha", "text": "Joe Biden said."}).encode(),
    "JSON ": b'[\n  {"headline": "Talks resume in Doha"}\n]\n',
}


@pytest.mark.parametrize(("kind", "data"), NOT_ARTICLES.items(), ids=list(NOT_ARTICLES))
def test_what_is_not_an_article_is_said_to_be_so(kind: str, data: bytes) -> None:
    article = newsdoc.loads(data)
    [diagnostic] = [d for d in article.diagnostics if d.code == "not-seed-format"]
    assert diagnostic.severity == "error"
    assert kind.strip() in diagnostic.message
    assert (article.entities, article.quotes, article.date_mentions) == ((), (), ())
    with pytest.raises(ParseError) as raised:
        newsdoc.loads(data, strict=True)
    assert raised.value.code == "not-seed-format"


@pytest.mark.parametrize(("kind", "data"), NOT_ARTICLES.items(), ids=list(NOT_ARTICLES))
def test_the_text_of_what_is_not_an_article_is_kept(kind: str, data: bytes) -> None:
    article = newsdoc.loads(data)
    # Nothing is dropped: the lines are the article's parts, as for any text.
    assert article.source is not None
    assert article.headline or article.paragraphs or article.metadata


def test_a_command_line_check_fails_on_a_binary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(_png())
    assert main(["check", str(path)]) == 1
    assert "not-seed-format" in capsys.readouterr().out
    assert main(["parse", "--strict", str(path)]) == 1


def test_text_that_merely_starts_like_json_or_html_is_an_article() -> None:
    for text in [
        "[Video] Fire in the city\n\nText.\n",
        "{Updated} Talks resume\n\nText.\n",
        "<3 A love letter to the city\n\nText.\n",
        "<b>Bold</b> claims\n\nText.\n",
        "MZ Group buys rival\n\nText.\n",
        "RIFF on an old tune\n\nText.\n",
        "Talks resume\n\n[1, 2, 3]\n",
    ]:
        article = newsdoc.loads(text)
        assert not article.errors, (text, article.errors)


# --- newsdoc's own JSON -------------------------------------------------------------------


@pytest.fixture
def sample_article() -> Article:
    return newsdoc.read(Path(__file__).parent.parent / "seeds" / "000_5034f051d719ed27.txt")


def test_newsdoc_json_is_read_as_json(sample_article: Article, tmp_path: Path) -> None:
    data = newsdoc.to_json(sample_article)
    for given_ in (data, data.decode(), b"\xef\xbb\xbf" + data, b"\n  " + data):
        assert newsdoc.loads(given_) == sample_article
    # The entities, quotes and dates come from the JSON, as they were written.
    assert newsdoc.loads(data).entities == sample_article.entities
    path = tmp_path / "000_5034f051d719ed27.json"
    path.write_bytes(data)
    assert newsdoc.read(path) == sample_article
    with path.open("rb") as fp:
        assert newsdoc.load(fp) == sample_article
    # Indented, by another JSON writer.
    assert newsdoc.loads(json.dumps(newsdoc.to_dict(sample_article), indent=2)) == sample_article


def test_newsdoc_json_on_the_command_line(
    sample_article: Article, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "article.json"
    path.write_bytes(newsdoc.to_json(sample_article))
    assert main(["parse", "--strict", str(path)]) == 0
    assert newsdoc.from_json(capsys.readouterr().out) == sample_article


def test_newsdoc_json_that_does_not_validate_is_an_error() -> None:
    text = '{"schema_version": 1, "headline": 7}'
    article = newsdoc.loads(text)
    [diagnostic] = article.errors
    assert diagnostic.code == "not-seed-format"
    assert "headline" in diagnostic.message
    with pytest.raises(ParseError, match="headline"):
        newsdoc.loads(text, strict=True)


@given(articles())
def test_every_json_document_reads_back_through_loads(article: Article) -> None:
    assert newsdoc.loads(newsdoc.to_json(article)) == article


# --- Strict means strict --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty-input"),
        ("   \n\t\n\u00a0\n", "empty-input"),
        ("\ufeff", "empty-input"),
        (" date 2023-07-09 \u00a0\n", "no-headline"),
        ("source Holdout Wire\nurl https://example.org/a\n\n", "no-headline"),
    ],
)
def test_strict_refuses_input_without_an_article(text: str, code: str) -> None:
    assert newsdoc.loads(text).errors[0].code == code
    with pytest.raises(ParseError) as raised:
        newsdoc.loads(text, strict=True)
    assert raised.value.code == code
    with pytest.raises(ParseError):
        newsdoc.loads(text.encode("utf-8"), strict=True)


@given(st.text(max_size=200))
def test_strict_raises_exactly_when_lenient_reading_reports_an_error(text: str) -> None:
    article = newsdoc.loads(text, extract=False)
    try:
        newsdoc.loads(text, strict=True, extract=False)
    except ParseError as error:
        assert article.errors
        assert error.code == article.errors[0].code
    else:
        assert not article.errors
