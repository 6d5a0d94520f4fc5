"""The cache of run analyses: bounded, and never serving one run's analysis for another."""

from __future__ import annotations

from typing import Any

import pytest

import newsdoc
from newsdoc.extraction._entities import cache


def test_a_full_cache_keeps_each_analysis_under_its_own_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache, "_CACHE_LIMIT", 8)
    runs = cache.RunCache()
    for n in range(40):
        records: Any = ((0, n, f"Run {n}"),)  # what the test reads of a record
        runs.store(f"Run {n}", [], records)
        assert runs.plain[f"Run {n}"] is records
        assert len(runs.plain) <= 8
    assert all(records[0][2] == text for text, records in runs.plain.items())
    assert "Run 39" in runs.plain
    assert "Run 0" not in runs.plain  # the older half went


def test_articles_read_the_same_after_the_cache_has_filled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cache, "_CACHE_LIMIT", 6)
    monkeypatch.setattr(cache, "_CACHES", {})
    people = ["Minen Bomiski", "Ruvin Toviski", "Ada Quell", "Bram Ostin", "Cora Venn"]
    texts = [
        f"date: 2024-03-0{n % 9 + 1}\nStory {n}\n\n"
        f"Yesterday {people[n % 5]} spoke in Leeds. {people[(n + 2) % 5]} said: “No.”\n"
        for n in range(30)
    ]
    filled = [newsdoc.loads(text) for text in texts]
    monkeypatch.setattr(cache, "_CACHES", {})
    for text, article in zip(texts, filled, strict=True):
        cache._CACHES.clear()  # a cold cache for each: the reference reading
        assert newsdoc.loads(text).entities == article.entities
