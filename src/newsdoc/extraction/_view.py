"""One view of an article's text, shared by every extractor: parts, paragraphs, sentences.

The extractors all read the same :class:`TextView`, so that they agree on where a
paragraph or a sentence starts and none of them splits the text again.  The text
is the whole article: the headline, each image's caption and credit, and the
body's paragraphs, joined by blank lines; the view knows which part each offset
falls in.

Definitions (every offset counts in ``view.text``):

* A *part* is ``(name, index, start, end)``: ``name`` is ``"headline"``,
  ``"caption"``, ``"credit"`` or ``"body"``, ``index`` the image's index for a
  caption or a credit (0 otherwise).  Parts are in order, and only line breaks
  stand between them (the text is the parts joined by ``"\\n\\n"``).
* A *paragraph* is a stretch of a part between blank lines: the part is cut at
  each ``"\\n\\n"``, read from left to right.  An empty part is one empty paragraph.
* A *sentence* starts at each paragraph's start and after each sentence end inside
  a paragraph: a full stop, ``!``, ``?`` or ``…`` (a run of them), any closing
  marks and at least one space, before a capital, a digit or an opening mark.  The
  full stop of an abbreviation (``Mr.``, ``Jan.``: ``data/sentence_words.txt``)
  or of an initial (``J.``, ``U.S.``) ends no sentence, nor does a line break
  inside a paragraph.  Sentences tile their paragraph: one ends where the next
  starts (spaces between them belong to the first).
* A *clause start* is the looser notion the entity rules use to discount a
  capital (:meth:`TextView.is_clause_start`): also after ``:``, ``;``, a line
  break, an opening quote mark, bracket or dash.
* A *word* is a run of letters and digits, which ``'``, ``’`` or ``-`` may join
  (``don't``, ``al-Assad``).

Only the text and its parts are stored when a view is made; paragraphs,
sentences and words are worked out on first use (see `TextView`).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterable

from newsdoc.extraction._lexicon import word_sections
from newsdoc.extraction._tokens import is_sentence_start

__all__ = ["PARAGRAPH_BREAK", "Part", "Sentences", "TextView", "Words"]

#: What separates two paragraphs, and two parts of an article.
PARAGRAPH_BREAK = "\n\n"

#: A part of the text: ``(name, index, start, end)``.
Part = tuple[str, int, int, int]

_ABBREVIATIONS = sorted(word_sections("sentence_words")["abbreviations"])


def _abbreviation_lookbehinds() -> str:
    """Negative look-behinds, one per word length (a look-behind has a fixed width),
    that refuse a full stop closing one of `_ABBREVIATIONS`."""
    by_length: dict[int, list[str]] = {}
    for word in _ABBREVIATIONS:
        by_length.setdefault(len(word), []).append(re.escape(word))
    return "".join(rf"(?<!\b(?:{'|'.join(words)})\.)" for _, words in sorted(by_length.items()))


# The end of a sentence: a run of stops (not the dot of ``Mr.``, ``U.S.`` or ``J.``),
# closing marks and spaces, before a capital, a digit or an opening mark.  There is
# one pattern for a run opening with a dot and one for the other stops: a pattern
# opening with one character lets the engine skip quickly from one dot to the next
# (and most articles have no other stop).
_SENTENCE_TAIL = r"[.!?…]*[\"”’)\]]*[ \u00a0]+(?=[A-Z“\"‘'(0-9\u0080-\U0010ffff])"
_SENTENCE_END_DOT = re.compile(
    # (The look-ahead turns down the dot of a number before the look-behinds run.)
    r"\.(?=[.!?…\"”’)\] \u00a0])(?<![.!?…]\.)(?<!\b[A-Z]\.)(?<!\.[A-Z]\.)"
    + _abbreviation_lookbehinds()
    + _SENTENCE_TAIL
)
_SENTENCE_END_OTHER = [
    (stop, re.compile(re.escape(stop) + rf"(?<![.!?…]{re.escape(stop)})" + _SENTENCE_TAIL))
    for stop in "!?…"
]
_SENTENCE_ENDS = [(".", _SENTENCE_END_DOT), *_SENTENCE_END_OTHER]
# The characters a sentence end is made of.
_END_CHARS = frozenset('.!?…"”’)] \u00a0')
# What stands right before a full stop that closes an abbreviation or an initial
# (searched in a short window ending at the stop; ``\b`` sees the text before it).
_ABBREVIATION_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(map(re.escape, _ABBREVIATIONS))}|[A-Z])|\.[A-Z])\Z"
)
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS)) + 2

# Where a part starts (its sort key), and where a paragraph or a word starts.
_part_start = operator.itemgetter(2)
_first = operator.itemgetter(0)

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Where a sentence starts after the end of another inside ``text[start:end]``, in
    order.

    ``start`` must not stand inside a sentence end (see `_back_over_ends`).  A
    sentence end never runs over a line break, so that searching a stretch of a
    paragraph finds what searching the whole text finds in it.  The patterns let
    any character past ASCII through, which must be a capital or an opening mark
    (`_opens_sentence`, inline).
    """
    search = _SENTENCE_END_DOT.finditer
    if text.isascii():  # (free: the string knows it)
        ends = [match.end() for match in search(text, start, end)]
    else:
        ends = [
            pos
            for match in search(text, start, end)
            if (char := text[pos := match.end()]) < "\x80" or char.isupper() or char in "“‘"
        ]
    other = False
    for stop, pattern in _SENTENCE_END_OTHER:
        if text.find(stop, start, end) >= 0:
            ends += [
                pos
                for match in pattern.finditer(text, start, end)
                if (char := text[pos := match.end()]) < "\x80" or char.isupper() or char in "“‘"
            ]
            other = True
    if other:
        ends.sort()
    return ends


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``text[pos]``, after a sentence end the patterns found, opens a sentence:
    the patterns let any character past ASCII through, which must be a capital or an
    opening mark."""
    char = text[pos]
    return char < "\x80" or char.isupper() or char in "“‘"


def _first_sentence_end(text: str, start: int, end: int, after: int) -> int:
    """Where the first sentence starts after the end of another inside
    ``text[start:end]``, past offset ``after`` (``end`` if none does).

    Stops at the first one: cheaper than `_sentence_ends` over a long stretch.
    """
    for stop, pattern in _SENTENCE_ENDS:
        if stop != "." and text.find(stop, start, end) < 0:
            continue
        match = pattern.search(text, start, end)
        while match is not None:
            pos = match.end()
            if pos > after and _opens_sentence(text, pos):
                end = pos  # (the next stops' patterns then search only before it)
                break
            match = pattern.search(text, pos, end)
    return end


def _back_over_ends(text: str, pos: int) -> int:
    """``pos`` moved back past the characters a sentence end is made of (stops, closing
    marks, spaces), so that a search from there finds a sentence end running into
    ``pos``."""
    while pos > 0 and text[pos - 1] in _END_CHARS:
        pos -= 1
    return pos


def _paragraphs(text: str, parts: tuple[Part, ...]) -> list[tuple[int, int]]:
    """The paragraphs of every part, ``(start, end)``, in order.

    Checks that the parts are in order and set off by line breaks only (else
    `ValueError`).  Looks for one newline at a time (searching for one character
    is much faster than for two) and checks the next.
    """
    out: list[tuple[int, int]] = []
    find = text.find
    last = 0  # the end of the part before
    for _, _, start, end in parts:
        # After the part before (at the text's start, the first may be empty), with only
        # line breaks, one or more, between them.
        if (
            start < last
            or end < start
            or (start == last and out)
            or (start > last and text.count("\n", last, start) != start - last)
        ):
            raise ValueError(f"TextView: the part at ({start}, {end}) is out of place")
        pos = start
        newline = find("\n", start, end)
        while newline >= 0:
            if newline + 1 < end and text[newline + 1] == "\n":
                out.append((pos, newline))
                pos = newline + 2
                newline = find("\n", pos, end)
            else:
                newline = find("\n", newline + 1, end)
        out.append((pos, end))
        last = end
    if not out or last > len(text) or text.count("\n", last) != len(text) - last:
        raise ValueError("TextView: no part, or more than line breaks after the last one")
    return out


class TextView:
    """An article's text with its parts, paragraphs, sentences and words, by offset.

    ``TextView(text)`` reads the whole text as one ``"body"`` part;
    ``TextView(text, parts)`` takes the parts the caller knows (see `joined`).
    Treat a view as read-only: its lists are shared by every extractor.

    Making a view stores the text and its parts, nothing more.  Paragraphs,
    `Sentences` and `Words` are each found on first use and kept (in slots,
    ``None`` until then; `functools.cached_property` would take a lock on every
    first use in Python 3.11): an extractor that never asks for sentences (dates
    in a text with no weekday) never pays for them, and the second extractor to
    ask gets the first one's.  Hot loops should take the lists into locals once.
    """

    __slots__ = ("_paragraph_starts", "_paragraphs", "_sentences", "_words", "parts", "text")

    def __init__(self, text: str, parts: Iterable[Part] | None = None) -> None:
        #: The whole text.
        self.text = text
        #: Its parts, ``(name, index, start, end)``, in order.
        self.parts: tuple[Part, ...] = (
            (("body", 0, 0, len(text)),) if parts is None else tuple(parts)
        )
        self._paragraphs: list[tuple[int, int]] | None = None
        self._paragraph_starts: list[int] | None = None
        self._sentences: Sentences | None = None
        self._words: Words | None = None

    @classmethod
    def joined(cls, pieces: Iterable[tuple[str, int, str]]) -> TextView:
        """The view of ``(name, index, text)`` pieces joined by `PARAGRAPH_BREAK`.

        >>> view = TextView.joined([("headline", 0, "Vote"), ("body", 0, "It passed.")])
        >>> view.text, view.parts
        ('Vote\\n\\nIt passed.', (('headline', 0, 0, 4), ('body', 0, 6, 16)))
        """
        texts: list[str] = []
        parts: list[Part] = []
        start = 0
        for name, index, piece in pieces:
            texts.append(piece)
            parts.append((name, index, start, start + len(piece)))
            start += len(piece) + len(PARAGRAPH_BREAK)
        return cls(PARAGRAPH_BREAK.join(texts), parts)

    def __repr__(self) -> str:
        return f"TextView({self.text!r}, {self.parts!r})"

    def part_at(self, pos: int) -> Part:
        """The part holding offset ``pos`` (its end included); in the line breaks between
        two parts, the one before."""
        parts = self.parts
        index = bisect.bisect_right(parts, pos, key=_part_start) - 1
        return parts[index if index > 0 else 0]

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Every paragraph's ``(start, end)``, in order (a part holds one or more).

        Found on first use, when the parts are checked: in order, inside the text
        and set off by line breaks only (`ValueError` if not).  Do not change it.
        """
        found = self._paragraphs
        if found is None:
            found = self._paragraphs = _paragraphs(self.text, self.parts)
        return found

    @property
    def paragraph_starts(self) -> list[int]:
        """Where each paragraph starts, in order (for `bisect`; do not change it)."""
        starts = self._paragraph_starts
        if starts is None:
            starts = self._paragraph_starts = list(map(_first, self.paragraphs))
        return starts

    def paragraph_at(self, pos: int) -> int:
        """The index of the paragraph holding ``pos`` (its end included); in the line
        breaks after a paragraph, that paragraph's."""
        index = bisect.bisect_right(self.paragraph_starts, pos) - 1
        return index if index > 0 else 0

    @property
    def sentences(self) -> Sentences:
        """The sentences of the text (see `Sentences`)."""
        found = self._sentences
        if found is None:
            found = self._sentences = Sentences(self.text, self.paragraphs)
        return found

    @property
    def words(self) -> Words:
        """The words of the text (see `Words`)."""
        found = self._words
        if found is None:
            found = self._words = Words(self.text)
        return found

    def ends_abbreviation(self, dot: int) -> bool:
        """Whether the full stop at ``dot`` closes an abbreviation (``Mr.``) or an initial
        (``J.``, ``U.S.``), so that it ends no sentence."""
        low = dot - _ABBREVIATION_REACH
        return _ABBREVIATION_BEFORE.search(self.text, low if low > 0 else 0, dot) is not None

    def is_clause_start(self, pos: int) -> bool:
        """Whether ``text[pos]`` opens a clause, where a capital says nothing of a name.

        Looser than a sentence start: the start of the text, or after (past
        spaces) an opening quote mark, bracket, dash or bullet, a ``.!?:;``, a
        line break, or a closing mark right after ``.!?`` (``... he said.” Next``).
        """
        # One definition, shared with the entity scan, which calls it on the text.
        return is_sentence_start(self.text, pos)


class Sentences:
    """The sentences of a text (`TextView.sentences`), found on first use.

    A sentence starts at each paragraph's start and at each *break*: where a
    sentence ends inside a paragraph and the next begins.  Until every break is
    asked for (`breaks`, `starts`, `spans`, `at`), the lookups that take a
    position (`start`, `next_start`, `breaks_in`) read only the text around it:
    an extractor that asks about a few places reads a fraction of the text.
    """

    __slots__ = ("_breaks", "_paragraph_starts", "_paragraphs", "_spans", "_starts", "_text")

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        self._text = text
        self._paragraphs = paragraphs
        self._paragraph_starts: list[int] | None = None
        self._breaks: list[int] | None = None
        self._starts: list[int] | None = None
        self._spans: tuple[tuple[int, int], ...] | None = None

    @property
    def breaks(self) -> list[int]:
        """Every break, in order (for `bisect`; do not change it)."""
        breaks = self._breaks
        if breaks is None:
            breaks = self._breaks = _sentence_ends(self._text, 0, len(self._text))
        return breaks

    @property
    def starts(self) -> list[int]:
        """Where each sentence starts, in order: the paragraphs' starts and the breaks
        (for `bisect`; do not change it)."""
        starts = self._starts
        if starts is None:
            # A break is always inside a paragraph (only line breaks stand between
            # paragraphs) and never at its start: a plain sort merges them.
            starts = self._starts = self._paragraph_starts_() + self.breaks
            starts.sort()
        return starts

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every sentence's ``(start, end)``, in order; together they tile each paragraph
        (the spaces after a sentence are its own)."""
        spans = self._spans
        if spans is None:
            spans = self._spans = _tile(self.starts, self._paragraphs)
        return spans

    def _paragraph_starts_(self) -> list[int]:
        starts = self._paragraph_starts
        if starts is None:
            starts = self._paragraph_starts = list(map(_first, self._paragraphs))
        return starts

    def at(self, pos: int) -> int:
        """The index (in `spans`) of the sentence holding ``pos``; in the line breaks
        after a paragraph, its last sentence's."""
        index = bisect.bisect_right(self.starts, pos) - 1
        return index if index > 0 else 0

    def breaks_in(self, start: int, end: int) -> list[int]:
        """The breaks ``b`` with ``start <= b < end`` (a new list)."""
        breaks = self._breaks
        if breaks is not None:
            return breaks[bisect.bisect_left(breaks, start) : bisect.bisect_left(breaks, end)]
        text = self._text
        low = _back_over_ends(text, start)
        breaks = _sentence_ends(text, low, end)
        if low < start and breaks and breaks[0] < start:  # (a sentence end ran into start)
            breaks = breaks[bisect.bisect_left(breaks, start) :]
        return breaks

    def start(self, pos: int, floor: int = 0) -> int:
        """Where the sentence holding ``pos`` starts (in the line breaks after a
        paragraph, its last sentence's), or ``floor`` if that is later."""
        starts = self._paragraph_starts_()
        i = bisect.bisect_right(starts, pos) - 1
        low = starts[i if i > 0 else 0]
        if floor > low:
            low = floor
        breaks = self._breaks
        if breaks is None:  # only the text from ``low`` to ``pos`` is read
            breaks = _sentence_ends(self._text, _back_over_ends(self._text, low), pos + 1)
            last = breaks[-1] if breaks else low
        else:
            i = bisect.bisect_right(breaks, pos)
            last = breaks[i - 1] if i else low
        return last if last > low else low

    def next_start(self, pos: int, limit: int) -> int:
        """Where the first sentence after ``pos`` starts (a break, or the next
        paragraph's start), or ``limit`` if that comes first."""
        starts = self._paragraph_starts_()
        i = bisect.bisect_right(starts, pos)
        if i < len(starts) and starts[i] < limit:
            limit = starts[i]
        breaks = self._breaks
        if breaks is None:  # only the text from ``pos`` to the break is read
            if pos >= limit:
                return limit
            return _first_sentence_end(self._text, _back_over_ends(self._text, pos), limit, pos)
        i = bisect.bisect_right(breaks, pos)
        return breaks[i] if i < len(breaks) and breaks[i] < limit else limit


def _tile(starts: list[int], paragraphs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The sentences ``(start, end)`` that start at ``starts``: each ends where the next
    starts, or at its paragraph's end."""
    out = []
    i = 0
    for _, end in paragraphs:
        while i + 1 < len(starts) and starts[i + 1] < end:
            out.append((starts[i], starts[i + 1]))
            i += 1
        out.append((starts[i], end))
        i += 1
    return tuple(out)


class Words:
    """The words of a text (`TextView.words`): runs of letters and digits, which ``'``,
    ``’`` or ``-`` may join (``don't``, ``al-Assad``), found on first use."""

    __slots__ = ("_spans", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: tuple[tuple[int, int], ...] | None = None
        self._starts: list[int] | None = None

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Every word's ``(start, end)``, in order."""
        spans = self._spans
        if spans is None:
            spans = self._spans = tuple(match.span() for match in _WORD.finditer(self._text))
        return spans

    def at(self, pos: int) -> tuple[int, int] | None:
        """The word holding ``pos`` (its end included), or None."""
        index = self._index(pos)
        return self.spans[index] if index >= 0 and pos <= self.spans[index][1] else None

    def before(self, pos: int) -> tuple[int, int] | None:
        """The last word ending at or before ``pos``, or None."""
        spans = self.spans
        index = self._index(pos)
        if index >= 0 and spans[index][1] > pos:
            index -= 1
        return spans[index] if index >= 0 else None

    def _index(self, pos: int) -> int:
        """The index of the last word starting at or before ``pos`` (-1: none)."""
        starts = self._starts
        if starts is None:
            starts = self._starts = list(map(_first, self.spans))
        return bisect.bisect_right(starts, pos) - 1
