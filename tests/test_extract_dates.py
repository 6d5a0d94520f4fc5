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
