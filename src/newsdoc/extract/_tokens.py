"""Character classes and the precompiled regular expressions the extractors share.

Every pattern here is linear-time: no quantified group contains another
quantifier over the same characters, so a failed match never backtracks more
than one step per character.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "LOWER_WORD",
    "NAME_RUN",
    "SENTENCE_PUNCT",
    "is_sentence_start",
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


#: Upper-case and title-case letters.
UPPER = _char_class(lambda c: c.isupper() or c.istitle())

# Letters and digits (``[^\W_]``), and the space characters inside a name.
_ALNUM = r"[^\W_]"
_SP = r"[ \u00a0]"

#: Abbreviations written with a full stop that may stand inside a name.
ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Messrs|Mme|Mmes|Mlle|St|Ft|Mt|Jr|Sr|Sen|Sens|Rep|Reps|Gov|Lt|Gen|Gens|Col|Maj"
    "|Capt|Sgt|Cpl|Pvt|Adm|Cmdr|Brig|Prof|Rev|Hon|Del|Supt|Insp|Pres|Atty|Co|Corp|Inc|Ltd|Bros"
    "|No|Ave|Blvd|Dept|Gov't|Univ"
)

# One capitalised token: an abbreviation, dotted initials, an initial, or a word.
_TOKEN = (
    rf"(?:(?:{ABBREVIATIONS})\.(?={_SP})"  # Mr. / Gen. (only before a space)
    rf"|(?:[{UPPER}]\.){{2,}}"  # U.S. / D.C.
    rf"|[{UPPER}]\.(?={_SP}[{UPPER}])"  # the D. of Paul D. Ryan
    rf"|(?:(?:al|el|ad|as|ash|at|an|az|ar|ul|ud|abu|ibn|bin|de|di|da|du|van|von|d|l)['’-])?"
    rf"[{UPPER}]{_ALNUM}*(?:-{_ALNUM}+|['’](?!s\b){_ALNUM}+)*"  # Syria, al-Assad, MQ-9, O'Brien
    r")"
)

# What may join two tokens of one name: spaces, with a connector word in between,
# a possessive, or an ampersand.
_JOIN = (
    rf"(?:{_SP}+(?:(?:of|for|on|and|de|du|des|del|della|der|den|van|von|da|di|dos|das|la|le"
    rf"|y|bin|ibn|al|el|ben|bint|abu|&){_SP}+(?:(?:the|la|le|los|las|al){_SP}+)?)?"
    rf"|['’]s{_SP}+"
    r")"
)

#: A run of capitalised tokens (and what joins them): a name candidate.  Group
#: boundaries are re-cut in Python (connectors and possessives are only kept
#: inside names that need them).
NAME_RUN = re.compile(rf"(?<![\w’'-]){_TOKEN}(?:{_JOIN}{_TOKEN})*")

#: A lower-case word.
LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")

#: Characters after which a new sentence may start.
SENTENCE_PUNCT = frozenset(".!?:;\n")
_OPENERS = frozenset("\"'“‘([«—–-*•")


def is_sentence_start(text: str, pos: int) -> bool:
    """True when ``text[pos]`` begins a sentence (or a paragraph, or a quotation)."""
    i = pos - 1
    while i >= 0 and (text[i] == " " or text[i] == "\u00a0" or text[i] in _OPENERS):
        if text[i] in _OPENERS:  # a quote, bracket, dash or bullet starts a new clause
            return True
        i -= 1
    if i < 0:
        return True
    char = text[i]
    if char in SENTENCE_PUNCT:
        return True
    # "... he said." closing quote after a full stop: ".” Next"
    return char in "”’\"')]" and i > 0 and text[i - 1] in ".!?"
