"""Named entities: find capitalised names, type them, and group their mentions by referent.

`find_entities` runs the passes of `PASSES` in order over one `Doc` (the text, the
lexicon and the mentions found so far), then `build` makes the entities:

==========================  ===================================================
pass (module)               what it does
==========================  ===================================================
`scan` (scan)               finds the runs of capitalised tokens and analyses
                            each (runs, segment, single, multi, titled, named):
                            cut at connectors a name does not need, typed by
                            the first rule of an ordered table; cached per run
                            (cache)
`context_cues` (context)    weak names typed by the words around them (a
                            title or an institution's word alone: a name only
                            after "the")
`places_listed` (context)   names next to, or listed with, places are places
`listed_with_people`        names listed with people are people
`actors` (actors)           regimes, teams, countries acting as states
`groups` (groups)           ``Iraqi security forces``: an organisation
`drop_doubtful` (filters)   unknown sentence-initial names that never recur
`surname_before_a_word`     ``the Warhol Polaroids``: no person
`short_of_names`            ``Scientology`` for ``Church of Scientology``
`link` (link)               mentions of one referent joined: surnames, aliases,
                            acronyms
`towns_in_regions` (towns)  ``Houston, Texas``: one mention of the town
`build` (build)             one `Entity` per referent, and the mention index
==========================  ===================================================

The state the passes share is in `state` (`Doc`, `Mention`).  A mention keeps where its
name is written (``start``, ``end``, a title included: what the passes look around) and
where the span it is given starts (``shown``: past a person's title, past a leading
"The").  The word lists are in ``data/entity_words.txt`` (see `words`).
"""

from __future__ import annotations

from collections.abc import Callable

from newsdoc._model import Entity
from newsdoc.extraction._entities.actors import actors
from newsdoc.extraction._entities.build import MentionIndex, build
from newsdoc.extraction._entities.context import (
    context_cues,
    listed_with_people,
    places_listed,
)
from newsdoc.extraction._entities.filters import (
    drop_doubtful,
    short_of_names,
    surname_before_a_word,
)
from newsdoc.extraction._entities.groups import groups
from newsdoc.extraction._entities.link import link
from newsdoc.extraction._entities.scan import scan
from newsdoc.extraction._entities.state import Doc, Mention
from newsdoc.extraction._entities.towns import towns_in_regions
from newsdoc.extraction._lexicon import LEXICON, Lexicon

__all__ = ["PASSES", "Mention", "MentionIndex", "find_entities"]

#: The passes over one text, in order; each reads and changes the `Doc`.
PASSES: tuple[Callable[[Doc], None], ...] = (
    scan,
    context_cues,
    places_listed,
    listed_with_people,
    actors,
    groups,
    drop_doubtful,
    surname_before_a_word,
    short_of_names,
    link,
    towns_in_regions,  # after `link`, which reads each town's name as written
)


def find_entities(
    text: str, lexicon: Lexicon = LEXICON, headline_end: int = 0
) -> tuple[list[Entity], MentionIndex]:
    """The entities named in ``text``, and where each of their mentions stands.

    Returns ``(entities, index)``; ``index`` lists ``(start, end, entity)`` for every
    mention, sorted by position (the quote attribution looks speakers up in it).
    ``headline_end`` is where the headline that opens ``text`` ends (0: none): a
    headline's names are clipped and capitalised in headline style, so an entity
    named elsewhere takes its name and kind from its other mentions (`build`).
    """
    doc = Doc(text, lexicon, headline_end)
    for step in PASSES:
        step(doc)
    return build(doc)
