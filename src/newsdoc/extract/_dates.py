"""Temporal expressions: find them with one regular expression, resolve them against the
article's date.

Relative expressions (``Friday``, ``last month``, ``two weeks ago``) are resolved
from the article date only, never from today's date: without an article date
their value is ``None`` (the mention and its precision are kept).  A weekday
resolves backwards (the most recent such day, the article's own day included)
unless the sentence speaks of the future (``will meet Monday``) or the text says
``next``.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdoc._model import DateMention, DatePrecision, DateValue, Span

__all__ = ["find_dates"]

YEAR, MONTH, WEEK, DAY, TIME = (
    DatePrecision.YEAR,
    DatePrecision.MONTH,
    DatePrecision.WEEK,
    DatePrecision.DAY,
    DatePrecision.TIME,
)

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None,
    "few": None, "a few": None,
}  # fmt: skip

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEARNUM = r"(?:1[6-9]\d\d|20\d\d)"
_S = r"[ \u00a0]"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_TIME = rf"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?{_S}?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)|noon|midnight)"
_REL_UNIT = r"(?:day|week|month|year|decade)s?"
_COUNT = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
)
_MOD = r"(?:last|next|this|past|coming|previous)"

# Anchored patterns, each tried only where a cheap ``str.find`` saw a date word.
_MDY = re.compile(
    rf"(?:{_WEEKDAY},?{_S}+)?(?P<m>{_MONTH}){_S}+(?P<d>{_DAYNUM})(?:[-–]{_DAYNUM})?(?![\d:])"
    rf"(?:,?{_S}+(?P<y>{_YEARNUM})(?!\d))?"
)
_DMY = re.compile(
    rf"(?:{_WEEKDAY},?{_S}+(?:the{_S}+)?)?(?P<d>{_DAYNUM})(?:[-–]{_DAYNUM})?(?:{_S}+of)?{_S}+"
    rf"(?P<m>{_MONTH})\b(?:,?{_S}+(?P<y>{_YEARNUM})(?!\d))?"
)
_MY = re.compile(rf"(?P<m>{_MONTH}),?{_S}+(?:of{_S}+)?(?P<y>{_YEARNUM})(?!\d)")
_MONTH_ONLY = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)
_WD = re.compile(
    rf"(?P<d>{_WEEKDAY})(?:{_S}+{_PART})?(?:{_S}+(?P<w>next|last|this){_S}+week)?"
    rf"(?:{_S}+(?:at{_S}+)?{_TIME})?"
)
_DAY_BEFORE = re.compile(
    rf"(?:{_WEEKDAY},?{_S}+(?:the{_S}+)?)?(?<![\d,.])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    rf"(?:[-–]{_DAYNUM})?(?:{_S}+of)?{_S}+\Z"
)
_TIME_BEFORE = re.compile(rf"{_TIME}{_S}+(?:on{_S}+)?\Z")
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])(?:[T ](?P<h>[0-2]\d):(?P<min>[0-5]\d))?"
)
_YEAR = re.compile(rf"(?P<y>{_YEARNUM})(?:[-–](?:\d\d|{_YEARNUM}))?(?P<s>s)?(?![\d,%]|\.\d|[-–]\d)")
_REL = re.compile(
    rf"(?P<mod>(?:earlier|later|early|late){_S}+(?:this|last)|last|next|this|past|coming|previous)"
    rf"{_S}+(?P<unit>week|month|year|weekend|decade)\b",
    re.IGNORECASE,
)
_AGO = re.compile(
    rf"(?P<n>{_COUNT}){_S}+(?P<unit>{_REL_UNIT}){_S}+ago\b", re.IGNORECASE
)
_WORD_DAY = re.compile(
    rf"(?:(?:this|last|yesterday|tomorrow){_S}+{_PART}|the{_S}+day{_S}+before{_S}+yesterday"
    rf"|the{_S}+day{_S}+after{_S}+tomorrow|today|yesterday|tomorrow|tonight)\b",
    re.IGNORECASE,
)
_TIME_ALONE = re.compile(_TIME)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_PREFIXES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_REL_UNITS = ("week", "month", "year", "decade")
_DAY_WORDS = ("today", "Today", "yesterday", "Yesterday", "tomorrow", "Tomorrow", "tonight",
              "Tonight", "this morning", "This morning", "last night", "Last night")  # fmt: skip
_MONTH_PREPS = frozenset(
    "in since until by from during of through early late mid last next this before after "
    "around".split()
)
_TIME_PARTS = re.compile(
    r"(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?[ \u00a0]?(?P<ap>[ap])\.?m\.?|(?P<noon>noon)|(?P<mid>midnight)",
    re.IGNORECASE,
)
# Words after a bare number that make it a quantity, not a year.
_QUANTITY_WORDS = frozenset(
    "people persons troops soldiers residents civilians children men women km kilometres "
    "kilometers miles metres meters feet ft tons tonnes votes dollars euros pounds barrels "
    "units cases deaths jobs members students workers fighters refugees migrants homes houses "
    "cars acres hectares calories points rounds times percent per words pages ships planes "
    "aircraft drones rockets missiles shells".split()
)
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|’ll|is due|are due|due to|scheduled|to be held|expected to|plans? to|"
    r"planning to|set to|is to|are to|upcoming|going to|would)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?[ \u00a0]+(?=[A-Z“\"])|\n\n")


def _ref_date(ref: DateValue | None) -> dt.date | None:
    if ref is None:
        return None
    return ref.date() if isinstance(ref, dt.datetime) else ref


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


def _nearest_year(ref: dt.date, month: int, day: int) -> dt.date | None:
    """The date with this month and day nearest to ``ref`` (within a year either way)."""
    best: dt.date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


def _future(body: str, start: int) -> bool:
    """True when the sentence before ``start`` speaks of the future."""
    floor = max(0, start - 120)
    window = body[floor:start]
    last_break = None
    for last_break in _SENTENCE_BREAK.finditer(window):
        pass
    if last_break is not None:
        window = window[last_break.end() :]
    return _FUTURE.search(window) is not None


def _time_of(text: str) -> dt.time | None:
    match = _TIME_PARTS.search(text)
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


def _with_time(
    day: dt.date | None, text: str, ref: DateValue | None
) -> tuple[DateValue | None, DatePrecision]:
    """``day`` at the time ``text`` names (TIME precision), or ``day`` alone (DAY)."""
    moment = _time_of(text)
    if moment is None:
        return day, DAY
    if day is None:
        return None, TIME
    tz = ref.tzinfo if isinstance(ref, dt.datetime) else None
    return dt.datetime.combine(day, moment, tzinfo=tz), TIME


def find_dates(body: str, ref: DateValue | None) -> list[DateMention]:
    """Every temporal expression in ``body``, resolved against the article date ``ref``."""
    today = _ref_date(ref)
    out: list[DateMention] = []
    last_day: dt.date | None = None
    for match in _DATE.finditer(body):
        kind = match.lastgroup
        start, end = match.span()
        value: DateValue | None = None
        precision: DatePrecision | None = None
        group = match.group
        if kind == "iso":
            try:
                day = dt.date(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
            except ValueError:
                continue
            if group("iso_h"):
                value, precision = (
                    dt.datetime.combine(
                        day, dt.time(int(group("iso_h")) % 24, int(group("iso_min")))
                    ),
                    TIME,
                )
            else:
                value, precision = day, DAY
        elif kind in ("mdy", "dmy"):
            month = _month(group(kind + "_m"))
            daynum = _day(group(kind + "_d"))
            year_text = group(kind + "_y")
            day_value: dt.date | None = None
            if year_text:
                try:
                    day_value = dt.date(int(year_text), month, daynum)
                except ValueError:
                    continue
            elif today is not None:
                day_value = _nearest_year(today, month, daynum)
            elif not 1 <= daynum <= 31:
                continue
            value, precision = _with_time(day_value, match.group(), ref)
        elif kind == "my":
            value, precision = dt.date(int(group("my_y")), _month(group("my_m")), 1), MONTH
        elif kind == "mon":
            mod = group("mon_mod").lower().rstrip("-")
            month = _month(group("mon_m"))
            if mod not in ("last", "next", "this", "early", "late", "mid"):
                start = match.start("mon_m")  # "in July": the mention is "July"
            if group("mon_m") in ("May", "March") and mod in ("in", "of", "by", "from", "since"):
                pass
            precision = MONTH
            if today is not None:
                this_month = dt.date(today.year, month, 1)
                current = dt.date(today.year, today.month, 1)
                if mod == "last":
                    value = (
                        this_month
                        if this_month < current
                        else this_month.replace(year=today.year - 1)
                    )
                elif mod == "next":
                    value = (
                        this_month
                        if this_month > current
                        else this_month.replace(year=today.year + 1)
                    )
                else:
                    candidates = [this_month.replace(year=today.year + k) for k in (-1, 0, 1)]
                    value = min(candidates, key=lambda c: (abs((c - current).days), c > current))
        elif kind == "rel":
            mod = " ".join(group("rel_mod").lower().split())
            unit = group("rel_unit").lower()
            step = -1 if mod in ("last", "past", "previous", "late last", "earlier last") else 1
            if mod in ("this", "earlier this", "later this", "early this", "coming"):
                step = 0 if mod != "coming" else 1
            if unit == "week" or unit == "weekend":
                precision = WEEK if unit == "week" else DAY
                if today is not None:
                    monday = today - dt.timedelta(days=today.weekday())
                    if unit == "week":
                        value = monday + dt.timedelta(weeks=step)
                    else:
                        saturday = monday + dt.timedelta(days=5)
                        if step < 0:
                            saturday = (
                                saturday - dt.timedelta(weeks=1) if saturday >= today else saturday
                            )
                        elif step > 0:
                            saturday = (
                                saturday + dt.timedelta(weeks=1) if saturday <= today else saturday
                            )
                        value = saturday
            elif unit == "month":
                precision = MONTH
                if today is not None:
                    value = _add_months(today, step)
            elif unit == "year":
                precision = YEAR
                if today is not None:
                    value = dt.date(today.year + step, 1, 1)
            else:  # decade
                precision = YEAR
                if today is not None:
                    value = dt.date(today.year // 10 * 10 + 10 * step, 1, 1)
        elif kind == "ago":
            count_text = group("ago_n").lower()
            count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
            unit = group("ago_unit").lower().rstrip("s")
            precision = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR, "decade": YEAR}[
                unit
            ]
            sign = -1 if group("ago_dir").lower() in ("ago", "earlier") else 1
            if group("ago_dir").lower() != "ago":
                precision = None  # "two days later": relative to an event, not the article
                count = None
            if today is not None and count is not None:
                if unit == "day":
                    value = today + dt.timedelta(days=sign * count)
                elif unit == "week":
                    day = today + dt.timedelta(weeks=sign * count)
                    value = day - dt.timedelta(days=day.weekday())
                elif unit == "month":
                    value = _add_months(today, sign * count)
                else:
                    years = count * (10 if unit == "decade" else 1)
                    value = dt.date(today.year + sign * years, 1, 1)
            if precision is None:
                continue
        elif kind == "wd":
            weekday = _WEEKDAYS[group("wd_day").lower()]
            mod = (group("wd_mod") or "").lower()
            week = (group("wd_week") or "").lower()
            if mod in ("past",):
                start = match.start("wd_day")
            day_value = None
            if today is not None:
                monday = today - dt.timedelta(days=today.weekday())
                if week:
                    shift = {"next": 1, "last": -1, "this": 0}[week]
                    day_value = monday + dt.timedelta(weeks=shift, days=weekday)
                elif mod == "next" or mod == "coming":
                    ahead = (weekday - today.weekday()) % 7 or 7
                    day_value = today + dt.timedelta(days=ahead)
                elif mod == "last" or mod == "past":
                    back = (today.weekday() - weekday) % 7 or 7
                    day_value = today - dt.timedelta(days=back)
                elif mod == "this":
                    day_value = monday + dt.timedelta(days=weekday)
                elif _future(body, start):
                    ahead = (weekday - today.weekday()) % 7
                    day_value = today + dt.timedelta(days=ahead)
                else:
                    back = (today.weekday() - weekday) % 7
                    day_value = today - dt.timedelta(days=back)
            value, precision = _with_time(day_value, match.group(), ref)
        elif kind == "word":
            text = " ".join(match.group().lower().split())
            precision = DAY
            offset = 0
            if text.startswith("yesterday") or text == "last night":
                offset = -1
            elif text.startswith("tomorrow"):
                offset = 1
            elif text == "the day before yesterday":
                offset = -2
            elif text == "the day after tomorrow":
                offset = 2
            if today is not None:
                value = today + dt.timedelta(days=offset)
        elif kind == "decade":
            value, precision = dt.date(int(group("dec_y")), 1, 1), YEAR
        elif kind == "year":
            after = body[end : end + 20].lstrip(" \u00a0").split(" ", 1)[0].lower().strip(".,;:")
            if after in _QUANTITY_WORDS:
                continue
            value, precision = dt.date(int(group("year_y")), 1, 1), YEAR
        elif kind == "time":
            value, precision = _with_time(last_day or today, match.group(), ref)
        else:  # pragma: no cover - every alternative is named
            continue
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime) and precision is DAY:
            last_day = value
        out.append(
            DateMention(
                span=Span(start=start, end=end, text=body[start:end]),
                value=value,
                precision=precision,
            )
        )
    return out
