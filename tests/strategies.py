"""Hypothesis strategies for the whole newsdoc model."""

from __future__ import annotations

import datetime as dt

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
    Quote,
    Span,
)
from newsdoc._captions import AGENCIES, split_caption
from newsdoc._decode import repair_mojibake
from newsdoc._parser import STRONG, read_header_line
from newsdoc._text import LAYOUT

# Characters of article text: any but line breaks and surrogates, weighted
# towards letters, and with the typography news text has.
_TYPOGRAPHY = "“”‘’—–…«»\u00a0\u2009\u200b\u2028\x0c"
_NAMES = ["Zoë", "Łukasz", "Müller", "São Paulo", "Ångström", "Øresund", "İstanbul", "Nguyễn"]
_char = st.one_of(
    st.characters(codec="utf-8", exclude_characters="\r\n"),
    st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:'\"-0123456789"),
    st.sampled_from(_TYPOGRAPHY),
)


def _clean(text: str) -> str:
    text = text.strip(LAYOUT)
    # Text the reader would take for mojibake cannot be written (dumps refuses it).
    return text if repair_mojibake(text) == text else ""


#: One line of text with no layout at its ends (may be any Unicode).
line_text = (
    st.one_of(
        st.text(_char, min_size=1, max_size=80),
        st.lists(
            st.sampled_from([*_NAMES, "said", "the", "“We will”", "Reuters", "—"]), min_size=1
        ).map(" ".join),
    )
    .map(_clean)
    .filter(bool)
)


def _not_header(text: str) -> bool:
    header = read_header_line(text)
    return header is None or header.strength != STRONG


def _not_caption(text: str) -> bool:
    return split_caption(text) is None


headlines = line_text.filter(_not_header)
paragraph_lists = st.lists(line_text, max_size=12).filter(lambda ps: not ps or _not_caption(ps[0]))

credits = st.one_of(
    st.sampled_from(sorted(AGENCIES)).map(lambda a: a.title() if a.islower() else a),
    st.sampled_from(["Reuters/File", "AFP", "Photo: Zoë Müller", "Photo by Łukasz Nowak", "APP"]),
)
captions = line_text.map(lambda t: t.rstrip(".") + ".").filter(
    lambda t: _clean(t) == t and t != "."
)
images = st.builds(Image, caption=captions, credit=credits).filter(
    lambda im: split_caption(f"{im.caption} — {im.credit}") == (im.caption, im.credit)
)

offsets = st.builds(
    dt.timezone, st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: dt.timedelta(minutes=m))
)
article_dates = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1000, 1, 1)),
    st.datetimes(min_value=dt.datetime(1000, 1, 1), timezones=st.one_of(st.none(), offsets)),
)
metadata_keys = st.from_regex(r"[a-z][a-z0-9_-]{0,12}", fullmatch=True).filter(
    lambda k: k != "date"
)
metadata_values = line_text.filter(lambda v: not v.startswith(":"))
metadata = st.dictionaries(metadata_keys, metadata_values, max_size=4)
ids = st.none() | st.from_regex(r"[0-9a-f]{16}", fullmatch=True)


def _writable(article: Article) -> bool:
    # Lines that pass one by one can still read as mojibake side by side.
    try:
        newsdoc.dumps(article)
    except ValueError:
        return False
    return True


@st.composite
def _writable_articles(draw: st.DrawFn) -> Article:
    """Articles that the seed format can carry (no extraction results)."""
    paragraphs = draw(paragraph_lists)
    imgs = draw(st.lists(images, max_size=3))
    headline = draw(headlines) if paragraphs or imgs or draw(st.booleans()) else ""
    if imgs and paragraphs and not _not_caption(paragraphs[0]):
        paragraphs = paragraphs[1:]
    return Article(
        headline=headline,
        date=draw(article_dates),
        paragraphs=paragraphs,
        images=imgs,
        metadata=draw(metadata),
        id=draw(ids),
    )


def writable_articles() -> st.SearchStrategy[Article]:
    """Articles that the seed format can carry (no extraction results)."""
    return _writable_articles().filter(_writable)


def _span(body: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=body[start:end])


@st.composite
def spans_in(draw: st.DrawFn, body: str) -> Span:
    start = draw(st.integers(0, len(body)))
    end = draw(st.integers(start, min(len(body), start + 40)))
    return _span(body, start, end)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """Any valid article, extraction results included, spans valid."""
    base = draw(writable_articles())
    # Spans anywhere in the whole text: headline, captions, credits and body.
    span = spans_in(base.text)
    mention = st.builds(
        lambda where, title, kind: Mention(
            start=where.start, end=where.end, text=where.text, title=title, kind=kind
        ),
        span,
        st.none() | span,
        st.none() | st.sampled_from(EntityKind),
    )
    entities = draw(
        st.lists(
            st.builds(
                Entity,
                kind=st.sampled_from(EntityKind),
                name=line_text,
                aliases=st.lists(line_text, max_size=2),
                title=st.none() | line_text,
                mentions=st.lists(mention | span, max_size=3),
            ),
            max_size=4,
        )
    )
    entity_index = st.none() | (st.integers(0, len(entities) - 1) if entities else st.none())
    quotes = draw(
        st.lists(
            st.builds(
                Quote,
                text=st.text(_char, max_size=40),
                spans=st.lists(span, max_size=2),
                speaker_mention=st.none() | span,
                cue=st.none() | span,
                speaker_index=entity_index,
            ),
            max_size=3,
        )
    )
    date_mentions = draw(
        st.lists(
            st.builds(
                DateMention,
                span=span,
                value=article_dates,
                precision=st.none() | st.sampled_from(DatePrecision),
            ),
            max_size=3,
        )
    )
    return Article(
        headline=base.headline,
        date=base.date,
        paragraphs=base.paragraphs,
        images=base.images,
        metadata=base.metadata,
        id=base.id,
        entities=entities,
        quotes=quotes,
        date_mentions=date_mentions,
    )
