"""A spaCy pipeline's named entities as newsdoc entities (the ``spacy`` extra).

>>> import spacy                                              # doctest: +SKIP
>>> from newsdoc.extraction.spacy import SpacyExtractor          # doctest: +SKIP
>>> extract(article, SpacyExtractor(spacy.load("en_core_web_sm")))  # doctest: +SKIP

:class:`SpacyExtractor` follows the :class:`~newsdoc.extraction.Extractor`
protocol.  It runs the pipeline over ``article.text`` (headline, captions, credits and
body: the offset space of every span) and turns each entity span
(``doc.ents``) into a mention; spans with the same label and text (or the same
``kb_id_`` or ``ent_id_``, when the pipeline links entities or an entity ruler
pattern has an ``id``) become one
:class:`~newsdoc.Entity`.  Quotes and dates come from the built-in rules, with
speakers resolved against the pipeline's entities.  This module imports nothing
from spaCy itself: any object that behaves like a pipeline will do.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from newsdoc._model import Article, Entity, EntityKind, Mention
from newsdoc._unchecked import article_with, entity, mention
from newsdoc.extraction import _with_diagnostics, quote_diagnostics

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

    def entities(self, text: str) -> tuple[list[Entity], list[tuple[int, int, int]]]:
        """The pipeline's entities in ``text``, and ``(start, end, entity)`` per mention."""
        groups: dict[tuple[EntityKind, str], list[Mention]] = {}
        for ent in self.nlp(text).ents:
            kind = self.labels.get(ent.label_)
            if kind is None:
                continue
            start, end = ent.start_char, ent.end_char
            written = text[start:end]
            if "\n" in written:
                continue  # a span across a paragraph or a part's edge names nothing
            ident = getattr(ent, "kb_id_", "") or getattr(ent, "ent_id_", "")
            key = (kind, ident or " ".join(written.split()))
            groups.setdefault(key, []).append(mention(start, end, written))
        entities: list[Entity] = []
        index: list[tuple[int, int, int]] = []
        for (kind, _), mentions in groups.items():
            mentions.sort(key=lambda s: (s.start, -s.end))
            names: list[str] = []
            for written_as in mentions:
                if written_as.text not in names:
                    names.append(written_as.text)
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
        from newsdoc.extraction import _pipeline  # the rules load on first use

        collecting = gc.isenabled()
        gc.disable()  # as RuleExtractor does: nothing made here forms a cycle
        try:
            entities, quotes, dates, problems = _pipeline.run(
                article, True, self.quotes, self.dates, find=self.entities
            )
        finally:
            if collecting:
                gc.enable()
        result = article_with(article, tuple(entities), tuple(quotes), tuple(dates))
        return _with_diagnostics(result, quote_diagnostics(article, problems))
