"""Duplicate articles: exact (`exact_duplicates`) and near (`near_duplicates`).

The stories are invented.  A wire story is republished with a new headline
and two sentences changed: it must cluster with the original, while other
stories (one on the same subject, sharing a stock closing paragraph) must not.
"""

from __future__ import annotations

import sys
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article
from newsdoc.corpus import Record, RecordError, Source, content_hash
from newsdoc.corpus._dedupe import (
    ExactDuplicates,
    exact_duplicates,
    lsh_bands,
    near_duplicates,
    shingles,
)

CLOSING = (
    "The agency said it would publish a full report later this month. Officials did not "
    "respond to requests for comment outside business hours."
)

WIRE = [
    "Dock workers at the port of Varna Bay walked off the job on Tuesday, halting the "
    "loading of grain ships for the first time in eleven years as talks over pay and "
    "shift patterns collapsed late on Monday night.",
    "The Harbour Workers Union said about 2,300 of its members had joined the strike, "
    "which it described as open-ended. Union secretary Petra Volkova told reporters at "
    "the main gate that the port authority had refused to discuss a proposal to cap "
    "night shifts at three a week.",
    '"We have been patient for two years and we have nothing to show for it," Volkova '
    'said. "Our members are tired, and they are not willing to wait for another round of '
    'promises."',
    "The port authority said in a statement that it regretted the decision and that its "
    "offer of a six percent rise over two years remained on the table. It said "
    "contingency plans would keep the container terminal running with reduced staff.",
    "Grain traders said at least fourteen vessels were waiting at anchor outside the "
    "harbour, and that freight rates for the region had risen sharply since the morning. "
    "One trader in the capital said buyers were already looking at other ports along the "
    "coast, where capacity was limited and queues were long.",
    "The strike comes at the height of the harvest export season, when the port handles "
    "more than a third of the country's grain shipments. The agriculture ministry said it "
    "was monitoring the situation and urged both sides to return to negotiations without "
    "delay.",
    "Analysts said a long stoppage could cut the country's export revenue and weigh on "
    "the currency, which has already weakened against the euro this year. Previous "
    "disputes at the port were settled within days, but both sides said on Tuesday that "
    "they saw no basis for an agreement.",
    CLOSING,
]

#: The same story as another outlet ran it (under a new headline, below): a
#: number updated, one sentence reworded.
REPUBLISHED = [
    WIRE[0],
    WIRE[1].replace("about 2,300", "about 2,500"),
    *WIRE[2:4],
    WIRE[4].replace("had risen sharply since the morning", "jumped during the day"),
    *WIRE[5:],
]

#: The same subject, written apart: it shares the closing paragraph and names.
OTHER_ON_THE_PORT = [
    "Talks to end the strike at Varna Bay resumed on Thursday under a government "
    "mediator, two days after the Harbour Workers Union stopped work at the grain "
    "terminals.",
    "The mediator, a retired judge, met union leaders in the morning and port managers "
    "in the afternoon. Neither side spoke to journalists waiting outside the ministry.",
    "Petra Volkova said before the meeting that the union would accept nothing less than "
    "a firm limit on night work, and that pay was a secondary question for her members.",
    CLOSING,
]

FOOTBALL = [
    "Rovers came from two goals down to beat City 3-2 on Saturday, with a stoppage-time "
    "header from their young defender sealing a win that lifts them out of the "
    "relegation places.",
    "The home side had looked beaten at half-time after two defensive errors, but the "
    "substitutes changed the game and the crowd of 18,000 stayed to the end.",
    "The manager said he was proud of the reaction and that the players had shown the "
    "character the club would need in the coming weeks.",
]


def article(headline: str, paragraphs: list[str]) -> Article:
    """An article of a headline and paragraphs."""
    return Article(headline=headline, paragraphs=paragraphs)


def records(*articles: Article) -> list[Record]:
    """Records of the articles, with sources ``1``, ``2`` ..."""
    return [Record(Source(str(n)), a, (), None, content_hash(a)) for n, a in enumerate(articles, 1)]


def paths(clusters: list[list[Source]]) -> list[list[str]]:
    """Clusters as lists of source paths."""
    return [[source.path for source in cluster] for cluster in clusters]


def jaccard(first: Article, second: Article) -> float:
    """The exact Jaccard similarity of two articles' shingle sets."""
    one, two = shingles(first), shingles(second)
    return len(one & two) / len(one | two)


ORIGINAL = article("Dock strike halts grain loading at Varna Bay", WIRE)
REPRINT = article("Varna Bay dockers strike, grain ships wait", REPUBLISHED)
SAME_SUBJECT = article("Mediator meets both sides in Varna Bay strike", OTHER_ON_THE_PORT)
MATCH = article("Rovers fight back to beat City", FOOTBALL)


# -- exact --------------------------------------------------------------------


def test_exact_duplicates_in_first_seen_order() -> None:
    text = " date 2024-03-01 \u00a0\nTalks resume\n\nNegotiators met on Friday.\n\n"
    talks = newsdoc.loads(text)
    again = newsdoc.loads(text.replace("2024-03-01", "2024-03-02"))  # another date, same text
    failure = Record(Source("broken"), error=RecordError("unreadable", "gone"))
    given_records = [*records(MATCH, talks, ORIGINAL, again, MATCH, MATCH), failure]
    assert paths(exact_duplicates(given_records)) == [["1", "5", "6"], ["2", "4"]]


def test_no_exact_duplicates() -> None:
    assert exact_duplicates(records(ORIGINAL, REPRINT, MATCH)) == []
    assert ExactDuplicates().clusters() == []


def test_exact_duplicates_hash_a_record_without_one() -> None:
    bare = [Record(Source(name), MATCH) for name in ("a", "b")]
    assert paths(exact_duplicates(bare)) == [["a", "b"]]


# -- near ---------------------------------------------------------------------


def test_the_invented_stories_are_what_they_claim() -> None:
    """The reprint is close to the original, the others are far from it."""
    assert 0.85 < jaccard(ORIGINAL, REPRINT) < 0.9
    assert jaccard(ORIGINAL, SAME_SUBJECT) < 0.1
    assert jaccard(ORIGINAL, MATCH) == 0


def test_a_republished_story_clusters_and_others_do_not() -> None:
    pytest.importorskip("datasketch")
    given_records = records(MATCH, ORIGINAL, SAME_SUBJECT, REPRINT)
    assert paths(near_duplicates(given_records)) == [["2", "4"]]


def test_clusters_are_connected_components_in_first_seen_order() -> None:
    pytest.importorskip("datasketch")
    football_again = article("Rovers beat City", [*FOOTBALL[:2], "The manager was proud."])
    given_records = records(MATCH, REPRINT, SAME_SUBJECT, football_again, ORIGINAL, REPRINT)
    assert paths(near_duplicates(given_records, threshold=0.6)) == [["1", "4"], ["2", "5", "6"]]


def test_threshold_decides() -> None:
    pytest.importorskip("datasketch")
    pair = records(ORIGINAL, REPRINT)
    assert near_duplicates(pair, threshold=0.99) == []
    assert paths(near_duplicates(pair, threshold=0.5)) == [["1", "2"]]


def test_articles_without_words_and_failures_are_left_out() -> None:
    pytest.importorskip("datasketch")
    empty = article("", [])
    failure = Record(Source("broken"), error=RecordError("unreadable", "gone"))
    assert near_duplicates([*records(empty, empty, MATCH), failure]) == []


def test_short_texts_are_one_shingle() -> None:
    pytest.importorskip("datasketch")
    short = article("Rain", ["Expected today."])
    assert shingles(short) == {b"rain expected today"}
    assert paths(near_duplicates(records(short, article("RAIN!", ["Expected, today"])))) == [
        ["1", "2"]
    ]


def test_shingles_are_word_runs() -> None:
    words = article("One two, three", ["Four five six."])
    assert shingles(words, 5) == {b"one two three four five", b"two three four five six"}
    assert shingles(words, 1) == {b"one", b"two", b"three", b"four", b"five", b"six"}
    assert shingles(article("", [" ... "])) == set()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threshold": 0.0}, "threshold"),
        ({"threshold": 1.5}, "threshold"),
        ({"num_perm": 1}, "num_perm"),
        ({"shingle": 0}, "shingle"),
    ],
)
def test_bad_parameters(options: dict[str, float], message: str) -> None:
    pytest.importorskip("datasketch")
    with pytest.raises(ValueError, match=message):
        near_duplicates([], **options)  # type: ignore[arg-type]


def test_bands_catch_a_pair_at_the_threshold() -> None:
    for threshold in (0.5, 0.8, 0.9, 1.0):
        bands, rows = lsh_bands(threshold, 128)
        assert bands >= 2
        assert bands * rows <= 128
        assert 1 - (1 - threshold**rows) ** bands >= 0.95
    assert lsh_bands(0.8, 128) == (18, 7)


def test_without_datasketch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasketch", None)
    with pytest.raises(ImportError, match=r'pip install "newsdoc\[dedupe\]"'):
        near_duplicates(records(MATCH))


# -- properties -----------------------------------------------------------------

WORDS = st.sampled_from(["grain", "port", "strike", "union", "talks", "pay", "rain", "city"])
TEXTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)
ARTICLES = st.builds(article, TEXTS, st.lists(TEXTS, max_size=3))


@given(st.lists(ARTICLES, max_size=8), st.randoms(use_true_random=False))
def test_near_clusters_hold_the_exact_ones_in_any_order(
    articles: list[Article], rng: Random
) -> None:
    """Identical texts always cluster, and the clusters (as sets) do not depend
    on the order the articles come in."""
    pytest.importorskip("datasketch")
    given_records = records(*articles)
    near = [set(cluster) for cluster in paths(near_duplicates(given_records))]
    for cluster in paths(exact_duplicates(given_records)):
        assert any(set(cluster) <= other for other in near)
    shuffled = list(given_records)
    rng.shuffle(shuffled)
    again = [set(cluster) for cluster in paths(near_duplicates(shuffled))]
    assert sorted(map(sorted, near)) == sorted(map(sorted, again))
