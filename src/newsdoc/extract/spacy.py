"""A spaCy pipeline's named entities as newsdoc entities (the ``spacy`` extra).

>>> import spacy                                              # doctest: +SKIP
>>> from newsdoc.extract.spacy import SpacyExtractor          # doctest: +SKIP
>>> extract(article, SpacyExtractor(spacy.load("en_core_web_sm")))  # doctest: +SKIP

:class:`SpacyExtractor` follows the :class:`~newsdoc.extract.Extractor`
protocol.  It runs the pipeline over ``article.body`` and turns each entity span
(``doc.ents``) into a mention; spans with the same label and text (or the same
``kb_id_`` or ``ent_id_``, when the pipeline links entities or an entity ruler
pattern has an ``id``) become one
:class:`~newsdoc.Entity`.  Quotes and dates come from the built-in rules, with
speakers resolved against the pipeline's entities.  This module imports nothing
from spaCy itself: any object that behaves like a pipeline will do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from newsdoc._model import Article, Entity, EntityKind, Span
from newsdoc.extract import _with_diagnostics, quote_diagnostics
from newsdoc.extract._dates import find_dates
from newsdoc.extract._fast import article_with, entity, span
from newsdoc.extract._quotes import find_quotes

__all__ = ["LABELS", "SpacyExtractor"]

#: spaCy entity labels (OntoNotes and WikiNER schemes) -> entity kinds.  Labels not
#: listed (DATE, TIME, MONEY, QUANTITY, CARDINAL, ...) are not names and are skipped.
LABELS: Mapping[str, EntityKind] = {
    "PERSON": EntityKind.PERSON,
    "PER": EntityKind.PERSON,
    "ORG": EntityKind.ORGANIZATION,
    "GPE": EntityKind.PLACE,
    "LOC": EntityKind.PLACE,
    "FAC": EntityKind.PLACE,
    "NORP": EntityKind.NATIONALITY,
    "EVENT": EntityKind.EVENT,
    "PRODUCT": EntityKind.EQUIPMENT,
    "WORK_OF_ART": EntityKind.OTHER,
    "LAW": EntityKind.OTHER,
    "LANGUAGE": EntityKind.OTHER,
    "MISC": EntityKind.OTHER,
}


class _SpanLike(Protocol):
    start_char: int
    end_char: int
    label_: str
    kb_id_: str
    ent_id_: str


class _DocLike(Protocol):
    @property
    def ents(self) -> Iterable[_SpanLike]: ...


class SpacyExtractor:
    """Entities from a spaCy pipeline; quotes and dates from the built-in rules.

    ``nlp`` is a loaded pipeline (``spacy.load(...)``, or ``spacy.blank("en")``
    with an ``entity_ruler``).  ``labels`` maps the pipeline's labels to entity
    kinds (default :data:`LABELS`); labels it does not map are skipped.
    ``quotes`` and ``dates`` switch the rule-based parts off.
    """

    def __init__(
        self,
        nlp: Callable[[str], _DocLike],
        *,
        labels: Mapping[str, EntityKind] | None = None,
        quotes: bool = True,
        dates: bool = True,
    ) -> None:
        self.nlp = nlp
        self.labels = dict(LABELS if labels is None else labels)
        self.quotes = quotes
        self.dates = dates

    def entities(self, body: str) -> tuple[list[Entity], list[tuple[int, int, int]]]:
        """The pipeline's entities in ``body``, and ``(start, end, entity)`` per mention."""
        groups: dict[tuple[EntityKind, str], list[Span]] = {}
        for ent in self.nlp(body).ents:
            kind = self.labels.get(ent.label_)
            if kind is None:
                continue
            start, end = ent.start_char, ent.end_char
            text = body[start:end]
            ident = getattr(ent, "kb_id_", "") or getattr(ent, "ent_id_", "")
            key = (kind, ident or " ".join(text.split()))
            groups.setdefault(key, []).append(span(start, end, text))
        entities: list[Entity] = []
        index: list[tuple[int, int, int]] = []
        for (kind, _), mentions in groups.items():
            mentions.sort(key=lambda s: (s.start, -s.end))
            names: list[str] = []
            for mention in mentions:
                if mention.text not in names:
                    names.append(mention.text)
            name = max(names, key=len)
            aliases = tuple(n for n in names if n != name)
            index.extend((m.start, m.end, len(entities)) for m in mentions)
            entities.append(entity(kind, name, aliases, None, tuple(mentions)))
        order = sorted(range(len(entities)), key=lambda i: entities[i].mentions[0].start)
        renumber = {old: new for new, old in enumerate(order)}
        entities = [entities[i] for i in order]
        index = sorted((s, e, renumber[i]) for s, e, i in index)
        return entities, index

    def __call__(self, article: Article, /) -> Article:
        """Return a copy of ``article`` with the pipeline's entities, quotes and dates."""
        body = article.body
        entities, index = self.entities(body)
        quotes, problems = find_quotes(body, entities, index) if self.quotes else ([], [])
        dates = find_dates(body, article.date) if self.dates else []
        result = article_with(article, tuple(entities), tuple(quotes), tuple(dates))
        return _with_diagnostics(result, quote_diagnostics(article, problems))
