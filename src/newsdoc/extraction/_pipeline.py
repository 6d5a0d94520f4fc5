"""The rule pipeline: the steps `RuleExtractor` runs over one article, in order.

1. ``article.text``: the whole article (headline, captions, credits, body) in
   one offset space, so that every result points into it;
2. entities: names found, typed and grouped by referent (`find_entities`);
3. quotes: quotations found and credited to a speaker, who is looked up among
   the entities (`find_quotes`); a speaker written with a title (``Sen. Jo
   Smith said``) is then named by the entity's own mention (``Jo Smith``),
   as every person's mention is (`name_speakers`);
4. dates: temporal expressions, resolved against the article's date
   (`find_dates`).

This module is imported on the first extraction, not by ``import newsdoc``:
the rules' word lists and patterns load then.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from newsdoc._model import Article, DateMention, Entity, Part, Quote
from newsdoc._unchecked import quote, span
from newsdoc.extraction._dates import find_dates
from newsdoc.extraction._entities import MentionIndex, find_entities
from newsdoc.extraction._quotes import QuoteProblem, find_quotes
from newsdoc.extraction._view import TextView

__all__ = ["EntityFinder", "Results", "name_speakers", "run"]

#: A step that finds the entities of a text: the entities, and ``(start, end,
#: entity index)`` for every mention, sorted by position (quotes look speakers up
#: in it).  The rules' `find_entities` is one; a spaCy pipeline's adapter another.
EntityFinder = Callable[[str], tuple[list[Entity], MentionIndex]]

#: What the pipeline finds: entities, quotes, date mentions, and quote problems.
Results = tuple[list[Entity], list[Quote], list[DateMention], list[QuoteProblem]]


def run(
    article: Article,
    entities: bool,
    quotes: bool,
    dates: bool,
    find: EntityFinder | None = None,
) -> Results:
    """The results of the steps switched on, over ``article.text``.

    ``find`` finds the entities (the rules' own, `find_entities`, by default).
    """
    text = article.text
    parts = article.parts
    # One view of the text (its parts, paragraphs, sentences) for every step.
    view = TextView(text, [(part.name, part.index, part.start, part.end) for part in parts])
    found: list[Entity] = []
    index: MentionIndex = []
    if entities:
        found, index = find(text) if find else find_entities(text, headline_end=parts[0].end)
        if found and headline_style(article.headline):
            found, index = confirmed_in_the_text(found, index, parts[0].end)
    said: list[Quote] = []
    problems: list[QuoteProblem] = []
    if quotes:
        said, problems = find_quotes(view, found, index)
        if len(parts) > 1:
            said = keep_to_their_part(said, parts, found)
        if found:
            said = name_speakers(said, found)
    when = find_dates(view, article.date) if dates else []
    return found, said, when, problems


# A word of a headline, and the words long enough to tell title case from sentence case
# (short ones are the function words a title-case headline may leave in lower case).
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W_]+)*")
_LONG_WORD = 4


def headline_style(headline: str) -> bool:
    """True for a headline in title case or capitals (``Storm Batters Florida Coast``),
    where a capital says nothing of a name: three long words or more, and at most
    one of them in lower case."""
    words = [w for w in _WORD.findall(headline) if len(w) >= _LONG_WORD]
    lower = sum(1 for w in words if not w[0].isupper())
    return len(words) >= 3 and lower <= 1 and lower < len(words) / 4


def confirmed_in_the_text(
    entities: list[Entity], index: MentionIndex, headline_end: int
) -> tuple[list[Entity], MentionIndex]:
    """``entities`` without those named only in a headline written in headline style
    (their capitals prove nothing), and ``index`` without their mentions, renumbered."""
    renumbered: dict[int, int] = {}
    kept: list[Entity] = []
    for number, entity in enumerate(entities):
        if any(m.start > headline_end for m in entity.mentions):
            renumbered[number] = len(kept)
            kept.append(entity)
    return kept, [(s, e, renumbered[n]) for s, e, n in index if n in renumbered]


def keep_to_their_part(
    quotes: list[Quote], parts: Sequence[Part], entities: Sequence[Entity] = ()
) -> list[Quote]:
    """``quotes``, each without a speaker or a cue found in another part of the text,
    and without a speaker entity that the quote's part never names.

    A quotation in the body is not introduced by the headline's words, nor one in a
    caption by the body's: the rules look back over paragraphs, and the parts of
    the text read as paragraphs, so a speaker found across a part's edge is dropped;
    so is a pronoun resolved to someone named only in another part (a photographer
    in a credit, a person in the headline alone).
    """
    starts = [part.start for part in parts]
    kept = []
    for said in quotes:
        index = said.speaker_index
        if index is not None and said.spans and index < len(entities):
            home = bisect.bisect_right(starts, said.spans[0].start)
            mentions = entities[index].mentions
            if all(bisect.bisect_right(starts, m.start) != home for m in mentions):
                said = quote(said.text, said.spans, said.speaker_mention, said.cue, None)
        if said.spans and (said.speaker_mention is not None or said.cue is not None):
            home = bisect.bisect_right(starts, said.spans[0].start)
            found = [s.start for s in (said.speaker_mention, said.cue) if s is not None]
            if any(bisect.bisect_right(starts, at) != home for at in found):
                said = quote(said.text, said.spans, None, None, None)
        kept.append(said)
    return kept


def name_speakers(quotes: list[Quote], entities: list[Entity]) -> list[Quote]:
    """``quotes``, each speaker mention that holds a mention of its speaker's entity
    with the same end (``Sen. Jo Smith`` holding ``Jo Smith``) cut to that mention.

    The quote rules find a speaker where the clause's subject starts, title
    included; the entity's mention is the name alone, and the speaker mention
    follows it, so that one name has one span.
    """
    named = []
    for said in quotes:
        who, index = said.speaker_mention, said.speaker_index
        if who is not None and index is not None:
            for m in entities[index].mentions:
                if m.end == who.end and who.start < m.start:
                    who = span(m.start, m.end, m.text)
                    said = quote(said.text, said.spans, who, said.cue, index)
                    break
        named.append(said)
    return named
