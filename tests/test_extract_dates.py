"""Date extraction: the cases its shortcuts must keep (future words, modifiers, day words)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdoc._model import DatePrecision
from newsdoc.extraction._dates import find_dates

REF = dt.date(2023, 7, 9)  # a Sunday
DAY, WEEK, MONTH, YEAR, TIME = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.TIME,
)
Row = tuple[str, dt.date | None, DatePrecision | None]


def dates(body: str, ref: dt.date | None = REF) -> list[Row]:
    found = find_dates(body, ref)
    for mention in found:
        assert body[mention.span.start : mention.span.end] == mention.span.text
    return [(m.span.text, m.value, m.precision) for m in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A future word at the start of a line counts (the line break starts the sentence).
        ("Report\ndue Friday, officials said.", [("Friday", dt.date(2023, 7, 14), DAY)]),
        # ... one in an earlier sentence does not.
        ("He will go. They met Friday.", [("Friday", dt.date(2023, 7, 7), DAY)]),
        ("Talks are expected to resume on Friday.", [("Friday", dt.date(2023, 7, 14), DAY)]),
        ("Talks resumed on Friday.", [("Friday", dt.date(2023, 7, 7), DAY)]),
        ("The plan is to meet Friday.", [("Friday", dt.date(2023, 7, 14), DAY)]),
        ("It was set to open Friday.", [("Friday", dt.date(2023, 7, 14), DAY)]),
    ],
)
def test_future_words(body: str, expected: list[Row]) -> None:
    assert dates(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Prices rose earlier this week and Late  last year.",
            [
                ("earlier this week", dt.date(2023, 7, 3), WEEK),
                ("Late  last year", dt.date(2022, 1, 1), YEAR),
            ],
        ),
        (
            "The deal was signed last week, not next month.",
            [("last week", dt.date(2023, 6, 26), WEEK), ("next month", dt.date(2023, 8, 1), MONTH)],
        ),
        ("It ends later this\u00a0month.", [("later this\u00a0month", dt.date(2023, 7, 1), MONTH)]),
        ("Last week was busy.", [("Last week", dt.date(2023, 6, 26), WEEK)]),
        (
            "Two weeks ago, the council met last Friday.",
            [
                ("Two weeks ago", dt.date(2023, 6, 19), WEEK),
                ("last Friday", dt.date(2023, 7, 7), DAY),
            ],
        ),
    ],
)
def test_modifiers(body: str, expected: list[Row]) -> None:
    assert dates(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "They met Monday morning and again Friday at 3 pm.",
            [
                ("Monday morning", dt.date(2023, 7, 3), DAY),
                ("Friday at 3 pm", dt.datetime(2023, 7, 7, 15, 0), TIME),
            ],
        ),
        (
            "The vote is at 3 pm on Monday.",
            [("3 pm on Monday", dt.datetime(2023, 7, 3, 15, 0), TIME)],
        ),
        (
            "It opened on the 5th of June and closed 7 July.",
            [("5th of June", dt.date(2023, 6, 5), DAY), ("7 July", dt.date(2023, 7, 7), DAY)],
        ),
        ("Sunday, July 2, 2023 was hot.", [("Sunday, July 2, 2023", dt.date(2023, 7, 2), DAY)]),
        ("On Monday, officials met.", [("Monday", dt.date(2023, 7, 3), DAY)]),
    ],
)
def test_weekdays_and_days(body: str, expected: list[Row]) -> None:
    assert dates(body) == expected


def test_day_words() -> None:
    body = "We spoke this morning, yesterday morning and last night; tonight at midnight or noon."
    assert dates(body) == [
        ("this morning", dt.date(2023, 7, 9), DAY),
        ("yesterday morning", dt.date(2023, 7, 8), DAY),
        ("last night", dt.date(2023, 7, 8), DAY),
        ("tonight", dt.date(2023, 7, 9), DAY),
        ("midnight", dt.datetime(2023, 7, 9, 0, 0), TIME),
        ("noon", dt.datetime(2023, 7, 9, 12, 0), TIME),
    ]
    assert dates("Today and Tomorrow, not tomorrows.") == [
        ("Today", dt.date(2023, 7, 9), DAY),
        ("Tomorrow", dt.date(2023, 7, 10), DAY),
    ]


def test_years_and_quantities() -> None:
    assert dates("Since 2020, prices rose; 2019 troops left; in 1990s.") == [
        ("2020", dt.date(2020, 1, 1), YEAR),
        ("1990s", dt.date(1990, 1, 1), YEAR),
    ]


def test_a_year_after_a_preposition_of_time_is_no_quantity() -> None:
    assert dates("In 2020 people voted; about 2020 people marched; since 2019 troops stayed.") == [
        ("2020", dt.date(2020, 1, 1), YEAR),
        ("2019", dt.date(2019, 1, 1), YEAR),
    ]
    # "by" and "after" count as often as they date: "hit by 2000 rockets".
    assert dates("The town was hit by 2000 rockets after 1200 troops left.") == []


def test_a_modifier_is_a_word_of_its_own() -> None:
    assert dates("Stocks outlast week after week; (last week) and x-next month.") == [
        ("last week", dt.date(2023, 6, 26), WEEK),
        ("next month", dt.date(2023, 8, 1), MONTH),
    ]


def test_without_an_article_date() -> None:
    body = "Last week, on Friday, two days ago, today and next year; in 2019 at noon."
    assert dates(body, None) == [
        ("Last week", None, WEEK),
        ("Friday", None, DAY),
        ("two days ago", None, DAY),
        ("today", None, DAY),
        ("next year", None, YEAR),
        ("2019", dt.date(2019, 1, 1), YEAR),
        ("noon", None, TIME),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The sentence is the text view's: the full stop of an abbreviation or of initials
        # ends none, so a future word before "U.S." still counts ...
        (
            "Talks will resume with U.S. officials on Friday.",
            [("Friday", dt.date(2023, 7, 14), DAY)],
        ),
        ("Gov. Lee will sign it Friday.", [("Friday", dt.date(2023, 7, 14), DAY)]),
        # ... and one in the sentence before still does not.
        ("The U.S. will go. Talks ended Friday.", [("Friday", dt.date(2023, 7, 7), DAY)]),
        # Only the 120 characters before the date are read.
        ("It will " + "x" * 120 + " Friday.", [("Friday", dt.date(2023, 7, 7), DAY)]),
    ],
)
def test_the_future_is_read_in_the_sentence_of_the_text_view(
    body: str, expected: list[Row]
) -> None:
    assert dates(body) == expected


@pytest.mark.parametrize("word", ["Tonday", "Sonday", "Suesday", "Mednesday", "Jec 5", "Sept 5"])
def test_only_real_names_anchor_a_date(word: str) -> None:
    # A weekday's or a month's name is matched whole ("Sonday" once raised KeyError).
    found = dates(f"It was {word} again.")
    assert [text for text, _, _ in found] == (["Sept 5"] if word == "Sept 5" else [])


def test_dates_read_a_text_view_with_parts() -> None:
    from newsdoc.extraction._view import TextView

    view = TextView.joined([("headline", 0, "Vote due Friday"), ("body", 0, "It passed Friday.")])
    found = find_dates(view, REF)
    assert [(m.span.start, m.value) for m in found] == [
        (9, dt.date(2023, 7, 14)),  # the headline's sentence speaks of the future
        (27, dt.date(2023, 7, 7)),
    ]
    assert all(view.text[m.span.start : m.span.end] == m.span.text for m in found)


# ------------------------------------------------------------- issue 12: date errors

TUESDAY = dt.date(2021, 3, 9)  # a Tuesday


@pytest.mark.parametrize(
    "body",
    [
        "She told Oslo Yesterday in an interview that prices rose.",
        "The report first ran on Global Today and was shared widely.",
        "An anchor on NBC's Today show asked him about it.",
    ],
)
def test_a_day_word_in_a_name_is_no_date(body: str) -> None:
    assert [text for text, _, _ in dates(body)] == []


def test_a_day_word_opening_a_sentence_or_in_a_title_case_line_is_a_date() -> None:
    assert [text for text, _, _ in dates("Mayor to Open Harbour Bridge Tomorrow\n\nIt is.")] == [
        "Tomorrow"
    ]
    assert dates("Ferry Today reported delays. Today, the line reopened.") == [("Today", REF, DAY)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A future word after the weekday, in its clause ...
        ("With Thursday's hearing approaching, lawyers met.", dt.date(2021, 3, 11)),
        ("On Friday, the board will vote on the plan.", dt.date(2021, 3, 12)),
        ("A ruling could come as soon as Monday.", dt.date(2021, 3, 15)),
        ("The mayors agreed to talk again Friday.", dt.date(2021, 3, 12)),
        # ... and the nearest tense word before the weekday decides.
        ("The firm, which will shut two plants, said Friday it cut jobs.", dt.date(2021, 3, 5)),
        ("Officials said the bridge will be reopened Saturday.", dt.date(2021, 3, 13)),
        ("The ferry, delayed by ice, docked Monday.", dt.date(2021, 3, 8)),
    ],
)
def test_a_weekday_follows_the_tense_of_its_sentence(body: str, expected: dt.date) -> None:
    found = dates(body, TUESDAY)
    assert [value for _, value, _ in found] == [expected]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The coach stepped down in March.", dt.date(2020, 3, 1)),
        ("The coach will step down in March.", dt.date(2021, 3, 1)),
        ("The coach may leave in March.", dt.date(2021, 3, 1)),  # no tense: the nearest
        ("Sales have slowed since March.", dt.date(2020, 3, 1)),
        ("The museum has to close in April.", dt.date(2021, 4, 1)),
        # A day without a year moves a year with the tense, if it lies the other way.
        ("The pact was signed on Feb. 2.", dt.date(2020, 2, 2)),
        ("The pact was signed on Dec. 29.", dt.date(2019, 12, 29)),
        ("The pact was signed on Nov. 24.", dt.date(2020, 11, 24)),  # a slip: kept
    ],
)
def test_a_month_without_a_year_follows_the_tense(body: str, expected: dt.date) -> None:
    november = dt.date(2020, 11, 20)
    assert [value for _, value, _ in dates(body, november)] == [expected]


def test_a_weekday_and_a_month_day_are_one_date_in_the_year_they_agree() -> None:
    ref = dt.date(2020, 11, 20)
    assert dates("Agenda. Wednesday, Dec. 2: the budget. Friday, Jan. 8: the vote.", ref) == [
        ("Wednesday, Dec. 2", dt.date(2020, 12, 2), DAY),
        ("Friday, Jan. 8", dt.date(2021, 1, 8), DAY),
    ]
    # The weekday agrees with no year near the article: the nearest date.
    assert dates("Sunday, Nov. 25: fair.", ref) == [("Sunday, Nov. 25", dt.date(2020, 11, 25), DAY)]
    # A time after the day is still no part of it.
    assert dates("on July 9:30 am", ref)[0][0] != "July 9"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Prices peaked in mid-1987.", [("mid-1987", dt.date(1987, 1, 1), YEAR)]),
        ("Growth slowed in the early-1970s.", [("early-1970s", dt.date(1970, 1, 1), YEAR)]),
        ("Snow fell in late-January.", [("late-January", dt.date(2023, 1, 1), MONTH)]),
        ("Police reopened the September robbery.", [("September", dt.date(2022, 9, 1), MONTH)]),
        ("Its February figures were weak.", [("February", dt.date(2023, 2, 1), MONTH)]),
        ("October's sales will be weak.", [("October", dt.date(2023, 10, 1), MONTH)]),
    ],
)
def test_parts_of_a_period_and_months_as_modifiers(body: str, expected: list[Row]) -> None:
    assert dates(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "You May go. The March on the capital. An August body. April Ryan asked.",
        "June's mother called. The May government fell. Marchers march on.",
        "A re-1990 rule and Fred's mid-game call.",
    ],
)
def test_month_words_that_are_no_dates_stay_no_dates(body: str) -> None:
    assert dates(body) == []
