"""The value of each kind of reading, resolved against the article's date.

`RESOLVERS` is the table: each kind of reading `_readings` finds, with the function
that gives its value and precision.  Relative expressions (``Friday``, ``last
month``, ``two weeks ago``) are resolved from the article date only, never from
today's date: without an article date their value is ``None`` (the mention and its
precision are kept).  A weekday resolves backwards (the most recent such day, the
article's own day included) unless its sentence speaks of the future (``will meet
Monday``, `_tense`) or the text says ``next``; a month alone goes to the most recent
one in the past tense, the next one in the future, else the nearest.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from newsdoc._model import DatePrecision, DateValue
from newsdoc.extraction._dates._tense import FUTURE, PAST, tense
from newsdoc.extraction._dates._words import (
    BEFORE_YEAR,
    COUNTS,
    HAS_TIME,
    MONTHS,
    QUANTITIES,
    TIME_PARTS,
    WEEKDAY_OF,
    WEEKDAYS,
)
from newsdoc.extraction._view import TextView

__all__ = ["RESOLVERS", "Resolution", "Resolved", "Resolver"]

YEAR, MONTH, WEEK, DAY, TIME = (
    DatePrecision.YEAR,
    DatePrecision.MONTH,
    DatePrecision.WEEK,
    DatePrecision.DAY,
    DatePrecision.TIME,
)
_DAYS = tuple(dt.timedelta(days=days) for days in range(7))
#: January 1 of the years a year mention can name (others are built when needed).
_JAN1 = {str(year): dt.date(year, 1, 1) for year in range(1600, 2100)}

#: The modifiers of a month that say its year ("since": the past).
_MONTH_MODS = {"last": "last", "next": "next", "since": "past"}
#: A month's modifier from the tense of its sentence (0: none, the nearest month).
_TENSE_MODS = {FUTURE: "future", PAST: "past", 0: ""}

#: How many days a date without a year may lie on the wrong side of the article date
#: for its tense before the tense moves it a year.
_TENSE_SLACK = 7

#: A value and its precision (None: the reading is no date after all).
Resolved = tuple[DateValue | None, DatePrecision] | None


class Resolution:
    """What resolving a text's readings knows: the text, the article date, and the day
    last named (a time alone falls on it)."""

    __slots__ = ("last_day", "ref", "text", "today", "today_weekday", "view")

    def __init__(self, view: TextView, ref: DateValue | None) -> None:
        self.view = view
        self.text = view.text
        self.ref = ref
        self.today = today = ref.date() if isinstance(ref, dt.datetime) else ref
        self.today_weekday = 0 if today is None else today.weekday()
        self.last_day: dt.date | None = None


#: A resolver: the value of a reading ``text[start:end]`` from its match and modifier.
Resolver = Callable[[Resolution, int, int, "re.Match[str]", str], Resolved]


# ------------------------------------------------------------------ the resolvers


def _iso(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``2023-07-09``, ``2023-07-09 14:30``."""
    group = match.group
    try:
        day = dt.date(int(group("y")), int(group("m")), int(group("d")))
    except ValueError:
        return None
    if group("h"):
        return dt.datetime.combine(day, dt.time(int(group("h")) % 24, int(group("min")))), TIME
    return day, DAY


def _day_month(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``July 9``, ``9 July 2023``, ``Sunday, July 9``: in the year given, else the one
    near the article date in which it is the weekday named, else the nearest (unless
    the tense of the sentence says the year before or after)."""
    group = match.group
    month = MONTHS[group("m").rstrip(".").lower()]
    daynum = _leading_number(group("d"))
    day: dt.date | None = None
    if group("y"):
        try:
            day = dt.date(int(group("y")), month, daynum)
        except ValueError:
            return None
    elif res.today is not None:
        weekday = group("wd")
        day = _nearest_year(res.today, month, daynum, WEEKDAYS[weekday.lower()] if weekday else -1)
        if day is None:
            return None
        if not weekday:
            day = _in_tense(res, start, end, day)
    elif not 1 <= daynum <= 31:
        return None
    return _with_time(res, day, res.text[start:end])


def _month_year(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``July 2023``."""
    return dt.date(int(match.group("y")), MONTHS[match.group("m").rstrip(".").lower()], 1), MONTH


def _month_alone(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``in July``, ``last July``: in the year ``last``, ``next``, ``since`` or the tense
    of the sentence points to."""
    if res.today is None:
        return None, MONTH
    mod = _MONTH_MODS.get(mod) or _TENSE_MODS[tense(res.view, start, end)]
    return _month_near(res.today, MONTHS[match.group().lower()], mod), MONTH


def _weekday_alone(
    res: Resolution, start: int, end: int, match: re.Match[str], mod: str
) -> Resolved:
    """``Friday``, ``last Friday``."""
    today = res.today
    if today is None:
        return None, DAY
    pos = match.start()
    weekday = WEEKDAY_OF[res.text[pos : pos + 3]]
    if mod:
        return _weekday_day(today, weekday, "", mod, False), DAY
    # `_weekday_day` without a modifier, inline.
    if tense(res.view, start, end) == FUTURE:
        return today + _DAYS[(weekday - res.today_weekday) % 7], DAY
    return today - _DAYS[(res.today_weekday - weekday) % 7], DAY


def _weekday(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``Friday morning``, ``Monday next week``, ``Friday at 3 pm``, ``3 pm on Monday``."""
    today = res.today
    weekday = WEEKDAYS[match.group("d").lower()]
    week = (match.group("w") or "").lower()
    day: dt.date | None = None
    if today is not None:
        future = (
            not week
            and mod not in ("next", "coming", "last", "past", "this")
            and tense(res.view, start, end) == FUTURE
        )
        day = _weekday_day(today, weekday, week, mod, future)
    if start == match.start() and match.end() == match.end("d"):
        return day, DAY  # the weekday's name alone: no time
    return _with_time(res, day, res.text[start : match.end()])


def _year(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``2019`` (but not the quantity of ``2019 troops``)."""
    text = res.text
    char = text[end : end + 1]
    # The word after the year, unless it cannot be a quantity's ("2020, the").
    if not (
        char == ""
        or (char in ".,;:" and text[end + 1 : end + 2] == " ")
        or (char not in " \u00a0.,;:" and not char.isalpha())
    ):
        after = text[end : end + 20].lstrip(" \u00a0").split(" ", 1)[0]
        if after.lower().strip(".,;:") in QUANTITIES and not BEFORE_YEAR.search(
            text, max(0, start - 8), start
        ):
            return None  # "2020 people", but not "in 2020 people voted"
    year = match.group("y")
    return _JAN1.get(year) or dt.date(int(year), 1, 1), YEAR


def _decade(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``1990s``."""
    return dt.date(int(match.group("y")) // 10 * 10, 1, 1), YEAR


def _relative(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``last week``, ``this month``, ``earlier this year``."""
    return _relative_words(res.today, match.group(1), match.group(2))


def _ago(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``two weeks ago``, ``a year ago``."""
    today = res.today
    text = match.group("n").lower()
    count = int(text) if text.isdigit() else COUNTS.get(text)
    unit = match.group("unit").lower().rstrip("s")
    precision = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR, "decade": YEAR}[unit]
    if today is None or count is None:
        return None, precision
    if unit == "day":
        return today - dt.timedelta(days=count), precision
    if unit == "week":
        day = today - dt.timedelta(weeks=count)
        return day - dt.timedelta(days=day.weekday()), precision
    if unit == "month":
        return _add_months(today, -count), precision
    years = count * (10 if unit == "decade" else 1)
    return dt.date(today.year - years, 1, 1), precision


def _day_word(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """``today``, ``yesterday``, ``tomorrow``, ``last night``, ``the day before yesterday``."""
    today = res.today
    if today is None:
        return None, DAY
    words = " ".join(match.group().lower().split())
    offset = 0
    if words.startswith("yesterday") or words == "last night":
        offset = -1
    elif words.startswith("tomorrow"):
        offset = 1
    elif words == "the day before yesterday":
        offset = -2
    elif words == "the day after tomorrow":
        offset = 2
    return today + dt.timedelta(days=offset), DAY


def _time(res: Resolution, start: int, end: int, match: re.Match[str], mod: str) -> Resolved:
    """A time of day (``3 pm``, ``noon``): on the day last named, else the article's."""
    return _with_time(res, res.last_day or res.today, match.group())


#: Every kind of reading, with its resolver.
RESOLVERS: dict[str, Resolver] = {
    "iso": _iso,  # 2023-07-09
    "mdy": _day_month,  # July 9, 2023
    "dmy": _day_month,  # 9 July 2023
    "my": _month_year,  # July 2023
    "mon": _month_alone,  # in July
    "wd": _weekday_alone,  # Friday, last Friday
    "wdx": _weekday,  # Friday morning, Monday next week, 3 pm on Monday
    "year": _year,  # 2019
    "decade": _decade,  # 1990s
    "rel": _relative,  # last week
    "ago": _ago,  # two weeks ago
    "word": _day_word,  # yesterday
    "time": _time,  # 3 pm
}


# -------------------------------------------------------------------- helpers


def _leading_number(text: str) -> int:
    """The number the digits opening ``text`` write (``9th`` -> 9)."""
    number = 0
    for char in text:
        if not char.isdigit():
            break
        number = number * 10 + int(char)
    return number


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _nearest_year(ref: dt.date, month: int, day: int, weekday: int = -1) -> dt.date | None:
    """The date with this month and day nearest to ``ref`` (within a year either way);
    of those that fall on ``weekday`` (0 to 6) if one does."""
    best: dt.date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or _closer(candidate, best, ref, weekday):
            best = candidate
    return best


def _in_tense(res: Resolution, start: int, end: int, day: dt.date) -> dt.date:
    """``day`` (the nearest date with its month and day), or the same date a year before
    when it is more than `_TENSE_SLACK` after the article date and its sentence is in the
    past tense ("was signed on Dec. 20", written in July), or a year after in the future."""
    assert res.today is not None
    gap = (day - res.today).days
    if -_TENSE_SLACK <= gap <= _TENSE_SLACK:
        return day
    shift = tense(res.view, start, end)
    if (shift == PAST and gap > 0) or (shift == FUTURE and gap < 0):
        try:
            return day.replace(year=day.year + shift)
        except ValueError:  # February 29
            return day
    return day


def _closer(candidate: dt.date, best: dt.date, ref: dt.date, weekday: int) -> bool:
    """Whether ``candidate`` is a better date than ``best``: on the weekday, then nearer."""
    fits, fitted = candidate.weekday() == weekday, best.weekday() == weekday
    if fits != fitted:
        return fits
    return abs((candidate - ref).days) < abs((best - ref).days)


def _month_near(today: dt.date, month: int, mod: str) -> dt.date:
    """The month named, in the year the modifier points to: ``last`` and ``next`` (the
    article's month left out), ``past`` and ``future`` (the article's month included),
    none (the nearest)."""
    this_month = dt.date(today.year, month, 1)
    current = dt.date(today.year, today.month, 1)
    if mod == "last" or mod == "past":
        before = this_month < current or (mod == "past" and this_month == current)
        return this_month if before else this_month.replace(year=today.year - 1)
    if mod == "next" or mod == "future":
        after = this_month > current or (mod == "future" and this_month == current)
        return this_month if after else this_month.replace(year=today.year + 1)
    candidates = [this_month.replace(year=today.year + k) for k in (-1, 0, 1)]
    return min(candidates, key=lambda c: (abs((c - current).days), c > current))


@functools.lru_cache(maxsize=512)
def _relative_words(
    today: dt.date | None, mod: str, unit: str
) -> tuple[dt.date | None, DatePrecision]:
    """`_relative_unit` for a modifier and unit as written (``Last  week``)."""
    return _relative_unit(today, " ".join(mod.lower().split()), unit.lower())


def _relative_unit(
    today: dt.date | None, mod: str, unit: str
) -> tuple[dt.date | None, DatePrecision]:
    """``last week``, ``this month``, ``next year``, ``earlier this week``..."""
    step = -1 if mod in ("last", "past", "previous", "late last", "earlier last") else 1
    if mod in ("this", "earlier this", "later this", "early this"):
        step = 0
    if unit == "week":
        if today is None:
            return None, WEEK
        return today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=step), WEEK
    if unit == "weekend":
        if today is None:
            return None, DAY
        saturday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=5)
        if step < 0 and saturday >= today:
            saturday -= dt.timedelta(weeks=1)
        elif step > 0 and saturday <= today:
            saturday += dt.timedelta(weeks=1)
        return saturday, DAY
    if unit == "month":
        return (_add_months(today, step) if today else None), MONTH
    if unit == "year":
        return (dt.date(today.year + step, 1, 1) if today else None), YEAR
    return (dt.date(today.year // 10 * 10 + 10 * step, 1, 1) if today else None), YEAR


@functools.lru_cache(maxsize=1024)
def _weekday_day(today: dt.date, weekday: int, week: str, mod: str, future: bool) -> dt.date:
    """The day a weekday names, seen from ``today``: in the week ``week`` names (``next``,
    ``last``, ``this``), or after the modifier, or forward when the sentence speaks of
    the future, else backward (the article's own day included)."""
    monday = today - dt.timedelta(days=today.weekday())
    if week:
        shift = {"next": 1, "last": -1, "this": 0}[week]
        return monday + dt.timedelta(weeks=shift, days=weekday)
    if mod in ("next", "coming"):
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if mod in ("last", "past"):
        return today - dt.timedelta(days=(today.weekday() - weekday) % 7 or 7)
    if mod == "this":
        return monday + dt.timedelta(days=weekday)
    if future:
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7)


def _with_time(
    res: Resolution, day: dt.date | None, text: str
) -> tuple[DateValue | None, DatePrecision]:
    """``day`` at the time ``text`` names (TIME precision), or ``day`` alone (DAY)."""
    if HAS_TIME.search(text) is None:
        return day, DAY
    moment = _time_of(text)
    if moment is None:
        return day, DAY
    if day is None:
        return None, TIME
    tz = res.ref.tzinfo if isinstance(res.ref, dt.datetime) else None
    return dt.datetime.combine(day, moment, tzinfo=tz), TIME


def _time_of(text: str) -> dt.time | None:
    """The time of day ``text`` names: ``3 pm``, ``15:30``, ``noon``, ``midnight``."""
    match = TIME_PARTS.search(text)
    if match is None:
        return None
    if match.group("noon"):
        return dt.time(12, 0)
    if match.group("mid"):
        return dt.time(0, 0)
    hour = int(match.group("h"))
    minute = int(match.group("m") or 0)
    if hour > 12:
        return dt.time(hour, minute)
    if match.group("ap").lower() == "p" and hour != 12:
        hour += 12
    elif match.group("ap").lower() == "a" and hour == 12:
        hour = 0
    return dt.time(hour, minute)
