"""`newsdoc.Article` -> seed-format text, in the one canonical layout.

The grammar, as written (the layout of the real sample)::

    article  = [ header ] headline NL NL { caption NL } { paragraph NL NL }
    header   = { " " key " " value " " NBSP NL }     date first, then metadata
    caption  = caption-text " — " credit

Before writing, every part is checked against what the parser would read
back, so ``loads(dumps(a), id=a.id) == a`` for every article ``dumps``
accepts (the id lives in the file name, and extraction results are not part
of the text); a part that cannot be written raises ``ValueError`` naming the
field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from newsdoc._captions import CREDIT_SEPARATORS, split_caption
from newsdoc._dates import parse_date
from newsdoc._decode import repair_mojibake
from newsdoc._model import Article, argument_error, check_binary_file
from newsdoc._parser import MAX_HEADER_LINES, STRONG, HeaderLine, read_header_line
from newsdoc._sniff import sniff
from newsdoc._text import LAYOUT, NBSP, has_line_break

__all__ = ["dump", "dumps"]

_KEY = re.compile(r"[a-z][a-z0-9_-]{0,29}\Z")
_SEPARATOR = CREDIT_SEPARATORS[0]


def dumps(article: Article, /) -> str:
    """The article in the canonical seed layout.

    Extraction results, diagnostics and the source map are not part of the
    text format and are not written.
    """
    if not isinstance(article, Article):
        raise argument_error("dumps", "", "an Article", article) from None
    text = "".join(_chunks(article))
    if repair_mojibake(text) != text:
        raise ValueError(
            f"{_mojibake_field(article)}: reads as mojibake and would be repaired"
        ) from None
    if sniff(text).document is not None:
        raise ValueError(f"headline: {article.headline!r} would be read back as newsdoc JSON")
    return text


def dump(article: Article, fp: BinaryIO, /) -> None:
    """Write the article to a binary file object (opened with ``"wb"``), UTF-8 encoded.

    Nothing is written when the article cannot be (`ValueError`, as from
    `dumps`) or ``fp`` is not a binary file object (`TypeError`).
    """
    if not isinstance(article, Article):
        raise argument_error("dump", "article", "an Article", article) from None
    check_binary_file("dump", "fp", fp, "wb")
    fp.write(dumps(article).encode("utf-8"))


def _mojibake_field(article: Article) -> str:
    """The first field whose text the reader would take for mojibake."""
    fields: list[tuple[str, str | None]] = [("headline", article.headline)]
    fields += [(f"metadata[{k!r}]", v) for k, v in article.metadata.items()]
    for i, image in enumerate(article.images):
        fields += [(f"images[{i}].caption", image.caption), (f"images[{i}].credit", image.credit)]
    fields += [(f"paragraphs[{i}]", p) for i, p in enumerate(article.paragraphs)]
    for name, value in fields:
        if value is not None and repair_mojibake(value) != value:
            return name
    return "text"


def _check_line(field: str, text: str) -> None:
    if has_line_break(text):
        raise ValueError(
            f"{field}: holds a line break, which the seed format cannot carry"
        ) from None
    if text != text.strip(LAYOUT):
        raise ValueError(f"{field}: leading or trailing white space cannot be written") from None
    if not text:
        raise ValueError(f"{field}: an empty line cannot be written") from None


def _next_line_is_header(article: Article) -> bool:
    """True when the line after the headline reads as a header line.

    A headline that reads as a header line with a colon (``Breaking: fire``)
    is read back as the headline because a blank line follows it; when the
    next non-blank line reads as one too, that line would be taken instead.
    """
    if article.images:
        image = article.images[0]
        following = f"{image.caption}{_SEPARATOR}{image.credit}"
    elif article.paragraphs:
        following = article.paragraphs[0]
    else:
        return False
    return read_header_line(following) is not None


def _header_lines(article: Article) -> Iterator[tuple[str, str, str]]:
    if article.date is not None:
        yield "date", "date", article.date.isoformat()
    for key, value in article.metadata.items():
        yield f"metadata[{key!r}]", key, value


def _chunks(article: Article) -> Iterator[str]:
    lines = len(article.metadata) + (article.date is not None)
    if lines > MAX_HEADER_LINES:
        raise ValueError(
            f"metadata: {lines} header lines; at most {MAX_HEADER_LINES} are read back as a header"
        ) from None
    for field, key, value in _header_lines(article):
        if not _KEY.match(key):
            raise ValueError(
                f"{field}: keys are written lower case, letter first, up to 30 long"
            ) from None
        _check_line(field, value)
        if field != "date" and key == "date" and parse_date(value)[0] is not None:
            raise ValueError(f"{field}: a readable date belongs in Article.date") from None
        line = f" {key} {value} {NBSP}"
        if read_header_line(line) != HeaderLine(key, value, 1, len(key) + 2, 2):
            raise ValueError(f"{field}: {value!r} would not be read back as written") from None
        yield line + "\n"
    has_more = bool(article.images or article.paragraphs)
    if article.headline or has_more:
        _check_line("headline", article.headline)
        header = read_header_line(article.headline)
        if header is not None and header.strength == STRONG:
            raise ValueError(
                f"headline: {article.headline!r} would be read back as a header line"
            ) from None
        if header is not None and _next_line_is_header(article):
            raise ValueError(
                f"headline: {article.headline!r} and the line after it would both be read "
                "back as header lines"
            ) from None
        yield article.headline + "\n"
    if has_more:
        yield "\n"
    for index, image in enumerate(article.images):
        field = f"images[{index}]"
        _check_line(f"{field}.caption", image.caption)
        if image.credit is None:
            raise ValueError(
                f"{field}.credit: a caption without a credit cannot be written"
            ) from None
        _check_line(f"{field}.credit", image.credit)
        line = f"{image.caption}{_SEPARATOR}{image.credit}"
        if split_caption(line) != (image.caption, image.credit):
            raise ValueError(
                f"{field}: would not be read back as this caption and credit"
            ) from None
        yield line + "\n"
    for index, paragraph in enumerate(article.paragraphs):
        field = f"paragraphs[{index}]"
        _check_line(field, paragraph)
        if index == 0 and split_caption(paragraph) is not None:
            raise ValueError(f"{field}: would be read back as a photo caption") from None
        yield paragraph + "\n\n"
