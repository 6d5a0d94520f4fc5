"""The entities' mentions, looked up by position: who a speaker's words name."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from newsdoc._model import Entity, EntityKind
from newsdoc.extraction._quotes._words import PRONOUNS

__all__ = ["Found", "Mention", "Mentions"]

#: An entity's mention: ``(start, end, entity)``.
Mention = tuple[int, int, int]
#: A speaker found in a stretch of text: its ``(start, end)``, and its entity if known.
Found = tuple[tuple[int, int], int | None]

_PERSON = EntityKind.PERSON
_first = operator.itemgetter(0)


class Mentions:
    """The mentions of one article's entities, in order, and the last speaker named
    (a speaking pronoun may stand for it)."""

    __slots__ = ("entities", "items", "last_speaker")

    def __init__(self, entities: Sequence[Entity], index: Sequence[Mention]) -> None:
        self.entities = entities
        self.items = index  # every mention, in order (bisected by where it starts)
        self.last_speaker: int | None = None

    def mentions(self, start: int, end: int) -> list[Mention]:
        """The mentions lying inside ``text[start:end]``."""
        items = self.items
        i = bisect.bisect_left(self.items, start, key=_first)
        out = []
        while i < len(items) and items[i][0] < end:
            if items[i][1] <= end:
                out.append(items[i])
            i += 1
        return out

    def named(self, start: int, end: int, first: bool) -> Found | None:
        """Among the `mentions` of ``text[start:end]``, in one pass: the first (or, not
        ``first``, the last) person named, else the first or the last mention."""
        items = self.items
        count = len(items)
        i = bisect.bisect_left(self.items, start, key=_first)
        chosen: Mention | None = None
        entities = self.entities
        while i < count:
            mention = items[i]
            if mention[0] >= end:
                break
            i += 1
            if mention[1] > end:
                continue
            if entities[mention[2]].kind is _PERSON:
                if first:
                    return (mention[0], mention[1]), mention[2]
                person = mention
                while i < count:  # the last person
                    mention = items[i]
                    if mention[0] >= end:
                        break
                    i += 1
                    if mention[1] <= end and entities[mention[2]].kind is _PERSON:
                        person = mention
                return (person[0], person[1]), person[2]
            if chosen is None or not first:
                chosen = mention
        if chosen is None:
            return None
        return (chosen[0], chosen[1]), chosen[2]

    def last_person(self, start: int, end: int) -> int | None:
        """The entity of the last person mentioned inside ``text[start:end]``, or None."""
        persons = [m for m in self.mentions(start, end) if self.entities[m[2]].kind is _PERSON]
        return persons[-1][2] if persons else None

    def resolve_pronoun(self, word: str, pos: int) -> int | None:
        """The entity a speaking pronoun at ``pos`` stands for: the last name of its kind
        mentioned before it, else the last speaker if of its kind."""
        kind = PRONOUNS.get(word.lower())
        if kind is None:
            return None
        entities = self.entities
        i = bisect.bisect_left(self.items, pos, key=_first) - 1
        while i >= 0:
            entity = self.items[i][2]
            if entities[entity].kind is kind:
                return entity
            i -= 1
        last = self.last_speaker
        return last if last is not None and entities[last].kind is kind else None
