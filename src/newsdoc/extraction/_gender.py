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
    words = text[max(0, start - 24) : start].replace(",", " ").split()
    return _KIN.get(words[-1].lower()) if words else None


def _pronoun_after(text: str, end: int, stops: Sequence[int]) -> Gender | None:
    """The first third-person pronoun after a name ending at ``end``, in its sentence
    and before the next name (``stops``: where the next mention or sentence starts)."""
    limit = min(end + _PRONOUN_REACH, *stops) if stops else end + _PRONOUN_REACH
    for word in text[end:limit].split():
        gender = PRONOUN_GENDER.get(word.strip(".,;:!?\"“”'’").lower())
        if gender is not None:
            return gender
    return None


def entity_genders(
    text: str,
    entities: Sequence[Entity],
    index: Sequence[tuple[int, int, int]],
) -> list[Gender | None]:
    """The gender of each entity (None for all but people, and where unknown).

    Titles, kinship words and given names are read first; a person they leave
    unknown takes the gender of the first pronoun after one of its mentions in the same
    sentence, before any other name (``Smith said she would``).  ``index`` is the
    mentions in order, ``(start, end, entity)``.
    """
    genders: list[Gender | None] = []
    for entity in entities:
        if entity.kind is not _PERSON:
            genders.append(None)
            continue
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
        genders.append(_agree(found))
    unknown = {n for n, e in enumerate(entities) if e.kind is _PERSON and genders[n] is None}
    if unknown:
        _from_pronouns(text, index, unknown, genders)
    return genders


def _from_pronouns(
    text: str,
    index: Sequence[tuple[int, int, int]],
    unknown: set[int],
    genders: list[Gender | None],
) -> None:
    """Fill in ``genders`` of the ``unknown`` people from the pronouns after their full
    names."""
    seen: dict[int, set[Gender]] = {}
    for i, (start, end, entity) in enumerate(index):
        if entity not in unknown or " " not in text[start:end]:
            continue  # (a surname alone may be joined to the wrong person: full names only)
        stops = [index[i + 1][0]] if i + 1 < len(index) else []
        sentence_end = _SENTENCE_END.search(text, end, end + _PRONOUN_REACH)
        if sentence_end is not None:
            stops.append(sentence_end.start())
        gender = _pronoun_after(text, end, stops)
        if gender is not None:
            seen.setdefault(entity, set()).add(gender)
    for entity, found in seen.items():
        genders[entity] = _agree(found)
