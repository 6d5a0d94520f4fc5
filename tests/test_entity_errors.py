"""The entity-recognition error classes of issue 12, each fixed by a general rule.

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest

from newsdoc._model import EntityKind
from newsdoc.extraction._entities import find_entities
from newsdoc.extraction._entities.cache import RunQuestions
from newsdoc.extraction._entities.runs import analyse_run
from newsdoc.extraction._entities.state import TextWords
from newsdoc.extraction._lexicon import LEXICON
from tests.test_entities_passes import Replay, runs_of

PERSON = EntityKind.PERSON
ORG = EntityKind.ORGANIZATION
PLACE = EntityKind.PLACE
EQUIPMENT = EntityKind.EQUIPMENT


def found(text: str) -> set[tuple[str, EntityKind]]:
    """Every mention of ``text`` as written, with its entity's kind."""
    entities, _ = find_entities(text)
    return {(text[m.start : m.end], e.kind) for e in entities for m in e.mentions}


def written(text: str) -> set[str]:
    """Every mention of ``text`` as written."""
    return {said for said, _ in found(text)}


# ------------------------------------------------------------------ 1. all capitals


def test_a_dateline_in_capitals_is_the_place_the_lexicon_knows() -> None:
    text = "OSLO CANAL TIMES\nNEW YORK 2021-03-04\nPrices at the Velmor depot rose."
    assert ("NEW YORK", PLACE) in found(text)
    assert "YORK" not in written(text)
    text = "RIO DE JANEIRO 2021-03-04\nPrices rose. MOSCOW - Prices fell."
    assert ("RIO DE JANEIRO", PLACE) in found(text)
    assert ("MOSCOW", PLACE) in found(text)


def test_an_unknown_dateline_in_capitals_is_a_place() -> None:
    assert ("QUARVENTON", PLACE) in found("QUARVENTON 2021-03-04\nPrices rose at the depot.")


def test_common_words_in_a_line_of_capitals_are_no_names() -> None:
    text = "MUNICIPAL SEWER WARRANTS\nPrices rose in Velmor.\nW L PCT GB\nGLOBE STEADY"
    assert written(text) == {"Velmor"}


def test_an_acronym_in_a_line_in_mixed_case_stays_an_organisation() -> None:
    assert ("QZRT", ORG) in found("The QZRT said prices rose.")


# ------------------------------------------------------------------ 2. prepositions


def test_a_preposition_opening_a_sentence_is_cut_from_the_name() -> None:
    text = "Near Tikrit, soldiers waited for orders."
    assert ("Tikrit", PLACE) in found(text)
    assert not any(said.startswith("Near") for said in written(text))


# ------------------------------------------------------------------ 3. acronyms of things


def test_acronyms_of_weapons_and_vehicles_are_no_organisations() -> None:
    text = "A VBIED hit the gate. Two IEDs were found and a UAV circled."
    kinds = found(text)
    assert not any(kind is ORG for _, kind in kinds)
    assert ("UAV", EQUIPMENT) in kinds


def test_an_acronym_written_in_the_plural_is_a_thing() -> None:
    text = "The QXPs arrived late; each QXP carried water."
    assert not any(kind is ORG for _, kind in found(text))


# ------------------------------------------------------------------ 4. an office of a title


def test_an_office_of_a_title_is_one_organisation() -> None:
    text = "A spokesman for the Office of the Inspector of Velmor Harbours said no."
    assert found(text) >= {("Office of the Inspector of Velmor Harbours", ORG)}
    assert not any(kind is PERSON for _, kind in found(text))


# ------------------------------------------------------------------ 5. connectors


def test_and_inside_an_organisations_name() -> None:
    text = "Analysts at the Institute for Maritime and Coastal Studies agreed."
    assert ("Institute for Maritime and Coastal Studies", ORG) in found(text)
    text = "The bread and salt vendors met the Bread and Salt Marketing Board."
    assert ("Bread and Salt Marketing Board", ORG) in found(text)


def test_and_between_two_names_still_cuts() -> None:
    text = (
        "The Bank of Velmor and Zorbic Holdings merged; the Ministry of Defence and State "
        "Department met."
    )
    said = written(text)
    assert "Bank of Velmor" in said
    assert "Ministry of Defence" in said


def test_a_connector_of_another_language_inside_an_organisations_name() -> None:
    assert ("Pilotes sans Frontieres", ORG) in found("Pilotes sans Frontieres sent a plane.")


# ------------------------------------------------------------------ 6. a title after a given name


def test_a_title_word_after_a_given_name_is_a_surname() -> None:
    entities, _ = find_entities("Larry Marshal interviewed him on the radio.")
    assert [(e.kind, e.name, e.title) for e in entities] == [(PERSON, "Larry Marshal", None)]


# ------------------------------------------------------------------ 7. an initial, then "I"


def test_an_initial_before_i_ends_a_sentence() -> None:
    assert found("We kept a plan B. I'm glad it worked.") == set()


# ------------------------------------------------------------------ 8. common nouns


def test_a_common_noun_written_with_a_capital_is_no_place() -> None:
    text = "Rumours spread across Internet forums in Velmor."
    assert written(text) == {"Velmor"}


# ------------------------------------------------------------------ 9. camel case


def test_a_name_in_camel_case_is_an_organisation() -> None:
    text = "ZorbaBank and QuillFeed reported losses, said @JaneQuill. McTavish agreed."
    kinds = found(text)
    assert {("ZorbaBank", ORG), ("QuillFeed", ORG)} <= kinds
    assert "JaneQuill" not in written(text)
    assert "McTavish" not in {said for said, kind in kinds if kind is ORG}


# ------------------------------------------------------------------ 10. clubs


def test_names_in_a_results_list_are_clubs() -> None:
    text = "Results on Saturday:\nQuarvel 2 Zentby 2\nMorlow 1-0 Tessick\n"
    assert {("Quarvel", ORG), ("Zentby", ORG), ("Morlow", ORG), ("Tessick", ORG)} <= found(text)


def test_a_town_beaten_by_a_score_is_its_club() -> None:
    assert found("Fans cheered a 2-0 win over Barcelona on Sunday.") == {("Barcelona", ORG)}
    assert found("Fans drew 1-1 with Barcelona.") == {("Barcelona", ORG)}
    assert found("Fans cheered a win over fear in Barcelona.") == {("Barcelona", PLACE)}


def test_a_golfers_scores_keep_the_person() -> None:
    assert ("Tilda Marwick", PERSON) in found("Scores:\nTilda Marwick 68 67 69\n")


# ------------------------------------------------------------------ the run cache

NEW_QUESTIONS = [
    "OSLO CANAL TIMES\nNEW YORK 2021-03-04\nPrices rose.\nQUARVENTON 2021-03-04\nThe QZRT met.",
    "ZorbaBank and @JaneQuill said so. The QXPs and a QXP left.",
    "The State Law and Order Restoration Council met the Bread and Salt Marketing Board.",
]


@pytest.mark.parametrize("text", NEW_QUESTIONS)
def test_the_new_rules_ask_the_article_only_through_recorded_questions(text: str) -> None:
    """The case of a run's line, the mark before a camel-case word, an acronym's plural
    and the common nouns before "and" are asked through the run's accessor (the cache's
    invariant, as in `test_entities_passes`)."""
    words = TextWords(text)
    for run, sentence_start, start in runs_of(text):
        ask = RunQuestions(words, start)
        records = analyse_run(run, sentence_start, LEXICON, ask)
        replay = Replay(ask.asked)
        assert analyse_run(run, sentence_start, LEXICON, replay) == records
        assert not replay._answers
