"""Trim a segment of a run and type it: one word (`single`), or several (`multi`).

Trimming strips an adjective's suffix (``US-led`` is ``US``), trailing date words,
and leading words that do not begin names: function words (``But``), dates, and at
a sentence start a common word (``According``), which the article writes in lower
case elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdoc.extraction._entities import multi, single
from newsdoc.extraction._entities.words import (
    ADJ_SUFFIXES,
    DATE_WORDS,
    LEADING_STOP,
    PRONOUN_TOKENS,
)

if TYPE_CHECKING:
    from newsdoc.extraction._entities.runs import Run, Tok

__all__ = ["segment"]


def segment(run: Run, tokens: list[Tok], joins: list[str], sentence_start: bool) -> None:
    """Trim one segment and type it."""
    # Strip adjective suffixes: "US-led" -> "US".
    last = tokens[-1]
    if "-" in last[2]:
        head, _, tail = last[2].rpartition("-")
        if tail in ADJ_SUFFIXES and head:
            tokens = [*tokens[:-1], (last[0], last[0] + len(head), head)]
    # Drop trailing date words and function words.
    while (
        len(tokens) > 1
        and joins[-1] == ""
        and (tokens[-1][2] in DATE_WORDS or tokens[-1][2] in LEADING_STOP)
    ):
        tokens, joins = tokens[:-1], joins[:-1]
    # Drop leading words that begin no name.
    while tokens:
        word = tokens[0][2]
        if word in DATE_WORDS or word in PRONOUN_TOKENS or word in LEADING_STOP:
            pass  # "But", "Monday", "I"
        elif not sentence_start or not _common_first(run, tokens):
            break
        tokens = tokens[1:]
        if joins:
            join = joins[0]
            joins = joins[1:]
            if join:  # "According to" left a connector in front: cut there
                if tokens:
                    segment(run, tokens, joins, False)
                return
        sentence_start = False
    if not tokens:
        return
    if len(tokens) == 1:
        single.single(run, tokens[0], sentence_start)
    else:
        multi.multi(run, tokens, joins)


def _common_first(run: Run, tokens: list[Tok]) -> bool:
    """Is the first word of a segment opening a sentence a common word (no name)?"""
    word = tokens[0][2]
    lex = run.lex
    if (
        run.text[tokens[0][0] : tokens[-1][1]] in lex.names
        or word in lex.names
        or word in lex.title_words
        or word in lex.first_names
    ):
        return False
    low = word.lower()
    if low in lex.common:
        return True
    if len(tokens) > 1 and (tokens[1][2] in lex.org_heads or tokens[1][2] in lex.place_heads):
        return False  # "Air Force", though the article may write "air" too
    # A capitalised word the article writes in lower case elsewhere ("According").
    return run.ask.written_lower(low)
