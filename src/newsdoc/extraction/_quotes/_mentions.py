"""The entities' mentions, looked up by position: who a speaker's words name."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from newsdoc._model import Entity, EntityKind
from newsdoc.extraction._quotes._words import AUXILIARIES, CUE

__all__ = ["Found", "Mention", "Mentions"]

#: An entity's mention: ``(start, end, entity)``.
Mention = tuple[int, int, int]
#: A speaker found in a stretch of text: its ``(start, end)``, and its entity if known.
Found = tuple[tuple[int, int], int | None]

_PERSON = EntityKind.PERSON
_PLACE = EntityKind.PLACE
_NATIONALITY = EntityKind.NATIONALITY
#: Words that join two speakers ("Amy Ward and Tom Price said"): neither qualifies.
_JOINS = frozenset({"and", "or", "nor", "with", "&"})
_first = operator.itemgetter(0)


class Mentions:
    """The mentions of one article's entities, in order, and the last speaker named
    (a speaking pronoun may stand for it: `newsdoc.extraction._quotes._pronouns`)."""

    __slots__ = ("entities", "items", "last_speaker", "text")

    def __init__(self, text: str, entities: Sequence[Entity], index: Sequence[Mention]) -> None:
        self.text = text
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
        """Among the `mentions` of ``text[start:end]``: the first (or, not ``first``, the
        last) person named, else the first or the last mention; a name that only
        qualifies a noun after it is passed over (`qualifies`)."""
        inside = self.mentions(start, end)
        if not inside:
            return None
        entities = self.entities
        if len(inside) == 1:  # (most phrases: one name, and no noun after it)
            mention = inside[0]
            if self.qualifies(mention, inside, 1, end):
                return None
            return (mention[0], mention[1]), mention[2]
        fallback: Mention | None = None
        order = range(len(inside)) if first else range(len(inside) - 1, -1, -1)
        for n in order:
            mention = inside[n]
            if self.qualifies(mention, inside, n + 1, end):
                continue
            if entities[mention[2]].kind is _PERSON:
                return (mention[0], mention[1]), mention[2]
            if fallback is None:
                fallback = mention
        return None if fallback is None else ((fallback[0], fallback[1]), fallback[2])

    def qualifies(self, mention: Mention, inside: list[Mention], later: int, end: int) -> bool:
        """Whether a name in a speaker's phrase only qualifies a noun after it: a
        possessive (``Smith's son told``), a place or a nationality before a word
        (``the Vermont senator``, ``the influential US daily``), a person before another
        person's name with no comma or ``and`` between (``Smith campaign spokesman Jo
        Lee``, not ``Amy Ward and Tom Price``).  ``inside[later:]`` are the mentions
        after it in the phrase, which ends at ``end``."""
        text = self.text
        after = mention[1]
        next_char = text[after : after + 1]
        if next_char == "'" or next_char == "’":
            return text[after + 1 : after + 2] == "s"  # a possessive
        kind = self.entities[mention[2]].kind
        if kind is _PLACE or kind is _NATIONALITY:
            if text[after : after + 1] != " " or not text[after + 1 : after + 2].islower():
                return False
            if kind is _NATIONALITY:
                # An adjective, even before the verb's word ("of Republican claims").
                return True
            # A noun after a place, inside the phrase ("the Vermont senator"), not a
            # verb ("Norway said").
            word = text[after + 1 : after + 20].split(None, 1)[0].strip(",.;:")
            return after < end and CUE.fullmatch(word) is None and word not in AUXILIARIES
        if kind is _PERSON:
            for other in inside[later:]:
                if self.entities[other[2]].kind is _PERSON:
                    between = text[after : other[0]]
                    return "," not in between and not _JOINS.intersection(between.split())
        return False

    def last_person(self, start: int, end: int) -> int | None:
        """The entity of the last person mentioned inside ``text[start:end]``, or None."""
        persons = [m for m in self.mentions(start, end) if self.entities[m[2]].kind is _PERSON]
        return persons[-1][2] if persons else None
