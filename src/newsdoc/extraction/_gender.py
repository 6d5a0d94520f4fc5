"""A person's gender as the text gives it, for resolving ``he`` and ``she`` and for
telling apart people who share a surname (``Mrs. Clinton``, ``Mr. Clinton``).

The evidence, strongest first: a form of address or a gendered title (``Mrs.``,
``Sir``, ``congresswoman``), a kinship word right before a name (``her husband, Bill
Smith``), a given name borne mostly by one gender (``Margaret``), and a pronoun the text
itself uses for the person (``Smith said she ...``).  The words are in
``data/gender_words.txt`` (written for newsdoc, MIT).  Where the evidence disagrees or
is missing, the gender is unknown (None), and unknown never rules a person out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Literal

from newsdoc._model import Entity, EntityKind
from newsdoc.extraction._lexicon import word_sections

__all__ = [
    "FEMALE",
    "MALE",
    "PRONOUN_GENDER",
    "Gender",
    "Genders",
    "entity_genders",
    "name_gender",
    "title_gender",
]

Gender = Literal["f", "m"]
FEMALE: Gender = "f"
MALE: Gender = "m"

_SECTIONS = word_sections("gender_words")


def _table(female: str, male: str) -> dict[str, Gender]:
    """Two sections as one table word -> gender (``_`` joins a phrase's words)."""
    table: dict[str, Gender] = {}
    for section, gender in ((female, FEMALE), (male, MALE)):
        for word in _SECTIONS[section]:
            table[word.replace("_", " ")] = gender
    return table


_GIVEN = _table("female-names", "male-names")
_TITLES = _table("female-titles", "male-titles")
_KIN = _table("female-kin", "male-kin")
#: Third-person pronouns that tell a gender.
PRONOUN_GENDER: dict[str, Gender] = {
    "he": MALE,
    "him": MALE,
    "his": MALE,
    "himself": MALE,
    "she": FEMALE,
    "her": FEMALE,
    "hers": FEMALE,
    "herself": FEMALE,
}
_PERSON = EntityKind.PERSON
#: A pronoun is read as evidence at most this many characters after the name, and
#: never past the end of its sentence (roughly: a full stop, "?" or "!" before a space,
#: a quote mark or a line break; or a line break).
_PRONOUN_REACH = 120
_SENTENCE_END = re.compile(r"[.?!][\"”’']?(?=\s)|\n")


def title_gender(title: str | None) -> Gender | None:
    """The gender a title tells (``Mrs.``, ``Republican congresswoman``), or None."""
    if not title:
        return None
    low = title.lower().replace(".", "")
    found = _TITLES.get(low)
    if found is None:
        for word in reversed(low.split()):
            found = _TITLES.get(word)
            if found is not None:
                break
    return found


def name_gender(name: str) -> Gender | None:
    """The gender of a person's given name (the first word of ``name``), or None."""
    first = name.split(" ", 1)[0]
    return _GIVEN.get(first)


def _agree(found: set[Gender]) -> Gender | None:
    return next(iter(found)) if len(found) == 1 else None


def _kin_before(text: str, start: int) -> Gender | None:
    """A kinship word right before a name at ``start``: ``his wife, Jane Smith``."""
    end = start
    while end > 0 and text[end - 1] in " ,":
        end -= 1
    begin = text.rfind(" ", max(0, end - 16), end) + 1
    return _KIN.get(text[begin:end].lower())


def _pronoun_after(text: str, end: int, stops: Sequence[int]) -> Gender | None:
    """The first third-person pronoun after a name ending at ``end``, in its sentence
    and before the next name (``stops``: where the next mention or sentence starts)."""
    limit = min(end + _PRONOUN_REACH, *stops) if stops else end + _PRONOUN_REACH
    for word in text[end:limit].split():
        gender = PRONOUN_GENDER.get(word.strip(".,;:!?\"“”'’").lower())
        if gender is not None:
            return gender
    return None


class Genders:
    """Each entity's gender (None for all but people, and where unknown), worked out
    for an entity when first asked (`genders[n]`): most articles ask about a few.

    Titles, kinship words and given names are read first; a person they leave
    unknown takes the gender of the first pronoun after one of its full names in the
    same sentence, before any other name (``Smith said she would``).  ``index`` is the
    mentions in order, ``(start, end, entity)``.
    """

    __slots__ = ("_entities", "_known", "_starts", "_text")

    def __init__(
        self, text: str, entities: Sequence[Entity], index: Sequence[tuple[int, int, int]]
    ) -> None:
        self._text = text
        self._entities = entities
        self._starts = [start for start, _, _ in index]
        self._known: dict[int, Gender | None] = {}

    def __getitem__(self, n: int) -> Gender | None:
        known = self._known
        if n not in known:
            known[n] = self._gender(self._entities[n])
        return known[n]

    def _gender(self, entity: Entity) -> Gender | None:
        if entity.kind is not _PERSON:
            return None
        text = self._text
        found: set[Gender] = set()
        for title in (entity.title, *(m.title.text for m in entity.mentions if m.title)):
            gender = title_gender(title)
            if gender is not None:
                found.add(gender)
        for m in entity.mentions:
            gender = _kin_before(text, m.start)
            if gender is not None:
                found.add(gender)
        if not found:
            for name in (entity.name, *entity.aliases):
                gender = name_gender(name)
                if gender is not None:
                    found.add(gender)
        if not found:
            found = self._from_pronouns(entity)
        return _agree(found)

    def _from_pronouns(self, entity: Entity) -> set[Gender]:
        """The genders of the pronouns after a person's full names (a surname alone may
        be joined to the wrong person: full names only)."""
        text = self._text
        starts = self._starts
        found: set[Gender] = set()
        for m in entity.mentions:
            if " " not in m.text:
                continue
            end = m.end
            stops = []
            i = bisect.bisect_right(starts, m.start)  # the next mention
            if i < len(starts):
                stops.append(starts[i])
            sentence_end = _SENTENCE_END.search(text, end, end + _PRONOUN_REACH)
            if sentence_end is not None:
                stops.append(sentence_end.start())
            gender = _pronoun_after(text, end, stops)
            if gender is not None:
                found.add(gender)
        return found


def entity_genders(
    text: str,
    entities: Sequence[Entity],
    index: Sequence[tuple[int, int, int]],
) -> list[Gender | None]:
    """The gender of every entity (`Genders`, all worked out)."""
    genders = Genders(text, entities, index)
    return [genders[n] for n in range(len(entities))]
