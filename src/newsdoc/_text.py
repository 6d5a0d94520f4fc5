"""Character classes shared by the parser and the writer.

Keeping them in one place is what makes ``loads(dumps(a)) == a`` hold: the
writer refuses exactly what the parser would strip or split on.
"""

from __future__ import annotations

__all__ = ["LAYOUT", "LINE_BREAKS", "NBSP", "ZERO_WIDTH", "has_line_break"]

NBSP = "\u00a0"

#: Zero-width characters that are layout at a line's ends: zero-width space,
#: word joiner, and a stray byte-order mark.  The zero-width non-joiner and
#: joiner (U+200C, U+200D) are not: they are content in Persian, Indic scripts
#: and emoji sequences.
ZERO_WIDTH = "\u200b\u2060\ufeff"

#: Characters that separate lines.  Only these: U+2028, U+0085 and form feed
#: are content inside a paragraph, not line breaks (``str.splitlines`` would
#: split on them).
LINE_BREAKS = "\r\n"

#: Characters that are layout around a line's content and are stripped from
#: both ends of every line: all Unicode white space (minus the line breaks,
#: which never reach a line) plus the zero-width characters and a stray BOM.
LAYOUT = (
    "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) not in LINE_BREAKS)
    + ZERO_WIDTH
)


def has_line_break(text: str) -> bool:
    """True when ``text`` holds a character the parser splits lines on."""
    return "\n" in text or "\r" in text
