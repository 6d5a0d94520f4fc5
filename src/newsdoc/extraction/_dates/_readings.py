"""Readings: where a date may stand, and what the anchored patterns read there.

Finding is cheap by design: one regular expression that starts with a single
character class finds the capitalised and numeric anchors (weekday and month names,
years, times), ``str.find`` finds the few lower-case anchor words (``week``,
``ago``, ``today``), and small anchored patterns read the expression around each
anchor.  Every reading found is kept here, overlapping ones included; `_find`
keeps the longest.
"""

from __future__ import annotations

import re

from newsdoc.extraction._dates._words import (
    AGO,
    ANCHOR,
    BEFORE_MONTH,
    BEFORE_MONTH_MODIFIER,
    DAY_BEFORE,
    DAY_PARTS,
    DMY,
    ISO,
    MDY,
    MONTH_NOT_MODIFIER,
    MONTH_NOT_POSSESSIVE,
    MONTH_ONLY,
    MY,
    NOT_AFTER_MONTH,
    PERIOD_PARTS,
    REL,
    TIME_ALONE,
    TIME_BEFORE,
    WD,
    WORD_DAY,
    YEAR,
)
from newsdoc.extraction._tokens import is_sentence_start

__all__ = ["Reading", "find_readings"]

#: A reading: its sort key (``start * (len(text) + 1) - end``: start first, then the
#: longest), start, end, kind (a key of `_resolve.RESOLVERS`), the match it comes from,
#: and the modifier before it ("last", "in", ...).  A plain tuple: a text has dozens.
Reading = tuple[int, int, int, str, "re.Match[str]", str]

#: The lower-case words that anchor a relative expression ("last week", "this month").
_UNIT_WORDS = ("week", "month", "year", "decade")
_SPACES = frozenset(" \u00a0")
#: The last letters of the modifiers a unit may follow ("last", "this", "coming"; of
#: any case, and the long s that `re.IGNORECASE` reads as an s).
_MOD_ENDS = frozenset("tsgTSG\u017f")
#: How far a day word's line is read (is it in title case?), and its long words: a
#: title-case line ("Obama to Visit Flint Tomorrow") leaves only short ones in lower case.
_LINE_REACH = 200
_LONG_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]{5,}")
#: What follows a possessive's name ("July's figures").
_POSSESSIVE_ENDS = frozenset(f"{mark}s{space}" for mark in "'’" for space in _SPACES)
#: The modifiers a weekday may follow ("last Friday"), lower-cased.
_WD_MODS = frozenset(["last", "next", "this", "coming", "past"])
#: What ends the three characters before a weekday when a time may come first ("3 pm on").
_AFTER_TIME = frozenset([" on", "on ", ".m.", " am", " pm", "oon"])
#: The first letters of what `WD` reads after a weekday's name, besides digits: a part of
#: the day, "next", "last" or "this" week, "at" a time, and spaces.
_WD_MORE = frozenset({part[0] for part in DAY_PARTS} | set("nlta \u00a0"))


def find_readings(text: str) -> list[Reading]:
    """Every reading of a date expression in ``text``, overlapping ones included, in the
    order the anchors are searched (which breaks ties between equal readings)."""
    out: list[Reading] = []
    scale = len(text) + 1
    _at_anchors(text, scale, out)
    _at_units(text, scale, out)
    _at_ago(text, scale, out)
    _at_day_words(text, scale, out)
    return out


def _at_anchors(text: str, scale: int, out: list[Reading]) -> None:
    """Readings at weekday and month names, years and times."""
    for anchor in ANCHOR.finditer(text):
        pos = anchor.start()
        which = anchor.lastindex
        if which == 4:  # a time
            match = TIME_ALONE.search(text, max(0, pos - 3), anchor.end())
            if match is not None:
                start = match.start()
                if start == 0 or not text[start - 1].isalnum():
                    end = match.end()
                    out.append((start * scale - end, start, end, "time", match, ""))
            continue
        if pos > 0 and text[pos - 1].isalnum():
            continue
        if which == 1:
            _at_weekday(text, pos, anchor, scale, out)
        elif which == 2:
            _at_month(text, pos, scale, out)
        else:
            _at_year(text, pos, scale, out)


def _at_year(text: str, pos: int, scale: int, out: list[Reading]) -> None:
    """An ISO date, a year or a decade at ``pos`` (not after ``$`` or ``#``, not ``2.5``;
    after a part of a period and a hyphen, from there: "mid-1996")."""
    start = pos
    if pos > 0 and text[pos - 1] in ",.$£€#-":
        start = _period_part(text, pos)  # "mid-1996"
        if start < 0:
            return
    if text.startswith("-", pos + 4):
        match = ISO.match(text, pos)
        if match:
            end = match.end()
            out.append((pos * scale - end, pos, end, "iso", match, ""))
            return
    match = YEAR.match(text, pos)
    if match:
        end = match.end()
        kind = "decade" if match.group(2) else "year"
        out.append((start * scale - end, start, end, kind, match, ""))


def _at_weekday(text: str, pos: int, anchor: re.Match[str], scale: int, out: list[Reading]) -> None:
    """Readings at a weekday's name: a full date ("Sunday, July 9"), or the weekday with
    what comes around it ("last Friday", "3 pm on Monday", "Friday morning")."""
    # "Sunday, July 9" or "Monday 19 December": a month or a number follows.
    follow = text[pos + 6 : pos + 14].lstrip("daysne, \u00a0")[:1]  # past "Wednesday, "
    if follow and (follow.isdigit() or follow in "JFMASOND"):
        found = False
        for kind, pattern in (("mdy", MDY), ("dmy", DMY)):
            match = pattern.match(text, pos)
            if match:
                timed = TIME_BEFORE.search(text, max(0, pos - 16), pos) if pos > 4 else None
                start = timed.start() if timed else pos
                end = match.end()
                out.append((start * scale - end, start, end, kind, match, ""))
                found = True
        if found:
            return
    start, mod = _weekday_modifier(text, pos)
    timed_before = False
    tail = text[pos - 4 : pos - 1]
    if (
        not mod
        and pos > 4
        and tail in _AFTER_TIME
        # Before " on ", a time ends in ".", "m", "M", "noon" or "midnight" (or spaces).
        and (tail != " on" or text[pos - 5] in ".mMnt \u00a0")
    ):
        timed = TIME_BEFORE.search(text, max(0, pos - 16), pos)
        if timed is not None:
            start = timed.start()
            timed_before = True
    end = anchor.end()
    after = text[end + 1 : end + 2]
    if timed_before or (text[end : end + 1] in _SPACES and after and _more_after(after)):
        match = WD.match(text, pos)
        if match is None:  # never: the anchor is a weekday's name
            return
        end = match.end()
        out.append((start * scale - end, start, end, "wdx", match, mod))
    else:  # the name alone, perhaps after a modifier
        out.append((start * scale - end, start, end, "wd", anchor, mod))


def _weekday_modifier(text: str, pos: int) -> tuple[int, str]:
    """Where a reading of the weekday at ``pos`` starts, and its modifier: ``last
    Friday`` starts at ``last`` (a modifier ends in t, s or g)."""
    if pos >= 2 and text[pos - 2] in "tsgTSG":
        word = _prev_word(text, pos)
        low = word.lower()
        if low in _WD_MODS:
            return pos - len(word) - 1, low
    return pos, ""


def _more_after(char: str) -> bool:
    """Whether `WD` may read more past a weekday's name and a space followed by ``char``."""
    return char in _WD_MORE or char.isdigit()


def _at_month(text: str, pos: int, scale: int, out: list[Reading]) -> None:
    """Readings at a month's name: "July 9", "9 July", "July 2023", "in July"."""
    match = MDY.match(text, pos)
    if match:
        end = match.end()
        out.append((pos * scale - end, pos, end, "mdy", match, ""))
    # A day number (or "of") and spaces come right before ("5 June", "5th of June"): the
    # character before the space is a space, a digit, or ends "st", "nd", "th", "of".
    before = (
        DAY_BEFORE.search(text, max(0, pos - 30), pos)
        if pos >= 2
        and text[pos - 1] in _SPACES
        and (text[pos - 2] in "tdhf \u00a0" or text[pos - 2].isdigit())
        else None
    )
    if before is not None:
        match = DMY.match(text, before.start())
        if match:
            start = before.start()
            end = match.end()
            out.append((start * scale - end, start, end, "dmy", match, ""))
    match = MY.match(text, pos)
    if match:
        end = match.end()
        out.append((pos * scale - end, pos, end, "my", match, ""))
        return
    match = MONTH_ONLY.match(text, pos)
    if match:
        _at_month_alone(text, pos, match, scale, out)


def _at_month_alone(
    text: str, pos: int, match: re.Match[str], scale: int, out: list[Reading]
) -> None:
    """A month's name alone is a date after a word that makes it one ("in July", "last
    July"), after a part of a period and a hyphen ("late-July"), as a possessive
    ("July's figures") or as the modifier of a noun ("the July vote")."""
    end = match.end()
    word = _prev_word(text, pos)
    low = word.lower()
    part = _period_part(text, pos) if low == "" else -1
    if part >= 0:
        out.append((part * scale - end, part, end, "mon", match, text[part : pos - 1].lower()))
    elif low in BEFORE_MONTH:
        start = pos - len(word) - 1 if low in ("last", "next", "this") else pos
        out.append((start * scale - end, start, end, "mon", match, low))
    elif _month_possessive(text, pos, end) or _month_modifier(text, pos, end, low):
        out.append((pos * scale - end, pos, end, "mon", match, ""))


def _period_part(text: str, pos: int) -> int:
    """Where a part of a period and a hyphen right before ``pos`` start ("mid-"), or -1."""
    if pos < 4 or text[pos - 1] != "-":
        return -1
    j = pos - 2
    while j >= 0 and text[j].isalpha():
        j -= 1
    if (j >= 0 and text[j].isalnum()) or text[j + 1 : pos - 1].lower() not in PERIOD_PARTS:
        return -1
    return j + 1


def _month_possessive(text: str, pos: int, end: int) -> bool:
    """Whether the month's name ``text[pos:end]`` is a possessive ("July's")."""
    return text[end : end + 3] in _POSSESSIVE_ENDS and text[pos:end] not in MONTH_NOT_POSSESSIVE


def _month_modifier(text: str, pos: int, end: int, low: str) -> bool:
    """Whether the month's name at ``pos`` modifies the noun after it, after a determiner
    or a possessive (``low``: the word before, in lower case): "the July vote"."""
    if not (low in BEFORE_MONTH_MODIFIER or (low == "s" and text[pos - 3 : pos - 2] in ("'", "’"))):
        return False
    if text[end : end + 1] not in _SPACES or text[pos:end] in MONTH_NOT_MODIFIER:
        return False
    stop = end + 1
    while stop < len(text) and text[stop].isalpha():
        stop += 1
    noun = text[end + 1 : stop]
    return noun.islower() and noun not in NOT_AFTER_MONTH


def _prev_word(text: str, pos: int) -> str:
    """The word right before ``pos`` (past one space), or ``""``."""
    if pos < 2 or text[pos - 1] not in " \u00a0":
        return ""
    j = pos - 2
    while j >= 0 and text[j].isalpha():
        j -= 1
    return text[j + 1 : pos - 1]


def _at_units(text: str, scale: int, out: list[Reading]) -> None:
    """Readings at a unit after a modifier: "last week", "earlier this month"."""
    find = text.find
    for word in _UNIT_WORDS:
        pos = find(word)
        while pos >= 0:
            # A unit follows a modifier and spaces ("last week"): a cheap test first.
            if pos > 0 and text[pos - 1] in _SPACES:
                mod_end = pos - 2
                while mod_end >= 0 and text[mod_end] in _SPACES:
                    mod_end -= 1
                if mod_end >= 0 and text[mod_end] in _MOD_ENDS:
                    _at_unit(text, pos, word, mod_end == pos - 2, scale, out)
            pos = find(word, pos + 1)


def _at_unit(
    text: str, pos: int, word: str, one_space: bool, scale: int, out: list[Reading]
) -> None:
    """The reading whose unit is ``word`` at ``pos`` (after a modifier and spaces)."""
    if one_space and _one_word_modifier(text, pos):
        # "next week": the reading starts at the modifier.
        match = REL.match(text, pos - 5, pos + len(word) + 5)
        if match:
            end = match.end()
            out.append(((pos - 5) * scale - end, pos - 5, end, "rel", match, ""))
        return
    # The reading whose unit is this word (an earlier one may share the window: "Monday
    # next week, talks last month").
    for window in REL.finditer(text, max(0, pos - 24), pos + len(word) + 5):
        if window.start(2) == pos:
            start = window.start()
            end = window.end()
            out.append((start * scale - end, start, end, "rel", window, ""))


def _one_word_modifier(text: str, pos: int) -> bool:
    """Whether the unit at ``pos`` follows "next", "past", "last" or "this" and one space,
    with no longer modifier possible ("earlier this", "late last"): `REL` then matches
    there or nowhere for this unit."""
    word = text[pos - 5 : pos - 1]
    if word == "next" or word == "past":
        return True
    if word != "last" and word != "this":
        return False
    # "earlier", "later", "early" and "late" end in r, y or e (of any case), then spaces.
    before = pos - 6
    if before < 0 or text[before] not in _SPACES:
        return True
    while before >= 0 and text[before] in _SPACES:
        before -= 1
    return before < 0 or text[before] not in "rRyYeE"


def _at_ago(text: str, scale: int, out: list[Reading]) -> None:
    """Readings ending in "ago": "two weeks ago"."""
    find = text.find
    pos = find("ago")
    while pos >= 0:
        if pos > 0 and text[pos - 1] in " \u00a0":
            for window in AGO.finditer(text, max(0, pos - 30), pos + 3):
                if window.end() == pos + 3:
                    start = window.start()
                    out.append((start * scale - pos - 3, start, pos + 3, "ago", window, ""))
        pos = find("ago", pos + 1)


def _at_day_words(text: str, scale: int, out: list[Reading]) -> None:
    """Readings at day words ("today", "yesterday morning", "tonight", "last night") and
    clock words ("noon", "midnight")."""
    find = text.find
    for word in ("oday", "esterday"):  # (a search for "day" would stop at every weekday)
        pos = find(word)
        while pos >= 0:
            _at_day_word(text, pos, word, scale, out)
            pos = find(word, pos + 1)
    pos = find("mor")
    while pos >= 0:
        if text.startswith("ning", pos + 3):
            _at_day_word(text, pos, "morning", scale, out)
        elif pos > 0 and text[pos - 1] == "o" and text.startswith("row", pos + 3):
            _at_day_word(text, pos - 1, "omorrow", scale, out)
        pos = find("mor", pos + 1)
    pos = find("night")
    while pos >= 0:
        if pos > 0 and text[pos - 1] == "o":
            _at_day_word(text, pos - 1, "onight", scale, out)
        elif pos >= 3 and text.startswith("mid", pos - 3):
            _at_clock_word(text, pos - 3, scale, out)
        elif pos >= 4 and text.startswith("ast ", pos - 4):
            _at_day_word(text, pos - 4, "ast night", scale, out)
        pos = find("night", pos + 1)
    pos = find("noon")
    while pos >= 0:
        _at_clock_word(text, pos, scale, out)
        pos = find("noon", pos + 1)


def _at_day_word(text: str, pos: int, word: str, scale: int, out: list[Reading]) -> None:
    """A day word (``today``, ``yesterday morning``...) around ``word`` found at ``pos``."""
    start = pos - 1 if word[0] in "oea" else pos  # the "oday" of today/Today
    if word == "morning":
        prev = _prev_word(text, pos).lower()
        if prev not in ("this", "yesterday", "tomorrow"):
            return
        start = pos - len(prev) - 1
    if start < 0 or (start > 0 and text[start - 1].isalnum()):
        return
    if text[start].isupper() and _in_a_name(text, start):
        return
    before = text[max(0, start - 15) : start].lower()
    if before == "the day before ":
        start -= 15
    elif before.endswith("the day after "):
        start -= 14
    match = WORD_DAY.match(text, start)
    if match:
        end = match.end()
        out.append((start * scale - end, start, end, "word", match, ""))


def _in_a_name(text: str, pos: int) -> bool:
    """Whether the capitalised day word at ``pos`` is part of a name ("Russia Today",
    "NBC's Today"): it opens no clause and follows a capitalised word or a possessive,
    in a line not in title case."""
    if pos < 3 or is_sentence_start(text, pos) or text[pos - 1] not in _SPACES:
        return False
    if not (text[pos - 2].isupper() or text[pos - 3] in "'’" or _prev_word(text, pos).istitle()):
        return False
    line_start = text.rfind("\n", pos - _LINE_REACH if pos > _LINE_REACH else 0, pos) + 1
    line_end = text.find("\n", pos, pos + _LINE_REACH)
    words = _LONG_WORD.findall(text, line_start, line_end if line_end >= 0 else pos + _LINE_REACH)
    return len(words) < 3 or any(word.islower() for word in words)


def _at_clock_word(text: str, pos: int, scale: int, out: list[Reading]) -> None:
    """``noon`` or ``midnight`` at ``pos``."""
    if pos > 0 and text[pos - 1].isalnum():
        return
    match = TIME_ALONE.match(text, pos)
    if match:
        end = match.end()
        out.append((pos * scale - end, pos, end, "time", match, ""))
