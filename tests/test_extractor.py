"""`RuleExtractor` and the garbage collector: paused for a call, left as it was found."""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Article
from newsdoc.extraction import RuleExtractor

# The package of extractors (`newsdoc.extract` is the function).
EXTRACT = importlib.import_module("newsdoc.extraction")


def test_the_function_and_the_package_do_not_hide_each_other() -> None:
    import newsdoc.extraction.spacy

    assert newsdoc.extraction.spacy.SpacyExtractor.__name__ == "SpacyExtractor"
    assert callable(newsdoc.extract)
    assert newsdoc.extract is newsdoc.extraction.extract
    assert newsdoc.extraction.RuleExtractor is newsdoc.RuleExtractor


SEED = Path(__file__).parent.parent / "seeds" / "000_5034f051d719ed27.txt"


@pytest.fixture
def article() -> Article:
    return newsdoc.read(SEED, extract=False)


@pytest.fixture
def gc_state() -> Iterator[None]:
    """Restore the collector's state whatever a test leaves behind."""
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("gc_state")
@pytest.mark.parametrize("enabled", [True, False])
def test_extraction_leaves_the_collector_as_it_was(article: Article, enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    extracted = newsdoc.extract(article)
    assert extracted.entities
    assert extracted.date_mentions
    assert gc.isenabled() is enabled


@pytest.mark.usefixtures("gc_state")
def test_the_collector_is_back_on_when_extraction_fails(
    article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise RuntimeError("a part failed")

    monkeypatch.setattr(importlib.import_module("newsdoc.extraction._pipeline"), "find_dates", fail)
    gc.enable()
    with pytest.raises(RuntimeError, match="a part failed"):
        RuleExtractor()(article)
    assert gc.isenabled()


@pytest.mark.usefixtures("gc_state")
def test_extraction_leaves_no_cyclic_garbage(article: Article) -> None:
    # Pausing the collector is free only while everything extraction throws away is
    # freed by reference counting.
    text = SEED.read_text(encoding="utf-8")
    gc.collect()
    gc.disable()
    for _ in range(3):
        newsdoc.extract(article)
        newsdoc.loads(text)
    assert gc.collect() == 0
