"""The spaCy adapter, with a real pipeline built in the test (skipped without spaCy)."""

from __future__ import annotations

from typing import Any

import pytest

from newsdoc._model import EntityKind
from newsdoc._reader import loads
from newsdoc.extraction import Extractor, extract
from newsdoc.extraction.spacy import SpacyExtractor

spacy = pytest.importorskip("spacy", reason="spaCy is not installed (extra 'spacy')")

TEXT = (
    " date 2023-07-09 \u00a0\nHeadline\n\n"
    "Michael Kurilla of US Central Command said on Friday: “We remain committed.”\n\n"
    "Kurilla visited Syria, the command said.\n"
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Michael Kurilla", "id": "kurilla"},
            {"label": "PERSON", "pattern": "Kurilla", "id": "kurilla"},
            {"label": "ORG", "pattern": "US Central Command"},
            {"label": "GPE", "pattern": "Syria"},
            {"label": "DATE", "pattern": "Friday"},
        ]
    )
    return pipeline


def test_the_adapter_is_an_extractor(nlp: Any) -> None:
    assert isinstance(SpacyExtractor(nlp), Extractor)


def test_pipeline_entities_become_newsdoc_entities(nlp: Any) -> None:
    article = extract(loads(TEXT), SpacyExtractor(nlp))
    got = [(e.kind, e.name, e.aliases, [m.text for m in e.mentions]) for e in article.entities]
    assert got == [
        (EntityKind.PERSON, "Michael Kurilla", ("Kurilla",), ["Michael Kurilla", "Kurilla"]),
        (EntityKind.ORGANIZATION, "US Central Command", (), ["US Central Command"]),
        (EntityKind.PLACE, "Syria", (), ["Syria"]),
    ]
    [quote] = article.quotes
    assert quote.speaker_index is not None
    assert article.entities[quote.speaker_index].name == "Michael Kurilla"
    assert [d.text for d in article.date_mentions] == ["Friday"]


def test_labels_can_be_remapped(nlp: Any) -> None:
    only_places = SpacyExtractor(nlp, labels={"GPE": EntityKind.PLACE}, quotes=False, dates=False)
    article = extract(loads(TEXT), only_places)
    assert [e.name for e in article.entities] == ["Syria"]
    assert article.quotes == ()
    assert article.date_mentions == ()


# Your pipeline's entities, newsdoc's quotes, speakers and dates: the combination a user
# with a trained model wants (here a blank pipeline and an entity ruler stand in for it).
COMBINED = (
    "date 2024-03-05\nHeadline\n\n"
    "Rosa Linde met Omar Kessler in Oslo on Monday.\n\n"
    "“Nothing Omar Kessler said changed my mind,” she said.\n\n"
    "Kessler said he would return next week."
)


@pytest.fixture(scope="module")
def ruler_only() -> Any:
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Rosa Linde", "id": "linde"},
            {"label": "PERSON", "pattern": "Omar Kessler", "id": "kessler"},
            {"label": "PERSON", "pattern": "Kessler", "id": "kessler"},
            {"label": "GPE", "pattern": "Oslo"},
        ]
    )
    return pipeline


def test_pipeline_entities_with_newsdoc_speakers_and_dates(ruler_only: Any) -> None:
    article = extract(loads(COMBINED), SpacyExtractor(ruler_only))
    assert [e.name for e in article.entities] == ["Rosa Linde", "Omar Kessler", "Oslo"]
    [quote] = article.quotes
    # "she" skips the man named inside the quotation and resolves by gender.
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "she"
    speaker = article.speaker_of(quote)
    assert speaker is not None
    assert speaker.name == "Rosa Linde"
    dates = {d.text: d.value for d in article.date_mentions}
    assert str(dates["Monday"]) == "2024-03-04"
    assert "next week" in dates
