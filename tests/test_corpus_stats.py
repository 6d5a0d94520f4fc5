"""Corpus statistics (`CorpusStats`) and their plot (`plot_stats`).

The corpus is a handful of invented seed-format texts read with
`newsdoc.loads`, a failed record, and articles built with their entities and
quotes given, so that every count is known.  The plot is looked at: the PNG
decodes, has the size asked for, and is not blank.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article, Entity, Quote
from newsdoc.corpus import OutputError, Record, RecordError, Source, content_hash
from newsdoc.corpus._plot import plot_stats
from newsdoc.corpus._stats import CorpusStats

TEXTS = {
    "talks.txt": (
        " date 2024-03-01 \u00a0\nTalks resume in Doha\n\n"
        "Negotiators met in Doha on Friday.\n\nThe talks will continue next week.\n\n"
    ),
    "copy.txt": (
        "date: 2024-03-01\nTalks resume in Doha\n\n"
        "Negotiators met in Doha on Friday.\n\nThe talks will continue next week.\n\n"
    ),
    "late.txt": (
        "date 2024-03-03T23:30:00+05:00\nMarkets close higher\n\nShares rose on Sunday.\n\n"
    ),
    "undated.txt": "Rain expected\n\nForecasters expect rain.\n\n",
}


def record(name: str, article: Article) -> Record:
    """The record of an article, as `read_records` makes it."""
    return Record(Source(name), article, article.diagnostics, None, content_hash(article))


def parsed() -> list[Record]:
    """The records of the invented texts, and one failure."""
    records = [record(name, newsdoc.loads(text)) for name, text in TEXTS.items()]
    failure = Record(Source("broken.txt"), error=RecordError("unreadable", "permission denied"))
    return [*records, failure]


def people(day: dt.date | None, *names: str, quoted: tuple[int, ...] = ()) -> Article:
    """An article naming people (and Paris), with a quote of each ``quoted`` one."""
    entities = [Entity(kind="person", name=name) for name in names]
    entities.append(Entity(kind="place", name="Paris"))
    quotes = [Quote(text=f"Quote {n}.", speaker_index=i) for n, i in enumerate(quoted)]
    headline = f"{' and '.join(names)} in Paris"
    return Article(headline=headline, date=day, entities=entities, quotes=quotes)


MARCH_1 = dt.date(2024, 3, 1)

#: Entities and quotes given: Ann is named by three articles, quoted three times.
NAMED = [
    record("a", people(MARCH_1, "Ann Lee", "Bo Chan", quoted=(0, 0, 1))),
    record("b", people(MARCH_1, "Ann Lee", quoted=(0,))),
    record("c", people(dt.date(2024, 3, 2), "Ann Lee", "Cy Diaz")),
    record("d", people(None, "Bo Chan", quoted=(0,))),
]


# -- counting -----------------------------------------------------------------


def test_counts_of_invented_texts() -> None:
    stats = CorpusStats().add_all(parsed())
    assert (stats.records, stats.articles, stats.failed) == (5, 4, 1)
    assert stats.failures == Counter({"unreadable": 1})
    # copy.txt has the same headline and paragraphs as talks.txt.
    assert stats.duplicates == 1
    # A datetime counts by the date written, whatever its time zone.
    assert stats.days == Counter({MARCH_1: 2, dt.date(2024, 3, 3): 1})
    assert (stats.first_day, stats.last_day, stats.dated) == (MARCH_1, dt.date(2024, 3, 3), 3)
    assert stats.diagnostics["no-date"] == 1


def test_entities_count_articles_and_speakers_count_quotes() -> None:
    stats = CorpusStats().add_all(NAMED)
    assert stats.entities == Counter(
        {
            ("place", "Paris"): 4,
            ("person", "Ann Lee"): 3,
            ("person", "Bo Chan"): 2,
            ("person", "Cy Diaz"): 1,
        }
    )
    assert stats.speakers == Counter({"Ann Lee": 3, "Bo Chan": 2})
    assert stats.top_entities(2) == [("place", "Paris", 4), ("person", "Ann Lee", 3)]
    assert stats.top_entities(1, kind="person") == [("person", "Ann Lee", 3)]
    assert stats.top_speakers(1) == [("Ann Lee", 3)]


def test_entities_counted_from_parsed_articles() -> None:
    """Whatever the extractor finds, each article counts once per entity."""
    records = parsed()
    stats = CorpusStats().add_all(records)
    expected: Counter[tuple[str, str]] = Counter()
    for rec in records:
        if rec.article is not None:
            expected.update({(e.kind.value, e.name) for e in rec.article.entities})
    assert stats.entities == expected


def test_an_article_naming_an_entity_twice_counts_once() -> None:
    twice = Article(
        headline="Ann Lee meets Ann Lee",
        entities=[Entity(kind="person", name="Ann Lee"), Entity(kind="person", name="Ann Lee")],
    )
    assert CorpusStats().add_all([record("x", twice)]).entities == Counter(
        {("person", "Ann Lee"): 1}
    )


def test_an_empty_corpus() -> None:
    stats = CorpusStats()
    assert (stats.records, stats.duplicates, stats.first_day, stats.last_day) == (0, 0, None, None)
    assert "(none)" in stats.render()
    assert stats.to_dict()["dates"]["first"] is None


# -- merging ------------------------------------------------------------------


def test_merge_of_workers_equals_one_pass() -> None:
    records = parsed() + NAMED
    one = CorpusStats().add_all(records)
    parts = [CorpusStats().add_all(records[i::3]) for i in range(3)]
    merged = functools.reduce(CorpusStats.merge, parts, CorpusStats())
    assert merged == one
    assert merged.render() == one.render()
    assert merged.to_dict() == one.to_dict()


POOL = parsed() + NAMED


@given(
    st.lists(st.sampled_from(POOL), max_size=30),
    st.lists(st.integers(min_value=0, max_value=30), max_size=4),
)
def test_merge_of_split_streams_is_the_whole_stream(records: list[Record], cuts: list[int]) -> None:
    bounds = [0, *sorted(min(c, len(records)) for c in cuts), len(records)]
    parts = [CorpusStats().add_all(records[a:b]) for a, b in itertools.pairwise(bounds)]
    merged = functools.reduce(CorpusStats.merge, parts, CorpusStats())
    whole = CorpusStats().add_all(records)
    assert merged == whole
    assert merged.render(top=3) == whole.render(top=3)
    articles = [r.content_hash for r in records if r.ok]
    assert merged.duplicates == len(articles) - len(set(articles))


@given(st.permutations(POOL))
def test_the_report_does_not_depend_on_the_order(records: list[Record]) -> None:
    assert CorpusStats().add_all(records).render() == CorpusStats().add_all(POOL).render()


# -- output -------------------------------------------------------------------

REPORT = """\
Corpus
  records           9
  articles          8
  failed            1
    unreadable      1
  exact duplicates  1

Dates
  dated articles      6
  undated articles    2
  days with articles  3
  first day           2024-03-01
  last day            2024-03-03
  busiest day         2024-03-01 (4 articles)

Top people (articles naming them)
  Ann Lee  3
  Bo Chan  2

Top places (articles naming them)
  Paris  4
"""


def test_render_lines() -> None:
    stats = CorpusStats().add_all(parsed() + NAMED)
    text = stats.render(top=2)
    assert text.startswith(REPORT)
    assert "Top speakers (quotes)\n  Ann Lee  3\n  Bo Chan  2\n" in text
    assert "Diagnostic codes\n  no-date  1" in text
    assert text.endswith("\n")


def test_render_cuts_long_names() -> None:
    long = "Organisation for the Prevention of Very Long Names in Reports"
    article = Article(headline="x", entities=[Entity(kind="organization", name=long)])
    text = CorpusStats().add_all([record("x", article)]).render()
    assert long not in text
    assert long[:39] + "…" in text


def test_to_dict_is_json() -> None:
    stats = CorpusStats().add_all(parsed() + NAMED)
    data = json.loads(json.dumps(stats.to_dict(top=1)))
    assert data["records"] == 9
    assert data["failures"] == {"unreadable": 1}
    assert data["exact_duplicates"] == 1
    assert data["dates"]["per_day"] == {"2024-03-01": 4, "2024-03-02": 1, "2024-03-03": 1}
    assert data["entities"]["person"] == [{"name": "Ann Lee", "articles": 3}]
    assert data["speakers"] == [{"name": "Ann Lee", "quotes": 3}]
    assert len(stats.to_dict()["entities"]["person"]) == 3


# -- the plot -----------------------------------------------------------------


def look_at(path: Path) -> tuple[tuple[int, int], float, int]:
    """The size of a PNG, the share of its pixels that are not white, and how
    many distinct colours it has."""
    image = pytest.importorskip("matplotlib.image").imread(path)
    rgb = (image[..., :3] * 255).round().astype(int)
    height, width = rgb.shape[:2]
    inked = (rgb < 250).any(axis=-1).mean()
    colours = len({tuple(pixel) for pixel in rgb.reshape(-1, 3)[::7]})
    return (width, height), float(inked), colours


def test_plot_is_drawn(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "stats.png"
    plot_stats(CorpusStats().add_all(parsed() + NAMED), out)
    size, inked, colours = look_at(out)
    assert size == (1200, 900)
    assert inked > 0.05
    assert colours > 10
    assert os.listdir(tmp_path) == ["stats.png"]


@pytest.mark.parametrize(("width", "height"), [(640, 480), (1001, 777), (300, 1000)])
def test_plot_has_the_size_asked_for(tmp_path: Path, width: int, height: int) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "stats.png"
    plot_stats(CorpusStats().add_all(NAMED), out, width_px=width, height_px=height, top=3)
    assert look_at(out)[0] == (width, height)


def test_plot_without_dates_or_entities(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    undated = [record("x", Article(headline="Rain expected", paragraphs=["Rain."]))]
    out = tmp_path / "empty.png"
    plot_stats(CorpusStats().add_all(undated), out)
    size, inked, colours = look_at(out)
    assert size == (1200, 900)
    assert inked > 0.005  # the frames, the titles and the notes
    assert colours > 2


@pytest.mark.parametrize(
    "days",
    [
        [dt.date(2020, 1, 1), dt.date(2024, 6, 1)],  # per month
        [dt.date(2024, 1, 1), dt.date(2024, 9, 1)],  # per week
        [dt.date.min, dt.date.max],  # per year, matplotlib's whole range
    ],
)
def test_plot_of_long_spans(tmp_path: Path, days: list[dt.date]) -> None:
    pytest.importorskip("matplotlib")
    stats = CorpusStats(records=2, articles=2, days=Counter(days))
    plot_stats(stats, tmp_path / "long.png", width_px=600, height_px=400)
    assert look_at(tmp_path / "long.png")[0] == (600, 400)


def test_plot_leaves_pyplot_alone(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    script = (
        "import sys\n"
        "from newsdoc.corpus._plot import plot_stats\n"
        "from newsdoc.corpus._stats import CorpusStats\n"
        f"plot_stats(CorpusStats(), {str(tmp_path / 'p.png')!r})\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_plot_failure_leaves_no_file(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    with pytest.raises(OutputError):
        plot_stats(CorpusStats(), tmp_path / "missing" / "p.png")
    with pytest.raises(ValueError, match="100 pixels"):
        plot_stats(CorpusStats(), tmp_path / "p.png", width_px=50)
    assert os.listdir(tmp_path) == []


def test_plot_without_matplotlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    monkeypatch.setitem(sys.modules, "matplotlib.backends.backend_agg", None)
    with pytest.raises(ImportError, match=r'pip install "newsdoc\[plot\]"'):
        plot_stats(CorpusStats(), tmp_path / "p.png")
