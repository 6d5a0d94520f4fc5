"""Constructors for the model's classes that skip their run-time type checks.

The extractors build every span by slicing ``article.body``, so the checks the
model's constructors run (types, ``0 <= start <= end``, ``body[start:end] ==
text``) hold by construction; skipping them makes extraction several times
cheaper.  This is the technique the parser uses for `Image` and `Article`
(``newsdoc._model.image``, ``parsed_article``).  Set :data:`CHECKED` to true to
go through the checked constructors instead (the tests do, to verify the
invariants).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from newsdoc._model import (
    Article,
    DateMention,
    DatePrecision,
    Entity,
    EntityKind,
    Quote,
    Span,
)

__all__ = ["CHECKED", "article_with", "date_mention", "entity", "quote", "span"]

#: Use the checked constructors (slower; every invariant verified).
CHECKED = False

_new = object.__new__
_set = object.__setattr__


def span(start: int, end: int, text: str) -> Span:
    """A `Span`; ``text`` must be ``body[start:end]``."""
    if CHECKED:
        return Span(start=start, end=end, text=text)
    made: Span = _new(Span)
    _set(made, "start", start)
    _set(made, "end", end)
    _set(made, "text", text)
    return made


def entity(
    kind: EntityKind,
    name: str,
    aliases: tuple[str, ...],
    title: str | None,
    mentions: tuple[Span, ...],
) -> Entity:
    """An `Entity` from parts of the right types."""
    if CHECKED:
        return Entity(kind=kind, name=name, aliases=aliases, title=title, mentions=mentions)
    made: Entity = _new(Entity)
    _set(made, "kind", kind)
    _set(made, "name", name)
    _set(made, "aliases", aliases)
    _set(made, "title", title)
    _set(made, "mentions", mentions)
    return made


def quote(
    text: str,
    spans: tuple[Span, ...],
    speaker: Span | None,
    cue: Span | None,
    entity: int | None,
) -> Quote:
    """A `Quote` from parts of the right types."""
    if CHECKED:
        return Quote(text=text, spans=spans, speaker=speaker, cue=cue, entity=entity)
    made: Quote = _new(Quote)
    _set(made, "text", text)
    _set(made, "spans", spans)
    _set(made, "speaker", speaker)
    _set(made, "cue", cue)
    _set(made, "entity", entity)
    return made


def date_mention(span: Span, value: dt.date | None, precision: DatePrecision | None) -> DateMention:
    """A `DateMention` from parts of the right types."""
    if CHECKED:
        return DateMention(span=span, value=value, precision=precision)
    made: DateMention = _new(DateMention)
    _set(made, "span", span)
    _set(made, "value", value)
    _set(made, "precision", precision)
    return made


_FIELDS: Sequence[str] = tuple(field.name for field in attrs.fields(Article))


def article_with(
    article: Article,
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...],
    dates: tuple[DateMention, ...],
) -> Article:
    """A copy of ``article`` with these entities, quotes and dates (like `attrs.evolve`)."""
    if CHECKED:
        return attrs.evolve(article, entities=entities, quotes=quotes, dates=dates)
    made: Article = _new(Article)
    for name in _FIELDS:
        _set(made, name, getattr(article, name))
    _set(made, "entities", entities)
    _set(made, "quotes", quotes)
    _set(made, "dates", dates)
    return made
