"""JSON: the format, the round trip, and errors that name their paths."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, DateMention, DatePrecision, Entity, EntityKind, JSONError, Span
from newsdoc._json import SCHEMA_VERSION
from tests.strategies import articles


def sample_dict(sample_bytes: bytes) -> dict[str, Any]:
    return newsdoc.to_dict(newsdoc.loads(sample_bytes))


def test_the_sample_as_json(sample_bytes: bytes) -> None:
    data = sample_dict(sample_bytes)
    assert data["schema_version"] == SCHEMA_VERSION == 2
    assert next(iter(data)) == "schema_version"
    assert data["date"] == "2023-07-09"
    assert data["headline"].startswith("US drone strikes")
    assert data["images"] == [
        {
            "caption": newsdoc.loads(sample_bytes).images[0].caption,
            "credit": "Reuters/File",
        }
    ]
    assert len(data["paragraphs"]) == 12
    assert data["metadata"] == {}
    assert data["entities"]
    assert data["quotes"]
    assert data["date_mentions"]
    assert "diagnostics" not in data
    plain = newsdoc.to_dict(newsdoc.loads(sample_bytes, extract=False))
    assert plain["entities"] == plain["quotes"] == plain["date_mentions"] == []
    assert newsdoc.from_dict(data) == newsdoc.loads(sample_bytes)
    assert "_parse_info" not in data


def test_datetimes_keep_their_offset() -> None:
    moment = dt.datetime(2023, 7, 9, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    article = Article(headline="H", date=moment)
    data = newsdoc.to_dict(article)
    assert data["date"] == "2023-07-09T14:30:00-04:00"
    back = newsdoc.from_dict(data)
    assert back.date == moment
    assert isinstance(back.date, dt.datetime)
    assert back.date.utcoffset() == dt.timedelta(hours=-4)


def test_json_text_and_str_input(sample_bytes: bytes) -> None:
    article = newsdoc.loads(sample_bytes)
    encoded = newsdoc.to_json(article)
    assert isinstance(encoded, bytes)
    assert newsdoc.from_json(encoded.decode()) == article
    spaced = json.dumps(json.loads(encoded), indent=2)
    assert newsdoc.from_json(spaced) == article


def problems(data: object) -> list[str]:
    with pytest.raises(JSONError) as info:
        newsdoc.from_dict(data)  # type: ignore[arg-type]
    return [f"{path}: {message}" if path else message for path, message in info.value.errors]


def test_wrong_types_are_all_reported_with_paths(sample_bytes: bytes) -> None:
    data = sample_dict(sample_bytes)
    data["paragraphs"][3] = 5
    data["images"][0]["credit"] = 4
    data["id"] = ["x"]
    assert problems(data) == [
        "paragraphs[3]: expected str, got int",
        "images[0].credit: expected str, got int",
        "id: expected str, got list",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("headline"), ["headline: missing"]),
        (lambda d: d.update(date="2023-02-30"), ["date: invalid ISO 8601 date '2023-02-30'"]),
        (lambda d: d.update(date=20230709), ["date: expected an ISO 8601 date string, got int"]),
        (lambda d: d.update(date="20230709"), ["date: invalid ISO 8601 date '20230709'"]),
        (
            lambda d: d.update(date="2023-07-09 10:00"),
            ["date: invalid ISO 8601 date '2023-07-09 10:00'"],
        ),
        (lambda d: d.update(metadata={"url": 1}), ["metadata['url']: expected str, got int"]),
        (lambda d: d.update(metadata=[]), ["metadata: expected an object of strings, got list"]),
        (
            lambda d: d.update(entities=[{"kind": "alien", "name": "X"}]),
            ["entities[0].kind: 'alien' is not a valid value"],
        ),
        (
            lambda d: d.update(entities=[{"kind": "person"}]),
            ["entities[0].name: missing"],
        ),
        (
            lambda d: d.update(date_mentions=[{"span": {"start": 0, "end": 3, "text": "Thx"}}]),
            ["date_mentions[0].span: text[0:3] is 'US ', not 'Thx'"],
        ),
        (lambda d: d.pop("schema_version"), ["schema_version: missing"]),
        (
            lambda d: d.update(schema_version=3),
            ["schema_version: unsupported version 3 (this newsdoc reads 1 and 2)"],
        ),
    ],
)
def test_each_problem_is_named(sample_bytes: bytes, change: Any, expected: list[str]) -> None:
    data = sample_dict(sample_bytes)
    change(data)
    assert problems(data) == expected
    # The JSON text path reports the same problems.
    with pytest.raises(JSONError) as info:
        newsdoc.from_json(json.dumps(data))
    assert [f"{p}: {m}" if p else m for p, m in info.value.errors] == expected


def test_not_json_at_all() -> None:
    with pytest.raises(JSONError, match="not JSON"):
        newsdoc.from_json(b"{not json")
    assert problems([1, 2]) == ["expected a JSON object, got list"]
    with pytest.raises(TypeError, match="must be str or bytes"):
        newsdoc.from_json(3)  # type: ignore[arg-type]


def test_json_error_message_lists_every_problem(sample_bytes: bytes) -> None:
    data = sample_dict(sample_bytes)
    data["paragraphs"][3] = 5
    data["headline"] = None
    with pytest.raises(JSONError) as info:
        newsdoc.from_dict(data)
    text = str(info.value)
    assert text.startswith("Invalid newsdoc JSON (2 problems):")
    assert "  headline: expected str, got null" in text
    assert "  paragraphs[3]: expected str, got int" in text
    assert pickle.loads(pickle.dumps(info.value)).errors == info.value.errors


def test_unknown_keys_are_ignored(sample_bytes: bytes) -> None:
    data = sample_dict(sample_bytes)
    data["added_later"] = {"x": 1}
    assert newsdoc.from_dict(data) == newsdoc.loads(sample_bytes)


@given(articles(), st.sampled_from(["headline", "paragraphs", "images", "metadata", "date"]))
def test_fast_and_exact_decoders_agree_on_damaged_documents(article: Article, key: str) -> None:
    data = newsdoc.to_dict(article)
    data[key] = 12345
    with pytest.raises(JSONError) as from_text:
        newsdoc.from_json(json.dumps(data))
    with pytest.raises(JSONError) as from_data:
        newsdoc.from_dict(data)
    assert from_text.value.errors == from_data.value.errors


def test_to_dict_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="must be an Article"):
        newsdoc.to_dict({"headline": "x"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be an Article"):
        newsdoc.to_json(attrs.asdict(Article(headline="x")))  # type: ignore[arg-type]


@given(st.one_of(st.text(), st.binary(), st.text().map(lambda t: '{"schema_version":2,' + t)))
def test_from_json_raises_only_json_error(data: str | bytes) -> None:
    with contextlib.suppress(JSONError):
        newsdoc.from_json(data)


@given(articles(), st.data())
def test_from_json_on_damaged_documents_raises_only_json_error(
    article: Article, data: st.DataObject
) -> None:
    text = newsdoc.to_json(article).decode()
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.text(max_size=5))
    with contextlib.suppress(JSONError):
        newsdoc.from_json(text[:cut] + insert + text[cut + 1 :])


def _every_enum_member() -> Article:
    body = "one two three four five six seven"
    words = body.split()
    text = "H\n\n" + body
    spans = [
        Span(start=text.index(word), end=text.index(word) + len(word), text=word) for word in words
    ]
    return Article(
        headline="H",
        paragraphs=[body],
        entities=[
            Entity(kind=kind, name=word, mentions=[span])
            for kind, word, span in zip(EntityKind, words, spans, strict=True)
        ],
        date_mentions=[
            DateMention(span=span, precision=precision)
            for precision, span in zip(DatePrecision, spans, strict=False)
        ],
    )


def test_enums_are_written_and_read_as_their_values() -> None:
    article = _every_enum_member()
    data = json.loads(newsdoc.to_json(article))
    assert [e["kind"] for e in data["entities"]] == [
        "person", "organization", "place", "nationality", "equipment", "event", "other"
    ]  # fmt: skip
    assert [d["precision"] for d in data["date_mentions"]] == [
        "year",
        "month",
        "week",
        "day",
        "time",
    ]
    assert msgspec.json.encode(EntityKind.PERSON) == b'"person"'
    # The fast path (msgspec) and the exact one (cattrs) give the members themselves.
    for back in (newsdoc.from_json(newsdoc.to_json(article)), newsdoc.from_dict(data)):
        assert back == article
        assert [type(e.kind) for e in back.entities] == [EntityKind] * len(EntityKind)
        assert [type(d.precision) for d in back.date_mentions] == [DatePrecision] * len(
            DatePrecision
        )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"paragraphs": ["a", "b\n\nc"]},
            [("paragraphs[1]", "holds a blank line, which separates paragraphs: make it two "
              "paragraphs")],
        ),
        (
            {"paragraphs": ["a\rb", 3]},
            [
                ("paragraphs[0]", "holds a line break, which the seed format cannot carry"),
                ("paragraphs[1]", "expected str, got int"),
            ],
        ),
        (
            {"headline": "Two\nlines"},
            [("headline", "holds a line break, which the seed format cannot carry")],
        ),
    ],
)  # fmt: skip
def test_paragraphs_and_headline_hold_no_line_break(
    change: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    data = {**newsdoc.to_dict(Article(headline="H")), **change}
    with pytest.raises(JSONError) as from_text:
        newsdoc.from_json(json.dumps(data))
    with pytest.raises(JSONError) as from_data:
        newsdoc.from_dict(data)
    assert list(from_text.value.errors) == list(from_data.value.errors) == expected


def _as_version_1(article: Article) -> dict[str, Any]:
    """The document newsdoc 0.1 (JSON version 1) wrote for ``article``: spans into the
    body, ``dates``, and a quote's ``speaker`` and ``entity``."""
    shift = article.body_start

    def span(s: Any) -> Any:
        return (
            None if s is None else {"start": s.start - shift, "end": s.end - shift, "text": s.text}
        )

    data = newsdoc.to_dict(article)
    data["schema_version"] = 1
    data["dates"] = [
        {**d, "span": span(m.span)}
        for d, m in zip(data.pop("date_mentions"), article.date_mentions, strict=True)
    ]
    data["entities"] = [
        {**e, "mentions": [span(m) for m in entity.mentions]}
        for e, entity in zip(data["entities"], article.entities, strict=True)
    ]
    data["quotes"] = [
        {
            "text": q.text,
            "spans": [span(s) for s in q.spans],
            "speaker": span(q.speaker_mention),
            "cue": span(q.cue),
            "entity": q.speaker_index,
        }
        for q in article.quotes
    ]
    return data


def test_a_version_1_document_reads_into_the_current_shape(sample_bytes: bytes) -> None:
    article = newsdoc.loads(sample_bytes)
    # Version 1 knew only the body: the results in the headline and caption were not there.
    # ... nor the span of a title before a mention.
    in_body = [
        attrs.evolve(
            e,
            mentions=[
                attrs.evolve(m, title=None) for m in e.mentions if m.start >= article.body_start
            ],
        )
        for e in article.entities
    ]
    kept = [e for e in in_body if e.mentions]
    renumber = {i: kept.index(e) for i, e in enumerate(in_body) if e.mentions}
    body_only = attrs.evolve(
        article,
        entities=kept,
        quotes=[
            attrs.evolve(
                q, speaker_index=None if q.speaker_index is None else renumber[q.speaker_index]
            )
            for q in article.quotes
        ],
        date_mentions=[d for d in article.date_mentions if d.span.start >= article.body_start],
    )
    old = _as_version_1(body_only)
    assert old["dates"]
    assert old["quotes"][0]["speaker"]["start"] < len(article.body)
    assert newsdoc.from_dict(old) == body_only
    assert newsdoc.from_json(json.dumps(old)) == body_only
    # The document given is left as it was.
    assert old["schema_version"] == 1
    assert "dates" in old


def test_a_damaged_version_1_document_is_reported_at_its_path() -> None:
    old = {
        "schema_version": 1,
        "headline": "H",
        "paragraphs": ["Smith said so."],
        "dates": [{"span": {"start": 0, "end": 5, "text": "Jones"}}],
    }
    with pytest.raises(JSONError) as info:
        newsdoc.from_dict(old)
    # The version-1 path; the offsets count from the start of the whole text.
    assert info.value.errors == (("dates[0].span", "text[3:8] is 'Smith', not 'Jones'"),)
    quoted = {**old, "quotes": [{"text": "x", "entity": 4}]}
    del quoted["dates"]
    with pytest.raises(JSONError) as info:
        newsdoc.from_dict(quoted)
    assert [path for path, _ in info.value.errors] == ["quotes[0].entity"]
    old["headline"] = 5
    with pytest.raises(JSONError, match="headline: expected str, got int"):
        newsdoc.from_dict(old)


def test_a_caption_with_a_line_break_is_named_at_its_path() -> None:
    document = {"schema_version": 2, "headline": "H", "images": [{"caption": "a\nb"}]}
    readers: list[Callable[[], Article]] = [
        lambda: newsdoc.from_dict(document),
        lambda: newsdoc.from_json(json.dumps(document)),
    ]
    for read in readers:
        with pytest.raises(JSONError) as info:
            read()
        assert info.value.errors == (
            ("images[0].caption", "holds a line break, which the seed format cannot carry"),
        )


def test_the_sample_as_newsdoc_0_1_wrote_it_reads(sample_bytes: bytes) -> None:
    # Written by newsdoc before version 2 (spans into the body; `dates`, `speaker`, `entity`).
    path = Path(__file__).parent / "data" / "json_v1" / "000_5034f051d719ed27.json"
    data = path.read_bytes()
    assert data.startswith(b'{"schema_version":1,')
    old = newsdoc.from_json(data)
    now = newsdoc.loads(sample_bytes)
    assert (old.headline, old.images, old.paragraphs) == (now.headline, now.images, now.paragraphs)
    # Every span now counts from the start of the whole text, and still reads its words.
    assert old.date_mentions
    assert all(d.span.start >= old.body_start for d in old.date_mentions)
    assert [d.text for d in old.date_mentions] == [d.text for d in now.date_mentions]
    assert [q.text for q in old.quotes] == [q.text for q in now.quotes]
    assert [old.speaker_of(q).name for q in old.quotes] == [  # type: ignore[union-attr]
        now.speaker_of(q).name  # type: ignore[union-attr]
        for q in now.quotes
    ]
