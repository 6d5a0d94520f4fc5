"""A person named after a title (``Syrian President Bashar al-Assad``), or a title
standing for a person (``the Foreign Secretary``).

The title is the title head the segment holds (``President``), with the title words
right before it (``Vice``) and after it (``of State``); the name follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdoc.extraction._entities import segment
from newsdoc.extraction._entities.named import named
from newsdoc.extraction._entities.state import prev_word
from newsdoc.extraction._entities.words import OF_JOINS, ORG, PERSON, PLACE

if TYPE_CHECKING:
    from newsdoc.extraction._entities.runs import Run, Tok

__all__ = ["titled"]


def titled(run: Run, tokens: list[Tok], joins: list[str], words: list[str], head: int) -> None:
    """Type a segment holding a title head at ``words[head]``."""
    lex = run.lex
    text = run.text
    n = len(words)
    title_start, title_end = _title_bounds(run, joins, words, head)
    name_from = _name_start(run, joins, words, title_end)
    if title_start > 0:
        # What stands before the title is a name of its own ("Centcom" in "Centcom chief").
        segment.segment(run, tokens[:title_start], joins[: title_start - 1], False)
    if name_from >= n:
        # A title alone: a person when "the" goes before it (or a nationality, a place).
        if title_start == 0 and _word_before(run, tokens[0][0]).lower() != "the":
            return
        start, end = tokens[0][0], tokens[-1][1]
        title = text[tokens[title_start][0] : end]
        run.found.append((start, end, text[start:end], PERSON, 2, title, (), title, start, None))
        return
    name_tokens = tokens[name_from:]
    name_words = words[name_from:]
    if any(word in lex.org_heads for word in name_words) or name_words[-1] in lex.place_heads:
        # "Justice Department": not a person after all.
        kind = PLACE if name_words[-1] in lex.place_heads else ORG
        named(run, tokens[title_start:], joins[title_start:], kind, 2)
        return
    name_start, name_end = name_tokens[0][0], name_tokens[-1][1]
    name_text = text[name_start:name_end]
    known = lex.names.get(name_text)
    if known is not None and known[0] is not PERSON:
        run.add(name_start, name_end, known[0], 3, known[1])
        return
    # The span is the name without its title ("General Michael Kurilla" is a mention of
    # "Michael Kurilla", titled "General"), as the news NER corpora mark people.
    title_at = (tokens[title_start][0], tokens[name_from - 1][1])
    title = text[title_at[0] : title_at[1]]
    run.add(
        tokens[0][0],
        tokens[-1][1],
        PERSON,
        2,
        name_text,
        name_words,
        title=title,
        shown=name_start,
        title_at=title_at,
    )


def _title_bounds(run: Run, joins: list[str], words: list[str], head: int) -> tuple[int, int]:
    """The first and the last word of the title around its head."""
    title_words = run.lex.title_words
    title_start = head
    while (
        title_start > 0 and words[title_start - 1] in title_words and joins[title_start - 1] == ""
    ):
        title_start -= 1
    title_end = head
    while (
        title_end + 1 < len(words)
        and words[title_end + 1] in title_words
        and (joins[title_end] == "" or joins[title_end] in OF_JOINS)
    ):
        title_end += 1
    return title_start, title_end


def _name_start(run: Run, joins: list[str], words: list[str], title_end: int) -> int:
    """Where the name after the title starts (``len(words)`` when none follows)."""
    n = len(words)
    name_from = title_end + 1
    if name_from < n and joins[title_end] in OF_JOINS:
        # "Minister for the Middle East Tobias Ellwood": the complement runs to a given
        # name, or leaves the last two words for the name.
        first_names = run.lex.first_names
        name_from = next((i for i in range(name_from + 1, n) if words[i] in first_names), -1)
        if name_from < 0:
            name_from = n - 2 if n - title_end - 1 >= 3 else n
    return name_from


def _word_before(run: Run, pos: int) -> str:
    """The word before ``run.text[pos:]``: in the run, or (at its start) asked of the article."""
    if pos == 0:
        return run.ask.word_before_run()
    return prev_word(run.text, pos)
