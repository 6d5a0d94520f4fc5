"""Properties of extraction over any text the parser accepts (Hypothesis)."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import _unchecked
from newsdoc._model import Article
from newsdoc._reader import loads
from newsdoc.extraction import DIAGNOSTIC_CODES, extract

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


# A headline of prose, and a caption line with a credit (read as a caption when it looks
# like one, as a paragraph otherwise): every part of the article is searched.
_headlines = st.one_of(st.just("Headline"), _prose.map(lambda t: " ".join(t.split()) or "H"))
_captions = st.one_of(
    st.just(""),
    st.tuples(_prose, st.sampled_from(["Reuters/File", "AFP", "Photo: Jane Doe"])).map(
        lambda pair: " ".join(pair[0].split()) + ". — " + pair[1] + "\n"
    ),
)


def _articles() -> st.SearchStrategy[Article]:
    text = st.one_of(_prose, _any_text)
    return st.builds(
        lambda head, headline, caption, body: loads(f"{head}{headline}\n{caption}\n{body}"),
        _dates,
        _headlines,
        _captions,
        text,
    )


def _spans(result: Article) -> list[newsdoc.Span]:
    spans: list[newsdoc.Span] = []
    for entity in result.entities:
        spans += entity.mentions
        spans += [m.title for m in entity.mentions if m.title is not None]
    for quote in result.quotes:
        spans += quote.spans
        spans += [s for s in (quote.speaker_mention, quote.cue) if s is not None]
    spans += [d.span for d in result.date_mentions]
    return spans


@given(_articles())
def test_extraction_keeps_every_span_invariant(article: Article) -> None:
    result = extract(article)
    attrs.evolve(result)  # the checked constructor verifies every span and quote entity
    text = result.text
    for span in _spans(result):
        assert text[span.start : span.end] == span.text
        # Each span lies inside one part of the text, never across a separator.
        part = result.part_at(span.start)
        assert span.end <= part.end
    for entity in result.entities:
        assert entity.mentions
        for mention in entity.mentions:
            if mention.title is not None:
                assert mention.title.end <= mention.start
    for quote in result.quotes:
        assert quote.spans
        assert quote.speaker_index is None or 0 <= quote.speaker_index < len(result.entities)
        # A quotation lies in one part, and its speaker is named in that part.
        home = result.part_at(quote.spans[0].start)
        assert all(result.part_at(s.start) == home for s in quote.spans)
        speaker = result.speaker_of(quote)
        if speaker is not None:
            assert any(result.part_at(m.start) == home for m in speaker.mentions)
    if result.source is not None:
        for span in _spans(result):
            # Every span maps back to the same characters of the input.
            where = result.source.locate(result, span.start)
            assert result.source.text.startswith(span.text.split("\n")[0], where.pos)


@given(_articles())
def test_results_survive_the_round_trips(article: Article) -> None:
    result = extract(article)
    assert newsdoc.from_json(newsdoc.to_json(result)) == result
    assert newsdoc.from_dict(newsdoc.to_dict(result)) == result
    try:
        written = newsdoc.dumps(result)
    except ValueError:
        return  # not every parsed article can be written back (docs/format.md)
    again = loads(written)
    assert (again.headline, again.images, again.paragraphs) == (
        result.headline,
        result.images,
        result.paragraphs,
    )
    assert (again.entities, again.quotes, again.date_mentions) == (
        result.entities,
        result.quotes,
        result.date_mentions,
    )


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
