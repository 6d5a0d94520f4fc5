"""The per-process cache of run analyses, and the one window a run's analysis has on
its article.

News repeats names, so most runs of capitalised words have been analysed before in
the process; reusing the analysis is the largest saving of entity finding.

The invariant that makes reuse safe:

* The analysis of a run (`newsdoc.extraction._entities.runs.analyse_run`) is a function
  of the run's text, whether the run starts a sentence, the lexicon, and the answers
  to the questions it asks through its `RunQuestions` -- nothing else.  It is handed
  no other part of the article: its offsets are relative to the run.
* `RunQuestions` records every question with its answer; a rule cannot forget to.
  A question is answered by `answer`, the one definition used both when the analysis
  asks and when the cache checks a stored analysis against a new article.
* The cache keys an analysis by lexicon, sentence start and run text, and stores it
  with the questions asked and the answers got.  A stored analysis is reused only
  when each of its questions gets the same answer in the new article (the analysis
  chooses its next question by the answers so far, so the same answers mean the same
  questions and the same result).

A new rule that needs to know more of the article adds a question here (to `answer`
and to `RunQuestions`); it then cannot make the cache serve one article's result to
another.
"""

from __future__ import annotations

from newsdoc._model import EntityKind
from newsdoc.extraction._entities.state import TextWords, prev_word
from newsdoc.extraction._lexicon import Lexicon
from newsdoc.extraction._tokens import line_case

__all__ = ["Record", "RunCache", "RunQuestions", "answer", "caches_for", "reuse"]

#: A question about the article around a run: a lower-case word (is it written in the
#: article?), or ``(what, offset)`` about the text before the run (or, for the case of
#: the run's line, ``("line case", the run's length)``).
Question = str | tuple[str, int]
Answer = bool | str
#: The word right before the run (past one space), or "".
WORD_BEFORE: Question = ("word before", 0)

#: A mention found in a run: offsets relative to the run, text, kind, strength, name,
#: tokens, title; where the span shown starts; where the title is written, or None.
Record = tuple[
    int,
    int,
    str,
    EntityKind | None,
    int,
    str,
    tuple[str, ...],
    str | None,
    int,
    tuple[int, int] | None,
]


def answer(words: TextWords, start: int, question: Question) -> Answer:
    """The answer to ``question`` about the run at ``start`` in ``words.text``."""
    if isinstance(question, str):
        return words.written(question)
    what, back = question
    text = words.text
    if what == "word before":
        return prev_word(text, start)
    if what == "line case":
        return line_case(text, start, back)  # (``back``: the run's length)
    # "char before": the character ``back`` places before the run.  (At the very start
    # of the text the slice wraps round to its end, as the rules always did: kept, since
    # answering "" there turns the capitals opening an all-capitals headline into
    # organisations; to be fixed with a rule for such headlines.)
    return text[start - back : start - back + 1]


class RunQuestions:
    """What the analysis of one run may learn of its article; every answer is recorded."""

    __slots__ = ("_start", "_words", "asked")

    def __init__(self, words: TextWords, start: int) -> None:
        self._words = words
        self._start = start
        #: The questions asked so far, with their answers, in order.
        self.asked: list[tuple[Question, Answer]] = []

    def at(self, start: int) -> RunQuestions:
        """This window moved to the run at ``start``, with no question asked yet (one
        window serves every run of a text: cheaper than one made for each)."""
        self._start = start
        self.asked = []
        return self

    def _ask(self, question: Question) -> Answer:
        got = answer(self._words, self._start, question)
        self.asked.append((question, got))
        return got

    def written_lower(self, low: str) -> bool:
        """Does the article write ``low`` as a word of its own (between white space,
        maybe with ``,`` or ``.`` after it)?"""
        # (What `answer` does for a word, without its calls: the most common question.)
        got = self._words.written(low)
        self.asked.append((low, got))
        return got

    def word_before_run(self) -> str:
        """The word right before the run (past one space), or ``""``."""
        return str(self._ask(WORD_BEFORE))

    def line_case(self, length: int) -> str:
        """How the line of the run (``length`` characters long) is written: ``""`` (with
        lower-case letters), ``"capitals"``, or ``"dateline"`` (all capitals, the run
        opening it before a date: ``LONDON 1996-12-06``)."""
        return str(self._ask(("line case", length)))

    def char_before_run(self, back: int) -> str:
        """The character ``back`` places before the run, or ``""``."""
        return str(self._ask(("char before", back)))


#: A stored analysis: the questions it asked with their answers, and its records.
Variant = tuple[tuple[tuple[Question, Answer], ...], tuple[Record, ...]]

#: Analyses stored per run text, for articles that answer its questions differently.
_VARIANT_LIMIT = 4
#: Run texts a cache holds at most (about 1 KB each with their records).  News repeats
#: its frequent names within a few thousand articles, so a larger cache hardly adds
#: hits; this bound keeps a worker's memory flat after its first few thousand articles
#: (8,000 per cache is reached by about 10,000 articles of the corpus benchmark).
_CACHE_LIMIT = 8_000


class RunCache:
    """Stored analyses of runs, for one lexicon and one sentence-start flag."""

    __slots__ = ("asked", "plain")

    def __init__(self) -> None:
        #: Analyses that asked the article nothing: their records, by run text.
        self.plain: dict[str, tuple[Record, ...]] = {}
        #: Analyses that asked: variants of (questions and answers, records), by run text.
        self.asked: dict[str, list[Variant]] = {}

    def store(
        self, text: str, asked: list[tuple[Question, Answer]], records: tuple[Record, ...]
    ) -> None:
        """Keep the analysis of ``text`` with the questions it asked."""
        if len(self.plain) + len(self.asked) >= _CACHE_LIMIT:
            # Full: the older half goes (dicts keep insertion order), so the runs
            # seen lately stay and a full cache does not start again cold.
            for kept in (self.plain, self.asked):
                for old in list(kept)[: len(kept) // 2]:
                    del kept[old]
        if not asked:
            self.plain[text] = records
            return
        variants = self.asked.get(text)
        if variants is None:
            self.asked[text] = [(tuple(asked), records)]
        elif len(variants) < _VARIANT_LIMIT:
            variants.append((tuple(asked), records))


def reuse(variants: list[Variant], words: TextWords, start: int) -> tuple[Record, ...] | None:
    """The records of the first of ``variants`` whose questions get the answers they got
    for the run at ``start`` of ``words.text``."""
    memo = words.answers
    for asked, records in variants:
        for question, answered in asked:
            if type(question) is str:
                # The usual question, a word: the memo answers it without a call.
                known: Answer | None = memo.get(question)
                if known is None:
                    known = words.written(question)
            else:
                known = answer(words, start, question)
            if known != answered:
                break
        else:
            return records
    return None


#: The caches of each lexicon, by its id (the lexicon is kept, so the id stays its own).
_CACHES: dict[int, tuple[Lexicon, RunCache, RunCache]] = {}


def caches_for(lexicon: Lexicon) -> tuple[RunCache, RunCache]:
    """The caches for runs in mid-sentence and at a sentence start, for ``lexicon``."""
    caches = _CACHES.get(id(lexicon))
    if caches is None:
        caches = _CACHES[id(lexicon)] = (lexicon, RunCache(), RunCache())
    return caches[1], caches[2]
