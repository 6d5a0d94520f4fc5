"""Who a speaking pronoun stands for: the ``he`` of ``"...," he said``.

A person's pronoun (``he``, ``she``) stands for a person named before it whose gender
fits (`newsdoc.extraction._gender`; an unknown gender fits both), leaving out the names
inside quotations (a name a speaker says is not who speaks).  Of those, the nearest
that opens its sentence (the subject: ``Fowler said he ...``, ``Former Gov. Ed
Rendell, ..., said``, ``Campaign spokesman Jo Smith told``) in the pronoun's paragraph
or the one before wins; else the nearest; else the last speaker, if of a fitting
gender.  Other pronouns (``it``,
``they``) stand for the nearest name of their kind, else the last speaker of it.
"""

from __future__ import annotations

import bisect
import operator
from typing import TYPE_CHECKING

from newsdoc._model import EntityKind
from newsdoc.extraction._gender import PRONOUN_GENDER, Gender
from newsdoc.extraction._quotes._words import OPENERS, PHRASE_STOPS, PRONOUNS

if TYPE_CHECKING:
    from newsdoc.extraction._quotes._context import Context

__all__ = ["antecedent"]

_PERSON = EntityKind.PERSON
_first = operator.itemgetter(0)
#: A subject's name may have this many words before it in its sentence: a title or a
#: role (``Former Pennsylvania Gov.``, ``Conservative economist``, ``Trump campaign
#: spokesman``), which is not part of a person's mention.
_MAX_WORDS_BEFORE_SUBJECT = 4


def antecedent(ctx: Context, word: str, pos: int) -> int | None:
    """The entity the pronoun ``word`` at ``pos`` stands for, or None."""
    low = word.lower()
    kind = PRONOUNS.get(low)
    if kind is None:
        return None
    if kind is not _PERSON:
        return _nearest_of_kind(ctx, kind, pos)
    gender = PRONOUN_GENDER.get(low)
    genders = ctx.genders()
    entities = ctx.entities
    items = ctx.items
    floor = _paragraph_before(ctx, pos)
    nearest: int | None = None
    i = bisect.bisect_left(items, pos, key=_first) - 1
    while i >= 0:
        start, end, entity = items[i]
        i -= 1
        if entities[entity].kind is not _PERSON or not _fits(genders[entity], gender):
            continue
        if ctx.quoted(start):
            continue
        if start < floor:
            return entity if nearest is None else nearest
        if nearest is None:
            nearest = entity
        if _opens_sentence(ctx, start, end):
            return entity
    if nearest is not None:
        return nearest
    last = ctx.last_speaker
    if last is not None and entities[last].kind is _PERSON and _fits(genders[last], gender):
        return last
    return None


def _fits(known: Gender | None, wanted: Gender | None) -> bool:
    return known is None or wanted is None or known == wanted


def _nearest_of_kind(ctx: Context, kind: EntityKind, pos: int) -> int | None:
    """The last name of ``kind`` mentioned before ``pos``, else the last speaker if of it."""
    entities = ctx.entities
    items = ctx.items
    i = bisect.bisect_left(items, pos, key=_first) - 1
    while i >= 0:
        entity = items[i][2]
        if entities[entity].kind is kind:
            return entity
        i -= 1
    last = ctx.last_speaker
    return last if last is not None and entities[last].kind is kind else None


def _paragraph_before(ctx: Context, pos: int) -> int:
    """Where the paragraph before the one holding ``pos`` starts."""
    view = ctx.view
    para = view.paragraph_at(pos)
    return view.paragraphs[para - 1 if para else 0][0]


def _opens_sentence(ctx: Context, start: int, end: int) -> bool:
    """Whether the name ``text[start:end]`` opens its sentence (its subject, most often):
    nothing before it but a few words of a title or a role, or an opening phrase and
    its comma (``During a town hall, Tina Smith``, ``Looking ahead, Smith``), and not
    a possessive (``Smith's lawyer``)."""
    text = ctx.text
    if text[end : end + 1] in ("'", "’"):
        return False
    before = text[ctx.view.sentences.start(start) : start]
    comma = before.rfind(",")
    if comma >= 0:
        first = before.split(None, 1)[0].lower() if before.strip() else ""
        if first not in OPENERS and not first.endswith("ing"):
            return False
        before = before[comma + 1 :]
    words = before.split()
    return len(words) <= _MAX_WORDS_BEFORE_SUBJECT and not any(
        word.lower() in PHRASE_STOPS or word.endswith("ed") for word in words
    )
