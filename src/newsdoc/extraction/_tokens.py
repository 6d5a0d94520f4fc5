"""Character classes and the precompiled regular expressions the extractors share.

Every pattern here is linear-time: no quantified group contains another
quantifier over the same characters, so a failed match never backtracks more
than one step per character.  Patterns that scan a whole body start with a
single character class, which lets the regex engine skip quickly to the next
place a match can start.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdoc.extraction._lexicon import word_sections

__all__ = [
    "ABBREVIATIONS",
    "NAME_RUN",
    "PARTICLE_BEFORE",
    "SENTENCE_PUNCT",
    "UPPER",
    "is_sentence_start",
    "line_case",
]


def _char_class(predicate: Callable[[str], bool]) -> str:
    """A regex character-class body of the BMP characters satisfying ``predicate``."""
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF or not predicate(chr(code)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = []
    for low, high in ranges:
        if low == high:
            parts.append(re.escape(chr(low)))
        else:
            parts.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
    return "".join(parts)


#: Upper-case and title-case letters (a regex character-class body).
UPPER = _char_class(lambda c: c.isupper() or c.istitle())

# Letters and digits (``[^\W_]``), and the space characters inside a name.
_ALNUM = r"[^\W_]"
_SP = r"[ \u00a0]"

_WORDS = word_sections("entity_words")

#: Abbreviations written with a full stop that may stand inside a name (``Gen.``).
ABBREVIATIONS = _WORDS["abbreviations"]


def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


#: Particles joined to the next word by a hyphen or an apostrophe: the "al" of "al-Assad".
_GLUED = _alternatives(_WORDS["glued-particles"])
#: Connectors that may stand between the words of a name: "Bank of America", "bin Laden",
#: "Medecins sans Frontieres".
_CONNECTORS = _alternatives(
    _WORDS["name-particles"] | _WORDS["foreign-connectors"] | {"of", "for", "on", "and", "&"}
)

# One capitalised token: dotted initials (U.S.), an initial (the D. of Paul D. Ryan), or a
# word (Syria, MQ-9, O'Brien), which may end in a full stop when a space follows: Python
# keeps that stop only on a known abbreviation (Gen.) and cuts the run there otherwise.
_TOKEN = (
    rf"[{UPPER}](?:\.(?:[{UPPER}]\.)+"
    rf"|\.(?={_SP}[{UPPER}])"
    rf"|{_ALNUM}*(?:-{_ALNUM}+|['’](?!s\b){_ALNUM}+)*(?:\.(?={_SP}))?)"
)

# What may join two tokens of one name: spaces, with a connector word in between, a
# lower-case particle glued to the next token (al-Assad), or a possessive.
_JOIN = (
    rf"(?:{_SP}+(?:(?:{_CONNECTORS}){_SP}+(?:(?:the|la|le|los|las|al|der|den){_SP}+)?)?"
    rf"|{_SP}+(?:{_GLUED})['’-]"
    rf"|['’]s{_SP}+"
    r")"
)

#: A run of capitalised tokens (and what joins them): a name candidate.  Runs are
#: re-cut in Python: connectors and possessives are kept only inside names that need
#: them, and a run never crosses the end of a sentence.
NAME_RUN = re.compile(rf"{_TOKEN}(?:{_JOIN}{_TOKEN})*")

#: A lower-case name particle right before a run: the "al-" of "al-Qaeda".
PARTICLE_BEFORE = re.compile(rf"(?:{_GLUED})['’-]\Z")

#: What ends a sentence (or a clause that a name may open).
SENTENCE_PUNCT = frozenset(".!?:;\n")
_OPENERS = frozenset("\"'“‘([«—–-*•")
_CLOSERS = frozenset("”’\"')]")


def is_sentence_start(text: str, pos: int) -> bool:
    """True when ``text[pos]`` begins a sentence, a paragraph or a quotation."""
    i = pos - 1
    while i >= 0:
        char = text[i]
        if char in _OPENERS:
            return True  # a quote, bracket, dash or bullet starts a new clause
        if char != " " and char != "\u00a0":
            break
        i -= 1
    if i < 0:
        return True
    char = text[i]
    if char in SENTENCE_PUNCT:
        return True
    # '... he said.” Next': a closing quote after a full stop.
    return char in _CLOSERS and i > 0 and text[i - 1] in ".!?"


# A lower-case letter (ASCII and Latin-1): what an all-capitals line lacks.
_LOWER = re.compile("[a-z\u00df-\u00f6\u00f8-\u00ff]")
_MONTHS = _alternatives(_WORDS["date-words"])
#: What follows a dateline's place: a date ("LONDON 1996-12-06", "PARIS, Jan. 5") or
#: an agency in brackets ("MOSCOW (AP)").
_DATELINE_AFTER = re.compile(rf",?[ \u00a0]+(?:\d{{1,4}}[-/.]\d|(?i:{_MONTHS})\b|\()")


def line_case(text: str, start: int, length: int) -> str:
    """How the line holding the run ``text[start:start + length]`` is written: ``""``
    when it holds a lower-case letter, ``"dateline"`` when it is all capitals and the
    run opens it before a date (``LONDON 1996-12-06``), else ``"capitals"``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    if line_end < 0:
        line_end = len(text)
    if _LOWER.search(text, line_start, line_end) is not None:
        return ""
    if line_start == start and _DATELINE_AFTER.match(text, start + length) is not None:
        return "dateline"
    return "capitals"
