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
import operator
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

__all__ = ["CHECKED", "article_with", "date_mention", "entity", "mention", "quote", "span"]

#: Use the checked constructors (slower; every invariant verified).
CHECKED = False

_new = object.__new__

# The slot descriptors' setters of the model's slotted classes: calling one is cheaper
# than ``object.__setattr__`` (which looks the descriptor up on every call).
set_span_start = Span.__dict__["start"].__set__
set_span_end = Span.__dict__["end"].__set__
set_span_text = Span.__dict__["text"].__set__
set_date_span = DateMention.__dict__["span"].__set__
set_date_value = DateMention.__dict__["value"].__set__
set_date_precision = DateMention.__dict__["precision"].__set__
_set_quote_text = Quote.__dict__["text"].__set__
_set_quote_spans = Quote.__dict__["spans"].__set__
_set_quote_speaker = Quote.__dict__["speaker"].__set__
_set_quote_cue = Quote.__dict__["cue"].__set__
_set_quote_entity = Quote.__dict__["entity"].__set__
_set_entity_kind = Entity.__dict__["kind"].__set__
_set_entity_name = Entity.__dict__["name"].__set__
_set_entity_aliases = Entity.__dict__["aliases"].__set__
_set_entity_title = Entity.__dict__["title"].__set__
_set_entity_mentions = Entity.__dict__["mentions"].__set__


def span(start: int, end: int, text: str) -> Span:
    """A `Span`; ``text`` must be ``body[start:end]``."""
    if CHECKED:
        return Span(start=start, end=end, text=text)
    made: Span = _new(Span)
    set_span_start(made, start)
    set_span_end(made, end)
    set_span_text(made, text)
    return made


def mention(start: int, end: int, text: str, title: Span | None) -> Span:
    """An entity's mention ``text[start:end]``; ``title`` is the span of the title written
    right before it (``General`` before ``Michael Kurilla``), or ``None``.

    (The model keeps the title on the mention once ``Mention`` lands; until then the
    title span is dropped here.)
    """
    return span(start, end, text)


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
    _set_entity_kind(made, kind)
    _set_entity_name(made, name)
    _set_entity_aliases(made, aliases)
    _set_entity_title(made, title)
    _set_entity_mentions(made, mentions)
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
    _set_quote_text(made, text)
    _set_quote_spans(made, spans)
    _set_quote_speaker(made, speaker)
    _set_quote_cue(made, cue)
    _set_quote_entity(made, entity)
    return made


def date_mention(span: Span, value: dt.date | None, precision: DatePrecision | None) -> DateMention:
    """A `DateMention` from parts of the right types."""
    if CHECKED:
        return DateMention(span=span, value=value, precision=precision)
    made: DateMention = _new(DateMention)
    set_date_span(made, span)
    set_date_value(made, value)
    set_date_precision(made, precision)
    return made


_FIELDS: Sequence[str] = tuple(field.name for field in attrs.fields(Article))
# The fields a copy takes from the original: all but the three extraction fills.
_KEPT = tuple(name for name in _FIELDS if name not in ("entities", "quotes", "dates"))
_ARTICLE_SETTERS = tuple(Article.__dict__[name].__set__ for name in _KEPT)
_article_values = operator.attrgetter(*_KEPT)
_set_article_entities = Article.__dict__["entities"].__set__
_set_article_quotes = Article.__dict__["quotes"].__set__
_set_article_dates = Article.__dict__["dates"].__set__


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
    for setter, value in zip(_ARTICLE_SETTERS, _article_values(article), strict=True):
        setter(made, value)
    _set_article_entities(made, entities)
    _set_article_quotes(made, quotes)
    _set_article_dates(made, dates)
    return made
