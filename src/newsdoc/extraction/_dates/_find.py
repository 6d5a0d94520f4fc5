"""`find_dates`: the temporal expressions of one text, resolved, as `DateMention` objects."""

from __future__ import annotations

import datetime as dt
import operator

from newsdoc._model import DateMention, DatePrecision, DateValue
from newsdoc._unchecked import date_mention, span
from newsdoc.extraction._dates._readings import Reading, find_readings
from newsdoc.extraction._dates._resolve import RESOLVERS, Resolution
from newsdoc.extraction._view import TextView

__all__ = ["find_dates"]

_DAY, _TIME = DatePrecision.DAY, DatePrecision.TIME
_by_key = operator.itemgetter(0)


def find_dates(view: TextView | str, ref: DateValue | None) -> list[DateMention]:
    """Every temporal expression in the text, resolved against the article date ``ref``.

    ``view`` is the article's `TextView` (a string is read as one body).
    """
    if not isinstance(view, TextView):
        view = TextView(view)
    readings = find_readings(view.text)
    if not readings:
        return []
    text = view.text
    res = Resolution(view, ref)
    out: list[DateMention] = []
    for _, start, end, kind, match, mod in _longest(readings):
        resolved = RESOLVERS[kind](res, start, end, match, mod)
        if resolved is None:
            continue  # no date after all ("2020 people")
        value, precision = resolved
        if value is not None and (precision is _DAY or precision is _TIME):
            # A time alone falls on the day last named.
            res.last_day = value.date() if isinstance(value, dt.datetime) else value
        out.append(date_mention(span(start, end, text[start:end]), value, precision))
    return out


def _longest(readings: list[Reading]) -> list[Reading]:
    """The readings that overlap no other: of overlapping ones the longest wins, then the
    earliest (then the first found)."""
    readings.sort(key=_by_key)
    chosen: list[Reading] = []
    last_end = -1
    last_size = 0
    for reading in readings:
        if reading[1] < last_end:
            if reading[2] - reading[1] > last_size:
                chosen[-1] = reading
                last_end = reading[2]
                last_size = reading[2] - reading[1]
            continue
        chosen.append(reading)
        last_end = reading[2]
        last_size = reading[2] - reading[1]
    return chosen
