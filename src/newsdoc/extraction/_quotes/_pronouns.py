"""Who a speaking pronoun stands for: the ``he`` of ``"...," he said``.

A person's pronoun (``he``, ``she``) stands for a person named before it whose gender
fits (`newsdoc.extraction._gender`; an unknown gender fits both), leaving out the names
inside quotations (a name a speaker says is not who speaks).  Of those, the nearest
that opens its sentence (the subject, `opens_sentence`: ``Fowler said he ...``,
``Former Gov. Ed Rendell, ..., said``, ``Campaign spokesman Jo Smith told``) in the
pronoun's paragraph or the one before wins (further back while the paragraphs speak
of someone of that gender by a pronoun: ``She says ... in her posts ... She
tweeted``); else the nearest; else the last speaker, if of a fitting gender.  Other
pronouns (``it``, ``they``) stand for the nearest name of their kind, else the last
speaker of it.
"""

from __future__ import annotations

import bisect
import operator
from typing import TYPE_CHECKING

from newsdoc._model import EntityKind
from newsdoc.extraction._gender import PRONOUN_GENDER, Gender
from newsdoc.extraction._quotes._words import PRONOUNS
from newsdoc.extraction._subjects import opens_sentence

if TYPE_CHECKING:
    from newsdoc.extraction._quotes._context import Context

__all__ = ["antecedent", "epithet_referent", "person_before"]

_PERSON = EntityKind.PERSON
_first = operator.itemgetter(0)
#: A chain of paragraphs that speak of one person by pronouns is followed this many
#: paragraphs back.
_CHAIN = 3
#: The pronouns of each gender as a paragraph's words, between spaces, of any case
#: ("She", "her"; not "her," before a comma).
_FORMS = {
    gender: tuple(f" {word} " for word, its in PRONOUN_GENDER.items() if its == gender)
    for gender in set(PRONOUN_GENDER.values())
}


def antecedent(ctx: Context, word: str, pos: int) -> int | None:
    """The entity the pronoun ``word`` at ``pos`` stands for, or None."""
    low = word.lower()
    kind = PRONOUNS.get(low)
    if kind is None:
        return None
    if kind is not _PERSON:
        return _nearest_of_kind(ctx, kind, pos)
    return person_before(ctx, PRONOUN_GENDER.get(low), pos, _floor(ctx, low, pos))


def person_before(ctx: Context, gender: Gender | None, pos: int, floor: int) -> int | None:
    """The person a pronoun at ``pos`` stands for (of ``gender``, if known): the nearest
    subject back to ``floor``, else the nearest, else the last speaker (see the
    module's docstring)."""
    genders = ctx.genders()
    entities = ctx.entities
    items = ctx.items
    nearest: int | None = None
    i = bisect.bisect_left(items, pos, key=_first) - 1
    while i >= 0:
        start, end, entity = items[i]
        i -= 1
        # (The gender last: it is worked out for each person when first asked.)
        if entities[entity].kind is not _PERSON or ctx.quoted(start):
            continue
        if gender is not None and not _fits(genders[entity], gender):
            continue
        if start < floor:
            return entity if nearest is None else nearest
        if nearest is None:
            nearest = entity
        if opens_sentence(ctx.text, ctx.sentence_start_at(start), start, end):
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


def _floor(ctx: Context, pronoun: str, pos: int) -> int:
    """How far back a subject is looked for: the paragraph before the pronoun's, and
    before it each paragraph that speaks of someone of the pronoun's gender by a
    pronoun (``She says ... in her posts ... She tweeted:``), up to `_CHAIN` more."""
    view = ctx.view
    paragraphs = view.paragraphs
    text = ctx.text
    para = view.paragraph_at(pos)
    para = para - 1 if para else 0
    gender = PRONOUN_GENDER.get(pronoun)
    forms = _FORMS[gender] if gender is not None else ()
    for _ in range(_CHAIN):
        if para == 0:
            break
        start, end = paragraphs[para]
        words = f" {text[start:end].lower()} "  # (a substring search finds a word)
        if not any(form in words for form in forms):
            break
        para -= 1
    return paragraphs[para][0]


def epithet_referent(ctx: Context, gender: Gender | None, pos: int) -> int | None:
    """The person an epithet at ``pos`` stands for (``the New York businessman``): the
    one person of a fitting gender named before it in its sentence (``As for Smith's
    plans, the Ohio senator said``; with two, nobody: which one is meant takes
    knowing who is the senator), else the subject of the sentence before, if a person
    opens it; else nobody."""
    genders = ctx.genders()
    entities = ctx.entities
    text = ctx.text
    start = ctx.sentence_start_at(pos)
    persons = [
        m
        for m in ctx.mentions(start, pos)
        if entities[m[2]].kind is _PERSON and _fits(genders[m[2]], gender) and not ctx.quoted(m[0])
    ]
    if persons:
        named = {m[2] for m in persons}
        return named.pop() if len(named) == 1 else None
    if start == 0:
        return None
    before = ctx.sentence_start_at(start - 1)
    if ctx.view.paragraph_at(pos) - ctx.view.paragraph_at(before) > 1:
        return None
    for m in ctx.mentions(before, start):
        if ctx.quoted(m[0]):
            continue
        entity = m[2]
        if (
            entities[entity].kind is _PERSON
            and _fits(genders[entity], gender)
            and opens_sentence(text, before, m[0], m[1])
        ):
            return entity
        break
    return None
