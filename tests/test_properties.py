"""The invariants that must hold for every input (Hypothesis)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, ParseError, Span
from newsdoc._sniff import decoded_kind, sniff
from tests.strategies import articles, writable_articles


@given(writable_articles())
def test_text_round_trip(article: Article) -> None:
    # The id lives in the file name, not the text: it is given back to loads.
    # Extraction results are not part of the text: none are built here.
    assert newsdoc.loads(newsdoc.dumps(article), id=article.id, extract=False) == article


@given(writable_articles())
def test_text_round_trip_of_what_loads_made(article: Article) -> None:
    # loads extracts entities, quotes and dates; reading the written text again
    # extracts the same ones, and JSON carries them all.
    parsed = newsdoc.loads(newsdoc.dumps(article), id=article.id)
    assert newsdoc.loads(newsdoc.dumps(parsed), id=article.id) == parsed
    assert newsdoc.from_json(newsdoc.to_json(parsed)) == parsed


@given(writable_articles())
def test_written_text_is_canonical(article: Article) -> None:
    text = newsdoc.dumps(article)
    assert newsdoc.dumps(newsdoc.loads(text)) == text


@given(writable_articles())
def test_written_text_parses_without_diagnostics_but_expected_ones(article: Article) -> None:
    text = newsdoc.dumps(article)
    if sniff(text).kind or decoded_kind(text, sniff(text).may_be_json):
        # Text that starts like JSON or HTML, or holds NUL, is not taken for an article.
        with pytest.raises(ParseError, match="Not a seed-format article"):
            newsdoc.loads(text, strict=True, extract=False)
        return
    if not article.headline:
        # No article in it: strict reading refuses it.
        code = "no-headline" if article.date or article.metadata else "empty-input"
        with pytest.raises(ParseError) as raised:
            newsdoc.loads(text, strict=True, extract=False)
        assert raised.value.code == code
        return
    parsed = newsdoc.loads(text, strict=True, id=article.id, extract=False)
    assert {d.code for d in parsed.diagnostics} <= {"no-date", "no-body"}


@given(articles())
def test_json_round_trip(article: Article) -> None:
    assert newsdoc.from_json(newsdoc.to_json(article)) == article
    assert newsdoc.from_json(newsdoc.to_json(article).decode()) == article


@given(articles())
def test_dict_round_trip_matches_json(article: Article) -> None:
    data = newsdoc.to_dict(article)
    assert newsdoc.from_dict(data) == article
    import json

    assert json.loads(newsdoc.to_json(article)) == data


@given(st.text())
def test_lenient_loads_never_fails_on_text(text: str) -> None:
    assert isinstance(newsdoc.loads(text), Article)


@given(st.binary())
def test_lenient_loads_never_fails_on_bytes(data: bytes) -> None:
    assert isinstance(newsdoc.loads(data), Article)


@given(st.one_of(st.text(), st.binary()))
def test_strict_loads_returns_or_raises_parse_error(data: str | bytes) -> None:
    try:
        article = newsdoc.loads(data, strict=True)
    except ParseError as error:
        assert 0 <= error.pos <= len(error.doc)
        assert error.lineno >= 1
        assert error.colno >= 1
    else:
        assert not article.errors


@given(articles())
def test_every_span_points_at_its_text(article: Article) -> None:
    text = article.text
    spans: list[Span] = [m for e in article.entities for m in e.mentions]
    spans += [m.title for e in article.entities for m in e.mentions if m.title is not None]
    spans += [
        s for q in article.quotes for s in (*q.spans, q.speaker_mention, q.cue) if s is not None
    ]
    spans += [d.span for d in article.date_mentions]
    for span in spans:
        assert text[span.start : span.end] == span.text
        # Every span is also inside the text's parts, in the order they are written.
        assert text[article.body_start :] == article.body


@given(articles(), st.data())
def test_a_span_off_the_text_is_refused(article: Article, data: st.DataObject) -> None:
    assume(article.entities and article.entities[0].mentions)
    mention = article.entities[0].mentions[0]
    # One character longer, and not the character the text holds there.
    wrong = mention.text + ("y" if article.text[mention.end : mention.end + 1] == "x" else "x")
    bad = attrs.evolve(mention, end=mention.end + 1, text=wrong)
    entity = attrs.evolve(article.entities[0], mentions=(bad,))
    with pytest.raises(ValueError, match=r"entities\[0\]\.mentions\[0\]"):
        attrs.evolve(article, entities=(entity, *article.entities[1:]))


@given(articles())
def test_equal_articles_hash_alike(article: Article) -> None:
    copy = newsdoc.from_json(newsdoc.to_json(article))
    assert hash(copy) == hash(article)


@given(writable_articles())
def test_source_map_points_at_every_part(article: Article) -> None:
    parsed = newsdoc.loads(newsdoc.dumps(article))
    source = parsed.source
    assert source is not None
    parts = source.parts
    for offset, paragraph in zip(parts.paragraphs, parsed.paragraphs, strict=True):
        assert source.text[offset : offset + len(paragraph)] == paragraph
    for offset, image in zip(parts.images, parsed.images, strict=True):
        assert source.text.startswith(image.caption, offset)
    for credit_at, image in zip(parts.credits, parsed.images, strict=True):
        assert (credit_at is None) == (image.credit is None)
        if image.credit is not None and credit_at is not None:
            assert source.text.startswith(image.credit, credit_at)
    # Every character of the whole text is located at the same character of the input.
    text = parsed.text
    for part in parsed.parts:
        for offset in range(part.start, part.end):
            if text[offset] != "\n":  # the body's own paragraph separators
                assert source.text[source.locate(parsed, offset).pos] == text[offset]
    if parsed.headline:
        assert parts.headline is not None
        assert source.text.startswith(parsed.headline, parts.headline)
