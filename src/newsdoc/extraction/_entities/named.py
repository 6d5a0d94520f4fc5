"""A name of a known kind, with the listed places inside it as mentions of their own
(``Florida`` in ``Florida State University``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdoc._model import EntityKind
from newsdoc.extraction._entities.state import strip_the
from newsdoc.extraction._entities.words import OF_JOINS, OF_PLACE_HEADS, ORG, PLACE

if TYPE_CHECKING:
    from newsdoc.extraction._entities.runs import Run, Tok

__all__ = ["named"]


def named(
    run: Run,
    tokens: list[Tok],
    joins: list[str],
    kind: EntityKind,
    strength: int,
    name: str | None = None,
) -> None:
    """A name of ``kind``, with a known place inside it as a mention of its own: at its
    start ("Florida State University") or after "of" ("Bank of England")."""
    text = run.text
    start, end = tokens[0][0], tokens[-1][1]
    run.add(start, end, kind, strength, name or strip_the(text[start:end]))
    names = run.lex.names
    n = len(tokens)
    i = 0
    while i < n:
        if i == 0 or joins[i - 1] in OF_JOINS:
            # The longest listed place of up to three words from here (not the whole name).
            for j in range(min(n, i + 3), i, -1):
                if i == 0 and j == n:
                    continue
                known = names.get(text[tokens[i][0] : tokens[j - 1][1]])
                if known is not None and known[0] is PLACE:
                    run.add(tokens[i][0], tokens[j - 1][1], PLACE, 3, known[1])
                    i = j - 1
                    break
            else:
                if i == 1 and kind is ORG and _of_place(run, tokens, joins):
                    # "University of Sheffield", "Municipality of Livorno": a place.
                    run.add(tokens[1][0], end, PLACE, 1)
                    break
        i += 1


def _of_place(run: Run, tokens: list[Tok], joins: list[str]) -> bool:
    """Is this "<head> of <words>", the words naming a place?"""
    org_heads = run.lex.org_heads
    return (
        tokens[0][2] in OF_PLACE_HEADS
        and joins[0] == "of"
        and all(tok[2] not in org_heads for tok in tokens[1:])
        and all(join == "" for join in joins[1:])
    )
