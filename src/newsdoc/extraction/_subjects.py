"""Whether a name opens its sentence: the subject of the sentence, most often.

Shared by the rules that prefer a sentence's subject to the other names around it:
which of two people sharing a surname ``Smith`` alone means, and whom ``he`` stands
for.  A name opens its sentence when only a few words of a title or a role stand
before it (``Former Pennsylvania Gov.``, ``Conservative economist``), or an opening
phrase and its comma (``During a town hall, Tina Smith``, ``Looking ahead, Smith``),
and it is no possessive (``Smith's lawyer``).
"""

from __future__ import annotations

from newsdoc.extraction._lexicon import word_sections

__all__ = ["opens_sentence"]

_WORDS = word_sections("quote_words")
_OPENERS = _WORDS["openers"]
_STOPS = _WORDS["phrase-stops"]
#: A subject's name may have this many words before it in its sentence (a title or a
#: role, which is not part of a person's mention).
_MAX_WORDS_BEFORE = 4


def opens_sentence(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` opens the sentence starting at
    ``sentence_start`` (see the module's docstring)."""
    if text[end : end + 1] in ("'", "’"):
        return False
    before = text[sentence_start:start]
    comma = before.rfind(",")
    if comma >= 0:
        if before.count(",") > 1:
            return False  # (a list, or a name inside a clause: "Tulsa, Okla., officer")
        first = before.split(None, 1)[0].lower() if before.strip() else ""
        if first not in _OPENERS and not first.endswith("ing"):
            return False
        before = before[comma + 1 :]
    words = before.split()
    return len(words) <= _MAX_WORDS_BEFORE and not any(
        word.lower() in _STOPS or word.endswith("ed") for word in words
    )


def sentence_start_before(text: str, pos: int, reach: int = 300) -> int:
    """Roughly where the sentence holding ``pos`` starts, without a sentence splitter:
    after the last line break or ``. ``, ``? ``, ``! `` within ``reach`` characters (an
    abbreviation's full stop ends a sentence here too: ``Gov. Smith`` opens one, which
    is what `opens_sentence` wants of a title)."""
    low = max(0, pos - reach)
    found = text.rfind("\n", low, pos)
    for mark in (". ", "? ", "! "):
        at = text.rfind(mark, low, pos)
        if at >= 0 and at + 2 > found:
            found = at + 1
    return found + 1 if found >= 0 else low
