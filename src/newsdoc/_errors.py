"""The one positioned error, and the catalogue of diagnostic codes."""

from __future__ import annotations

from newsdoc._model import Diagnostic, Severity

__all__ = ["CODES", "Note", "ParseError", "make_diagnostic", "position"]

#: A diagnostic found before parsing (while decoding): code, message, offset.
Note = tuple[str, str, int]

#: Every diagnostic code: its severity and what it means.  The table in
#: ``docs/diagnostics.md`` is checked against this one by the docs tests.
CODES: dict[str, tuple[Severity, str]] = {
    "empty-input": (
        "error",
        "The input is empty or holds only white space: there is no article in it.",
    ),
    "not-seed-format": (
        "error",
        "The input is not a seed-format article: JSON that is not newsdoc's own, HTML, or a "
        "binary file (an executable, an image, an archive ...), which it names. The text is "
        "kept as read, and nothing is extracted from it.",
    ),
    "too-large": (
        "error",
        "The input is larger than the `max_size` the caller set and was not read "
        "(always raised as `ParseError`).",
    ),
    "no-date": ("warning", "No header line gives the article's date."),
    "invalid-date": (
        "error",
        "The header date is not a real date (such as 2023-02-30) or cannot be read; "
        "`date` is None and the raw text is kept in `metadata['date']`.",
    ),
    "partial-date": (
        "error",
        "The header date lacks a year, month or day (such as `July 2023`); nothing is "
        "filled in, `date` is None and the raw text is kept in `metadata['date']`.",
    ),
    "ambiguous-date": (
        "warning",
        "The header date is all numbers and reads both month first and day first "
        "(`12/10/2016`); it was read month first, and the message names both readings.",
    ),
    "duplicate-header": (
        "warning",
        "A header key appears twice; the later value is kept under a numbered key (`source_2`).",
    ),
    "too-many-headers": (
        "warning",
        "The header block runs over 100 lines; the lines after the 100th are read as the "
        "headline and body (nothing is dropped).",
    ),
    "no-headline": ("error", "The article has a header but no headline."),
    "no-body": ("warning", "The article has no body paragraphs."),
    "invalid-utf8": (
        "error",
        "The bytes are not valid UTF-8 nor text in another encoding newsdoc could tell; "
        "undecodable bytes became U+FFFD.",
    ),
    "invalid-bytes": (
        "error",
        "The bytes are not valid in the encoding their byte-order mark names; "
        "undecodable bytes became U+FFFD.",
    ),
    "encoding": (
        "warning",
        "The bytes are not UTF-8 but read credibly as text in another encoding, which the "
        "message names and which was used: cp1252, UTF-16 without a byte-order mark, a "
        "Cyrillic or Greek code page (cp1251, KOI8-R, KOI8-U, cp1253) told by the rules of "
        "its script, or another that charset-normalizer detected (CJK code pages ...).",
    ),
    "unknown-encoding": (
        "error",
        "The bytes are not UTF-8 and no encoding reads them credibly; they were decoded as "
        "cp1252, which keeps every byte but is likely mojibake.",
    ),
    "bom": (
        "warning",
        "A byte-order mark was found and removed (UTF-8, or UTF-16 or UTF-32, which it names).",
    ),
    "unbalanced-quote": (
        "warning",
        "Extraction: a quotation mark has no partner in its paragraph (or in the paragraphs a "
        "quotation runs over); the quotation is kept, closed at the end of its paragraph "
        "or opened at its start. At most 100 are listed per article.",
    ),
    "not-extracted": (
        "warning",
        "Extraction: the body is longer than the extractor's `max_chars` (200,000 characters "
        "by default) and was not searched; the article has no entities, quotes or dates.",
    ),
    "mojibake": (
        "warning",
        "Mojibake (UTF-8 read as cp1252 upstream, such as `â€”` for `—`) was repaired.",
    ),
}


class ParseError(ValueError):
    """The input is not a valid seed-format article (raised with ``strict=True``).

    Attributes: ``msg`` (the message alone), ``doc`` (the decoded input),
    ``pos`` (offset in ``doc``), ``lineno`` and ``colno`` (1-based; columns
    count characters).
    """

    msg: str
    doc: str
    pos: int
    lineno: int
    colno: int
    code: str

    def __init__(self, msg: str, doc: str, pos: int, code: str = "parse-error") -> None:
        lineno, colno = position(doc, pos)
        super().__init__(f"{msg} (at line {lineno}, column {colno})")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno
        self.code = code

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str, int, str]]:
        return (type(self), (self.msg, self.doc, self.pos, self.code))


def position(doc: str, pos: int, start: int = 0, lineno: int = 1) -> tuple[int, int]:
    """The 1-based line and column of offset ``pos`` in ``doc``.

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r``; counting (in C) needs no table of
    line starts, so one diagnostic in a huge input costs no memory.  Counting
    may start from ``start``, the start of line ``lineno`` at or before
    ``pos``, so that positions taken in order cost one pass over ``doc``.
    """
    if start < pos < len(doc) and doc[pos] == "\n" and doc[pos - 1] == "\r":
        # Between the two characters of a CRLF: still on the line the CRLF ends.
        lineno, colno = position(doc, pos - 1, start, lineno)
        return lineno, colno + 1
    if doc.find("\r", start, pos) < 0:  # the usual case: two passes, not five
        line_start = max(doc.rfind("\n", start, pos) + 1, start)
        return lineno + doc.count("\n", start, pos), pos - line_start + 1
    lineno += (
        doc.count("\n", start, pos) + doc.count("\r", start, pos) - doc.count("\r\n", start, pos)
    )
    line_start = max(doc.rfind("\n", start, pos) + 1, doc.rfind("\r", start, pos) + 1, start)
    return lineno, pos - line_start + 1


def make_diagnostic(code: str, message: str, pos: int, lineno: int, colno: int) -> Diagnostic:
    """A `Diagnostic` for ``code`` (its severity from `CODES`) at the given place."""
    return Diagnostic(
        code=code, message=message, severity=CODES[code][0], pos=pos, lineno=lineno, colno=colno
    )
