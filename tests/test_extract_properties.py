"""Properties of extraction over any text the parser accepts (Hypothesis)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc._model import Article
from newsdoc._reader import loads
from newsdoc import _unchecked
from newsdoc.extract import DIAGNOSTIC_CODES, extract

# Pieces of news prose: names, titles, quote marks, dates, and the odd character.
_WORDS = [
    "said", "told", "he", "she", "added", "according to", "the", "of", "and", "in", "on",
    "President", "Gen.", "Mr.", "Syria", "US", "U.S.", "Centcom", "(Centcom)", "[also known as",
    "Daesh]", "al-Assad", "Bashar", "Michael", "Kurilla", "Reuters", "MQ-9s", "Russian",
    "Friday", "Sunday", "July", "9,", "2019", "2023-07-09", "last", "week", "month", "ago",
    "two", "years", "next", "Monday", "3", "p.m.", "“", "”", '"', "‘", "’", "'", ":", ",", ".",
    "\n\n", "—", "(", ")", "Ünal", "São Paulo", "İstanbul", "Nguyễn", "\u00a0", "…",
    "Photo:", "Image", "Houston,", "Texas", "People's", "Party", "Program", "film", "Church",
    "IE6", "Google", "Chrome", "The", "  ",
]  # fmt: skip
_prose = st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join)
_any_text = st.text(max_size=300)
_dates = st.sampled_from(
    ["", " date 2023-07-09 \u00a0\n", " date 2016-02-29T23:59:00+05:00 \u00a0\n"]
)


@pytest.fixture(autouse=True)
def _checked_constructors() -> Iterator[None]:
    _unchecked.CHECKED = True
    yield
    _unchecked.CHECKED = False


def _articles() -> st.SearchStrategy[Article]:
    text = st.one_of(_prose, _any_text)
    return st.builds(lambda head, body: loads(f"{head}Headline\n\n{body}"), _dates, text)


@given(_articles())
def test_extraction_keeps_every_span_invariant(article: Article) -> None:
    result = extract(article)
    attrs.evolve(result)  # the checked constructor verifies every span and quote entity
    body = result.body
    for entity in result.entities:
        assert entity.mentions
        for mention in entity.mentions:
            assert body[mention.start : mention.end] == mention.text
    for quote in result.quotes:
        assert quote.spans
        assert quote.speaker_index is None or 0 <= quote.speaker_index < len(result.entities)
    for date in result.date_mentions:
        assert body[date.span.start : date.span.end] == date.text


@given(_dates, st.one_of(_prose, _any_text))
def test_extraction_is_deterministic(head: str, body: str) -> None:
    text = f"{head}Headline\n\n{body}"
    first = extract(loads(text))
    second = extract(loads(text))
    assert second == first
    assert second.entities == first.entities
    assert second.diagnostics == first.diagnostics
    assert extract(first) == first


@given(st.one_of(_any_text, st.binary(max_size=300), _prose))
def test_extraction_never_raises_on_parsed_input(data: str | bytes) -> None:
    result = extract(loads(data))
    for diagnostic in result.diagnostics:
        if diagnostic.code in DIAGNOSTIC_CODES:
            assert diagnostic.severity == "warning"


@pytest.mark.parametrize(
    "data",
    [
        b"D\rL  Photo: 'D'L",  # found by fuzzing: a credit's label after two spaces
        "x\n\nAnn Keller\u00a0Photo: Lena Vostrikova.",
    ],
)
def test_extraction_of_inputs_that_once_failed(data: str | bytes) -> None:
    result = extract(loads(data))
    attrs.evolve(result)  # every span checked
    assert all(not m.text[-1:].isspace() for e in result.entities for m in e.mentions)


@given(_articles())
def test_dates_never_come_from_today(article: Article) -> None:
    result = extract(article)
    if article.date is None:
        for mention in result.date_mentions:
            # Only self-contained expressions (a year, a full date) have a value.
            assert mention.value is None or any(ch.isdigit() for ch in mention.text)
