"""Seed-format text -> `newsdoc.Article`.

The grammar, as accepted (``LAYOUT`` is white space and zero-width
characters, stripped from both ends of every line; lines end at ``\\n``,
``\\r\\n`` or ``\\r`` and nowhere else)::

    article   = { blank } [ header ] [ headline ] { blank } { caption } body
    header    = header-line { { blank } header-line }
    headline  = line
    caption   = text credit-sep credit NEWLINE
    body      = { blank | paragraph }
    paragraph = line                     (each non-blank line is one paragraph)

Each rule function below starts with its own line of the grammar.  The
parser never raises on content: what it had to guess or could not read is
reported as a `newsdoc.Diagnostic` on the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, compress, count, repeat
from operator import add, attrgetter, itemgetter
from typing import NamedTuple

from newsdoc._captions import split_caption
from newsdoc._dates import looks_like_date, parse_date
from newsdoc._errors import ParseError, make_diagnostic, position
from newsdoc._model import (
    EMPTY_METADATA,
    Article,
    DateValue,
    Diagnostic,
    Metadata,
    ParseInfo,
    Parts,
    image,
    line_and_column,
    parsed_article,
)
from newsdoc._text import LAYOUT, NBSP

__all__ = [
    "STRONG",
    "HeaderLine",
    "Note",
    "line_starts",
    "locate_parts",
    "parse_text",
    "raise_first_error",
    "read_header_line",
    "split_lines",
]

#: Keys whose line is a header line without a colon when the value fits
#: (a date, a URL).
_VALUE_KEYS = frozenset({"date", "url", "link"})
#: Header keys common in scraped news (compared in lower case).
_USUAL_KEYS = frozenset(
    {
        "date", "url", "link", "source", "author", "authors", "byline", "publisher",
        "section", "category", "language", "id", "tags", "keywords", "title", "updated",
        "published", "modified", "location", "dateline", "credit", "site",
    }
)  # fmt: skip

_LAYOUT_SET = frozenset(LAYOUT)
# Up to this many diagnostics are located by counting lines; more build a table.
_FEW = 8
# The canonical header line, as written: " key value NBSP" (lower-case key,
# one space on each side of a value that neither starts nor ends with space).
_CANONICAL = re.compile(
    r" ([a-z][a-z0-9_-]{0,29})"  # a space, then the key
    r" ([^\s:\u200b\u2060\ufeff][^\r\n]*[^\s\u200b\u2060\ufeff]"
    r"|[^\s:\u200b\u2060\ufeff])"  # a space, then the value
    r" \u00a0\Z"  # a space and a no-break space closing the line
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A header key: a letter, then letters, digits, '_' or '-'; at most 30 long.
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,29}")
_URL = re.compile(r"https?://", re.IGNORECASE)

# How sure the parser is that a line is a header line.
STRONG, _WEAK = 2, 1


def split_lines(text: str) -> list[str]:
    """``text`` cut at ``\\n``, ``\\r\\n`` and ``\\r`` (and nowhere else)."""
    if "\r" not in text:
        return text.split("\n")
    return _LINE_BREAK.split(text)


def line_starts(text: str, lines: list[str]) -> list[int]:
    """The offset at which each of ``lines`` (``split_lines(text)``) starts."""
    if "\r" not in text:
        # Line i starts after the lengths of the lines before it plus i newlines.
        return list(map(add, accumulate(map(len, lines[:-1]), initial=0), count()))
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


class HeaderLine(NamedTuple):
    """One header line as read: key, value and where they stand in the line."""

    key: str
    value: str
    key_col: int
    value_col: int
    strength: int


def surely_not_header(line: str, content: str) -> bool:
    """True when ``read_header_line`` would surely return ``None``: no colon,
    no closing no-break space, and no key that may stand without a colon."""
    if ":" in content or line.endswith(NBSP):
        return False
    start = content[:4].lower()
    return start not in ("date", "link") and start[:3] != "url"


def read_header_line(line: str, content: str | None = None) -> HeaderLine | None:
    """header-line = key ( ":" | LAYOUT ) value [ NBSP ]

    A line is surely a header line when it is in the canonical layout (starts
    with a space, ends with a no-break space), when it is ``date`` followed by something that
    reads as a date, or ``url`` followed by a URL.  Any other ``key: value``
    line is a *weak* header line: the last one is taken as the headline when
    nothing but a blank line follows it (``Breaking: fire in the city``).
    ``content`` is the line with its layout stripped, when the caller has it.
    """
    if line.endswith(NBSP):
        canonical = _CANONICAL.match(line)
        if canonical is not None:  # the written layout: " key value NBSP"
            key, value = canonical.groups()
            return HeaderLine(key, value, 1, len(key) + 2, STRONG)
    if content is None:
        content = line.strip(LAYOUT)
    match = _KEY.match(content)
    if match is None:
        return None
    end = match.end()
    after = content[end : end + 1]
    if after and after != ":" and after not in _LAYOUT_SET:
        return None  # the key runs straight into more text: an ordinary word
    key = match.group().lower()
    # The written layout: a space before the key, a no-break space after the
    # value.  Other layout before the key is taken for it only with a usual key:
    # a headline may carry stray layout at both ends too.
    marked = (
        line[:1] in _LAYOUT_SET
        and line[-1:] in _LAYOUT_SET
        and NBSP in line[len(line.rstrip(LAYOUT)) :]
        and (line[:2] == " " + content[:1] or key in _USUAL_KEYS)
    )
    if not marked and key not in _VALUE_KEYS and ":" not in content[end : end + 4]:
        return None  # the cheap test that turns most headlines away
    rest = content[end:]
    value = rest.lstrip(LAYOUT)
    colon = value.startswith(":")
    if colon:
        value = value[1:].lstrip(LAYOUT)
    elif len(value) == len(rest):
        return None  # the key runs straight into more text: an ordinary word
    if not value:
        return None
    trailing = line[len(line.rstrip(LAYOUT)) :]
    if marked:
        strength = STRONG
    elif key == "date":
        strength = STRONG if looks_like_date(value) else (_WEAK if colon else 0)
    elif key in ("url", "link"):
        strength = STRONG if _URL.match(value) else (_WEAK if colon else 0)
    else:
        strength = _WEAK if colon else 0
    if not strength:
        return None
    lead = len(line) - len(line.lstrip(LAYOUT))
    return HeaderLine(key, value, lead, len(line) - len(trailing) - len(value), strength)


def strip_lines(text: str, lines: list[str]) -> list[str]:
    """Each of ``lines`` (of ``text``) with its layout stripped ("" for a blank line)."""
    # ``str.strip()`` strips exactly the white space in LAYOUT and is twice as
    # fast as ``strip(LAYOUT)``; only text holding a zero-width character
    # needs the slow form (``in`` is a fast memchr-like scan).
    if _has_zero_width(text):
        return list(map(str.strip, lines, repeat(LAYOUT)))
    return list(map(str.strip, lines))


def _has_zero_width(text: str) -> bool:
    return "\u200b" in text or "\u2060" in text or "\ufeff" in text


class _Parse:
    """One parse: the lines, their content, and what was found where."""

    __slots__ = (
        "_starts", "body", "captions", "content", "diagnostics", "headers", "headline",
        "lines", "text",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        #: Each line with its layout stripped: "" for a blank line.
        self.content: list[str] = strip_lines(text, self.lines)
        self.diagnostics: list[Diagnostic] = []
        self._starts: list[int] | None = None
        #: Line indices of the parts found: header lines, headline, captions,
        #: and the first line of the body.
        self.headers: list[tuple[int, HeaderLine]] = []
        self.headline: int | None = None
        self.captions: list[tuple[int, tuple[str, str]]] = []
        self.body = len(self.lines)

    @property
    def starts(self) -> list[int]:
        """The offset at which each line starts (worked out when first needed)."""
        if self._starts is None:
            self._starts = line_starts(self.text, self.lines)
        return self._starts

    def report(self, code: str, message: str, pos: int) -> None:
        if self._starts is None and len(self.diagnostics) < _FEW:
            # A few diagnostics: count lines rather than build a table of them.
            lineno, colno = position(self.text, pos)
        else:
            lineno, colno = line_and_column(self.starts, pos)
        self.diagnostics.append(make_diagnostic(code, message, pos, lineno, colno))

    def content_pos(self, index: int) -> int:
        """The offset of line ``index``'s first non-layout character."""
        content = self.content[index]
        # The layout cannot hold the content's first character, so its first
        # occurrence in the line is where the content starts.
        return self.starts[index] + (self.lines[index].find(content[0]) if content else 0)


#: A diagnostic found before parsing (while decoding): code, message, offset.
Note = tuple[str, str, int]


def _next_filled(content: list[str], start: int) -> int:
    """The index of the first non-blank line at or after ``start`` (or the end)."""
    if start < len(content) and content[start]:
        return start  # the usual case, without building an iterator
    return next(compress(range(start, len(content)), content[start:]), len(content))


def _scan(text: str) -> _Parse:
    """article = { blank } [ header ] [ headline ] { blank } { caption } body

    One pass down the lines with local variables: this runs once for every
    article, so it avoids a call per rule.
    """
    state = _Parse(text)
    lines, content = state.lines, state.content
    count = len(lines)
    index = _next_filled(content, 0)
    # header = header-line { { blank } header-line }
    headers = state.headers
    while index < count:
        line = content[index]
        if surely_not_header(lines[index], line):
            break  # the usual headline, turned away cheaply
        header = read_header_line(lines[index], line)
        if header is None:
            break
        headers.append((index, header))
        index += 1
        if index < count and not content[index]:
            index = _next_filled(content, index)
    if headers and headers[-1][1].strength == _WEAK:
        last = headers[-1][0]
        if last + 1 == count or not content[last + 1]:
            headers.pop()  # nothing but a blank line follows: it is the headline
            index = last
    if index < count:
        # headline = line
        state.headline = index
        index += 1
        if index < count and not content[index]:
            index = _next_filled(content, index)
        # { caption }, each caption = text credit-sep credit
        captions = state.captions
        while index < count:
            parts = split_caption(content[index])
            if parts is None:
                break
            captions.append((index, parts))
            index += 1
            if index < count and not content[index]:
                index = _next_filled(content, index)
    state.body = index
    return state


def parse_text(text: str, *, id: str | None = None, notes: Sequence[Note] = ()) -> Article:
    """Parse decoded text into an `Article` (never raises on content)."""
    state = _scan(text)
    if notes:
        for code, message, pos in notes:
            state.report(code, message, pos)
    if not state.headers and state.headline is None:
        state.report("empty-input", "The input is empty", 0)
    date, metadata = _header_values(state)
    if state.headline is None:
        headline = ""
        if state.headers:
            state.report("no-headline", "The article has no headline", len(text))
    else:
        headline = state.content[state.headline]
    images = tuple([image(*parts) for _, parts in state.captions]) if state.captions else ()
    # Every non-blank line of the body is a paragraph.
    paragraphs = tuple(filter(None, state.content[state.body :]))
    if not paragraphs and state.headline is not None:
        state.report("no-body", "The article has no body paragraphs", len(text))
    if len(state.diagnostics) > 1:
        state.diagnostics.sort(key=attrgetter("pos"))
    info = ParseInfo(tuple(state.diagnostics), text, locate_parts)
    return parsed_article(headline, date, paragraphs, images, metadata, id, info)


def locate_parts(text: str) -> Parts:
    """The offset of every part of the article in ``text``."""
    state = _scan(text)
    body = state.body
    rest = state.content[body:]
    leads = map(
        str.find, compress(state.lines[body:], rest), map(itemgetter(0), filter(None, rest))
    )
    return Parts(
        line_starts=tuple(state.starts),
        headline=None if state.headline is None else state.content_pos(state.headline),
        images=tuple(state.content_pos(index) for index, _ in state.captions),
        paragraphs=tuple(map(add, compress(state.starts[body:], rest), leads)),
        metadata={
            key: state.starts[index] + header.key_col
            for key, (index, header) in zip(_header_keys(state), state.headers, strict=True)
        },
    )


def _header_keys(state: _Parse) -> list[str]:
    """The metadata key of each header line: numbered when a key comes again."""
    keys: list[str] = []
    seen: set[str] = set()
    # The next number to try for each key, so that n repeats cost O(n), not O(n^2).
    next_number: dict[str, int] = {}
    for _, header in state.headers:
        key = header.key
        if key in seen:
            number = next_number.get(header.key, 2)
            while f"{header.key}_{number}" in seen:
                number += 1
            key = f"{header.key}_{number}"
            next_number[header.key] = number + 1
        seen.add(key)
        keys.append(key)
    return keys


def _header_values(state: _Parse) -> tuple[DateValue | None, Metadata]:
    """The article date and the metadata, from the header lines."""
    date: DateValue | None = None
    metadata: dict[str, str] = {}
    if len(state.headers) == 1 and state.headers[0][1].key == "date":
        # The common case: the date line alone.
        index, header = state.headers[0]
        date, code = parse_date(header.value)
        if code is None:
            return date, EMPTY_METADATA
    keys = [state.headers[0][1].key] if len(state.headers) == 1 else _header_keys(state)
    for key, (index, header) in zip(keys, state.headers, strict=True):
        if key == "date":
            date, code = parse_date(header.value)
            if code is not None:
                message = "Incomplete date" if code == "partial-date" else "Invalid date"
                pos = state.starts[index] + header.value_col
                state.report(code, f"{message} {header.value!r}", pos)
                metadata["date"] = header.value
            continue
        if key != header.key:
            state.report(
                "duplicate-header",
                f"Header {header.key!r} appears again; kept as {key}",
                state.starts[index] + header.key_col,
            )
        metadata[key] = header.value
    if "date" not in keys and state.headline is not None:
        pos = state.starts[state.headers[0][0]] if state.headers else 0
        state.report("no-date", "No date header line", pos)
    return date, Metadata(metadata) if metadata else EMPTY_METADATA


def raise_first_error(article: Article, text: str) -> None:
    """Raise `ParseError` for the article's first error diagnostic."""
    for diagnostic in article.diagnostics:
        if diagnostic.severity == "error":
            raise ParseError(diagnostic.message, text, diagnostic.pos, diagnostic.code)
