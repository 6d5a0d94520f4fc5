"""The entity finder's passes one by one, its rule tables, and the run cache's invariant.

Every text here is invented for the test.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest

from newsdoc._model import EntityKind
from newsdoc.extraction._entities import PASSES, find_entities
from newsdoc.extraction._entities.cache import Answer, Question, Record, RunQuestions
from newsdoc.extraction._entities.runs import analyse_run
from newsdoc.extraction._entities.state import Doc, TextWords
from newsdoc.extraction._lexicon import LEXICON, word_sections

# (The package exports functions under the names of some of its modules.)
cache = importlib.import_module("newsdoc.extraction._entities.cache")
scan_module: Any = importlib.import_module("newsdoc.extraction._entities.scan")
single = importlib.import_module("newsdoc.extraction._entities.single")
multi = importlib.import_module("newsdoc.extraction._entities.multi")
context = importlib.import_module("newsdoc.extraction._entities.context")

PERSON = EntityKind.PERSON
ORG = EntityKind.ORGANIZATION
PLACE = EntityKind.PLACE

TEXTS = [
    "Quorvak said the plan failed. Later Quorvak left for Zentara.",
    "Quorvak rules were strict. The quorvak tradition is old.",
    "Centcom chief General Ilsa Marwick met the Brannic Defence Forces (BDF) in Velmor, "
    "Texas. The BDF said the General was late.",
    "The Velmor Institute of Trade hired Ilsa Marwick. Marwick said Velmor Institute staff "
    "agreed. Zorbic Tellan and Ilsa Marwick signed.",
    "USI Art Collections opened. 12 MHZ Polarization is a unit. MHZ Polarization again.",
    "the President spoke. President Tarn Olvey, 54, said the Foreign Secretary agreed.",
]


@pytest.fixture
def empty_cache() -> Iterator[None]:
    """Start with no cached run analyses, and leave none behind."""
    cache._CACHES.clear()
    yield
    cache._CACHES.clear()


def outcome(text: str) -> str:
    entities, index = find_entities(text)
    return repr((entities, index))


def test_find_entities_lists_its_passes_in_order() -> None:
    names = [step.__name__ for step in PASSES]
    assert names[0] == "scan"
    assert names.index("context_cues") < names.index("actors") < names.index("link")
    assert names[-1] == "towns_in_regions"  # after `link`, which reads towns as written


def test_each_pass_reads_and_changes_only_the_doc() -> None:
    doc = Doc("Quorvak said the Brannic Defence Forces met in Velmor.", LEXICON)
    seen = []
    for step in PASSES:
        step(doc)
        seen.append([(m.text, m.kind) for m in doc.mentions])
    assert seen[0]  # the scan found the names
    assert ("Quorvak", PERSON) in seen[-1]  # "said" after it: a person
    assert ("Brannic Defence Forces", ORG) in seen[-1]


def test_the_rule_tables_are_named_and_ordered() -> None:
    assert single.RULES[0][0] == "a listed name"
    assert multi.RULES[0][0] == "a listed name"
    assert multi.RULES[-1][0] == "anything else"
    assert len({entry[0] for entry in context.CUES}) == len(context.CUES)


def test_a_title_rule_comes_before_a_given_name() -> None:
    # "General" is a title head: the title rule decides before the given-name rule.
    entities, _ = find_entities("We met General Ilsa Marwick there.")
    (person,) = [e for e in entities if e.kind is PERSON]
    assert person.name == "Ilsa Marwick"
    assert person.title == "General"


def test_a_describing_noun_cue_types_an_unknown_name() -> None:
    entities, _ = find_entities("We read the magazine Zorbo at home.")
    assert [(e.name, e.kind) for e in entities] == [("Zorbo", ORG)]


def test_the_word_lists_come_from_the_data_file_with_source_and_license() -> None:
    sections = word_sections("entity_words")
    words = importlib.import_module("newsdoc.extraction._entities.words")
    assert sections["date-words"] == words.DATE_WORDS
    assert sections["say-verbs"] == words.SAY_VERBS
    head = (
        resources.files("newsdoc.extraction")
        .joinpath("data/entity_words.txt")
        .read_text(encoding="utf-8")
        .split("\n[", 1)[0]
    )
    assert "Written for newsdoc from general knowledge" in head
    assert "MIT" in head


# ------------------------------------------------------------------ the run cache


@pytest.mark.usefixtures("empty_cache")
def test_a_cached_analysis_serves_only_articles_that_answer_its_questions_alike() -> None:
    # "Quorvak" opening a sentence: a name in the first text, a common word in the
    # second (which writes "quorvak" in lower case), whichever is read first.
    fresh = []
    for text in TEXTS:
        cache._CACHES.clear()
        fresh.append(outcome(text))
    cache._CACHES.clear()
    assert [outcome(text) for text in TEXTS] == fresh
    assert [outcome(text) for text in reversed(TEXTS)] == fresh[::-1]
    assert [outcome(text) for text in TEXTS] == fresh


def test_the_analysis_of_a_run_is_handed_nothing_of_the_article_but_the_accessor() -> None:
    assert list(inspect.signature(analyse_run).parameters) == [
        "text",
        "sentence_start",
        "lexicon",
        "ask",
    ]


class Replay(RunQuestions):
    """An accessor with no article behind it: it answers the recorded questions, in order,
    and fails on any other question or on any use of the article."""

    __slots__ = ("_answers",)

    def __init__(self, asked: list[tuple[Question, Answer]]) -> None:
        # (No RunQuestions.__init__: this accessor has no text and no words.)
        self._answers = list(asked)
        self.asked = []

    def _ask(self, question: Question) -> Answer:
        assert self._answers, f"an unrecorded question: {question!r}"
        recorded, got = self._answers.pop(0)
        assert recorded == question
        self.asked.append((question, got))
        return got

    def written_lower(self, low: str) -> bool:
        return self._ask(low) is True


def runs_of(text: str) -> list[tuple[str, bool, int]]:
    """``(run text, sentence start, start)`` of every run the scan analyses in ``text``."""
    seen: list[tuple[str, bool, int]] = []
    original = scan_module.analyse_run

    def spy(run: str, sentence_start: bool, lexicon: Any, ask: RunQuestions) -> tuple[Record, ...]:
        seen.append((run, sentence_start, ask._start))
        return analyse_run(run, sentence_start, lexicon, ask)

    cache._CACHES.clear()
    scan_module.analyse_run = spy
    try:
        find_entities(text)
    finally:
        scan_module.analyse_run = original
        cache._CACHES.clear()
    return seen


@pytest.mark.parametrize("text", TEXTS)
def test_a_run_analysed_from_recorded_answers_alone_comes_out_the_same(text: str) -> None:
    """What makes the cache safe: a run's analysis depends on its text, its sentence
    start, the lexicon and the answers its accessor gave, nothing else.  A rule that
    reached the article another way would fail here (the replaying accessor has no
    article behind it)."""
    runs = runs_of(text)
    assert runs
    words = TextWords(text)
    for run, sentence_start, start in runs:
        ask = RunQuestions(words, start)
        records = analyse_run(run, sentence_start, LEXICON, ask)
        replay = Replay(ask.asked)
        assert analyse_run(run, sentence_start, LEXICON, replay) == records
        assert not replay._answers  # every recorded question asked again


def test_questions_about_the_text_before_a_run_are_recorded() -> None:
    # "the Foreign Secretary": a title alone is a person after "the" (asked of the
    # article when the title opens the run).
    text = "Officials met the Foreign Secretary today."
    start = text.index("Foreign")
    ask = RunQuestions(TextWords(text), start)
    records = analyse_run("Foreign Secretary", False, LEXICON, ask)
    assert ask.asked == [(("word before", 0), "the")]
    assert [(r[2], r[3]) for r in records] == [("Foreign Secretary", PERSON)]
    elsewhere = "Officials met Foreign Secretary nobody."
    ask = RunQuestions(TextWords(elsewhere), elsewhere.index("Foreign"))
    assert analyse_run("Foreign Secretary", False, LEXICON, ask) == ()


# ------------------------------------------------------ what a mention's span covers


def person(text: str, name: str) -> Any:
    """The entity ``name`` found in ``text``."""
    entities, _ = find_entities(text)
    found = [e for e in entities if e.name == name]
    assert found, [e.name for e in entities]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Centcom chief General Ilsa Marwick said the base was safe.", "Ilsa Marwick", "General"),
        ("On Monday Sen. Tarn Olvey voted against it.", "Tarn Olvey", "Sen."),
        ("Later President Bo Quillan arrived in Velmor.", "Bo Quillan", "President"),
        ("The talks, Prime Minister Ann Keller said, went well.", "Ann Keller", "Prime Minister"),
    ],
)
def test_a_persons_mention_is_the_name_without_its_title(text: str, name: str, title: str) -> None:
    found = person(text, name)
    assert found.title == title
    (mention,) = found.mentions
    assert mention.text == name
    assert text[mention.start : mention.end] == name
    assert mention.title is not None
    assert mention.title.text == title
    assert text[mention.title.start : mention.title.end] == title
    # The mention index (where the quote rules look a clause's subject up) keeps the
    # extent as written, title included.
    _, index = find_entities(text)
    assert (mention.title.start, mention.end) in [(start, end) for start, end, _ in index]


def test_a_title_standing_alone_is_the_mention() -> None:
    found = person("Officials met the Foreign Secretary today.", "Foreign Secretary")
    assert [m.text for m in found.mentions] == ["Foreign Secretary"]
    assert found.mentions[0].title is None


def test_no_mention_starts_with_the() -> None:
    text = "Fans of The Zorbian Herald and of The Velvet Quorks met in The Philippines."
    entities, index = find_entities(text)
    spans = [m.text for e in entities for m in e.mentions]
    assert "Zorbian Herald" in spans
    assert "Velvet Quorks" in spans
    assert "Philippines" in spans
    assert not [s for s in spans if s.startswith(("The ", "the "))]
    # The index keeps the extent as written ("The" included), for the quote rules.
    assert {text[start:end] for start, end, _ in index} >= {"The Zorbian Herald"}


def test_a_listed_name_whose_the_is_part_of_it_keeps_it() -> None:
    # "The Hague" is listed with its "The" (a name of the list whose canonical form has it).
    entities, _ = find_entities("The court sits in The Hague, far from Velmor.")
    assert "The Hague" in [m.text for e in entities for m in e.mentions]
