"""Reading the date of a header line.

ISO 8601 dates and date-times take a fast path through the standard library;
other spellings (``9 July 2023``, ``Sunday, July 9, 2023``) go through
`dateutil`.  A date that lacks a year, month or day is never completed
from today's date: it is reported as partial instead.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as _du_parser
from dateutil.parser import UnknownTimezoneWarning

from newsdoc._model import DateValue, has_minute_offset

__all__ = ["DateResult", "day_first", "looks_like_date", "parse_date"]

#: ``(value, code)``: the date and ``None``; or ``None`` and the code of an error
#: (``invalid-date``, ``partial-date``); or the date and ``ambiguous-date``, a
#: warning that the numbers read both month first and day first.
DateResult = tuple[DateValue | None, str | None]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_SLASH_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})\Z")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
# Two numbers up to 12 before the year (``12/10/2016``): month and day, in an
# order the text does not say.
_TWO_SMALL_NUMBERS = re.compile(r"(?<!\d)(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*\d{2,4}(?!\d)")

# Two defaults that differ in every field: a field that comes out different
# from the two parses was not in the text.
_DEFAULT_A = dt.datetime(1904, 1, 1, 0, 0, 0)
_DEFAULT_B = dt.datetime(1908, 2, 2, 1, 1, 1)
_DU_PARSER = _du_parser.parser()
_MAX_DATE_CHARS = 64


def parse_date(text: str) -> DateResult:
    """Read a header date.  Returns ``(value, None)`` or ``(None, code)``."""
    if len(text) == 10 and _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text), None
        except ValueError:
            return None, "invalid-date"
    if _ISO_DATETIME.match(text):
        try:
            value = dt.datetime.fromisoformat(text)
        except ValueError:
            return _parse_other(text)
        return (value, None) if has_minute_offset(value) else (None, "invalid-date")
    slash = _SLASH_DATE.match(text)
    if slash:
        try:
            return dt.date(*map(int, slash.groups())), None
        except ValueError:
            return None, "invalid-date"
    other, code = _parse_other(text)
    if other is not None and _reads_both_ways(text):
        return other, "ambiguous-date"
    return other, code


def _reads_both_ways(text: str) -> bool:
    """True when ``text`` holds two different numbers from 1 to 12 and a year
    (``12/10/2016``, ``Tuesday 12/10/2016``, ``12 / 10 / 2016T10:00``)."""
    match = _TWO_SMALL_NUMBERS.search(text)
    if match is None:
        return False
    first, second = int(match.group(1)), int(match.group(3))
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def day_first(value: DateValue) -> DateValue:
    """The other reading of an ambiguous date: its month and day swapped."""
    return value.replace(month=value.day, day=value.month)


def _parse_other(text: str) -> DateResult:
    if len(text) > _MAX_DATE_CHARS:
        return None, "invalid-date"  # no date is spelled this long: not worth a parse
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownTimezoneWarning)
        try:
            first = _DU_PARSER.parse(text, default=_DEFAULT_A)
            second = _DU_PARSER.parse(text, default=_DEFAULT_B)
        except (ValueError, OverflowError, TypeError):
            return None, "invalid-date"
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None, "partial-date"
    if first.hour != second.hour:
        return first.date(), None
    # The text gave a time of its own (at least an hour; the defaults differ
    # in every field): keep it, with its offset if any.
    return _fixed_offset(first) if first.tzinfo is not None else (first, None)


def _fixed_offset(value: dt.datetime) -> DateResult:
    """Replace a dateutil zone with a plain fixed offset, never converting.

    An offset of a day or more, or not in whole minutes, is no real offset.
    """
    try:
        offset = value.utcoffset()
    except ValueError:  # dateutil keeps offsets of a day or more; datetime refuses them
        return None, "invalid-date"
    if offset is None:
        return value.replace(tzinfo=None), None
    if abs(offset) >= dt.timedelta(hours=24) or offset % dt.timedelta(minutes=1):
        return None, "invalid-date"
    return value.replace(tzinfo=dt.timezone(offset)), None


def looks_like_date(text: str) -> bool:
    """True when ``text`` reads as a date, even an impossible or partial one.

    A header key ``date`` written without a colon is taken as a header only
    when its value passes this test, so a headline such as ``Date rape drug
    found`` stays a headline.
    """
    if _NUMERIC_DATE.match(text):
        return True
    value, code = parse_date(text)
    return value is not None or code == "partial-date"
