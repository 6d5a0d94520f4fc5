"""The first pass: find the runs of capitalised tokens in the text and analyse each.

`NAME_RUN` finds the runs.  A run is placed first (where it starts, whether it
starts a sentence: that is all the analysis learns of what stands before it), then
analysed by `analyse_run`, or its analysis is taken from the cache
(`newsdoc.extraction._entities.cache`), and its mentions join ``doc.mentions``.
"""

from __future__ import annotations

from newsdoc.extraction._entities.cache import RunQuestions, caches_for, reuse
from newsdoc.extraction._entities.runs import analyse_run
from newsdoc.extraction._entities.state import Doc, Mention
from newsdoc.extraction._entities.words import (
    CREDIT_LABELS,
    FIRST_SPACE,
    NO_NAME,
    PARTICLE_GLUE,
    STANCE,
    STANCE_CAPS,
)
from newsdoc.extraction._lexicon import Lexicon
from newsdoc.extraction._tokens import NAME_RUN, PARTICLE_BEFORE, SENTENCE_PUNCT, is_sentence_start

__all__ = ["scan"]


def scan(doc: Doc) -> None:
    """Find and analyse every run of capitalised tokens in the text."""
    text = doc.text
    lex = doc.lex
    words = doc.words
    mid_sentence, at_start = caches_for(lex)
    # (The caches' dictionaries, looked up once: a store clears them in place.)
    mid_plain, mid_asked = mid_sentence.plain, mid_sentence.asked
    start_plain, start_asked = at_start.plain, at_start.asked
    questions = RunQuestions(words, 0)
    append = doc.mentions.append
    new = object.__new__
    for match in NAME_RUN.finditer(text):
        start, end = match.span()
        run = text[start:end]
        if run in NO_NAME and text[start - 1 : start] not in PARTICLE_GLUE:
            continue  # "But", "He", "Monday": never a name, whatever surrounds it
        if start == 0:
            sentence_start = True
        elif text[start - 1] == " ":
            # The usual case, tested here rather than in a function (a call a run): a
            # space before the run, and a word or a sentence's end before the space.
            before = text[start - 2] if start >= 2 else "."
            if before.isalnum():
                sentence_start = False
            else:
                sentence_start = before in SENTENCE_PUNCT or is_sentence_start(text, start)
        else:
            placed = _place(text, start, end)
            if placed is None:
                continue
            start, sentence_start = placed
            run = text[start:end]
        if "-" in run and run.startswith(STANCE_CAPS):
            skip = _stance_skip(run, lex)
            if skip < 0:
                continue
            if skip:
                start += skip
                run = text[start:end]
                sentence_start = False
        if text[end : end + 1] == ":":
            kept = _without_credit_label(run)
            if not kept:
                continue
            run = kept
        if sentence_start:
            records = start_plain.get(run)  # (most runs: analysed before, asking nothing)
            asked = start_asked
        else:
            records = mid_plain.get(run)
            asked = mid_asked
        if records is None:
            variants = asked.get(run)
            if variants is not None:
                records = reuse(variants, words, start)
            if records is None:
                ask = questions.at(start)
                records = analyse_run(run, sentence_start, lex, ask)
                (at_start if sentence_start else mid_sentence).store(run, ask.asked, records)
        # (Mentions are made without `Mention.__init__`: a third cheaper, and this is
        # the one place most mentions are made.)
        for rel_start, rel_end, said, kind, strength, name, tokens, title, shown, at in records:
            m: Mention = new(Mention)
            m.start = start + rel_start
            m.end = start + rel_end
            m.shown = start + shown
            m.title_at = None if at is None else (start + at[0], start + at[1])
            m.text = said
            m.kind = kind
            m.strength = strength
            m.name = m.group = name
            m.tokens = tokens
            m.title = title
            append(m)


def _place(text: str, start: int, end: int) -> tuple[int, bool] | None:
    """Where a run that follows no space starts, and whether it starts a sentence; None
    when it is no name (a capital inside a word: ``iPhone``)."""
    prev = text[start - 1]
    if prev.isalnum():
        return None
    if prev == "-" and STANCE.search(text, max(0, start - 6), start - 1):
        # "pro-Beijing camp": a stance, not the place; the run goes on after that word
        # ("pro-Beijing New People's Party").
        cut = text.find(" ", start, end)
        if cut < 0 or not text[cut + 1].isupper():
            return None
        return cut + 1, False
    if prev in "-'’":
        particle = PARTICLE_BEFORE.search(text, max(0, start - 5), start)
        if particle is not None:
            start = particle.start()  # al-Qaeda
    return start, is_sentence_start(text, start)


def _stance_skip(run: str, lex: Lexicon) -> int:
    """A stance ("For the Pro-Beijing camp"), as after "pro-" in lower case, when a listed
    name follows the dash (not "Anti-Defamation League").  How many characters of the
    run the stance takes (0: none; -1: the whole run)."""
    found = FIRST_SPACE.search(run)
    first = run if found is None else run[: found.start()]
    if first[first.index("-") + 1 :] not in lex.names:
        return 0
    if found is None or not run[found.end() : found.end() + 1].isupper():
        return -1
    return found.end()


def _without_credit_label(run: str) -> str:
    """The run without a credit's label before a colon ("... at the booth. Image: Jane
    Doe"); "" when the label is all of it."""
    cut = max(run.rfind(" "), run.rfind("\u00a0")) + 1
    if run[cut:] not in CREDIT_LABELS:
        return run
    return run[:cut].rstrip(" \u00a0")  # (and the spaces before the label)
