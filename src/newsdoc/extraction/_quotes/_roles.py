"""A speaker described by a role, not named: ``the senator said``, ``the commission
said``.  The role resolves to the entity the article names with it, or to nobody.

A person's role (``the senator``, ``the Vermont senator``, ``the former president``)
resolves to the person named with one of its titles (``Sen. Jo Smith``), the one
mentioned last before the phrase.  An organisation's word (``the commission``) resolves
to the organisation mentioned last before the phrase whose name holds that word.  A
role nobody in the article is titled with resolves, when the phrase qualifies it (an
epithet: ``the New York businessman``, ``the Indiana governor``), to the person named
before it in its sentence, else to the subject of the sentence before
(`epithet_referent`; nobody if neither); a bare ``the president`` that nobody is
titled with resolves to nobody: a quote credited to the wrong person is worse than
one credited to no one.  The roles are in ``data/quote_words.txt``.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsdoc._model import Entity, EntityKind
from newsdoc.extraction._gender import title_gender
from newsdoc.extraction._quotes._pronouns import epithet_referent
from newsdoc.extraction._quotes._words import ORGANIZATION_ROLES, PERSON_ROLES, ROLES

if TYPE_CHECKING:
    from newsdoc.extraction._quotes._context import Context

__all__ = ["role_of"]

_first = operator.itemgetter(0)
_PERSON = EntityKind.PERSON
_ORGANIZATION = EntityKind.ORGANIZATION


def role_of(ctx: Context, start: int, end: int) -> int | None:
    """The entity the phrase ``text[start:end]`` describes by its role, or None.

    Only a definite phrase is read (``the ...``, ``The ...``), and its last word is the
    role (``the Indiana governor``: ``governor``; ``the secretary of state``: the last
    two or three words too).
    """
    entities = ctx.entities
    index = ctx.items
    words = ctx.text[start:end].split()
    if len(words) < 2 or words[0].lower() != "the":
        return None
    nouns = [" ".join(words[-n:]).lower() for n in (3, 2, 1) if len(words) > n]
    titles = next((ROLES[noun] for noun in nouns if noun in ROLES), None)
    if titles is not None:
        found = _last_before(start, entities, index, lambda e: _bears(e, titles))
        if found is not None:
            return found
    noun = nouns[-1]
    if noun in PERSON_ROLES and len(words) >= 3:
        # An epithet: "the New York businessman", "the Indiana governor".
        return epithet_referent(ctx, title_gender(noun), start)
    if noun in ORGANIZATION_ROLES:
        return _last_before(
            start,
            entities,
            index,
            lambda e: e.kind is _ORGANIZATION and noun in e.name.lower().split(),
        )
    return None


def _bears(entity: Entity, titles: frozenset[str]) -> bool:
    """Whether a person bears one of ``titles`` in the article."""
    if entity.kind is not _PERSON:
        return False
    if entity.title in titles:
        return True
    return any(m.title is not None and m.title.text in titles for m in entity.mentions)


def _last_before(
    pos: int,
    entities: Sequence[Entity],
    index: Sequence[tuple[int, int, int]],
    fits: Callable[[Entity], bool],
) -> int | None:
    """The entity of the last mention before ``pos`` that ``fits``."""
    i = bisect.bisect_left(index, pos, key=_first) - 1
    while i >= 0:
        entity = index[i][2]
        if fits(entities[entity]):
            return entity
        i -= 1
    return None
