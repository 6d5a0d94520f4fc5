"""The tense of the sentence around a date: whether it speaks of the future or the past.

A weekday or a month without a year is resolved forward or backward by it.  The words
are those of ``data/date_words.txt`` (`_words`): the one nearest before the date in
its sentence decides (``said he will meet Monday``: the future; ``the firm, which will
close, said Monday``: the past); with none before, the first after the date in its
clause (``Monday, the court will rule``, ``with Wednesday's debate approaching``).
A sentence is read word by word: a few set look-ups a word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from newsdoc.extraction._dates._words import (
    FUTURE_ENDINGS,
    FUTURE_PHRASES,
    FUTURE_WORDS,
    NOT_PAST,
    PARTICIPLE_AFTER,
    PAST_PHRASES,
    PAST_WORDS,
)
from newsdoc.extraction._view import TextView

__all__ = ["FUTURE", "PAST", "tense"]

FUTURE, PAST = 1, -1
#: How far before and after a date its tense words are read.
_BEFORE, _AFTER = 120, 80
_SPACES = frozenset(" \u00a0\n")
#: What is stripped from a word's ends (its apostrophes and hyphens are kept).
_PUNCTUATION = '.,;:!?"“”‘()[]{}—–…/*«»'
#: What ends the clause after a date (past the character right after it; a full stop
#: that ends an abbreviation does not).
_CLAUSE_END = re.compile(r"[,;:()—–.!?\n]")
_Phrases = dict[str, list[tuple[tuple[str, ...], int]]]


def _index(at: int) -> _Phrases:
    """The phrases of both tenses, by their first (``at`` 0) or last (-1) word."""
    out: defaultdict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
    for phrases, sign in ((FUTURE_PHRASES, FUTURE), (PAST_PHRASES, PAST)):
        for phrase in phrases:
            out[phrase[at]].append((phrase, sign))
    return dict(out)


_BY_FIRST, _BY_LAST = _index(0), _index(-1)
#: The tense of each word that gives one alone ...
_SIGNS = {**dict.fromkeys(PAST_WORDS, PAST), **dict.fromkeys(FUTURE_WORDS, FUTURE)}
#: ... the words worth a closer look (those, and the first and last words of phrases) ...
_CUES = frozenset(_SIGNS) | frozenset(_BY_FIRST) | frozenset(_BY_LAST)
#: ... and the endings that are (a verb in the past tense, "she'll").
_ENDS = ("ed", *FUTURE_ENDINGS)


def tense(view: TextView, start: int, end: int) -> int:
    """`FUTURE`, `PAST` or 0 (no word says) for the date ``text[start:end]``."""
    text = view.text
    low = start - _BEFORE if start > _BEFORE else 0
    # The words after the last full stop or line break are in the date's sentence: its
    # start is looked up only when they say nothing and the stop may end no sentence.
    cut = max(text.rfind(".", low, start), text.rfind("\n", low, start), low - 1) + 1
    sign = _before(text, cut, start)
    if not sign and cut > low and text[cut - 1] == "." and not _ends_sentence(view, cut - 1):
        begin = view.sentences.start(start, low)
        if begin < cut:
            sign = _before(text, begin, cut)
    return sign or _after(view, end)


def _ends_sentence(view: TextView, dot: int) -> bool:
    """Whether the full stop at ``dot`` surely ends a sentence: before a space, and
    ending no abbreviation (``U.S.``, ``Gov.``)."""
    return view.text[dot + 1 : dot + 2] in _SPACES and not view.ends_abbreviation(dot)


def _words(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]``, with their apostrophes and hyphens ("she'll",
    "so-called").  (Split at spaces and stripped of punctuation: several times faster
    than a regex for the ten words or so a date's tense reads.)"""
    words = [word.strip(_PUNCTUATION) for word in text[start:end].split()]
    return [word for word in words if word]


def _before(text: str, start: int, end: int) -> int:
    """The tense the last word of ``text[start:end]`` that gives one gives, or 0."""
    words = _words(text, start, end)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _CUES or word.endswith(_ENDS):
            sign = _phrase(words, i, _BY_LAST.get(word), True) or _sign(words, i)
            if sign:
                return sign
    return 0


def _after(view: TextView, end: int) -> int:
    """The tense the first word that gives one gives in the clause after ``end``, or 0."""
    text = view.text
    limit = end + _AFTER
    stop = _CLAUSE_END.search(text, end + 1, limit)
    while stop is not None and stop.group() == "." and view.ends_abbreviation(stop.start()):
        stop = _CLAUSE_END.search(text, stop.end(), limit)
    words = _words(text, end, stop.start() if stop else limit)
    for i, word in enumerate(words):
        if word in _CUES or word.endswith(_ENDS):
            sign = _phrase(words, i, _BY_FIRST.get(word), False) or _sign(words, i)
            if sign:
                return sign
    return 0


def _phrase(
    words: list[str], i: int, phrases: Iterable[tuple[tuple[str, ...], int]] | None, ending: bool
) -> int:
    """The tense of the phrase of ``phrases`` that ends (``ending``) or starts at
    ``words[i]``, or 0."""
    for phrase, sign in phrases or ():
        first = i - len(phrase) + 1 if ending else i
        if first >= 0 and tuple(words[first : first + len(phrase)]) == phrase:
            return sign
    return 0


def _sign(words: list[str], i: int) -> int:
    """The tense the word ``words[i]`` gives alone: a verb in the past tense after
    ``be`` or ``has`` (a participle) or a determiner (an adjective) gives none."""
    word = words[i]
    sign = _SIGNS.get(word, 0)
    if not sign:
        if not word.endswith("ed"):
            return FUTURE if word.endswith(FUTURE_ENDINGS) else 0
        if len(word) < 4 or not word[0].islower() or "-" in word or word in NOT_PAST:
            return 0
        sign = PAST
    return 0 if sign == PAST and _after_participle_word(words, i) else sign


def _after_participle_word(words: list[str], i: int) -> bool:
    """Whether the word before ``words[i]`` (past an adverb in ``-ly``) makes a participle
    or an adjective of it (``will be held``, ``is widely expected``, ``a designated day``)."""
    if i >= 2 and words[i - 1].endswith("ly"):
        i -= 1
    return i >= 1 and words[i - 1].lower() in PARTICIPLE_AFTER
