"""Pass: a place, a comma and the country or state it lies in make one mention of the
first place: ``Houston, Texas``, ``Aleppo, Syria``.

The region stays a mention of its own, inside the town's.  A list of regions
(``Ohio, Texas``), a list of places (``Moscow, China and India``) and a town inside a
longer name (``University of Houston, Texas``) are left alone.  (Runs after `link`,
which reads each town's name as written.)
"""

from __future__ import annotations

from newsdoc.extraction._entities.state import Doc
from newsdoc.extraction._entities.words import LIST_JOINS, PLACE

__all__ = ["towns_in_regions"]


def towns_in_regions(doc: Doc) -> None:
    """Stretch each "<town>, <region>" mention of a town over its region."""
    mentions = doc.mentions
    regions = doc.lex.regions
    text = doc.text
    last = len(mentions) - 1
    reach = -1  # the furthest end of the mentions before the current one
    for i in range(last):
        town = mentions[i]
        nested = reach > town.start  # inside "University of Houston": left alone
        if town.end > reach:
            reach = town.end
        if nested or town.kind is not PLACE or text[town.end : town.end + 2] != ", ":
            continue
        region = mentions[i + 1]
        if (
            region.start == town.end + 2
            and region.kind is PLACE
            and region.name in regions
            and town.name not in regions
            and town.text not in regions
            # ... nor a list ("Moscow, China and India"):
            and not (
                i + 2 <= last
                and mentions[i + 2].kind is PLACE
                and text[region.end : mentions[i + 2].start] in LIST_JOINS
            )
        ):
            town.end = region.end
            town.text = text[town.start : region.end]
