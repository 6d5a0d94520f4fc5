"""The data model: construction, validation messages, equality, repr."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import (
    Article,
    DateMention,
    DatePrecision,
    Entity,
    EntityKind,
    Image,
    Mention,
    Metadata,
    Quote,
    Span,
)


def test_article_built_by_hand_equals_the_parsed_one(sample_bytes: bytes) -> None:
    parsed = newsdoc.loads(sample_bytes, extract=False)
    by_hand = Article(
        headline=parsed.headline,
        date=dt.date(2023, 7, 9),
        paragraphs=list(parsed.paragraphs),
        images=[Image(caption=parsed.images[0].caption, credit="Reuters/File")],
    )
    assert by_hand == parsed
    assert hash(by_hand) == hash(parsed)
    assert parsed.source is not None
    assert by_hand.source is None


def test_collections_become_tuples_and_metadata_immutable() -> None:
    article = Article(headline="H", paragraphs=["a", "b"], metadata={"url": "u"})
    assert article.paragraphs == ("a", "b")
    assert isinstance(article.metadata, Metadata)
    with pytest.raises(TypeError):
        article.metadata["url"] = "v"  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "x"  # type: ignore[misc]
    assert article.metadata == {"url": "u"}
    assert hash(article.metadata) == hash(Metadata({"url": "u"}))


def test_evolve_makes_a_changed_copy() -> None:
    article = Article(headline="H", paragraphs=["a"])
    changed = attrs.evolve(article, headline="New")
    assert changed.headline == "New"
    assert article.headline == "H"
    assert changed.paragraphs == article.paragraphs


def test_repr_is_short(sample_bytes: bytes) -> None:
    text = repr(newsdoc.loads(sample_bytes))
    assert text.startswith("<Article headline='US drone strikes in Syria")
    assert "paragraphs=12" in text
    assert "images=1" in text
    assert len(text) < 200


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"headline": 3}, "headline: expected str, got int"),
        ({"headline": "H", "paragraphs": ["a", 3]}, r"paragraphs\[1\]: expected str, got int"),
        ({"headline": "H", "paragraphs": "ab"}, "paragraphs: expected a sequence of str, got str"),
        ({"headline": "H", "date": "2023-07-09"}, "date: expected date or None, got str"),
        ({"headline": "H", "images": [("a", "b")]}, r"images\[0\]: expected Image, got tuple"),
        ({"headline": "H", "id": 5}, "id: expected str or None, got int"),
        ({"headline": "H", "metadata": {"url": 1}}, "metadata: keys and values must be str"),
    ],
)
def test_wrong_types_are_refused_with_the_field_named(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        Article(**kwargs)  # type: ignore[arg-type]


def test_date_and_unreadable_date_cannot_both_be_set() -> None:
    with pytest.raises(ValueError, match="metadata: 'date'"):
        Article(headline="H", date=dt.date(2023, 1, 1), metadata={"date": "2023-02-30"})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": 3, "end": 2, "text": ""}, "need 0 <= start <= end"),
        ({"start": -1, "end": 0, "text": "x"}, "need 0 <= start <= end"),
        ({"start": 0, "end": 2, "text": "x"}, "end - start is 2"),
        ({"start": True, "end": 1, "text": "x"}, "Span.start: expected int, got bool"),
    ],
)
def test_bad_spans_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        Span(**kwargs)  # type: ignore[arg-type]


def test_spans_are_checked_against_the_whole_text() -> None:
    paragraphs = ["Grynkewich said so.", "Then Kurilla spoke."]
    good = Span(start=3, end=13, text="Grynkewich")  # after "H" and a blank line
    entity = Entity(kind=EntityKind.PERSON, name="Alexus Grynkewich", mentions=[good])
    article = Article(headline="H", paragraphs=paragraphs, entities=[entity])
    assert article.text[good.start : good.end] == "Grynkewich"
    assert article.text[29:36] == "Kurilla"
    assert attrs.evolve(article, entities=[attrs.evolve(entity, mentions=[good])]) == article
    with pytest.raises(ValueError, match=r"entities\[0\]\.mentions\[0\]: text\[0:10\]"):
        Article(
            headline="H",
            paragraphs=paragraphs,
            entities=[attrs.evolve(entity, mentions=[Span(start=0, end=10, text="Grynkewich")])],
        )
    title = Span(start=0, end=1, text="X")
    with pytest.raises(ValueError, match=r"entities\[0\]\.mentions\[0\]\.title: text\[0:1\]"):
        Article(
            headline="H",
            paragraphs=paragraphs,
            entities=[attrs.evolve(entity, mentions=[Mention(**attrs.asdict(good), title=title)])],
        )
    with pytest.raises(ValueError, match="runs past the end of the text"):
        Article(
            headline="H",
            paragraphs=["short"],
            date_mentions=[DateMention(span=Span(start=3, end=9, text="xxxxxx"))],
        )


def test_quote_entity_must_index_an_entity() -> None:
    quote = Quote(text="hi", spans=[Span(start=3, end=5, text="hi")], speaker_index=0)
    with pytest.raises(ValueError, match=r"quotes\[0\]\.speaker_index: 0 is not an index"):
        Article(headline="H", paragraphs=["hi"], quotes=[quote])


def test_date_mention_text_and_values() -> None:
    mention = DateMention(
        span=Span(start=0, end=4, text="2019"),
        value=dt.date(2019, 1, 1),
        precision=DatePrecision.YEAR,
    )
    assert mention.text == "2019"
    # The value itself is taken, and becomes the member.
    by_value = DateMention(span=mention.span, value=dt.date(2019, 1, 1), precision="year")
    assert by_value == mention
    assert by_value.precision is DatePrecision.YEAR
    with pytest.raises(ValueError, match=r"DateMention\.precision: expected one of 'year', "):
        DateMention(span=mention.span, precision="decade")
    with pytest.raises(TypeError, match=r"DateMention\.precision: expected DatePrecision, str"):
        DateMention(span=mention.span, precision=1)  # type: ignore[arg-type]


def test_body_text_and_parts() -> None:
    article = Article(
        headline="H",
        paragraphs=["One.", "Two."],
        images=[Image(caption="C.", credit="AFP"), Image(caption="D.")],
    )
    assert article.body == "One.\n\nTwo."
    assert article.text == "H\n\nC.\n\nAFP\n\nD.\n\nOne.\n\nTwo."
    assert [(p.name, p.index, article.text[p.start : p.end]) for p in article.parts] == [
        ("headline", 0, "H"),
        ("caption", 0, "C."),
        ("credit", 0, "AFP"),
        ("caption", 1, "D."),
        ("body", 0, "One.\n\nTwo."),
    ]
    assert article.text[article.body_start :] == article.body
    assert article.part_at(0).name == "headline"
    assert article.part_at(1).name == "headline"  # the end of a part belongs to it
    assert (article.part_at(10).name, article.part_at(10).index) == ("credit", 0)
    assert article.part_at(len(article.text)).name == "body"
    with pytest.raises(ValueError, match="falls in a separator between two parts"):
        article.part_at(2)
    with pytest.raises(ValueError, match="outside the text"):
        article.part_at(len(article.text) + 1)
    with pytest.raises(TypeError, match=r"part_at\(\) argument must be an int, not str"):
        article.part_at("0")  # type: ignore[arg-type]


def test_every_part_is_in_the_text_even_when_empty() -> None:
    article = Article(headline="", paragraphs=["Body."])
    assert article.text == "\n\nBody."
    assert article.body_start == 2
    assert article.part_at(0).name == "headline"
    assert Article(headline="H").text == "H\n\n"


def test_captions_and_credits_are_one_line() -> None:
    with pytest.raises(ValueError, match="caption: holds a line break"):
        Image(caption="Two\nlines.")
    with pytest.raises(ValueError, match="credit: holds a blank line"):
        Image(caption="One.", credit="A\n\nB")


def test_a_quote_names_its_speaker_entity() -> None:
    smith = Entity(
        kind=EntityKind.PERSON, name="Jo Smith", mentions=[Span(start=3, end=8, text="Smith")]
    )
    said = Quote(text="x", speaker_mention=Span(start=3, end=8, text="Smith"), speaker_index=0)
    unsaid = Quote(text="y")
    article = Article(
        headline="H", paragraphs=["Smith said x"], entities=[smith], quotes=[said, unsaid]
    )
    assert article.speaker_of(said) is article.entities[0]
    assert article.speaker_of(unsaid) is None
    with pytest.raises(ValueError, match="speaker_index 3 is not an index of entities"):
        article.speaker_of(attrs.evolve(said, speaker_index=3))
    with pytest.raises(TypeError, match=r"speaker_of\(\) argument must be a Quote, not int"):
        article.speaker_of(0)  # type: ignore[arg-type]


def test_a_plain_span_given_as_a_mention_becomes_a_mention() -> None:
    entity = Entity(kind="person", name="Smith", mentions=[Span(start=0, end=5, text="Smith")])
    assert entity.mentions == (Mention(start=0, end=5, text="Smith"),)
    assert type(entity.mentions[0]) is Mention
    assert entity.mentions[0].title is None


def test_offsets_must_be_whole_minutes() -> None:
    odd = dt.datetime(2023, 7, 9, 14, 30, tzinfo=dt.timezone(dt.timedelta(seconds=30)))
    with pytest.raises(ValueError, match="date: the UTC offset must be a whole number of minutes"):
        Article(headline="H", date=odd)
    span = Span(start=0, end=1, text="x")
    with pytest.raises(ValueError, match=r"DateMention\.value: the UTC offset"):
        DateMention(span=span, value=odd)
    fine = dt.datetime(2023, 7, 9, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=-3, minutes=-30)))
    assert Article(headline="H", date=fine).date == fine


def test_enums_compare_like_their_values() -> None:
    entity = Entity(kind=EntityKind.PERSON, name="Smith")
    mention = DateMention(span=Span(start=0, end=1, text="x"), precision=DatePrecision.DAY)
    assert entity.kind == "person"
    assert mention.precision == "day"
    assert isinstance(EntityKind.PLACE, str)
    assert f"{EntityKind.PLACE}" == str(EntityKind.PLACE) == "place"
    assert {"person": 1}[EntityKind.PERSON] == 1
    assert [kind.value for kind in EntityKind] == [str(kind) for kind in EntityKind]
    assert EntityKind("person") is EntityKind.PERSON


def test_constructors_take_an_enum_value_as_its_member() -> None:
    by_value = Entity(kind="organization", name="Centcom")
    by_member = Entity(kind=EntityKind.ORGANIZATION, name="Centcom")
    assert by_value == by_member
    assert hash(by_value) == hash(by_member)
    assert type(by_value.kind) is EntityKind
    with pytest.raises(ValueError, match=r"Entity\.kind: expected one of 'person', 'organization'"):
        Entity(kind="company", name="Centcom")


@given(st.lists(st.text(st.sampled_from("ab \n\r"), max_size=6), max_size=4))
def test_paragraphs_are_always_the_body_split_at_blank_lines(paragraphs: list[str]) -> None:
    if any("\n" in p or "\r" in p for p in paragraphs):
        with pytest.raises(
            ValueError, match=r"^paragraphs\[\d+\]: holds a (blank line|line break)"
        ):
            Article(headline="H", paragraphs=paragraphs)
        return
    article = Article(headline="H", paragraphs=paragraphs)
    assert article.body.split("\n\n") == (list(article.paragraphs) or [""])
