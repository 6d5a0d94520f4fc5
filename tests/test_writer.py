"""Writing: the canonical layout, and what the seed format cannot carry."""

from __future__ import annotations

import datetime as dt
import io

import pytest

import newsdoc
from newsdoc import Article, Image


def test_the_sample_round_trips_byte_for_byte(sample_bytes: bytes) -> None:
    assert newsdoc.dumps(newsdoc.loads(sample_bytes)).encode("utf-8") == sample_bytes


def test_dump_writes_utf8_bytes(sample_bytes: bytes) -> None:
    buffer = io.BytesIO()
    newsdoc.dump(newsdoc.loads(sample_bytes), buffer)
    assert buffer.getvalue() == sample_bytes


def test_canonical_layout() -> None:
    article = Article(
        headline="Headline",
        date=dt.datetime(2023, 7, 9, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=5))),
        metadata={"url": "https://example.com/a", "author": "Zoë Müller"},
        images=[Image(caption="A caption.", credit="AFP")],
        paragraphs=["One.", "Two."],
    )
    assert newsdoc.dumps(article) == (
        " date 2023-07-09T14:30:00+05:00 \u00a0\n"
        " url https://example.com/a \u00a0\n"
        " author Zoë Müller \u00a0\n"
        "Headline\n"
        "\n"
        "A caption. — AFP\n"
        "One.\n\n"
        "Two.\n\n"
    )


def test_messy_input_is_written_canonically() -> None:
    messy = "\r\nDate: 9 July 2023\r\nHeadline  \r\n\r\n\r\nOne.\r\nTwo.\r\n"
    assert newsdoc.dumps(newsdoc.loads(messy)) == (
        " date 2023-07-09 \u00a0\nHeadline\n\nOne.\n\nTwo.\n\n"
    )


def test_an_unreadable_date_is_written_back_as_it_was() -> None:
    text = " date 2023-02-30 \u00a0\nHeadline\n\nBody.\n\n"
    assert newsdoc.dumps(newsdoc.loads(text)) == text


def test_empty_articles() -> None:
    assert newsdoc.dumps(Article(headline="")) == ""
    assert newsdoc.dumps(Article(headline="Only")) == "Only\n"
    assert newsdoc.dumps(Article(headline="", date=dt.date(2023, 7, 9))) == (
        " date 2023-07-09 \u00a0\n"
    )


@pytest.mark.parametrize(
    ("article", "message"),
    [
        (Article(headline=" padded"), "headline: leading or trailing white space"),
        (Article(headline="", paragraphs=["Body."]), "headline: an empty line"),
        (Article(headline="H", paragraphs=["a", ""]), r"paragraphs\[1\]: an empty line"),
        (Article(headline="H", metadata={"url": "a\rb"}), r"metadata\['url'\]: holds a line"),
        (
            Article(headline="H", paragraphs=["Smoke rises. — Reuters"]),
            r"paragraphs\[0\]: would be read back as a photo caption",
        ),
        (
            Article(headline="H", images=[Image(caption="No credit.")]),
            r"images\[0\]\.credit: a caption without a credit",
        ),
        (
            Article(headline="H", images=[Image(caption="Caption", credit="said the minister")]),
            r"images\[0\]: would not be read back",
        ),
        (Article(headline="date 2023-07-09"), "headline: 'date 2023-07-09' would be read back"),
        (Article(headline="H", metadata={"Url": "x"}), r"metadata\['Url'\]: keys are written"),
        (Article(headline="H", metadata={"url": " x"}), r"metadata\['url'\]: leading or trailing"),
        (Article(headline="H", metadata={"url": ":x"}), r"metadata\['url'\]: ':x' would not be"),
        (
            Article(headline="H", metadata={"date": "2023-07-09"}),
            r"metadata\['date'\]: a readable date belongs in Article.date",
        ),
        (
            Article(headline="H", paragraphs=["It costs â€” nothing."]),
            r"paragraphs\[0\]: reads as mojibake and would be repaired",
        ),
    ],
)
def test_what_cannot_be_written_raises_naming_the_field(article: Article, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        newsdoc.dumps(article)


def test_dumps_refuses_other_types() -> None:
    with pytest.raises(TypeError, match="must be an Article"):
        newsdoc.dumps("text")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"headline": "Two\nlines"}, "headline: holds a line break"),
        ({"headline": "H", "paragraphs": ["a", "b\rc"]}, r"paragraphs\[1\]: holds a line break"),
        ({"headline": "H", "paragraphs": ["a", "b\n\nc"]}, r"paragraphs\[1\]: holds a blank line"),
    ],
)
def test_lines_dumps_could_not_write_are_refused_when_built(
    kwargs: dict[str, object], message: str
) -> None:
    # The constructor refuses them, so no article that reaches dumps holds them.
    with pytest.raises(ValueError, match=message):
        Article(**kwargs)  # type: ignore[arg-type]


def test_dump_writes_nothing_when_dumps_refuses() -> None:
    buffer = io.BytesIO()
    with pytest.raises(ValueError, match="headline: leading or trailing"):
        newsdoc.dump(Article(headline=" padded"), buffer)
    assert buffer.getvalue() == b""
