"""Temporal expressions: find them, and resolve them against the article's date.

Finding is cheap by design: one regular expression that starts with a single
character class finds the capitalised and numeric anchors (weekday and month
names, years, times), ``str.find`` finds the few lower-case anchor words
(``week``, ``ago``, ``today``), and small anchored patterns read the expression
around each anchor.  Overlapping readings keep the longest.

Relative expressions (``Friday``, ``last month``, ``two weeks ago``) are resolved
from the article date only, never from today's date: without an article date
their value is ``None`` (the mention and its precision are kept).  A weekday
resolves backwards (the most recent such day, the article's own day included)
unless the sentence speaks of the future (``will meet Monday``) or the text says
``next``.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re

from newsdoc._model import DateMention, DatePrecision, DateValue, Span
from newsdoc.extract import _fast
from newsdoc.extract._fast import date_mention as _date_mention
from newsdoc.extract._fast import span as _span
from newsdoc.extract._lexicon import word_set

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
_TIME = (
    rf"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?{_S}?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
    r"|noon|midnight)"
)
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
_YEAR = re.compile(
    rf"(?P<y>{_YEARNUM})(?:[-–](?:\d\d|{_YEARNUM}))?(?P<s>s)?(?![\d%]|[.,]\d|[-–]\d)"
)
_REL = re.compile(
    rf"(?<![^\W\d_])(?P<mod>(?:earlier|later|early|late){_S}+(?:this|last)|last|next|this|past|coming|previous)"
    rf"{_S}+(?P<unit>week|month|year|weekend|decade)\b",
    re.IGNORECASE,
)
_AGO = re.compile(rf"(?P<n>{_COUNT}){_S}+(?P<unit>{_REL_UNIT}){_S}+ago\b", re.IGNORECASE)
_WORD_DAY = re.compile(
    rf"(?:(?:this|last|yesterday|tomorrow){_S}+{_PART}|the{_S}+day{_S}+before{_S}+yesterday"
    rf"|the{_S}+day{_S}+after{_S}+tomorrow|today|yesterday|tomorrow|tonight)\b",
    re.IGNORECASE,
)
_TIME_ALONE = re.compile(_TIME)
_MONTH_PREPS = word_set(
    "in since until by from during of through early late mid last next this before after around"
)
_TIME_PARTS = re.compile(
    r"(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?[ \u00a0]?(?P<ap>[ap])\.?m\.?|(?P<noon>noon)"
    r"|(?P<mid>midnight)",
    re.IGNORECASE,
)
# Words after a bare number that make it a quantity, not a year.
_QUANTITY_WORDS = word_set(
    "people persons troops soldiers residents civilians children men women km kilometres "
    "kilometers miles metres meters feet ft tons tonnes votes dollars euros pounds barrels "
    "units cases deaths jobs members students workers fighters refugees migrants homes houses "
    "cars acres hectares calories points rounds times percent per words pages ships planes "
    "aircraft drones rockets missiles shells"
)
# A preposition of time right before a number: "in 2020 people voted" reads a year.
_YEAR_PREP = re.compile(r"(?<![^\W\d_])(?:in|since|during|until|till)[ \u00a0]\Z", re.IGNORECASE)
# Words that put a sentence in the future ("will meet Monday").
_FUTURE_WORDS = (
    " will ", " shall ", "'ll ", "’ll ", " due ", " scheduled ", " to be held ", " expected to ",
    " plans to ", " plan to ", " planning to ", " set to ", " is to ", " are to ", " upcoming ",
    " going to ", " would ", "Will ",
)  # fmt: skip
# The words grouped by a piece most of them share, for `_has_future_word`: "ll " (" will "),
# " to " at the end (" plans to ") or at the start (" to be held "), and the others.
_FUTURE_LL = tuple(word for word in _FUTURE_WORDS if "ll " in word)
_FUTURE_TO_ENDS = tuple(
    word for word in _FUTURE_WORDS if "ll " not in word and word.endswith(" to ")
)
_FUTURE_TO_STARTS = tuple(
    word for word in _FUTURE_WORDS if "ll " not in word and word.startswith(" to ")
)
_FUTURE_OTHER = tuple(word for word in _FUTURE_WORDS if "ll " not in word and " to " not in word)
# Every word is in a group (a word with " to " in the middle would need a test of its own).
assert set(_FUTURE_WORDS) == {*_FUTURE_LL, *_FUTURE_TO_ENDS, *_FUTURE_TO_STARTS, *_FUTURE_OTHER}
_HAS_TIME = re.compile(r"\d|noon|midnight")
# The last letters of the modifiers a unit may follow ("last", "this", "coming"; any case).
_MOD_ENDS = frozenset("tsgTSG\u017f")

# Where a date may start: a weekday or month name, a year, a time.  One character class
# comes first so that the regex engine skips quickly to the next candidate.
_ANCHOR = re.compile(
    r"[MTWFSJAOND0-9](?:(?<=[MTWFS])(?P<wd>onday|uesday|ednesday|hursday|riday|aturday|unday)"
    r"|(?<=[JFMASOND])(?P<mo>an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)"
    r"|(?<=[12])(?P<yr>\d\d\d)"
    r"|(?<=\d)(?P<tm>\d?(?::\d\d)?[ \u00a0]?(?:[ap]\.m\.|[ap]m\b|[AP]\.?M\b)))"
)
#: Lower-case words that anchor a relative expression, found with ``str.find``: the units
#: (after a modifier, or before ``ago``), ``oday`` and ``esterday`` (of any case), and two
#: pieces each shared by a few words: ``mor`` (tomorrow, morning), ``night`` (tonight,
#: midnight, last night).
_UNIT_WORDS = ("week", "month", "year", "decade")
_SPACES = frozenset(" \u00a0")
#: The modifiers a weekday may follow ("last Friday"), lower-cased.
_WD_MODS = frozenset(["last", "next", "this", "coming", "past"])
#: What ends the three characters before a weekday when a time may come first ("3 pm on").
_AFTER_TIME = frozenset([" on", "on ", ".m.", " am", " pm", "oon"])
#: The first letters of what `_WD` reads after a weekday's name (besides digits and spaces).
_WD_MORE = frozenset("maenolt \u00a0")
#: A weekday's number from the first three letters of its name.
_WEEKDAY_OF = {name[:3].capitalize(): number for name, number in _WEEKDAYS.items()}
_DAYS = tuple(dt.timedelta(days=days) for days in range(7))
#: January 1 of the years a year mention can name (others are built when needed).
_JAN1 = {str(year): dt.date(year, 1, 1) for year in range(1600, 2100)}

#: A reading: its sort key (start first, then the longest), start, end, kind, the match it
#: comes from, and a modifier word ("last", "in", ...).
_Cand = tuple[int, int, int, str, "re.Match[str]", str]
_by_key = operator.itemgetter(0)

# Fields of the model's slotted classes, set directly when the constructors' checks are off
# (see newsdoc.extract._fast: every span here is a slice of the body by construction).
_new = object.__new__
_set_start = _fast.set_span_start
_set_end = _fast.set_span_end
_set_text = _fast.set_span_text
_set_span = _fast.set_date_span
_set_value = _fast.set_date_value
_set_precision = _fast.set_date_precision


def _ref_date(ref: DateValue | None) -> dt.date | None:
    if ref is None:
        return None
    return ref.date() if isinstance(ref, dt.datetime) else ref


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day(text: str) -> int:
    digits = 0
    for char in text:
        if not char.isdigit():
            break
        digits = digits * 10 + int(char)
    return digits


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
    low = start - 120 if start > 120 else 0
    window = body[low:start]
    # Most often no word is even in the 120 characters, and the sentence need not be found.
    # (A line break becomes a space: the sentence after it starts with one.)
    if not _has_future_word(" " + window.replace("\n", " ")):
        return False
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! "))
    if cut >= 0:
        window = window[cut + 1 :]
    return _has_future_word(" " + window)


def _has_future_word(text: str) -> bool:
    """Whether one of `_FUTURE_WORDS` is in ``text`` (with fewer searches than one a word)."""
    for word in _FUTURE_OTHER:
        if word in text:
            return True
    if "ll " in text:
        for word in _FUTURE_LL:
            if word in text:
                return True
    at = text.find(" to ")
    while at >= 0:
        if text.startswith(_FUTURE_TO_STARTS, at) or text.endswith(_FUTURE_TO_ENDS, 0, at + 4):
            return True
        at = text.find(" to ", at + 1)
    return False


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
    if _HAS_TIME.search(text) is None:
        return day, DAY
    moment = _time_of(text)
    if moment is None:
        return day, DAY
    if day is None:
        return None, TIME
    tz = ref.tzinfo if isinstance(ref, dt.datetime) else None
    return dt.datetime.combine(day, moment, tzinfo=tz), TIME


def _prev_word(body: str, pos: int) -> str:
    """The word right before ``pos`` (past one space), or ``""``."""
    if pos < 2 or body[pos - 1] not in " \u00a0":
        return ""
    j = pos - 2
    while j >= 0 and body[j].isalpha():
        j -= 1
    return body[j + 1 : pos - 1]


def _candidates(body: str) -> list[_Cand]:
    """Every date expression the anchored patterns find, overlapping ones included."""
    out: list[_Cand] = []
    append = out.append
    scale = len(body) + 1  # sort key: start * scale - end
    for anchor in _ANCHOR.finditer(body):
        pos = anchor.start()
        which = anchor.lastindex
        if which == 4:  # a time
            match = _TIME_ALONE.search(body, max(0, pos - 3), anchor.end())
            if match is not None:
                start = match.start()
                if start == 0 or not body[start - 1].isalnum():
                    end = match.end()
                    append((start * scale - end, start, end, "time", match, ""))
            continue
        if pos > 0 and body[pos - 1].isalnum():
            continue
        if which == 1:
            _weekday_at(body, pos, anchor, scale, out)
        elif which == 2:
            _month_at(body, pos, scale, out)
        else:  # a year
            if pos > 0 and body[pos - 1] in ",.$£€#-":
                continue
            if body.startswith("-", pos + 4):
                match = _ISO.match(body, pos)
                if match:
                    end = match.end()
                    append((pos * scale - end, pos, end, "iso", match, ""))
                    continue
            match = _YEAR.match(body, pos)
            if match:
                end = match.end()
                kind = "decade" if match.group(2) else "year"
                append((pos * scale - end, pos, end, kind, match, ""))
    find = body.find
    for word in _UNIT_WORDS:
        pos = find(word)
        while pos >= 0:
            # A unit follows a modifier and spaces ("last week"): a cheap test first.
            if pos > 0 and body[pos - 1] in " \u00a0":
                mod_end = pos - 2
                while mod_end >= 0 and body[mod_end] in " \u00a0":
                    mod_end -= 1
                if mod_end >= 0 and body[mod_end] in _MOD_ENDS:
                    if mod_end == pos - 2 and _one_word_modifier(body, pos):
                        # "next week": the reading starts at the modifier.
                        match = _REL.match(body, pos - 5, pos + len(word) + 5)
                        if match:
                            end = match.end()
                            append(((pos - 5) * scale - end, pos - 5, end, "rel", match, ""))
                    else:
                        # The reading whose unit is this word (an earlier one may share the
                        # window: "Monday next week, talks last month").
                        for window in _REL.finditer(body, max(0, pos - 24), pos + len(word) + 5):
                            if window.start(2) == pos:
                                start = window.start()
                                end = window.end()
                                append((start * scale - end, start, end, "rel", window, ""))
            pos = find(word, pos + 1)
    pos = find("ago")
    while pos >= 0:
        if pos > 0 and body[pos - 1] in " \u00a0":  # "two weeks ago"
            for window in _AGO.finditer(body, max(0, pos - 30), pos + 3):
                if window.end() == pos + 3:
                    start = window.start()
                    append((start * scale - pos - 3, start, pos + 3, "ago", window, ""))
        pos = find("ago", pos + 1)
    for word in ("oday", "esterday"):  # (a search for "day" would stop at every weekday)
        pos = find(word)
        while pos >= 0:
            _word_at(body, pos, word, scale, out)
            pos = find(word, pos + 1)
    pos = find("mor")
    while pos >= 0:
        if body.startswith("ning", pos + 3):
            _word_at(body, pos, "morning", scale, out)
        elif pos > 0 and body[pos - 1] == "o" and body.startswith("row", pos + 3):
            _word_at(body, pos - 1, "omorrow", scale, out)
        pos = find("mor", pos + 1)
    pos = find("night")
    while pos >= 0:
        if pos > 0 and body[pos - 1] == "o":
            _word_at(body, pos - 1, "onight", scale, out)
        elif pos >= 3 and body.startswith("mid", pos - 3):
            _clock_word_at(body, pos - 3, scale, out)
        elif pos >= 4 and body.startswith("ast ", pos - 4):
            _word_at(body, pos - 4, "ast night", scale, out)
        pos = find("night", pos + 1)
    pos = find("noon")
    while pos >= 0:
        _clock_word_at(body, pos, scale, out)
        pos = find("noon", pos + 1)
    return out


def _one_word_modifier(body: str, pos: int) -> bool:
    """Whether the unit at ``pos`` follows "next", "past", "last" or "this" and one space, with
    no longer modifier possible ("earlier this", "late last"): `_REL` then matches there or
    nowhere for this unit."""
    word = body[pos - 5 : pos - 1]
    if word == "next" or word == "past":
        return True
    if word != "last" and word != "this":
        return False
    # "earlier", "later", "early" and "late" end in r, y or e (of any case), then spaces.
    before = pos - 6
    if before < 0 or body[before] not in _SPACES:
        return True
    while before >= 0 and body[before] in _SPACES:
        before -= 1
    return before < 0 or body[before] not in "rRyYeE"


def _weekday_at(body: str, pos: int, anchor: re.Match[str], scale: int, out: list[_Cand]) -> None:
    # "Sunday, July 9" or "Monday 19 December": a month or a number follows.
    follow = body[pos + 6 : pos + 14].lstrip("daysne, \u00a0")[:1]  # past "Wednesday, "
    if follow and (follow.isdigit() or follow in "JFMASOND"):
        found = False
        for kind, pattern in (("mdy", _MDY), ("dmy", _DMY)):
            match = pattern.match(body, pos)
            if match:
                timed = _TIME_BEFORE.search(body, max(0, pos - 16), pos) if pos > 4 else None
                start = timed.start() if timed else pos
                end = match.end()
                out.append((start * scale - end, start, end, kind, match, ""))
                found = True
        if found:
            return
    start = pos
    mod = ""
    timed_before = False
    # A modifier ends in t, s or g ("last", "this", "coming").
    if pos >= 2 and body[pos - 2] in "tsgTSG":
        word = _prev_word(body, pos)
        low = word.lower()
        if low in _WD_MODS:
            start = pos - len(word) - 1
            mod = low
    tail = body[pos - 4 : pos - 1]
    if (
        not mod
        and pos > 4
        and tail in _AFTER_TIME
        # Before " on ", a time ends in ".", "m", "M", "noon" or "midnight" (or spaces).
        and (tail != " on" or body[pos - 5] in ".mMnt \u00a0")
    ):
        timed = _TIME_BEFORE.search(body, max(0, pos - 16), pos)
        if timed is not None:
            start = timed.start()
            timed_before = True
    end = anchor.end()
    after = body[end : end + 1]
    if timed_before or (after in _SPACES and _more_after_weekday(body[end + 1 : end + 2])):
        match = _WD.match(body, pos)
        if match is None:  # never: the anchor is a weekday's name
            return
        end = match.end()
        out.append((start * scale - end, start, end, "wdx", match, mod))
    else:  # the name alone, perhaps after a modifier
        out.append((start * scale - end, start, end, "wd", anchor, mod))


def _more_after_weekday(char: str) -> bool:
    """Whether ``_WD`` may read more past a weekday's name and a space followed by ``char``."""
    return char != "" and (char in _WD_MORE or char.isdigit())


def _month_at(body: str, pos: int, scale: int, out: list[_Cand]) -> None:
    match = _MDY.match(body, pos)
    if match:
        end = match.end()
        out.append((pos * scale - end, pos, end, "mdy", match, ""))
    # A day number (or "of") and spaces come right before ("5 June", "5th of June"): the
    # character before the space is a space, a digit, or ends "st", "nd", "th", "of".
    before = (
        _DAY_BEFORE.search(body, max(0, pos - 30), pos)
        if pos >= 2
        and body[pos - 1] in _SPACES
        and (body[pos - 2] in "tdhf \u00a0" or body[pos - 2].isdigit())
        else None
    )
    if before is not None:
        match = _DMY.match(body, before.start())
        if match:
            start = before.start()
            end = match.end()
            out.append((start * scale - end, start, end, "dmy", match, ""))
    match = _MY.match(body, pos)
    if match:
        end = match.end()
        out.append((pos * scale - end, pos, end, "my", match, ""))
        return
    match = _MONTH_ONLY.match(body, pos)
    if match:
        end = match.end()
        word = _prev_word(body, pos)
        low = word.lower()
        if low == "" and pos >= 4 and body[pos - 4 : pos].lower() == "mid-":
            out.append(((pos - 4) * scale - end, pos - 4, end, "mon", match, "mid"))
        elif low in _MONTH_PREPS:
            start = pos - len(word) - 1 if low in ("last", "next", "this") else pos
            out.append((start * scale - end, start, end, "mon", match, low))


def _clock_word_at(body: str, pos: int, scale: int, out: list[_Cand]) -> None:
    """``noon`` or ``midnight`` at ``pos``."""
    if pos > 0 and body[pos - 1].isalnum():
        return
    match = _TIME_ALONE.match(body, pos)
    if match:
        end = match.end()
        out.append((pos * scale - end, pos, end, "time", match, ""))


def _word_at(body: str, pos: int, word: str, scale: int, out: list[_Cand]) -> None:
    """A day word (``today``, ``yesterday morning``...) around ``word`` found at ``pos``."""
    start = pos - 1 if word[0] in "oea" else pos  # the "oday" of today/Today
    if word == "morning":
        prev = _prev_word(body, pos).lower()
        if prev not in ("this", "yesterday", "tomorrow"):
            return
        start = pos - len(prev) - 1
    if start < 0 or (start > 0 and body[start - 1].isalnum()):
        return
    before = body[max(0, start - 15) : start].lower()
    if before == "the day before ":
        start -= 15
    elif before.endswith("the day after "):
        start -= 14
    match = _WORD_DAY.match(body, start)
    if match:
        end = match.end()
        out.append((start * scale - end, start, end, "word", match, ""))


def find_dates(body: str, ref: DateValue | None) -> list[DateMention]:
    """Every temporal expression in ``body``, resolved against the article date ``ref``."""
    cands = _candidates(body)
    if not cands:
        return []
    # Non-overlapping readings: the longest wins, then the earliest.
    cands.sort(key=_by_key)
    chosen: list[_Cand] = []
    last_end = -1
    last_size = 0
    for cand in cands:
        if cand[1] < last_end:
            if cand[2] - cand[1] > last_size:
                chosen[-1] = cand
                last_end = cand[2]
                last_size = cand[2] - cand[1]
            continue
        chosen.append(cand)
        last_end = cand[2]
        last_size = cand[2] - cand[1]
    today = _ref_date(ref)
    today_weekday = 0 if today is None else today.weekday()
    checked = _fast.CHECKED
    out: list[DateMention] = []
    last_day: dt.date | None = None
    for _, start, end, kind, match, mod in chosen:
        value: DateValue | None
        precision: DatePrecision
        if kind == "wd":  # a weekday's name alone, perhaps after a modifier
            precision = DAY
            if today is None:
                value = None
            else:
                pos = match.start()
                weekday = _WEEKDAY_OF[body[pos : pos + 3]]
                if mod:
                    value = _weekday_day(today, weekday, "", mod, False)
                elif _future(body, start):  # as _weekday_day, without the modifiers
                    value = today + _DAYS[(weekday - today_weekday) % 7]
                else:
                    value = today - _DAYS[(today_weekday - weekday) % 7]
        elif kind == "year":
            char = body[end : end + 1]
            # The word after the year, unless it cannot be a quantity's ("2020, the").
            if not (
                char == ""
                or (char in ".,;:" and body[end + 1 : end + 2] == " ")
                or (char not in " \u00a0.,;:" and not char.isalpha())
            ):
                after = body[end : end + 20].lstrip(" \u00a0").split(" ", 1)[0]
                if after.lower().strip(".,;:") in _QUANTITY_WORDS and not _YEAR_PREP.search(
                    body, max(0, start - 8), start
                ):
                    continue  # "2020 people", but not "in 2020 people voted"
            year = body[start : start + 4]
            value = _JAN1.get(year) or dt.date(int(year), 1, 1)
            precision = YEAR
        elif kind == "rel":
            value, precision = _relative_words(today, match.group(1), match.group(2))
        else:
            resolved = _resolve(body, start, end, kind, match, mod, today, ref, last_day)
            if resolved is None:
                continue
            value, precision = resolved
        if value is not None and (precision is DAY or precision is TIME):
            last_day = value.date() if isinstance(value, dt.datetime) else value
        text = body[start:end]
        if checked:
            out.append(_date_mention(_span(start, end, text), value, precision))
            continue
        span: Span = _new(Span)
        _set_start(span, start)
        _set_end(span, end)
        _set_text(span, text)
        mention: DateMention = _new(DateMention)
        _set_span(mention, span)
        _set_value(mention, value)
        _set_precision(mention, precision)
        out.append(mention)
    return out


def _resolve(
    body: str,
    start: int,
    end: int,
    kind: str,
    match: re.Match[str],
    mod: str,
    today: dt.date | None,
    ref: DateValue | None,
    last_day: dt.date | None,
) -> tuple[DateValue | None, DatePrecision] | None:
    """The value and precision of a reading of the less common kinds (``None``: drop it)."""
    group = match.group
    if kind == "wdx":
        return _weekday(body, start, match, mod, today, ref)
    if kind == "iso":
        try:
            day = dt.date(int(group("y")), int(group("m")), int(group("d")))
        except ValueError:
            return None
        if group("h"):
            return dt.datetime.combine(day, dt.time(int(group("h")) % 24, int(group("min")))), TIME
        return day, DAY
    if kind in ("mdy", "dmy"):
        month = _month(group("m"))
        daynum = _day(group("d"))
        day_value: dt.date | None = None
        if group("y"):
            try:
                day_value = dt.date(int(group("y")), month, daynum)
            except ValueError:
                return None
        elif today is not None:
            day_value = _nearest_year(today, month, daynum)
            if day_value is None:
                return None
        elif not 1 <= daynum <= 31:
            return None
        return _with_time(day_value, body[start:end], ref)
    if kind == "my":
        return dt.date(int(group("y")), _month(group("m")), 1), MONTH
    if kind == "mon":
        return (None if today is None else _month_near(today, _month(match.group()), mod)), MONTH
    if kind == "ago":
        return _ago(today, group("n").lower(), group("unit").lower().rstrip("s"))
    if kind == "word":
        return _day_word(today, " ".join(match.group().lower().split())), DAY
    if kind == "decade":
        return dt.date(int(group("y")) // 10 * 10, 1, 1), YEAR
    # a time of day: on the day last named, else the article's
    return _with_time(last_day or today, match.group(), ref)


def _month_near(today: dt.date, month: int, mod: str) -> dt.date:
    """The month named, in the year the modifier (``last``, ``next``, none) points to."""
    this_month = dt.date(today.year, month, 1)
    current = dt.date(today.year, today.month, 1)
    if mod == "last":
        return this_month if this_month < current else this_month.replace(year=today.year - 1)
    if mod == "next":
        return this_month if this_month > current else this_month.replace(year=today.year + 1)
    candidates = [this_month.replace(year=today.year + k) for k in (-1, 0, 1)]
    return min(candidates, key=lambda c: (abs((c - current).days), c > current))


def _relative(today: dt.date | None, mod: str, unit: str) -> tuple[dt.date | None, DatePrecision]:
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


@functools.lru_cache(maxsize=512)
def _relative_words(
    today: dt.date | None, mod: str, unit: str
) -> tuple[dt.date | None, DatePrecision]:
    """`_relative` for a modifier and unit as written (``Last  week``)."""
    return _relative(today, " ".join(mod.lower().split()), unit.lower())


def _ago(today: dt.date | None, count_text: str, unit: str) -> tuple[dt.date | None, DatePrecision]:
    """``three days ago``, ``a year ago``."""
    count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
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


def _weekday(
    body: str,
    start: int,
    match: re.Match[str],
    mod: str,
    today: dt.date | None,
    ref: DateValue | None,
) -> tuple[DateValue | None, DatePrecision]:
    """A weekday: backwards from the article date unless the text points forward."""
    weekday = _WEEKDAYS[match.group("d").lower()]
    week = (match.group("w") or "").lower()
    day: dt.date | None = None
    if today is not None:
        future = (
            not week
            and mod not in ("next", "coming", "last", "past", "this")
            and _future(body, start)
        )
        day = _weekday_day(today, weekday, week, mod, future)
    if start == match.start() and match.end() == match.end("d"):
        return day, DAY  # the weekday's name alone: no time
    return _with_time(day, body[start : match.end()], ref)


@functools.lru_cache(maxsize=1024)
def _weekday_day(today: dt.date, weekday: int, week: str, mod: str, future: bool) -> dt.date:
    """The day a weekday names, seen from ``today`` (see `_weekday`)."""
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


def _day_word(today: dt.date | None, text: str) -> dt.date | None:
    """``today``, ``yesterday``, ``tomorrow``, ``last night``..."""
    if today is None:
        return None
    offset = 0
    if text.startswith("yesterday") or text == "last night":
        offset = -1
    elif text.startswith("tomorrow"):
        offset = 1
    elif text == "the day before yesterday":
        offset = -2
    elif text == "the day after tomorrow":
        offset = 2
    return today + dt.timedelta(days=offset)
