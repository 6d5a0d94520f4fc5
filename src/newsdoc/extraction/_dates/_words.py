"""The word lists of the date rules (``data/date_words.txt``) and the patterns built from
them.

Every pattern is anchored: it is tried only where a cheap search saw a date word (see
`_readings`), and is linear-time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdoc.extraction._lexicon import phrases, word_sections

_SECTIONS = word_sections("date_words")


def _numbered(prefix: str, count: int, start: int = 0) -> dict[str, int]:
    """Word -> number from the sections ``PREFIX N`` (N from ``start``, ``count`` of them)."""
    return {word: n for n in range(start, start + count) for word in _SECTIONS[f"{prefix} {n}"]}


def _phrases(section: str) -> frozenset[str]:
    return phrases(_SECTIONS[section])


def _longest_first(words: Iterable[str]) -> list[str]:
    """``words`` longest first (then in alphabetical order): in an alternation, a word
    is tried before the words it starts with."""
    return sorted(words, key=lambda word: (-len(word), word))


# ---------------------------------------------------------------- the word lists

_MONTH_NAMES = _numbered("month", 12, 1)  # as written: "January", "Jan."
#: A month's number from its name in lower case, without a full stop ("jan", "sept").
MONTHS = {name.rstrip(".").lower(): number for name, number in _MONTH_NAMES.items()}
_WEEKDAY_NAMES = _numbered("weekday", 7)
#: A weekday's number (Monday 0) from its name in lower case.
WEEKDAYS = {name.lower(): number for name, number in _WEEKDAY_NAMES.items()}
#: A weekday's number from the first three letters of its name, as written ("Fri").
WEEKDAY_OF = {name[:3]: number for name, number in _WEEKDAY_NAMES.items()}
#: The value of a count word in lower case (None: no exact number, "several").
COUNTS: dict[str, int | None] = {
    **_numbered("count", 12, 1),
    **dict.fromkeys(_phrases("count some")),
}
DAY_PARTS = _SECTIONS["day-parts"]
#: Words right before a month's name that make it a date ("in July").
BEFORE_MONTH = _SECTIONS["before-month"]
#: Words after a number that make it a quantity, not a year ("2020 people").
QUANTITIES = _SECTIONS["quantities"]
#: Parts of a period joined to a year or a month by a hyphen ("mid-1996").
PERIOD_PARTS = _SECTIONS["period-parts"]
#: Determiners before a month's name that make it a modifier of a noun ("the October vote").
BEFORE_MONTH_MODIFIER = _SECTIONS["before-month-modifier"]
#: Lower-case words that are no noun a month may modify ("the March on Washington").
NOT_AFTER_MONTH = _SECTIONS["not-after-month"]
#: Months that modify no noun ("the May government") ...
MONTH_NOT_MODIFIER = _SECTIONS["month-not-modifier"]
#: ... and that are no possessive ("April's mother").
MONTH_NOT_POSSESSIVE = _SECTIONS["month-not-possessive"]
#: The words that put a sentence in the future ("will", "plans to"; phrases as tuples of
#: words), the endings that do ("she'll"), and the words that put it in the past ("said",
#: "than expected"; a lower-case word ending in "-ed" does too, unless in `NOT_PAST`).
FUTURE_WORDS = _SECTIONS["future"]
FUTURE_PHRASES = tuple(tuple(phrase.split("_")) for phrase in _SECTIONS["future-phrases"])
FUTURE_ENDINGS = tuple(_SECTIONS["future-endings"])
PAST_WORDS = _SECTIONS["past"]
PAST_PHRASES = tuple(tuple(phrase.split("_")) for phrase in _SECTIONS["past-phrases"])
#: Lower-case words ending in "-ed" that are no verb in the past tense ("hundred").
NOT_PAST = _SECTIONS["not-past"]
#: Words that make the verb after them a participle ("will be held").
PARTICIPLE_AFTER = _SECTIONS["participle-after"]

# -------------------------------------------------------------------- patterns

S = r"[ \u00a0]"  # a space inside a date
MONTH = (
    "(?:"
    + "|".join(name for name in _longest_first(_MONTH_NAMES) if not name.endswith("."))
    + "|"
    + "|".join(
        re.escape(name[:-1]) + r"\.?" for name in _longest_first(_MONTH_NAMES) if name.endswith(".")
    )
    + ")"
)
_MONTH_FULL = "|".join(name for name in _longest_first(_MONTH_NAMES) if not name.endswith("."))
WEEKDAY = "(?:" + "|".join(_longest_first(_WEEKDAY_NAMES)) + ")"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEARNUM = r"(?:1[6-9]\d\d|20\d\d)"
PART = "(?:" + "|".join(_longest_first(DAY_PARTS)) + ")"
TIME = (
    rf"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?{S}?(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[AP]\.M\.)"
    r"|noon|midnight)"
)
UNIT = r"(?:day|week|month|year|decade)s?"
COUNT = r"(?:\d{1,3}|" + "|".join(map(re.escape, _longest_first(COUNTS))) + ")"

#: Where a date may start: a weekday's or a month's name, a year, a time.  One character
#: class comes first so that the regex engine skips quickly to the next candidate; then
#: the rest of a name (group ``wd``, ``mo``: a month is anchored by its first three
#: letters, and `_readings` reads on), three more digits of a year (``yr``), or the
#: rest of a time (``tm``).  A name is matched by its rest first, then checked whole
#: (``onday(?<=Monday)``): most capitals are followed by none of the rests.
ANCHOR = re.compile(
    "["
    + "".join(sorted({name[0] for name in _WEEKDAY_NAMES} | {name[0] for name in _MONTH_NAMES}))
    + "0-9](?:(?<=["
    + "".join(sorted({name[0] for name in _WEEKDAY_NAMES}))
    + "])(?P<wd>"
    + "|".join(f"{name[1:]}(?<={name})" for name in sorted(_WEEKDAY_NAMES))
    + ")|(?<=["
    + "".join(sorted({name[0] for name in _MONTH_NAMES}))
    + "])(?P<mo>"
    + "|".join(f"{start[1:]}(?<={start})" for start in sorted({n[:3] for n in _MONTH_NAMES}))
    + r")|(?<=[12])(?P<yr>\d\d\d)"
    + r"|(?<=\d)(?P<tm>\d?(?::\d\d)?[ \u00a0]?(?:[ap]\.m\.|[ap]m\b|[AP]\.?M\b)))"
)

#: Month day[, year]: "July 9", "Sunday, July 9, 2023", "July 9-10", "Monday, Oct. 26:" (not
#: the "9" of "July 9:30").
MDY = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?{S}+)?(?P<m>{MONTH}){S}+(?P<d>{DAYNUM})(?:[-–]{DAYNUM})?(?!\d|:\d)"
    rf"(?:,?{S}+(?P<y>{YEARNUM})(?!\d))?"
)
#: Day month[ year]: "9 July", "Monday 19 December", "the 5th of June 2023".
DMY = re.compile(
    rf"(?:(?P<wd>{WEEKDAY}),?{S}+(?:the{S}+)?)?(?P<d>{DAYNUM})(?:[-–]{DAYNUM})?(?:{S}+of)?{S}+"
    rf"(?P<m>{MONTH})\b(?:,?{S}+(?P<y>{YEARNUM})(?!\d))?"
)
#: Month year: "July 2023", "March of 2019".
MY = re.compile(rf"(?P<m>{MONTH}),?{S}+(?:of{S}+)?(?P<y>{YEARNUM})(?!\d)")
#: A month's full name alone ("in July").
MONTH_ONLY = re.compile(f"(?:{_MONTH_FULL})\\b")
#: A weekday and what may follow it: "Friday morning", "Monday next week", "Friday at 3 pm".
WD = re.compile(
    rf"(?P<d>{WEEKDAY})(?:{S}+{PART})?(?:{S}+(?P<w>next|last|this){S}+week)?"
    rf"(?:{S}+(?:at{S}+)?{TIME})?"
)
#: A day number (and "of") right before a month's name: the "5th of " of "5th of June".
DAY_BEFORE = re.compile(
    rf"(?:{WEEKDAY},?{S}+(?:the{S}+)?)?(?<![\d,.])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    rf"(?:[-–]{DAYNUM})?(?:{S}+of)?{S}+\Z"
)
#: A time right before a weekday: the "3 pm on " of "3 pm on Monday".
TIME_BEFORE = re.compile(rf"{TIME}{S}+(?:on{S}+)?\Z")
#: An ISO date, perhaps with a time: "2023-07-09", "2023-07-09T14:30".
ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])(?:[T ](?P<h>[0-2]\d):(?P<min>[0-5]\d))?"
)
#: A year, a span of years or a decade: "2019", "2019-20", "1990s" (not "2020%", "2.5").
YEAR = re.compile(rf"(?P<y>{YEARNUM})(?:[-–](?:\d\d|{YEARNUM}))?(?P<s>s)?(?![\d%]|[.,]\d|[-–]\d)")
#: A modifier and a unit: "last week", "earlier this month", "Late  last year".
REL = re.compile(
    rf"(?<![^\W\d_])(?P<mod>(?:earlier|later|early|late){S}+(?:this|last)|last|next|this|past"
    rf"|coming|previous){S}+(?P<unit>week|month|year|weekend|decade)\b",
    re.IGNORECASE,
)
#: A count, a unit and "ago": "two weeks ago".
AGO = re.compile(rf"(?P<n>{COUNT}){S}+(?P<unit>{UNIT}){S}+ago\b", re.IGNORECASE)
#: A day named by a word: "today", "yesterday morning", "the day after tomorrow".
WORD_DAY = re.compile(
    rf"(?:(?:this|last|yesterday|tomorrow){S}+{PART}|the{S}+day{S}+before{S}+yesterday"
    rf"|the{S}+day{S}+after{S}+tomorrow|today|yesterday|tomorrow|tonight)\b",
    re.IGNORECASE,
)
TIME_ALONE = re.compile(TIME)
#: The parts of a time: hour, minutes and a.m. or p.m., or noon, or midnight.
TIME_PARTS = re.compile(
    r"(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d))?[ \u00a0]?(?P<ap>[ap])\.?m\.?|(?P<noon>noon)"
    r"|(?P<mid>midnight)",
    re.IGNORECASE,
)
HAS_TIME = re.compile(r"\d|noon|midnight")
#: A preposition of time right before a number: "in 2020 people voted" reads a year.
BEFORE_YEAR = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(_longest_first(_SECTIONS["before-year"])) + r")[ \u00a0]\Z",
    re.IGNORECASE,
)
