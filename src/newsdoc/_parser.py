"""Seed-format text -> `newsdoc.Article`.

The grammar, as accepted (``LAYOUT`` is white space and zero-width
characters, stripped from both ends of every line; lines end at ``\\n``,
``\\r\\n`` or ``\\r`` and nowhere else)::

    article   = { blank } [ header ] [ headline ] { blank } { caption } body
    header    = header-line { { blank } header-line }   (at most MAX_HEADER_LINES)
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
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, compress, count
from operator import add, itemgetter

from newsdoc._captions import split_caption
from newsdoc._dates import day_first, parse_date
from newsdoc._errors import Note, ParseError, make_diagnostic, position
from newsdoc._headers import STRONG, WEAK, HeaderLine, read_header_line, surely_not_header
from newsdoc._model import (
    EMPTY_METADATA,
    Article,
    DateValue,
    Diagnostic,
    Image,
    Metadata,
    ParseInfo,
    Parts,
)
from newsdoc._text import LAYOUT
from newsdoc._unchecked import image, parsed_article

__all__ = [
    "MAX_HEADER_LINES",
    "STRONG",
    "HeaderLine",
    "line_starts",
    "locate_parts",
    "parse_text",
    "raise_first_error",
    "read_header_line",
    "split_lines",
]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


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


def _has_zero_width(text: str) -> bool:
    return "\u200b" in text or "\u2060" in text or "\ufeff" in text


#: Most header lines a header block may have; later lines are headline and body.
MAX_HEADER_LINES = 100
# The text is split into lines a chunk of about this many characters at a
# time, so that a flood of tiny lines never holds a list entry for each.
_CHUNK = 1 << 16
# A run of layout and line breaks (possessive: nothing to backtrack into).
_LAYOUT_OR_BREAK = LAYOUT + "\r\n"
_BLANK_RUN = re.compile("[" + re.escape(_LAYOUT_OR_BREAK) + "]*+")


class _Parse:
    """One parse: the lines of the current chunk, the parts found, the diagnostics.

    The text is split into lines a chunk at a time: the whole text when it is
    under ``_CHUNK`` characters (the usual case), else pieces of about that
    size ending at a line break, so that nothing holds an object for every
    line of a huge input.  Parts are kept as offsets into the text.
    """

    __slots__ = (
        "_starts", "base", "body", "captions", "chunk", "content", "cr", "end", "headers",
        "headline", "images", "lines", "notes", "strip", "text",
    )  # fmt: skip

    def __init__(self, text: str) -> None:
        self.text = text
        self.cr = "\r" in text
        self.strip: Callable[[str], str] = _strip_layout if _has_zero_width(text) else str.strip
        #: Diagnostics as (offset, code, message), placed on lines at the end.
        self.notes: list[tuple[int, str, str]] = []
        #: Each header line: the offset of its start, and what it reads as.
        self.headers: list[tuple[int, HeaderLine]] = []
        #: Where the headline starts (when locating; else -1), and the headline.
        self.headline: tuple[int, str] | None = None
        #: The images the captions make (when not locating) ...
        self.images: list[Image] = []
        #: ... or where each caption and its credit start (for `locate_parts`).
        self.captions: list[tuple[int, int]] = []
        #: The index in ``lines`` of the first line of the body.
        self.body = 0
        self.load(0)

    def load(self, base: int) -> None:
        """Split the chunk of text that starts at offset ``base`` (a line start)."""
        text = self.text
        size = len(text)
        end = size if size - base <= _CHUNK else _cut(text, base + _CHUNK, self.cr)
        chunk = text if end - base == size else text[base:end]
        lines = _LINE_BREAK.split(chunk) if self.cr else chunk.split("\n")
        if end < size:
            lines.pop()  # the empty "line" after the chunk's last line break
        self.base, self.end, self.chunk, self.lines = base, end, chunk, lines
        self.content = list(map(self.strip, lines))
        self._starts: list[int] | None = None

    def next_filled(self, index: int) -> int:
        """The index of the first non-blank line at or after ``index``, loading
        later chunks as needed; ``len(self.lines)`` at the end of the text."""
        content = self.content
        if index < len(content) and content[index]:
            return index  # the usual case, without building an iterator
        found = next(compress(range(index, len(content)), content[index:]), -1)
        while found < 0 and self.end < len(self.text):
            # The rest of the chunk is blank: skip the blank lines that follow
            # it in one pass, then split the chunk after them.
            text, end = self.text, self.end
            run = _BLANK_RUN.match(text, end)
            stop = run.end() if run else end
            if stop < len(text):
                # Back to the start of the line holding the first non-blank character.
                after_cr = text.rfind("\r", end, stop) + 1 if self.cr else 0
                stop = max(text.rfind("\n", end, stop) + 1, after_cr, end)
            self.load(stop)
            content = self.content
            found = next(compress(count(), content), -1)
        return len(content) if found < 0 else found

    def offset(self, index: int) -> int:
        """The offset in the text at which line ``index`` of the chunk starts."""
        if not index:
            return self.base
        if not self.cr and index < 16:  # near the top: cheaper than the table
            return self.base + sum(map(len, self.lines[:index])) + index
        if self._starts is None:
            self._starts = line_starts(self.chunk, self.lines)
        return self.base + self._starts[index]

    def following_is_blank(self, index: int) -> bool:
        """True when the line after line ``index`` is blank, or there is none."""
        if index + 1 < len(self.content):
            return not self.content[index + 1]
        if self.end == len(self.text):
            return True
        # The next line is the first of the next chunk.
        line_end = _cut(self.text, self.end, self.cr)
        return not self.text[self.end : line_end].strip(_LAYOUT_OR_BREAK)

    def report(self, code: str, message: str, pos: int) -> None:
        self.notes.append((pos, code, message))

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """The diagnostics reported, in order of offset, placed on their lines."""
        if not self.notes:
            return ()
        self.notes.sort(key=itemgetter(0))
        out = []
        # One pass down the text: each position counts on from the line of the last.
        start, lineno = 0, 1
        for pos, code, message in self.notes:
            lineno, colno = position(self.text, pos, start, lineno)
            start = pos - colno + 1
            out.append(make_diagnostic(code, message, pos, lineno, colno))
        return tuple(out)

    def content_pos(self, index: int) -> int:
        """The offset of line ``index``'s first non-layout character."""
        content = self.content[index]
        # The layout cannot hold the content's first character, so its first
        # occurrence in the line is where the content starts.
        return self.offset(index) + (self.lines[index].find(content[0]) if content else 0)

    def body_chunks(self) -> Iterator[tuple[list[str], list[str], int]]:
        """The body a chunk at a time: lines, their content, and the index of
        the first body line in them (loading each chunk in turn)."""
        yield self.lines, self.content, self.body
        while self.end < len(self.text):
            self.load(self.end)
            yield self.lines, self.content, 0


def _strip_layout(line: str) -> str:
    return line.strip(LAYOUT)


def _cut(text: str, pos: int, cr: bool) -> int:
    """The offset just after the first line break at or after ``pos`` (or the end)."""
    newline = text.find("\n", pos)
    if cr:
        found = text.find("\r", pos, None if newline < 0 else newline)
        if found >= 0:
            return found + 2 if text.startswith("\r\n", found) else found + 1
    return len(text) if newline < 0 else newline + 1


def _scan(text: str, locating: bool = False) -> _Parse:
    """article = { blank } [ header ] [ headline ] { blank } { caption } body

    One pass down the lines with local variables: this runs once for every
    article, so it avoids a call per rule.
    """
    state = _Parse(text)
    index = state.next_filled(0)
    # ``lines`` and ``content`` are the chunk at hand: read again after each
    # ``next_filled``, which may move on to the next chunk.
    lines, content = state.lines, state.content
    # header = header-line { { blank } header-line }
    headers = state.headers
    # A weak last header line with a blank line after it: its chunk and index.
    weak_last: tuple[int, int] | None = None
    while index < len(lines):
        line = content[index]
        if surely_not_header(lines[index], line):
            break  # the usual headline, turned away cheaply
        header = read_header_line(lines[index], line)
        if header is None:
            break
        if len(headers) == MAX_HEADER_LINES:
            if header.strength == STRONG or not state.following_is_blank(index):
                message = f"Over {MAX_HEADER_LINES} header lines; the rest is headline and body"
                state.report("too-many-headers", message, state.offset(index))
            break
        headers.append((state.offset(index) if index else state.base, header))
        weak_last = None
        if header.strength == WEAK and state.following_is_blank(index):
            weak_last = (state.base, index)
        index += 1
        if index == len(lines) or not content[index]:
            index = state.next_filled(index)
            lines, content = state.lines, state.content
    if weak_last is not None:
        # Nothing but a blank line follows the last header line: the headline.
        headers.pop()
        if weak_last[0] != state.base:
            state.load(weak_last[0])
            lines, content = state.lines, state.content
        index = weak_last[1]
    if index < len(lines):
        # headline = line
        state.headline = (state.content_pos(index) if locating else -1, content[index])
        index += 1
        if index == len(lines) or not content[index]:
            index = state.next_filled(index)
            lines, content = state.lines, state.content
        # { caption }, each caption = text credit-sep credit
        while index < len(lines):
            parts = split_caption(content[index])
            if parts is None:
                break
            if locating:
                # The credit ends the (stripped) line.
                line_start = state.content_pos(index)
                credit_start = line_start + len(content[index]) - len(parts[1])
                state.captions.append((line_start, credit_start))
            else:
                state.images.append(image(*parts))
            index += 1
            if index == len(lines) or not content[index]:
                index = state.next_filled(index)
                lines, content = state.lines, state.content
    state.body = index
    return state


def parse_text(text: str, *, id: str | None = None, notes: Sequence[Note] = ()) -> Article:
    """Parse decoded text into an `Article` (never raises on content)."""
    state = _scan(text)
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
        headline = state.headline[1]
    # Every non-blank line of the body is a paragraph.
    if state.end == len(text):  # the usual case: the body is in the chunk at hand
        paragraphs = tuple(filter(None, state.content[state.body :]))
    else:
        found: list[str] = []
        for _, content, first in state.body_chunks():
            found.extend(filter(None, content[first:]))
        paragraphs = tuple(found)
    if not paragraphs and state.headline is not None:
        state.report("no-body", "The article has no body paragraphs", len(text))
    info = ParseInfo(state.diagnostics() if state.notes else (), text, locate_parts)
    images = tuple(state.images) if state.images else ()
    return parsed_article(headline, date, paragraphs, images, metadata, id, info)


def locate_parts(text: str) -> Parts:
    """The offset of every part of the article in ``text``."""
    state = _scan(text, locating=True)
    paragraphs: list[int] = []
    for _, content, first in state.body_chunks():
        paragraphs.extend(state.content_pos(i) for i in range(first, len(content)) if content[i])
    return Parts(
        line_starts=tuple(line_starts(text, split_lines(text))),
        headline=None if state.headline is None else state.headline[0],
        images=tuple(caption for caption, _ in state.captions),
        credits=tuple(credit for _, credit in state.captions),
        paragraphs=tuple(paragraphs),
        metadata={
            key: pos + header.key_col
            for key, (pos, header) in zip(_header_keys(state), state.headers, strict=True)
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
        date, code = parse_date(state.headers[0][1].value)
        if code is None:
            return date, EMPTY_METADATA
    keys = [state.headers[0][1].key] if len(state.headers) == 1 else _header_keys(state)
    for key, (line_start, header) in zip(keys, state.headers, strict=True):
        if key == "date":
            date, code = parse_date(header.value)
            if code is not None:
                _report_date(state, code, date, header.value, line_start + header.value_col)
                if date is None:
                    metadata["date"] = header.value
            continue
        if key != header.key:
            state.report(
                "duplicate-header",
                f"Header {header.key!r} appears again; kept as {key}",
                line_start + header.key_col,
            )
        metadata[key] = header.value
    if "date" not in keys and state.headline is not None:
        pos = state.headers[0][0] if state.headers else 0
        state.report("no-date", "No date header line", pos)
    return date, Metadata(metadata) if metadata else EMPTY_METADATA


def _report_date(state: _Parse, code: str, date: DateValue | None, value: str, pos: int) -> None:
    """Report a header date that could not be read, or that reads two ways."""
    if date is not None:  # ambiguous-date: read month first
        other = day_first(date)
        message = (
            f"Ambiguous date {value!r}: read month first, as {date:%Y-%m-%d}; "
            f"day first it would be {other:%Y-%m-%d}"
        )
    else:
        message = f"{'Incomplete' if code == 'partial-date' else 'Invalid'} date {value!r}"
    state.report(code, message, pos)


def raise_first_error(article: Article, text: str) -> None:
    """Raise `ParseError` for the article's first error diagnostic."""
    for diagnostic in article.diagnostics:
        if diagnostic.severity == "error":
            raise ParseError(diagnostic.message, text, diagnostic.pos, diagnostic.code)
