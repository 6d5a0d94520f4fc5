"""The model's classes built without their run-time checks: the one home of that trick.

The parser and the extractors build objects whose invariants hold by
construction: the parser's parts are strings it split itself, and every span
an extractor makes is a slice of ``article.text``.  The checked constructors
(type checks, ``0 <= start <= end``, ``text[start:end] == span.text``) would
cost several times the work of extraction itself, so these functions fill
the slots of the frozen, slotted classes directly, as msgspec's decoder does.

Calling a slot descriptor's ``__set__`` (taken once, below) is the cheapest
way to fill a frozen slotted instance: ``object.__setattr__`` looks the
descriptor up on every call.

Set :data:`CHECKED` to true to go through the checked constructors instead:
the tests do, so that every invariant is verified on what the rules make.
"""

from __future__ import annotations

import datetime as dt
import operator

import attrs

from newsdoc._model import (
    Article,
    DateMention,
    DatePrecision,
    DateValue,
    Entity,
    EntityKind,
    Image,
    Mention,
    Metadata,
    ParseInfo,
    Quote,
    Span,
)

__all__ = [
    "CHECKED",
    "article_with",
    "date_mention",
    "entity",
    "image",
    "mention",
    "parsed_article",
    "quote",
    "set_parse_info",
    "span",
]

#: Use the checked constructors (slower; every invariant verified).  The tests set it.
CHECKED = False

_new = object.__new__


def _setters(cls: type, *names: str) -> tuple[object, ...]:
    return tuple(cls.__dict__[name].__set__ for name in names)


# A Mention holds Span's slots (a subclass), so Span's setters fill both.
_set_start, _set_end, _set_text = _setters(Span, "start", "end", "text")
_set_title = Mention.__dict__["title"].__set__
_set_kind = Mention.__dict__["kind"].__set__


def span(start: int, end: int, text: str) -> Span:
    """A `Span`; ``text`` must be ``article.text[start:end]``."""
    if CHECKED:
        return Span(start=start, end=end, text=text)
    made: Span = _new(Span)
    _set_start(made, start)  # type: ignore[operator]
    _set_end(made, end)  # type: ignore[operator]
    _set_text(made, text)  # type: ignore[operator]
    return made


def mention(
    start: int, end: int, text: str, title: Span | None = None, kind: EntityKind | None = None
) -> Mention:
    """A `Mention`: ``text`` is ``article.text[start:end]``, ``title`` the title's span,
    ``kind`` the mention's own kind where it differs from its entity's."""
    if CHECKED:
        return Mention(start=start, end=end, text=text, title=title, kind=kind)
    made: Mention = _new(Mention)
    _set_start(made, start)  # type: ignore[operator]
    _set_end(made, end)  # type: ignore[operator]
    _set_text(made, text)  # type: ignore[operator]
    _set_title(made, title)
    _set_kind(made, kind)
    return made


_ENTITY = _setters(Entity, "kind", "name", "aliases", "title", "mentions")


def entity(
    kind: EntityKind,
    name: str,
    aliases: tuple[str, ...],
    title: str | None,
    mentions: tuple[Mention, ...],
) -> Entity:
    """An `Entity` from parts of the right types."""
    if CHECKED:
        return Entity(kind=kind, name=name, aliases=aliases, title=title, mentions=mentions)
    made: Entity = _new(Entity)
    for setter, value in zip(_ENTITY, (kind, name, aliases, title, mentions), strict=True):
        setter(made, value)  # type: ignore[operator]
    return made


_QUOTE = _setters(Quote, "text", "spans", "speaker_mention", "cue", "speaker_index")


def quote(
    text: str,
    spans: tuple[Span, ...],
    speaker_mention: Span | None,
    cue: Span | None,
    speaker_index: int | None,
) -> Quote:
    """A `Quote` from parts of the right types."""
    if CHECKED:
        return Quote(
            text=text,
            spans=spans,
            speaker_mention=speaker_mention,
            cue=cue,
            speaker_index=speaker_index,
        )
    made: Quote = _new(Quote)
    for setter, value in zip(
        _QUOTE, (text, spans, speaker_mention, cue, speaker_index), strict=True
    ):
        setter(made, value)  # type: ignore[operator]
    return made


_set_date_span, _set_date_value, _set_date_precision = _setters(
    DateMention, "span", "value", "precision"
)


def date_mention(span: Span, value: dt.date | None, precision: DatePrecision | None) -> DateMention:
    """A `DateMention` from parts of the right types."""
    if CHECKED:
        return DateMention(span=span, value=value, precision=precision)
    made: DateMention = _new(DateMention)
    _set_date_span(made, span)  # type: ignore[operator]
    _set_date_value(made, value)  # type: ignore[operator]
    _set_date_precision(made, precision)  # type: ignore[operator]
    return made


def image(caption: str, credit: str | None) -> Image:
    """An `Image` from one-line strings the parser split itself."""
    made: Image = _new(Image)
    object.__setattr__(made, "caption", caption)
    object.__setattr__(made, "credit", credit)
    return made


_FIELDS = tuple(field.name for field in attrs.fields(Article))
_ARTICLE_SETTERS = {name: Article.__dict__[name].__set__ for name in _FIELDS}
if set(_FIELDS) != {
    "headline", "date", "paragraphs", "images", "metadata", "id",
    "entities", "quotes", "date_mentions", "_parse_info",
}:  # fmt: skip  # pragma: no cover - a guard for whoever adds a field
    raise RuntimeError("parsed_article() and article_with() must set every field of Article")
_set_headline = _ARTICLE_SETTERS["headline"]
_set_date = _ARTICLE_SETTERS["date"]
_set_paragraphs = _ARTICLE_SETTERS["paragraphs"]
_set_images = _ARTICLE_SETTERS["images"]
_set_metadata = _ARTICLE_SETTERS["metadata"]
_set_id = _ARTICLE_SETTERS["id"]
_set_entities = _ARTICLE_SETTERS["entities"]
_set_quotes = _ARTICLE_SETTERS["quotes"]
_set_date_mentions = _ARTICLE_SETTERS["date_mentions"]
_set_parse_info = _ARTICLE_SETTERS["_parse_info"]


def set_parse_info(article: Article, parse_info: ParseInfo) -> None:
    """Give an article its parse info in place: only for an article its caller has
    just made and nobody else holds (articles are otherwise immutable)."""
    _set_parse_info(article, parse_info)


def parsed_article(
    headline: str,
    date: DateValue | None,
    paragraphs: tuple[str, ...],
    images: tuple[Image, ...],
    metadata: Metadata,
    id: str | None,
    parse_info: ParseInfo,
) -> Article:
    """An `Article` from parts whose types the parser guarantees.

    The value invariants of ``__attrs_post_init__`` hold by construction: the
    parser sets no spans, and keeps ``metadata['date']`` only when ``date`` is
    ``None``.
    """
    article: Article = _new(Article)
    _set_headline(article, headline)
    _set_date(article, date)
    _set_paragraphs(article, paragraphs)
    _set_images(article, images)
    _set_metadata(article, metadata)
    _set_id(article, id)
    _set_entities(article, ())
    _set_quotes(article, ())
    _set_date_mentions(article, ())
    _set_parse_info(article, parse_info)
    return article


# The fields a copy takes from the original: all but the three extraction results.
_KEPT = tuple(name for name in _FIELDS if name not in ("entities", "quotes", "date_mentions"))
_KEPT_SETTERS = tuple(_ARTICLE_SETTERS[name] for name in _KEPT)
_kept_values = operator.attrgetter(*_KEPT)


def article_with(
    article: Article,
    entities: tuple[Entity, ...],
    quotes: tuple[Quote, ...],
    date_mentions: tuple[DateMention, ...],
) -> Article:
    """A copy of ``article`` with these results (like `attrs.evolve`, unchecked)."""
    if CHECKED:
        return attrs.evolve(article, entities=entities, quotes=quotes, date_mentions=date_mentions)
    made: Article = _new(Article)
    for setter, value in zip(_KEPT_SETTERS, _kept_values(article), strict=True):
        setter(made, value)
    _set_entities(made, entities)
    _set_quotes(made, quotes)
    _set_date_mentions(made, date_mentions)
    return made
