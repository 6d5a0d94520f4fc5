"""Quotes and their speakers: the rules of ``newsdoc.extraction._quotes`` on small texts."""

from __future__ import annotations

import datetime as dt

from newsdoc._model import Article, DatePrecision, Quote
from tests.test_extract import (
    _checked_constructors,  # noqa: F401  (autouse fixture)
    recheck,
)
from tests.test_extract import article as extracted


def article(body: str, date: str | None = "2023-07-09") -> Article:
    """An extracted article with this body, every span checked against the body."""
    art = extracted(body, date)
    recheck(art)
    return art


def said(art: Article) -> list[tuple[str, str | None, str | None]]:
    """``(quoted text, speaker as written, name of the speaker's entity)`` per quote."""
    return [
        (q.text, q.speaker_mention.text if q.speaker_mention else None, name(art, q))
        for q in art.quotes
    ]


def name(art: Article, quote: Quote) -> str | None:
    return None if quote.speaker_index is None else art.entities[quote.speaker_index].name


def test_a_pronoun_after_the_quote_keeps_its_span_and_resolves() -> None:
    body = 'Helen Marsh was quoted as saying: "The vote is lost."\n\n"We go on," she added.'
    art = article(body)
    first, second = art.quotes
    assert first.cue is not None
    assert first.cue.text == "quoted as saying"
    assert name(art, first) == "Helen Marsh"
    assert second.speaker_mention is not None
    assert second.speaker_mention.text == "she"
    assert art.text[second.speaker_mention.start : second.speaker_mention.end] == "she"
    assert art.text.index('" she added') + 2 == second.speaker_mention.start
    assert name(art, second) == "Helen Marsh"


def test_a_partial_quote_is_the_subjects() -> None:
    art = article('Mayor Tom Okafor said the repairs were "long overdue and badly planned".')
    # (The speaker is the mention, which leaves its title out.)
    assert said(art) == [("long overdue and badly planned", "Tom Okafor", "Tom Okafor")]


def test_marks_of_every_kind() -> None:
    art = article(
        "“Curly double,” Ana Ruiz said.\n\n"
        '"Straight double," Ana Ruiz said.\n\n'
        "‘Curly single,’ Ana Ruiz said.\n\n"
        "'Straight single,' Ana Ruiz said."
    )
    assert [q.text for q in art.quotes] == [
        "Curly double,",
        "Straight double,",
        "Curly single,",
        "Straight single,",
    ]
    assert {name(art, q) for q in art.quotes} == {"Ana Ruiz"}


def test_a_quote_over_three_paragraphs_keeps_its_speaker() -> None:
    art = article(
        "Omar Said told the council: “First we fix the roads.\n\n"
        "“Then the schools.\n\n"
        "“Then everything else.”\n\n"
        "The council adjourned."
    )
    [quote] = art.quotes
    assert len(quote.spans) == 3
    assert [s.text for s in quote.spans][-1] == "Then everything else."
    assert name(art, quote) == "Omar Said"
    assert not art.diagnostics


def test_unbalanced_marks_lose_nothing_and_raise_nothing() -> None:
    art = article("Lena Park said: “It was never closed\n\nIt went on,” she said.\n\nEnd.")
    assert [q.text for q in art.quotes] == ["It was never closed", "It went on,"]
    assert [d.code for d in art.diagnostics] == ["unbalanced-quote", "unbalanced-quote"]


def test_a_participle_speaks_for_the_subject() -> None:
    art = article(
        "Senator Ruth Fenwick criticised the budget on Tuesday, "
        'saying it was "a gift to the banks".'
    )
    assert said(art) == [("a gift to the banks", "Ruth Fenwick", "Ruth Fenwick")]


def test_a_participle_after_an_earlier_verb_speaks_for_its_speaker() -> None:
    art = article(
        "In a letter to the board, three investors raised concerns, David Lim has said, "
        'calling the deal "a reckless gamble".'
    )
    [quote] = art.quotes
    assert quote.cue is not None
    assert quote.cue.text == "calling"
    assert name(art, quote) == "David Lim"


def test_a_coordinated_verb_speaks_for_the_subject() -> None:
    art = article(
        "Carla Mendes visited the flooded town on Friday and said the damage was "
        '"worse than anything we feared".'
    )
    assert name(art, art.quotes[0]) == "Carla Mendes"


def test_a_relative_who_speaks_for_the_person_before_it() -> None:
    art = article(
        "The plan was drawn up by Peter Vance, the finance minister, who in 2019 said it "
        'would "pay for itself".'
    )
    [quote] = art.quotes
    assert quote.speaker_mention is not None
    assert quote.speaker_mention.text == "who"
    assert name(art, quote) == "Peter Vance"


def test_a_quote_without_a_verb_is_the_subjects() -> None:
    art = article(
        "Jonas Berg praised the ruling.\n\n"
        'In a speech on Monday, Irene Wolfe attacked "the cowardice of the whole cabinet".'
    )
    assert said(art)[-1] == ("the cowardice of the whole cabinet", "Irene Wolfe", "Irene Wolfe")


def test_the_next_sentence_does_not_speak_for_a_finished_quote() -> None:
    art = article(
        'Carl Ortiz said the answer was "to wait and see." Mayor Ida Novak said it was '
        '"far too late."'
    )
    assert [name(art, q) for q in art.quotes] == ["Carl Ortiz", "Ida Novak"]


def test_a_question_may_be_answered_by_its_speaker() -> None:
    art = article('"Why now?" Lucy Grant asked.')
    assert said(art) == [("Why now?", "Lucy Grant", "Lucy Grant")]


def test_according_to_after_a_quote_names_the_source() -> None:
    art = article(
        'The governor was greeted with chants of "Four more years!" at a union rally in '
        "Leeds last month, according to organiser Maya Hill."
    )
    [quote] = art.quotes
    assert quote.cue is not None
    assert quote.cue.text == "according to"
    assert name(art, quote) == "Maya Hill"


def test_a_speaker_closing_the_sentence_speaks_for_a_partial_quote() -> None:
    art = article(
        "A clerk who “takes a few coins” is fired on the spot, Nora Quinn said. Executives are not."
    )
    assert said(art) == [("takes a few coins", "Nora Quinn", "Nora Quinn")]


def test_dates_named_in_the_issue() -> None:
    art = article(
        "The agency announced Sunday that the strike Friday followed talks on Monday next "
        "week, talks last month, a raid on July 9 and a deal in 2019."
    )
    got = [(d.text, d.value, d.precision) for d in art.date_mentions]
    assert got == [
        ("Sunday", dt.date(2023, 7, 9), DatePrecision.DAY),
        ("Friday", dt.date(2023, 7, 7), DatePrecision.DAY),
        ("Monday next week", dt.date(2023, 7, 10), DatePrecision.DAY),
        ("last month", dt.date(2023, 6, 1), DatePrecision.MONTH),
        ("July 9", dt.date(2023, 7, 9), DatePrecision.DAY),
        ("2019", dt.date(2019, 1, 1), DatePrecision.YEAR),
    ]


def test_a_relative_date_after_another_in_its_window_is_found() -> None:
    art = article(
        "Talks resume Monday next week, after talks last month and two days ago, three weeks ago."
    )
    assert [d.text for d in art.date_mentions] == [
        "Monday next week",
        "last month",
        "two days ago",
        "three weeks ago",
    ]


def test_closing_marks_without_opening_ones_never_quote_the_same_text_twice() -> None:
    from newsdoc.extraction._quotes import QuoteProblem
    from newsdoc.extraction._quotes._marks import find_quotations
    from newsdoc.extraction._view import TextView

    body = "One thing” and another” and a third”"
    problems: list[QuoteProblem] = []
    raws = find_quotations(TextView(body), problems)
    assert [body[s:e] for raw in raws for s, e in raw[0]] == [
        "One thing",
        " and another",
        " and a third",
    ]
    assert [problem.pos for problem in problems] == [9, 22, 35]


def test_a_flood_of_stray_quote_marks_lists_a_bounded_number_of_diagnostics() -> None:
    import newsdoc
    from newsdoc.extraction import MAX_QUOTE_DIAGNOSTICS

    art = newsdoc.loads("Headline\n\n" + "a” " * (MAX_QUOTE_DIAGNOSTICS + 50))
    listed = [d for d in art.diagnostics if d.code == "unbalanced-quote"]
    assert len(listed) == MAX_QUOTE_DIAGNOSTICS
    assert listed[-1].message.endswith("(50 more not listed)")
    assert listed[0].lineno == 3


def test_a_body_over_the_limit_is_not_searched_and_says_so() -> None:
    import newsdoc
    from newsdoc.extraction import RuleExtractor

    text = " date 2023-07-09 \u00a0\nHeadline\n\n" + "Smith said: “We won.”\n\n" * 20
    art = newsdoc.loads(text, extract=RuleExtractor(max_chars=100))
    assert (art.entities, art.quotes, art.date_mentions) == ((), (), ())
    [diagnostic] = art.diagnostics
    assert diagnostic.code == "not-extracted"
    assert (diagnostic.lineno, diagnostic.colno) == (2, 1)  # where the article's text starts
    assert "over the extractor's limit of 100" in diagnostic.message
    whole = newsdoc.extract(art, RuleExtractor(max_chars=None))
    assert whole.quotes
    assert "not-extracted" not in {d.code for d in whole.diagnostics}


def test_a_title_may_open_with_a_small_word() -> None:
    # "the Daily Show" is a title (its first word is one a title may have);
    # "the end of an era" is not.
    assert said(article('Ana Ruiz appeared on "the Daily Show" on Monday.')) == []
    assert said(article('Ana Ruiz said it was "the end of an era" for the town.')) == [
        ("the end of an era", "Ana Ruiz", "Ana Ruiz")
    ]


def test_a_closing_mark_with_no_opening_one_quotes_back_past_a_single_quotation() -> None:
    # The stray closing mark quotes from the end of the last double quotation, which
    # comes before the single quotation found first: quotations are taken in order of
    # their start.
    art = article("“One,” Ana Ruiz said. 'Two' three” and more")
    assert said(art) == [(" Ana Ruiz said. 'Two' three", None, None)]
    assert [d.code for d in art.diagnostics] == ["unbalanced-quote"]


def test_the_dot_of_a_number_or_an_abbreviation_ends_no_sentence() -> None:
    assert said(
        article('Ana Ruiz said on Jan. 5 that the plan was "a mistake from the start".')
    ) == [("a mistake from the start", "Ana Ruiz", "Ana Ruiz")]
    assert said(article('Prices rose 2.5 percent. "We expected it," Ana Ruiz said.')) == [
        ("We expected it,", "Ana Ruiz", "Ana Ruiz")
    ]
