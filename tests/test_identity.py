"""Who is who: people who share a surname, pronouns with gender, speakers described by
their role, and names that only qualify a speaker (invented text throughout)."""

from __future__ import annotations

from newsdoc._model import Article, EntityKind
from newsdoc.extraction._gender import entity_genders, name_gender, title_gender
from tests.test_extract import (
    _checked_constructors,  # noqa: F401  (autouse fixture)
    entity,
)
from tests.test_extract_quotes import article, said


def _speakers(art: Article) -> list[str | None]:
    return [speaker for _, _, speaker in said(art)]


# ------------------------------------------------------------ shared surnames


def test_people_who_share_a_surname_stay_apart() -> None:
    art = article(
        "Senator Paul Varga spoke in Ohio on Monday. His wife, Agnes Varga, joined him later. "
        'Varga said the tour would go on. "We are not done," Mrs. Varga told reporters.'
    )
    paul, agnes = entity(art, "Paul Varga"), entity(art, "Agnes Varga")
    assert [m.text for m in paul.mentions] == ["Paul Varga", "Varga"]
    assert [m.text for m in agnes.mentions] == ["Agnes Varga", "Varga"]
    assert agnes.mentions[-1].title is not None
    assert agnes.mentions[-1].title.text == "Mrs."
    assert _speakers(art) == ["Agnes Varga"]


def test_a_surname_alone_joins_the_last_subject_of_that_name() -> None:
    art = article(
        "Gus Marek praised his wife, Dora Marek, on Monday.\n\n"
        "Rita Marek, a judge, said on Tuesday that the case was closed.\n\n"
        '"It is over," Marek said.'
    )
    assert _speakers(art) == ["Rita Marek"]


def test_a_title_of_the_other_gender_is_another_person() -> None:
    art = article(
        "Margaret Tosh visited the plant. Mr. Tosh stayed at home. "
        '"It went well," Mr. Tosh said later.'
    )
    margaret = entity(art, "Margaret Tosh")
    assert [m.text for m in margaret.mentions] == ["Margaret Tosh"]
    assert _speakers(art) == ["Tosh"]


# ------------------------------------------------------------ pronouns


def test_a_pronoun_resolves_to_a_person_of_its_gender() -> None:
    art = article(
        "Linda Pruitt said on Monday that Gareth Moss had misled the council.\n\n"
        '"I will not let this go," she said.'
    )
    assert _speakers(art) == ["Linda Pruitt"]


def test_a_pronoun_passes_over_names_inside_quotations() -> None:
    art = article(
        "Councillor Dan Oduya has backed the plan since May.\n\n"
        '"Nobody believes Peter Lind will stop it," he said.'
    )
    assert _speakers(art) == ["Dan Oduya"]


def test_a_pronoun_prefers_the_subject_to_a_later_object() -> None:
    art = article(
        "Hugh Brandt said he expects Victor Salas to resign within a week.\n\n"
        '"It is only a matter of time," he said.'
    )
    assert _speakers(art) == ["Hugh Brandt"]


def test_a_pronoun_follows_a_chain_of_paragraphs_back_to_its_subject() -> None:
    art = article(
        "Nora Vance attacked the bill on Monday.\n\n"
        "She says it ignores a report by Iris Dahl.\n\n"
        "The reply came in a series of her posts.\n\n"
        'She wrote: "This bill fails the test."'
    )
    assert _speakers(art) == ["Nora Vance"]


def test_gender_from_a_pronoun_the_text_uses() -> None:
    # "Tamsin" and "Ivo" are in no list: the text's "she" and "he" tell.
    art = article(
        "Tamsin Okoro said she would run. Ivo Grant, the mayor, said he disagreed.\n\n"
        '"The race is open," she said.'
    )
    assert _speakers(art) == ["Tamsin Okoro"]


def test_genders_from_titles_kin_and_given_names() -> None:
    assert title_gender("Mrs.") == "f"
    assert title_gender("Republican congressman") == "m"
    assert title_gender("Sen.") is None
    assert name_gender("Margaret Hale") == "f"
    assert name_gender("Jordan Hale") is None  # a name of both genders tells nothing
    art = article("Her husband, Sol Amari, was away. Gil Amari was not.")
    genders = entity_genders(art.text, art.entities, [])
    assert genders[art.entities.index(entity(art, "Sol Amari"))] == "m"


# ------------------------------------------------------------ roles and qualifiers


def test_a_role_resolves_to_the_person_titled_with_it() -> None:
    art = article(
        "Sen. Ruth Calloway of Vermont met Gov. Neil Barr on Monday.\n\n"
        'The Vermont senator said the talks were "a good start."\n\n'
        'The governor called them "useful."'
    )
    assert _speakers(art) == ["Ruth Calloway", "Neil Barr"]


def test_a_role_nobody_bears_resolves_to_nobody() -> None:
    art = article(
        "Ruth Calloway met Neil Barr in Vermont on Monday.\n\n"
        'The senator said the talks were "a good start."'
    )
    (quote,) = art.quotes
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "The senator"
    assert quote.speaker_index is None


def test_an_epithet_follows_the_subject_before_it() -> None:
    art = article(
        "Ruth Calloway spoke in Vermont on Monday, a day after Neil Barr left.\n\n"
        'The Vermont senator said the talks were "a good start."'
    )
    (quote,) = art.quotes
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "The Vermont senator"
    assert _speakers(art) == ["Ruth Calloway"]


def test_an_organisation_word_resolves_to_the_organisation() -> None:
    art = article(
        "The Commission on Fair Elections met on Monday.\n\n"
        'The commission said the vote was "free and fair."'
    )
    (speaker,) = _speakers(art)
    assert speaker == "Commission on Fair Elections"
    assert entity(art, speaker).kind is EntityKind.ORGANIZATION


def test_a_name_that_qualifies_the_speaker_is_not_the_speaker() -> None:
    art = article(
        "Donna Pell wants the seat.\n\n"
        '"We will win," Pell campaign spokesman Omar Haddad said.\n\n'
        'Pell\'s son told a radio show: "She is ready."\n\n'
        'The newspaper, the leading French daily, wrote: "Paris is uneasy."'
    )
    speakers = _speakers(art)
    assert speakers[0] == "Omar Haddad"
    assert speakers[1] is None
    assert speakers[2] is None


def test_a_country_acting_as_a_state_and_as_a_place_is_one_entity() -> None:
    art = article(
        "Norway imposed sanctions on Monday, and Norway accused the board of delay. "
        "Heavy snow fell across Norway in March."
    )
    norway = [e for e in art.entities if e.name == "Norway"]
    assert len(norway) == 1
    assert len(norway[0].mentions) == 3
    assert norway[0].kind is EntityKind.PLACE
    org = EntityKind.ORGANIZATION
    assert [m.kind for m in norway[0].mentions] == [org, org, None]  # where it acts


def test_a_team_named_after_its_country_stays_apart_from_the_country() -> None:
    art = article("Belgium beat Panama 3 – 0 in Sochi. Fans travelled to Belgium.")
    belgium = sorted(e.kind.value for e in art.entities if e.name == "Belgium")
    assert belgium == ["organization", "place"]


def test_a_pronoun_in_the_next_paragraph_tells_nothing_of_a_name() -> None:
    art = article(
        "Former Governor Hal Brenner and his wife, Ada Brenner, spoke on Monday.\n\n"
        '"Joe Fenn is a friend," Brenner said.\n\n'
        '"We will meet again," she said.'
    )
    assert _speakers(art) == ["Hal Brenner", "Ada Brenner"]


def test_a_role_many_hold_is_no_epithet() -> None:
    art = article(
        "Jon Smyth, a businessman, was detained in Minsk on Monday.\n\n"
        '"We are monitoring the case closely," the U.S. ambassador said.\n\n'
        '"He did nothing wrong," the Belarusian official said.'
    )
    assert _speakers(art) == [None, None]


def test_two_speakers_joined_by_and_keep_the_first() -> None:
    art = article('"We respect the deal," said Amy Ward and Tom Price.')
    assert _speakers(art) == ["Amy Ward"]


def test_an_epithet_names_the_one_person_before_it_in_its_sentence() -> None:
    art = article(
        "Vera Holm spoke first.\n\n"
        "As for whether Bruno Castel still plans to run, the Ohio senator "
        'said there is "no decision at all."\n\n'
        "As for whether Castel resents Holm, the Ohio senator "
        'said there is "no grudge at all."'
    )
    assert _speakers(art) == ["Bruno Castel", None]  # two people named: which is meant?


def test_an_epithet_after_a_sentence_no_person_opens_stands_for_nobody() -> None:
    art = article(
        "The nominee spoke in Dayton on Monday, hours after Ada Lind left the city.\n\n"
        'The Ohio governor said the visit was "a success."'
    )
    assert _speakers(art) == [None]


def test_a_quotation_after_its_speakers_sentence_with_no_verb_of_saying() -> None:
    art = article(
        'On "Meet the Voters," Sen. Rosa Quint named fatigue as the reason. '
        '"People are tired of waiting for change."'
    )
    assert _speakers(art) == ["Rosa Quint"]


def test_a_day_named_after_a_person_is_an_event() -> None:
    art = article('Leaders joined "Ada Lind Remembrance Day," a day of events on Nov. 1.')
    assert [(e.name, e.kind) for e in art.entities] == [
        ("Ada Lind Remembrance Day", EntityKind.EVENT)
    ]
