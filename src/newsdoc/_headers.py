"""One header line: is it one, and what key and value does it hold?

header-line = key ( ":" | LAYOUT ) value [ NBSP ]

A line is *surely* a header line (`STRONG`) when

1. it is in the written layout, `` key value NBSP``, whatever the key; or
2. its key is ``date``, ``url`` or ``link`` (in any case) and its value is a
   date or a URL, with or without a colon.

It is *probably* one (`WEAK`) when

3. its key is another of `BARE_KEYS`, written in lower case as the seed
   writes it, and its value has the shape that key takes (a name, a code, a
   label, a list), with or without a colon; or
4. any other key is followed by a colon (``Source: Dawn``).

The parser takes the last probable header line for the headline when a
blank line (or the end) follows it: ``Breaking: fire in the city``, ``section
230 reform stalls``.  So ``source Holdout Wire`` and ``author Jane Doe`` are
header lines in a header block, while ``Source of leak named``, ``Date rape
drug found`` and ``URL shorteners banned`` stay headlines: their key is
capitalised, or their value does not fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from newsdoc._dates import looks_like_date
from newsdoc._text import LAYOUT, NBSP

__all__ = [
    "ANY_CASE",
    "BARE_KEYS",
    "SENTENCE_WORDS",
    "STRONG",
    "WEAK",
    "HeaderLine",
    "read_header_line",
    "surely_not_header",
]

# How sure the reader is that a line is a header line.
STRONG, WEAK = 2, 1

_URL = re.compile(r"https?://\S", re.IGNORECASE)
# A header key: a letter, then letters, digits, '_' or '-'; at most 30 long.
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,29}")
# The canonical header line, as written: " key value NBSP" (lower-case key,
# one space on each side of a value that neither starts nor ends with space).
_CANONICAL = re.compile(
    r" ([a-z][a-z0-9_-]{0,29})"  # a space, then the key
    r" ([^\s:\u200b\u2060\ufeff][^\r\n]*[^\s\u200b\u2060\ufeff]"
    r"|[^\s:\u200b\u2060\ufeff])"  # a space, then the value
    r" \u00a0\Z"  # a space and a no-break space closing the line
)
_LAYOUT_SET = frozenset(LAYOUT)


# --- The shape of a value, by key -------------------------------------------------------


def _is_url(value: str) -> bool:
    return _URL.match(value) is not None or value[:4].lower() == "www."


#: Words that start the rest of a sentence, never a header value: after a
#: lower-case key they say the line is a headline (``section of road closed``).
SENTENCE_WORDS = frozenset(
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into",
        "over", "after", "as", "and", "or", "but", "is", "are", "was", "were", "be", "has",
        "have", "had", "will", "would", "can", "could", "may", "not", "no", "its", "his",
        "her", "their", "our", "this", "that", "these", "those", "who", "what", "when",
        "where", "why", "how",
    }
)  # fmt: skip


def _first_word(value: str) -> str:
    return value.split(None, 1)[0].rstrip(",;:")


def _is_name(value: str) -> bool:
    """A name, or a line of them: ``Holdout Wire``, ``Jane Doe, AP``, ``dawn.com``.

    It does not start with a word that starts the rest of a sentence
    (``source of the leak named``).
    """
    return len(value) <= 300 and _first_word(value) not in SENTENCE_WORDS


def _is_code(value: str) -> bool:
    """One short token: ``en-GB``, ``a1b2c3``."""
    short = len(value) <= 64 and not any(c in _LAYOUT_SET for c in value)
    return short and value not in SENTENCE_WORDS


def _is_label(value: str) -> bool:
    """A few words: ``World``, ``UK politics and policy``."""
    return len(value) <= 100 and value.count(" ") < 8 and _first_word(value) not in SENTENCE_WORDS


def _is_list(value: str) -> bool:
    """Words or labels: ``Syria, Daesh; drones``, ``Syria drones``."""
    return len(value) <= 500 and _first_word(value) not in SENTENCE_WORDS


#: The keys that make a header line without a colon and without the written
#: layout, each with the test its value must pass.  Apart from those of
#: `ANY_CASE`, the key must be written in lower case, as the seed writes it.
BARE_KEYS: dict[str, Callable[[str], bool]] = {
    "date": looks_like_date,
    "published": looks_like_date,
    "updated": looks_like_date,
    "modified": looks_like_date,
    "url": _is_url,
    "link": _is_url,
    "source": _is_name,
    "author": _is_name,
    "authors": _is_name,
    "byline": _is_name,
    "publisher": _is_name,
    "site": _is_name,
    "credit": _is_name,
    "location": _is_name,
    "dateline": _is_name,
    "title": _is_name,
    "id": _is_code,
    "language": _is_code,
    "section": _is_label,
    "category": _is_label,
    "tags": _is_list,
    "keywords": _is_list,
}
#: Keys whose value speaks for itself, so that any case of the key will do
#: (``Date 2023-07-09``, ``URL https://...``).
ANY_CASE = frozenset({"date", "url", "link"})


class HeaderLine(NamedTuple):
    """One header line as read: key, value and where they stand in the line."""

    key: str
    value: str
    key_col: int
    value_col: int
    strength: int


# Builds a HeaderLine from a tuple of its fields without the Python-level
# ``__new__`` of a NamedTuple: a header line is read for almost every article.
_header_line: Callable[[tuple[str, str, int, int, int]], HeaderLine] = partial(
    tuple.__new__, HeaderLine
)


def surely_not_header(line: str, content: str) -> bool:
    """True when `read_header_line` would surely return ``None``: no colon,
    no closing no-break space, and no key that may stand without a colon."""
    if ":" in content or line.endswith(NBSP):
        return False
    first = content[:1]
    if "a" <= first <= "z":  # keys but date and url stand bare only in lower case
        key = _KEY.match(content)
        return key is None or key.group() not in BARE_KEYS
    # A capitalised first word (most headlines): only date and url stand bare.
    start = content[:4].lower()
    return start not in ("date", "link") and start[:3] != "url"


def read_header_line(line: str, content: str | None = None) -> HeaderLine | None:
    """header-line = key ( ":" | LAYOUT ) value [ NBSP ]

    The line as read (see the module docs for the rule), or ``None`` for a
    line that is no header line.  ``content`` is the line with its layout
    stripped, when the caller has it.
    """
    if line.endswith(NBSP):
        canonical = _CANONICAL.match(line)
        if canonical is not None:  # the written layout: " key value NBSP"
            key, value = canonical.groups()
            return _header_line((key, value, 1, len(key) + 2, STRONG))
    if content is None:
        content = line.strip(LAYOUT)
    match = _KEY.match(content)
    if match is None:
        return None
    end = match.end()
    after = content[end : end + 1]
    if after and after != ":" and after not in _LAYOUT_SET:
        return None  # the key runs straight into more text: an ordinary word
    written = match.group()
    key = written.lower()
    bare = key in BARE_KEYS and (written == key or key in ANY_CASE)
    marked = (
        line[:1] in _LAYOUT_SET
        and line[-1:] in _LAYOUT_SET
        and NBSP in line[len(line.rstrip(LAYOUT)) :]
        # Other layout before the key counts only with a usual key: a headline
        # may carry stray layout at both ends too.
        and (line[:2] == " " + content[:1] or key in BARE_KEYS)
    )
    if not (marked or bare) and ":" not in content[end : end + 4]:
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
    if marked or (bare and key in ANY_CASE and BARE_KEYS[key](value)):
        strength = STRONG
    elif colon or (bare and BARE_KEYS[key](value)):
        strength = WEAK
    else:
        return None
    lead = len(line) - len(line.lstrip(LAYOUT))
    trailing = len(line) - len(line.rstrip(LAYOUT))
    return _header_line((key, value, lead, len(line) - trailing - len(value), strength))
