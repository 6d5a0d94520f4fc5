"""The rule-based extractor: the sample seed pinned, and each rule on small texts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc import _unchecked
from newsdoc._model import Article, DatePrecision, Entity, EntityKind, Image, Quote
from newsdoc._reader import loads
from newsdoc.extraction import (
    DIAGNOSTIC_CODES,
    Extractor,
    RuleExtractor,
    extract,
)
from tests.conftest import SAMPLE

DAY, YEAR, MONTH, WEEK, TIME = (
    DatePrecision.DAY,
    DatePrecision.YEAR,
    DatePrecision.MONTH,
    DatePrecision.WEEK,
    DatePrecision.TIME,
)


@pytest.fixture(autouse=True)
def _checked_constructors() -> Iterator[None]:
    """Build every span, entity and quote through the model's checked constructors."""
    _unchecked.CHECKED = True
    yield
    _unchecked.CHECKED = False


def article(body: str, date: str | None = "2023-07-09") -> Article:
    """An extracted article with this body (paragraphs split at blank lines)."""
    header = f" date {date} \u00a0\n" if date else ""
    return extract(loads(f"{header}Headline\n\n{body}\n"))


def entity(art: Article, name: str) -> Entity:
    found = [e for e in art.entities if e.name == name]
    assert found, f"no entity {name!r} in {[e.name for e in art.entities]}"
    return found[0]


def speaker_name(art: Article, quote: Quote) -> str | None:
    return None if quote.speaker_index is None else art.entities[quote.speaker_index].name


def recheck(art: Article) -> None:
    """Rebuild the article through the checked constructor (span invariants)."""
    attrs.evolve(art)


# ------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed() -> Article:
    _unchecked.CHECKED = True
    try:
        return extract(loads(SAMPLE.read_bytes()))
    finally:
        _unchecked.CHECKED = False


def test_seed_entities(seed: Article) -> None:
    got = [
        (e.kind, e.name, e.aliases, e.title, [m.text for m in e.mentions]) for e in seed.entities
    ]
    org, place, person = EntityKind.ORGANIZATION, EntityKind.PLACE, EntityKind.PERSON
    assert got == [
        (place, "United States", ("US",), None, ["US"] * 7),
        (place, "Syria", (), None, ["Syria"] * 7),
        (
            org,
            "Islamic State",
            ("Daesh", "IS", "ISIS"),
            None,
            ["Daesh", "Daesh", "Daesh", "IS", "Daesh", "ISIS", "ISIS", "IS", "IS"],
        ),
        (
            org,
            "US Central Command",
            ("Centcom", "US Centcom"),
            None,
            [
                "Centcom",
                "US Central Command",
                "Centcom",
                "US Centcom",
                "Centcom",
                "Centcom",
                "Centcom",
            ],
        ),
        # The caption's names, and its credit.
        (org, "Syrian Democratic Forces", (), None, ["Syrian Democratic Forces"]),
        (place, "Raqqa", (), None, ["Raqqa, Syria"]),
        (org, "Reuters", (), None, ["Reuters"]),
        (place, "Washington", (), None, ["Washington"]),
        (person, "Osama al-Muhajer", (), None, ["Osama al-Muhajer"]),
        # A person's mention is the name alone; the title is the entity's and the mention's.
        (person, "Michael Kurilla", (), "General", ["Michael Kurilla"]),
        (EntityKind.EQUIPMENT, "MQ-9", (), None, ["MQ-9s"]),
        (EntityKind.NATIONALITY, "Russian", (), None, ["Russian"] * 3),
        (
            person,
            "Alexus Grynkewich",
            (),
            "Lieutenant General",
            ["Alexus Grynkewich", "Grynkewich"],
        ),
        (org, "Air Force", (), None, ["Air Force"]),
        (place, "Moscow", (), None, ["Moscow", "Moscow"]),
        (place, "Russia", (), None, ["Russia"]),
        (person, "Bashar al-Assad", (), "President", ["Bashar al-Assad", "Assad"]),
        (EntityKind.NATIONALITY, "Syrian", (), None, ["Syrian", "Syrian"]),
        (place, "Iran", (), None, ["Iran"]),
        (place, "Idlib", (), None, ["Idlib"]),
    ]
    where = {e.name: [seed.part_at(m.start).name for m in e.mentions] for e in seed.entities}
    assert where["Syrian Democratic Forces"] == where["Raqqa"] == ["caption"]
    assert where["Reuters"] == ["credit"]
    assert where["US Central Command"][0] == "headline"
    kurilla = entity(seed, "Michael Kurilla").mentions[0]
    assert kurilla.title is not None
    assert kurilla.title.text == "General"
    assert seed.text[kurilla.title.start : kurilla.start] == "General "


def test_seed_quotes(seed: Article) -> None:
    got = [
        (
            q.text[:40],
            q.speaker_mention.text if q.speaker_mention else None,
            q.cue.text if q.cue else None,
            speaker_name(seed, q),
        )
        for q in seed.quotes
    ]
    assert got == [
        ("The strike Friday resulted in the death ", "US Centcom", "read", "US Central Command"),
        (
            "We have made it clear that we remain com",
            "Michael Kurilla",
            "quoted as saying",
            "Michael Kurilla",
        ),
        ("ISIS remains a threat, not only to the r", "he", "added", "Michael Kurilla"),
        ("assessing reports of a civilian injury", "Centcom", "According to", "US Central Command"),
        ("was conducted by the same MQ-9s [drones]", "Centcom", "said", "US Central Command"),
        (
            "dropped flares in front of the drones an",
            "Alexus Grynkewich",
            "said",
            "Alexus Grynkewich",
        ),
        ("cease this reckless behaviour", "Grynkewich", "calling", "Alexus Grynkewich"),
    ]
    # The quoted words, without their marks, and where they stand.
    first = seed.quotes[0]
    assert first.text.endswith("leader in eastern Syria.")
    assert [seed.text[s.start : s.end] for s in first.spans] == [first.text]
    assert seed.speaker_of(first) is entity(seed, "US Central Command")


def test_seed_dates(seed: Article) -> None:
    got = [(d.text, d.value, d.precision) for d in seed.date_mentions]
    assert got == [
        ("Sunday", dt.date(2023, 7, 9), DAY),
        ("Friday", dt.date(2023, 7, 7), DAY),
        ("Friday", dt.date(2023, 7, 7), DAY),
        ("Thursday", dt.date(2023, 7, 6), DAY),
        ("Wednesday", dt.date(2023, 7, 5), DAY),
        ("2011", dt.date(2011, 1, 1), YEAR),
        ("2019", dt.date(2019, 1, 1), YEAR),
    ]


def test_seed_has_no_quote_diagnostics(seed: Article) -> None:
    assert not [d for d in seed.diagnostics if d.code in DIAGNOSTIC_CODES]


# ------------------------------------------------------------------------ API


def test_rule_extractor_follows_the_protocol() -> None:
    assert isinstance(RuleExtractor(), Extractor)


def test_extract_is_deterministic_and_replaces_earlier_results(seed: Article) -> None:
    again = extract(seed)
    assert again == seed
    assert again.entities == seed.entities
    assert extract(attrs.evolve(seed, entities=(), quotes=(), date_mentions=())) == seed


def test_extract_leaves_the_rest_of_the_article_alone(seed: Article) -> None:
    plain = loads(SAMPLE.read_bytes(), extract=False)
    assert attrs.evolve(seed, entities=(), quotes=(), date_mentions=()) == plain
    assert seed.source is not None


def test_parts_can_be_switched_off() -> None:
    art = loads(SAMPLE.read_bytes())
    only_dates = RuleExtractor(entities=False, quotes=False)(art)
    assert not only_dates.entities
    assert not only_dates.quotes
    assert only_dates.date_mentions
    no_entities = RuleExtractor(entities=False)(art)
    assert no_entities.quotes
    assert all(q.speaker_index is None for q in no_entities.quotes)
    assert no_entities.quotes[2].speaker_mention is not None


def test_a_custom_extractor_can_be_passed() -> None:
    def nothing(art: Article, /) -> Article:
        return art

    art = loads(SAMPLE.read_bytes())
    assert extract(art, nothing) is art


# ------------------------------------------------------------------- entities


def test_titles_are_split_off_people() -> None:
    art = article(
        "Prime Minister Haider al-Abadi met Sen. John McCain and Foreign Secretary "
        "Boris Johnson in Baghdad."
    )
    assert entity(art, "Haider al-Abadi").title == "Prime Minister"
    assert entity(art, "John McCain").title == "Sen."
    assert entity(art, "Boris Johnson").title == "Foreign Secretary"
    assert entity(art, "Baghdad").kind is EntityKind.PLACE


def test_a_surname_joins_the_full_name() -> None:
    art = article("Jane Okafor arrived on Monday. Okafor said she was tired. Dr Okafor did not.")
    person = entity(art, "Jane Okafor")
    assert [m.text for m in person.mentions] == ["Jane Okafor", "Okafor", "Okafor"]  # title: "Dr"


def test_declared_aliases_join_their_entity() -> None:
    art = article(
        "The Kurdistan Workers Union (KWU) said on Monday that the KWU would strike. "
        "The Zetland Army, also known as Zarmy, denied it; Zarmy fighters left."
    )
    union = entity(art, "Kurdistan Workers Union")
    assert union.kind is EntityKind.ORGANIZATION
    assert union.aliases == ("KWU",)
    assert [m.text for m in union.mentions] == ["Kurdistan Workers Union", "KWU", "KWU"]
    army = entity(art, "Zetland Army")
    assert army.aliases == ("Zarmy",)
    assert len(army.mentions) == 3


def test_an_acronym_spelling_a_name_joins_it() -> None:
    art = article("The Free Patriotic Movement won. Leaders of the FPM celebrated.")
    movement = entity(art, "Free Patriotic Movement")
    assert "FPM" in movement.aliases


def test_kinds_from_lists_heads_and_context() -> None:
    art = article(
        "Reuters reported that Xyloria Province and the Vantor Regional Council were "
        "flooded. Residents of Quellburg city fled to Brinmoor, where Kadir Omari, 43, "
        "said Turkish F-16 jets flew over."
    )
    kinds = {e.name: e.kind for e in art.entities}
    assert kinds["Reuters"] is EntityKind.ORGANIZATION
    assert kinds["Xyloria Province"] is EntityKind.PLACE
    assert kinds["Vantor Regional Council"] is EntityKind.ORGANIZATION
    assert kinds["Quellburg"] is EntityKind.PLACE
    assert kinds["Kadir Omari"] is EntityKind.PERSON
    assert kinds["Turkish"] is EntityKind.NATIONALITY
    assert kinds["F-16"] is EntityKind.EQUIPMENT


def kinds_of(art: Article) -> list[tuple[str, EntityKind]]:
    """``(mention text, kind)`` for every mention, in order (its own kind, if it has one)."""
    found = [(m.start, m.text, m.kind or e.kind) for e in art.entities for m in e.mentions]
    return [(text, kind) for _, text, kind in sorted(found)]


def test_a_country_playing_a_match_is_a_team() -> None:
    art = article(
        "Belgium beat Panama 3 – 0 in Sochi. Belgium scored early. Fans travelled to Belgium."
    )
    org, place = EntityKind.ORGANIZATION, EntityKind.PLACE
    assert kinds_of(art) == [
        ("Belgium", org),
        ("Panama", org),
        ("Sochi", place),
        ("Belgium", org),
        ("Belgium", place),  # after a place preposition: the country itself
    ]
    # Without a match between them, countries are places.
    calm = article("Belgium and Panama are far from Sochi.")
    assert {kind for _, kind in kinds_of(calm)} == {place}


def test_a_country_acting_is_its_government() -> None:
    art = article("Russia said the talks failed. The UK will send aid to Russia. Iran has oil.")
    org, place = EntityKind.ORGANIZATION, EntityKind.PLACE
    assert kinds_of(art) == [("Russia", org), ("UK", org), ("Russia", place), ("Iran", place)]
    # One country, one entity (a place); where it acts, the mention's own kind says so.
    (russia,) = [e for e in art.entities if e.name == "Russia"]
    assert russia.kind is place
    assert [m.kind for m in russia.mentions] == [org, None]
    assert [e.name for e in art.entities].count("Russia") == 1
    art = article(
        "A truce announced by Russia and Turkey held. The UK, with allies, sent aid. "
        "Students in the UK, and in Iran, went home. A raid by US-led forces followed."
    )
    assert kinds_of(art) == [
        ("Russia", org),
        ("Turkey", org),
        ("UK", org),
        ("UK", place),
        ("Iran", place),
        ("US", place),
        ("US-led forces", org),  # the forces a country leads: an organisation
    ]


def test_a_regime_named_after_a_person_is_an_organisation() -> None:
    art = article("The Asad regime bombed Aleppo. President Bashar al-Assad denied it.")
    assert entity(art, "Asad regime").kind is EntityKind.ORGANIZATION
    assert entity(art, "Bashar al-Assad").kind is EntityKind.PERSON


def test_a_guessed_person_after_the_or_in_is_none() -> None:
    art = article("She studied at the Smithsonian and taught in Saratoga Springs for years.")
    kinds = dict(kinds_of(art))
    assert kinds["Smithsonian"] is EntityKind.ORGANIZATION
    assert kinds["Saratoga Springs"] is EntityKind.PLACE


def test_the_place_an_organisation_is_named_after_is_a_mention() -> None:
    art = article("She teaches at the University of Quellburg and advises the Tenby Trust.")
    assert kinds_of(art) == [
        ("University of Quellburg", EntityKind.ORGANIZATION),
        ("Quellburg", EntityKind.PLACE),
        ("Tenby Trust", EntityKind.ORGANIZATION),
    ]


def test_a_building_named_like_an_organisation_is_a_place() -> None:
    art = article(
        "The Tenby Space Center lent a rocket to the Museum of Flight and the Quellburg "
        "University Hospital; the Center for Tenby Studies wrote about it."
    )
    assert kinds_of(art) == [
        ("Tenby Space Center", EntityKind.PLACE),
        ("Museum of Flight", EntityKind.PLACE),
        ("Quellburg University Hospital", EntityKind.PLACE),
        ("Center for Tenby Studies", EntityKind.ORGANIZATION),
    ]


def test_the_person_an_organisation_is_named_after_is_a_mention() -> None:
    art = article(
        "The Andy Warhol Photographic Legacy Program and the Andy Warhol Foundation gave "
        "prints that Warhol took."
    )
    warhol = entity(art, "Andy Warhol")
    assert warhol.kind is EntityKind.PERSON
    assert [m.text for m in warhol.mentions] == ["Andy Warhol", "Andy Warhol", "Warhol"]
    assert entity(art, "Andy Warhol Foundation").kind is EntityKind.ORGANIZATION
    # A plan named after a person is no organisation, but the person is named in it.
    assert entity(art, "Andy Warhol Photographic Legacy Program").kind is EntityKind.OTHER


def test_sentence_initial_words_are_not_names() -> None:
    art = article("However, the talks failed. According to officials, Smoke rose.")
    assert [e.name for e in art.entities] == []


def test_every_mention_is_its_text() -> None:
    art = article("Mr. Ban Ki-moon of the U.N. visited Deir ez-Zor. Ban left for Geneva.")
    recheck(art)
    for e in art.entities:
        for m in e.mentions:
            assert art.text[m.start : m.end] == m.text


# --------------------------------------------------------------------- quotes


def test_quote_forms_and_speakers() -> None:
    art = article(
        'Maria Lopez said: "We will rebuild the bridge."\n\n'
        "“It will take a year,” she added.\n\n"
        "‘Nobody expected this,’ said John Brennan.\n\n"
        'The mayor called it "a disaster for the whole town".'
    )
    got = [
        (q.text, speaker_name(art, q), q.speaker_mention.text if q.speaker_mention else None)
        for q in art.quotes
    ]
    assert got == [
        ("We will rebuild the bridge.", "Maria Lopez", "Maria Lopez"),
        ("It will take a year,", "Maria Lopez", "she"),
        ("Nobody expected this,", "John Brennan", "John Brennan"),
        ("a disaster for the whole town", None, "The mayor"),
    ]


def test_a_quote_running_over_paragraphs_is_one_quote() -> None:
    art = article(
        'Ali Hassan told reporters: "The first part of the story.\n\n'
        '"And the second part, which ends here."'
    )
    [quote] = art.quotes
    assert len(quote.spans) == 2
    assert quote.text == "The first part of the story.\n\nAnd the second part, which ends here."
    assert speaker_name(art, quote) == "Ali Hassan"
    recheck(art)


def test_titles_and_scare_quotes_are_not_quotations() -> None:
    art = article('He spoke on CBS\'s "Face the Nation" about "fake" news.')
    assert art.quotes == ()


def test_an_unbalanced_quote_is_kept_and_reported() -> None:
    art = article('The minister said: "We never agreed to this\n\nThe talks went on.')
    [quote] = art.quotes
    assert quote.text == "We never agreed to this"
    [diag] = [d for d in art.diagnostics if d.code == "unbalanced-quote"]
    assert diag.severity == "warning"
    assert art.source is not None
    assert art.source.text[diag.pos] == '"'
    assert (diag.lineno, diag.colno) == (4, 20)


def test_a_closing_mark_without_an_opening_one() -> None:
    art = article("Nobody knows what happened next,” the witness said.")
    [quote] = art.quotes
    assert quote.text == "Nobody knows what happened next,"
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "the witness"
    assert [d.code for d in art.diagnostics] == ["unbalanced-quote"]


def test_extracting_twice_does_not_repeat_diagnostics() -> None:
    art = article('He said: "open\n\nand never closed.')
    assert len(extract(art).diagnostics) == len(art.diagnostics)


def test_apostrophes_are_not_quote_marks() -> None:
    art = article("The country’s leaders’ plans don't change, the group's chief said.")
    assert art.quotes == ()
    assert not art.diagnostics


# ---------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("announced Sunday", dt.date(2023, 7, 9), DAY),
        ("The strike Friday", dt.date(2023, 7, 7), DAY),
        ("they met Thursday", dt.date(2023, 7, 6), DAY),
        ("last Sunday", dt.date(2023, 7, 2), DAY),
        ("next Monday", dt.date(2023, 7, 10), DAY),
        ("on Monday next week", dt.date(2023, 7, 10), DAY),
        ("They will meet Tuesday", dt.date(2023, 7, 11), DAY),
        ("in 2019", dt.date(2019, 1, 1), YEAR),
        ("last month", dt.date(2023, 6, 1), MONTH),
        ("last week", dt.date(2023, 6, 26), WEEK),
        ("this year", dt.date(2023, 1, 1), YEAR),
        ("July 9", dt.date(2023, 7, 9), DAY),
        ("on 4 February 2015", dt.date(2015, 2, 4), DAY),
        ("Sunday, July 9, 2023", dt.date(2023, 7, 9), DAY),
        ("in December 2014", dt.date(2014, 12, 1), MONTH),
        ("in March", dt.date(2023, 3, 1), MONTH),
        ("yesterday", dt.date(2023, 7, 8), DAY),
        ("two weeks ago", dt.date(2023, 6, 19), WEEK),
        ("three years ago", dt.date(2020, 1, 1), YEAR),
        ("in the 1990s", dt.date(1990, 1, 1), YEAR),
        ("2023-07-01", dt.date(2023, 7, 1), DAY),
        ("at 3 p.m. on Friday", dt.datetime(2023, 7, 7, 15, 0), TIME),
    ],
)
def test_dates_resolve_from_the_article_date(
    text: str, value: dt.date, precision: DatePrecision
) -> None:
    [mention] = article(f"It happened {text}.").date_mentions
    assert mention.value == value
    assert mention.precision is precision
    assert mention.text in text


def test_relative_dates_need_an_article_date() -> None:
    art = article("The strike Friday followed one last month, and one in 2019.", date=None)
    got = [(d.text, d.value, d.precision) for d in art.date_mentions]
    assert got == [
        ("Friday", None, DAY),
        ("last month", None, MONTH),
        ("2019", dt.date(2019, 1, 1), YEAR),
    ]


def test_a_datetime_article_date_gives_days() -> None:
    art = article("The strike Friday.", date="2023-07-09T10:30:00+02:00")
    [mention] = art.date_mentions
    assert mention.value == dt.date(2023, 7, 7)


def test_numbers_that_are_not_years() -> None:
    art = article("About 1,000 troops and 2020 soldiers; $2015 paid; item #2016 sold.")
    assert [d.text for d in art.date_mentions] == []


def test_the_fast_constructors_build_what_the_checked_ones_do() -> None:
    _unchecked.CHECKED = False
    try:
        fast = extract(loads(SAMPLE.read_bytes()))
        odd = article('He said: "never closed\n\nAnd "another one.')
    finally:
        _unchecked.CHECKED = True
    checked = extract(loads(SAMPLE.read_bytes()))
    assert fast == checked
    assert fast.quotes == checked.quotes
    assert fast.diagnostics == checked.diagnostics
    recheck(fast)  # every invariant holds on the fast path too
    recheck(odd)
    assert type(fast.entities[0].mentions[0]) is type(checked.entities[0].mentions[0])


@given(
    st.lists(st.sampled_from(["word", "Word", "word,", "word.", "words", ",", ".", " ", "\n"])),
    st.sampled_from(["word", "word.", "word,", "words", "wor"]),
)
def test_the_word_set_agrees_with_searching_the_body(pieces: list[str], low: str) -> None:
    from newsdoc.extraction._entities.state import words_written, written

    body = "".join(pieces)
    assert (low in words_written(body)) == written(body, low)


def test_a_nationality_before_a_group_noun_is_an_organisation() -> None:
    art = article(
        "Iraqi security forces took the town, the Syrian government said. Conservative "
        "government plans and Russian military aircraft were not named."
    )
    assert kinds_of(art) == [
        ("Iraqi", EntityKind.NATIONALITY),
        ("Iraqi security forces", EntityKind.ORGANIZATION),
        ("Syrian", EntityKind.NATIONALITY),
        ("Syrian government", EntityKind.ORGANIZATION),
        ("Conservative", EntityKind.NATIONALITY),
        ("Russian", EntityKind.NATIONALITY),
    ]


def test_an_unknown_name_listed_with_places_is_a_place() -> None:
    art = article("The attacks in Qamenas, Sarmin and Talamenes and in Zumar or Idlib were cruel.")
    assert kinds_of(art) == [
        ("Qamenas", EntityKind.PLACE),
        ("Sarmin", EntityKind.PLACE),
        ("Talamenes", EntityKind.PLACE),
        ("Zumar", EntityKind.PLACE),
        ("Idlib", EntityKind.PLACE),
    ]


def test_a_regime_named_after_its_ruler_is_an_organisation() -> None:
    art = article("The Zarkov regime shelled the town. Zarkov has been dependent on militias.")
    assert kinds_of(art) == [
        ("Zarkov regime", EntityKind.ORGANIZATION),
        ("Zarkov", EntityKind.PERSON),
    ]


def test_a_capitalised_institution_word_after_the_is_an_organisation() -> None:
    art = article(
        "The appeal reached the Court in May. The Crown said the State must pay. "
        "Court fees rose, and the Museum stayed shut."
    )
    assert kinds_of(art) == [
        ("Court", EntityKind.ORGANIZATION),
        ("Crown", EntityKind.ORGANIZATION),
        ("State", EntityKind.ORGANIZATION),
    ]


def test_a_describing_noun_types_the_unknown_name_after_it() -> None:
    art = article(
        "The magazine Zorbo interviewed fashion designer Telvik and the German firm "
        "Quarnex about striker Dorian Pellworth."
    )
    assert kinds_of(art) == [
        ("Zorbo", EntityKind.ORGANIZATION),
        ("Telvik", EntityKind.PERSON),
        ("German", EntityKind.NATIONALITY),
        ("Quarnex", EntityKind.ORGANIZATION),
        ("Dorian Pellworth", EntityKind.PERSON),
    ]


def test_initials_and_romanised_given_names_make_people() -> None:
    art = article("The council heard Tam Kwai-ming and J.R. Pellworth on the budget.")
    assert kinds_of(art) == [
        ("Tam Kwai-ming", EntityKind.PERSON),
        ("J.R. Pellworth", EntityKind.PERSON),
    ]


def test_a_surname_at_a_sentence_start_is_kept() -> None:
    art = article("The envoy, Lena Vostrikova, arrived late. Vostrikova also asked for calm.")
    vostrikova = entity(art, "Lena Vostrikova")
    assert [m.text for m in vostrikova.mentions] == ["Lena Vostrikova", "Vostrikova"]


def test_compound_and_media_group_heads() -> None:
    art = article(
        "Syrian government forces advanced, Iraqi state television said. "
        "He spoke on French television."
    )
    assert kinds_of(art) == [
        ("Syrian", EntityKind.NATIONALITY),
        ("Syrian government forces", EntityKind.ORGANIZATION),
        ("Iraqi", EntityKind.NATIONALITY),
        ("Iraqi state television", EntityKind.ORGANIZATION),
        ("French", EntityKind.NATIONALITY),
    ]


def test_a_title_after_the_stands_for_its_holder() -> None:
    art = article("President Anna Keller spoke. Later the President left for Quellburg.")
    keller = entity(art, "Anna Keller")
    assert [m.text for m in keller.mentions] == ["Anna Keller", "President"]


def test_an_organisation_or_acronym_in_front_of_an_unknown_name_is_a_mention() -> None:
    art = article(
        "Students met at the Reuters Gardening Fair and visited the TSU Art Rooms. "
        "The dish sends at 12 GHZ Polarization."
    )
    assert kinds_of(art) == [
        ("Reuters", EntityKind.ORGANIZATION),
        ("Reuters Gardening Fair", EntityKind.OTHER),
        ("TSU", EntityKind.ORGANIZATION),
        ("TSU Art Rooms", EntityKind.OTHER),
        ("GHZ Polarization", EntityKind.OTHER),
    ]


def test_a_country_before_a_group_noun_is_an_organisation() -> None:
    art = article("The US military and the US-led coalition struck. US military aircraft flew.")
    assert kinds_of(art) == [
        ("US", EntityKind.PLACE),
        ("US military", EntityKind.ORGANIZATION),
        ("US", EntityKind.PLACE),
        ("US-led coalition", EntityKind.ORGANIZATION),
        ("US", EntityKind.PLACE),
    ]


def test_capitalised_words_units_and_numerals_are_no_organisations() -> None:
    art = article(
        "The VIP lounge opened at 10 GMT. The saga's part XVII, UNLESS delayed, airs on "
        "TV. The TSU board agreed."
    )
    assert kinds_of(art) == [("TSU", EntityKind.ORGANIZATION)]


def test_a_name_after_pro_or_anti_is_a_stance() -> None:
    art = article(
        "The pro-Quellburg camp and anti-Tenby groups met in Quellburg. "
        "The pro-Quellburg Tenby Reform Party won. Pro-Beijing Tenby Civic Party lost."
    )
    assert kinds_of(art) == [
        ("Quellburg", EntityKind.PLACE),
        ("Tenby Reform Party", EntityKind.ORGANIZATION),
        ("Tenby Civic Party", EntityKind.ORGANIZATION),
    ]
    # With a capital, only before a listed name: "Anti-Defamation League" is a name.
    art = article("The Anti-Defamation League spoke. Then the Pro-Beijing\u00a0Tenby Party did.")
    assert kinds_of(art) == [
        ("Anti-Defamation League", EntityKind.ORGANIZATION),
        ("Tenby Party", EntityKind.ORGANIZATION),
    ]


def test_a_group_noun_with_a_possessive_ends_the_organisation() -> None:
    art = article("The Afghan team's robot won, and the Syrian government's envoy left.")
    assert kinds_of(art) == [
        ("Afghan", EntityKind.NATIONALITY),
        ("Afghan team", EntityKind.ORGANIZATION),
        ("Syrian", EntityKind.NATIONALITY),
        ("Syrian government", EntityKind.ORGANIZATION),
    ]


def test_an_unknown_name_after_a_person_and_of_is_an_organisation() -> None:
    art = article(
        "Ann Keller of Civic Torvik and Lena Vostrikova of Quellburg spoke of civic duty."
    )
    assert kinds_of(art) == [
        ("Ann Keller", EntityKind.PERSON),
        ("Civic Torvik", EntityKind.ORGANIZATION),
        ("Lena Vostrikova", EntityKind.PERSON),
        ("Quellburg", EntityKind.PLACE),
    ]


def test_a_head_word_opening_a_foreign_name_makes_an_organisation() -> None:
    art = article("She taught at the Instituto Velmora before joining Partito Torvik.")
    assert kinds_of(art) == [
        ("Instituto Velmora", EntityKind.ORGANIZATION),
        ("Partito Torvik", EntityKind.ORGANIZATION),
    ]


def test_a_common_noun_with_a_capital_makes_no_person() -> None:
    art = article("Users of Internet Zorbo complained, and Water Torvik stayed quiet.")
    assert kinds_of(art) == [
        ("Internet Zorbo", EntityKind.OTHER),
        ("Water Torvik", EntityKind.OTHER),
    ]


def test_dotted_initials_can_end_a_sentence() -> None:
    art = article("Ministers met in the U.S. The Torvik Council agreed. Ann Keller left.")
    assert kinds_of(art) == [
        ("U.S.", EntityKind.PLACE),
        ("Torvik Council", EntityKind.ORGANIZATION),
        ("Ann Keller", EntityKind.PERSON),
    ]
    art = article("They met in the U.S. A new law passed.")
    assert kinds_of(art) == [("U.S.", EntityKind.PLACE)]


def test_a_date_or_a_code_after_on_is_no_part_of_a_name() -> None:
    art = article(
        "Crowds came to the Velmora Space Center on April 12 to see the launch on STS-9. "
        "The Council on Foreign Relations met."
    )
    names = [name for name, _ in kinds_of(art)]
    assert "Velmora Space Center" in names
    assert "Council on Foreign Relations" in names
    assert not any(" on April" in name or " on STS" in name for name in names)
    art = article("The Tenby Center on May 3 reopened.")
    assert kinds_of(art) == [("Tenby Center", EntityKind.PLACE)]


def test_a_credit_label_is_no_part_of_a_name() -> None:
    art = article(
        "The Torvik Parade Photo: Lena Vostrikova.\n\nCrowds filled it. Image: Ann Keller."
    )
    names = [name for name, _ in kinds_of(art)]
    assert "Torvik Parade" in names
    assert not any("Photo" in name or "Image" in name for name in names)


def test_a_town_and_its_region_make_one_mention_of_the_town() -> None:
    art = article(
        "Ann Keller moved from Tenby, Texas to Aleppo, Syria, then toured Ohio, Texas and "
        "Iowa. Tenby grew."
    )
    tenby = entity(art, "Tenby")
    assert tenby.kind is EntityKind.PLACE
    assert [m.text for m in tenby.mentions] == ["Tenby, Texas", "Tenby"]
    assert tenby.aliases == ()
    assert [m.text for m in entity(art, "Aleppo").mentions] == ["Aleppo, Syria"]
    # The region stays a mention of its own; a list of regions is left alone.
    assert [m.text for m in entity(art, "Texas").mentions] == ["Texas", "Texas"]
    assert [m.text for m in entity(art, "Ohio").mentions] == ["Ohio"]
    # Places listed together, and a town inside a longer name, are left alone.
    art = article("Delegates from Moscow, China and India met at the University of Tenby, Texas.")
    assert [text for text, _ in kinds_of(art)] == [
        "Moscow",
        "China",
        "India",
        "University of Tenby",
        "Tenby",
        "Texas",
    ]


def test_a_plural_possessive_belongs_to_the_name_after_it() -> None:
    art = article(
        "The Torvik People's Party and the Tenby Children's Hospital met; Britain's Labour "
        "Party did not."
    )
    assert kinds_of(art) == [
        ("Torvik People's Party", EntityKind.ORGANIZATION),
        ("Tenby Children's Hospital", EntityKind.PLACE),
        ("Britain", EntityKind.PLACE),
        ("Labour Party", EntityKind.ORGANIZATION),
    ]


def test_a_name_listed_with_people_is_a_person() -> None:
    body = (
        "Coach Ann Keller picked Lena Vostrikova, Yannick Torvik, and Dries Quellmann. "
        "Dries Quellmann scored."
    )
    quellmann = entity(article(body), "Dries Quellmann")
    assert quellmann.kind is EntityKind.PERSON
    assert len(quellmann.mentions) == 2  # the later mention joins the listed one
    art = article("Ann Keller and a new Prime Minister-designate met.")
    assert ("Prime Minister-designate", EntityKind.PERSON) not in kinds_of(art)
    # Alone, the common word "dries" keeps the name from being a person.
    assert kinds_of(article("It came from Dries Quellmann."))[-1][1] is not EntityKind.PERSON
    art = article("Ann Keller and Google Chrome were named.")
    assert ("Google Chrome", EntityKind.OTHER) in kinds_of(art)


def test_a_code_of_capitals_and_digits_is_no_organisation() -> None:
    art = article("Users of IE6 and the ZX81 left; the G20 and the TSU board met.")
    assert kinds_of(art) == [
        ("IE6", EntityKind.OTHER),
        ("ZX81", EntityKind.OTHER),
        ("G20", EntityKind.ORGANIZATION),
        ("TSU", EntityKind.ORGANIZATION),
    ]


def test_a_known_organisation_before_an_unknown_word_makes_no_person() -> None:
    art = article("Users moved from Google Chrome to Microsoft Zorbo, said Ann Keller.")
    assert kinds_of(art) == [
        ("Google", EntityKind.ORGANIZATION),
        ("Google Chrome", EntityKind.OTHER),
        ("Microsoft", EntityKind.ORGANIZATION),
        ("Microsoft Zorbo", EntityKind.OTHER),
        ("Ann Keller", EntityKind.PERSON),
    ]


def test_a_program_is_no_organisation_unless_listed() -> None:
    art = article(
        "The Tenby Space Program ended; the World Food Programme and the UN Development "
        "Programme fed them."
    )
    assert kinds_of(art) == [
        ("Tenby Space Program", EntityKind.OTHER),
        ("World Food Programme", EntityKind.ORGANIZATION),
        ("UN Development Programme", EntityKind.ORGANIZATION),
    ]


def test_a_known_surname_before_a_noun_makes_no_person() -> None:
    art = article(
        "Ann Keller took them. Keller Zorbos sold well, and the Zorbos faded. "
        "Leung Yiu-chung met Leung Kwok-hung. Then Keller Faulkner spoke."
    )
    kinds = dict(kinds_of(art))
    assert kinds["Ann Keller"] is EntityKind.PERSON
    assert kinds["Keller Zorbos"] is EntityKind.OTHER  # "the Zorbos": a noun
    assert kinds["Leung Yiu-chung"] is kinds["Leung Kwok-hung"] is EntityKind.PERSON
    assert kinds["Keller Faulkner"] is EntityKind.PERSON  # never after "the"


def test_the_word_ending_an_organisations_of_name_stands_for_it() -> None:
    art = article(
        "The Church of Zorbology sued. Critics of Zorbology left the University of Sheffield "
        "for Sheffield."
    )
    church = entity(art, "Church of Zorbology")
    assert church.kind is EntityKind.ORGANIZATION
    assert [m.text for m in church.mentions] == ["Church of Zorbology", "Zorbology"]
    assert entity(art, "Sheffield").kind is EntityKind.PLACE


def test_a_work_after_its_describing_noun_is_other() -> None:
    art = article("She starred in the film Zorbo Nights and wrote the novel Tenby Rain.")
    assert kinds_of(art) == [
        ("Zorbo Nights", EntityKind.OTHER),
        ("Tenby Rain", EntityKind.OTHER),
    ]
    # "play" is a verb more often than a noun: no work.
    art = article("Ann Keller will play Zorbo Torvik in the final.")
    assert ("Zorbo Torvik", EntityKind.OTHER) not in kinds_of(art)


def test_a_speaker_written_with_a_title_is_found_and_named_without_it() -> None:
    art = article(
        "The firm cut its dividend. Looking ahead, Mr Okonkwo forecast growth "
        "“with a margin in the upper teens”.\n\nSen. Ada Brightwater said: “We will vote no.”"
    )
    by_text = {q.text: q for q in art.quotes}
    forecast = by_text["with a margin in the upper teens"]
    vote = by_text["We will vote no."]
    for said, name, written in (
        (forecast, "Okonkwo", "Okonkwo"),
        (vote, "Ada Brightwater", "Ada Brightwater"),
    ):
        speaker = art.speaker_of(said)
        assert speaker is not None
        assert speaker.name == name
        assert said.speaker_mention is not None
        assert said.speaker_mention.text == written
        # The speaker mention is the entity's own mention, whose title is kept on it.
        assert any(
            m.start == said.speaker_mention.start and m.title is not None for m in speaker.mentions
        )


def test_a_quote_takes_no_speaker_from_another_part_of_the_article() -> None:
    art = extract(
        loads(
            "'Mega bank' merger plan touted\n\n"
            'Two of Europe\'s big lenders could merge to form a "mega bank" of ten million '
            "customers.\n"
        )
    )
    body_quotes = [q for q in art.quotes if art.part_at(q.spans[0].start).name == "body"]
    assert [q.text for q in body_quotes] == ["mega bank"]
    for said in body_quotes:
        for span in (said.speaker_mention, said.cue):
            assert span is None or art.part_at(span.start).name == "body"


def test_a_headline_in_its_own_style_does_not_name_an_entity_of_the_body() -> None:
    # The headline clips the name; the body's full name and kind stand.
    art = article("Marisol Quintero said the album sold well.\n\nQuintero thanked her fans.")
    headlined = extract(
        loads(
            "Quintero Album tops charts\n\n"
            "Marisol Quintero said the album sold well.\n\nQuintero thanked her fans.\n"
        )
    )
    assert [(e.name, e.kind) for e in art.entities if "Quintero" in e.name] == [
        ("Marisol Quintero", EntityKind.PERSON)
    ]
    named = [e for e in headlined.entities if any(m.text.endswith("Quintero") for m in e.mentions)]
    assert [(e.name, e.kind) for e in named] == [("Marisol Quintero", EntityKind.PERSON)]


def test_a_pronoun_never_resolves_to_a_name_of_another_part() -> None:
    photo = loads(
        " date 2023-07-09 \u00a0\nFloods\n\nThe river on Sunday. — Photo: Jane Wu/Reuters\n"
        '"We left at night," she said.\n'
    )
    headline = loads(
        " date 2023-07-09 \u00a0\nPrime Minister Odile Brandt says talks failed\n\n"
        'Officials met in Velmor.\n\n"The talks failed," the spokesman said.\n\n'
        '"It is a disaster," he added.\n'
    )
    for art in (photo, headline):
        assert art.quotes
        for said in art.quotes:
            assert art.speaker_of(said) is None


def test_a_headline_in_title_case_names_nothing_the_text_does_not_confirm() -> None:
    art = extract(
        Article(
            headline="Storm Batters Velmor Coast, Thousands Lose Power",
            paragraphs=["Residents waited for help.", '"It was loud all night," he said.'],
        )
    )
    assert art.entities == ()
    assert [art.speaker_of(q) for q in art.quotes] == [None]
    # A name the body confirms keeps its headline mention.
    confirmed = extract(
        Article(
            headline="Quintero, 34, Takes Velmor Prize Again",
            paragraphs=["Marisol Quintero won the prize on Friday."],
        )
    )
    (quintero,) = [e for e in confirmed.entities if e.name == "Marisol Quintero"]
    assert [confirmed.part_at(m.start).name for m in quintero.mentions] == ["headline", "body"]


def test_a_quotation_never_runs_on_from_one_part_into_the_next() -> None:
    for art in (
        Article(
            headline='Mayor vows to "rebuild', paragraphs=['"We will rebuild," said Tom Hart.']
        ),
        Article(
            headline="H",
            images=[Image(caption="A view.", credit='Getty "x')],
            paragraphs=['"Yes," she said.'],
        ),
    ):
        result = extract(art)
        body = [q for q in result.quotes if result.part_at(q.spans[0].start).name == "body"]
        assert [q.text for q in body] in (["We will rebuild,"], ["Yes,"])
        for said in result.quotes:
            assert len({result.part_at(s.start) for s in said.spans}) == 1
        assert body[0].speaker_mention is not None
