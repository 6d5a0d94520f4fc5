"""Quotation marks paired into quotations, paragraph by paragraph.

The marks of each paragraph are paired in order by a small state machine.  Curly
marks say which way they face; a straight mark is read from the characters around
it; an apostrophe between two letters or digits (``don't``, ``Friday’s``) is no
mark; marks inside markup tags or right after ``=`` (``<tweet author="...">``) are
markup debris.  A single quotation may stand inside no double one.

A double quotation still open at the end of its paragraph runs on when the next
paragraph opens with a quote mark (the convention for quotes over paragraphs);
otherwise it is closed there and reported.  A closing mark with no opening one
opens the quotation at its paragraph's start (or where the last quotation in the
paragraph closed), also reported.
"""

from __future__ import annotations

import bisect
import operator

import attrs

from newsdoc.extraction._view import TextView

__all__ = ["Quotation", "QuoteProblem", "find_quotations", "rstrip"]

NEVER_CLOSED = "A quotation mark opens a quotation that never closes"
NEVER_OPENED = "A closing quotation mark has no opening mark before it"


@attrs.frozen(slots=True)
class QuoteProblem:
    """An unbalanced quote mark at offset ``pos`` (reported as a diagnostic)."""

    pos: int
    message: str


#: A quotation as its marks show it, before anyone is found to say it, as a plain tuple
#: (an article has dozens; unpack it by these names):
#:
#: * ``spans``: its content, one ``(start, end)`` per paragraph it runs over;
#: * ``open_mark``: the offset of its opening mark (of its content's start without one);
#: * ``close_mark``: the offset just past its closing mark (its content's end when it
#:   never closes);
#: * ``closed``: whether a closing mark ends it;
#: * ``single``: whether its marks are single ones;
#: * ``first_para``, ``last_para``: the index of the paragraph it starts in, and of the
#:   one it ends in.
Quotation = tuple[list[tuple[int, int]], int, int, bool, bool, int, int]

_open_mark = operator.itemgetter(1)


def rstrip(text: str, start: int, end: int) -> int:
    """``end`` moved back past the spaces ending ``text[start:end]``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def find_quotations(view: TextView, problems: list[QuoteProblem]) -> list[Quotation]:
    """Every quotation of the text, in order of its opening mark, joined over paragraphs
    where the marks say so; problems with the marks are added to ``problems``."""
    text = view.text
    marks = mark_offsets(text)
    out: list[Quotation] = []
    if not marks:
        return out
    count = len(marks)
    running: Quotation | None = None  # open at the end of the paragraph before
    first = 0  # the first mark not yet read
    unopened = False  # a quotation with no opening mark was found
    tags = "<" in text
    equals = "=" in text
    # A quotation never runs on from one part of the article into the next (a
    # headline's open mark does not swallow the body's first quotation).
    part_starts = {part[2] for part in view.parts}
    for para, (start, end) in enumerate(view.paragraphs):
        if running is not None and start in part_starts:
            problems.append(QuoteProblem(running[1], NEVER_CLOSED))
            out.append(running)
            running = None
        if first < count and marks[first] < end:
            last = bisect.bisect_left(marks, end, first)
            mine = marks[first:last]
            first = last
            if tags or equals:
                mine = _without_markup(text, mine, start, end, equals)
        elif running is None:
            continue  # no quote mark in this paragraph
        else:
            mine = []
        found, open_double, stray = _pair(text, mine, para, start, problems)
        unopened = unopened or stray
        if running is not None:
            running = _run_on(text, running, found, open_double, para, start, end, out, problems)
            if running is not None:
                continue  # the whole paragraph is inside the quotation running on
        out += found
        if open_double >= 0:
            stop = rstrip(text, open_double + 1, end)
            running = ([(open_double + 1, stop)], open_double, stop, False, False, para, para)
    if running is not None:
        problems.append(QuoteProblem(running[1], NEVER_CLOSED))
        out.append(running)
    if unopened:
        # Only a quotation with no opening mark (which starts back at the end of the
        # last one closed) may come after one that starts later.
        out.sort(key=_open_mark)
    return out


def mark_offsets(text: str) -> list[int]:
    """The offsets of the quote marks in ``text``, in order (``str.find`` is fast),
    without the apostrophes between two letters or digits (``don't``, ``Friday’s``)."""
    marks: list[int] = []
    add = marks.append
    find = text.find
    last = len(text) - 1
    # (An ASCII text has only straight marks: `str.isascii` is free, the string knows.)
    ascii = text.isascii()
    for mark in '"' if ascii else '"“”‘':
        pos = find(mark)
        while pos >= 0:
            add(pos)
            pos = find(mark, pos + 1)
    for mark in "'" if ascii else "’'":
        pos = find(mark)
        while pos >= 0:
            if not (0 < pos < last and text[pos - 1].isalnum() and text[pos + 1].isalnum()):
                add(pos)
            pos = find(mark, pos + 1)
    marks.sort()
    return marks


def _without_markup(text: str, marks: list[int], start: int, end: int, equals: bool) -> list[int]:
    """``marks`` (of the paragraph ``text[start:end]``) without markup debris: the marks
    inside a tag (``<tweet author="@someone">``) and, when the text has an ``=``, the
    double marks right after one (``author="...``)."""
    kept = marks
    if text.find("<", start, end) >= 0:
        kept = []
        last_lt = last_gt = -1  # the last "<" and ">" before ``seen``
        seen = start
        for pos in marks:
            at = text.rfind("<", seen, pos)
            if at >= 0:
                last_lt = at
            at = text.rfind(">", seen, pos)
            if at >= 0:
                last_gt = at
            seen = pos
            if last_lt <= last_gt:
                kept.append(pos)
    if equals:
        kept = [pos for pos in kept if not (pos and text[pos - 1] == "=" and text[pos] in '"“”')]
    return kept


def _pair(
    text: str, marks: list[int], para: int, start: int, problems: list[QuoteProblem]
) -> tuple[list[Quotation], int, bool]:
    """The quotations the ``marks`` of paragraph ``para`` (starting at ``start``) pair into.

    Returns them, the opening mark of a double quotation left open at the paragraph's
    end (-1: none), and whether a closing mark had no opening one.
    """
    found: list[Quotation] = []
    open_double = -1  # the opening mark of the double quotation open
    open_single = -1  # the opening mark of the single quotation open
    floor = start  # where a quotation with no opening mark would start
    stray = False
    size = len(text)
    for pos in marks:
        char = text[pos]
        if char == '"':  # (the most common mark first)
            # A straight mark is read from the characters around it.  At a paragraph's
            # edge that is the "\n" of the break, which every test reads as a space.
            before = text[pos - 1] if pos else " "
            after = text[pos + 1] if pos + 1 < size else " "
            if open_double < 0:
                opening = not (before.isalnum() and not after.isalnum())
            else:
                opening = before.isspace() and not after.isspace() and after not in ",.;:!?"
        elif char == "“":
            opening = True
        elif char == "”":
            opening = False
        else:
            open_single = _single(text, pos, open_single, open_double, para, found)
            continue
        if opening:
            if open_double >= 0:
                found.append(_two_openers(text, open_double, pos, para, problems))
            open_double = pos
        elif open_double >= 0:
            found.append(([(open_double + 1, pos)], open_double, pos + 1, True, False, para, para))
            floor = pos + 1
            open_double = -1
        else:
            # A closing mark with no opening one: the quotation runs from the paragraph's
            # start, or from the end of the last quotation closed in it (so that many such
            # marks never quote the same text twice).
            problems.append(QuoteProblem(pos, NEVER_OPENED))
            found.append(([(floor, pos)], floor, pos + 1, True, False, para, para))
            stray = True
            floor = pos + 1
        open_single = -1
    return found, open_double, stray


def _single(
    text: str, pos: int, open_single: int, open_double: int, para: int, found: list[Quotation]
) -> int:
    """Read the single mark at ``pos``: it may open a single quotation or close the one
    open (added to ``found``).  Returns the opening mark of the one then open (-1: none)."""
    char = text[pos]
    before = text[pos - 1] if pos else " "
    if char == "‘":
        if open_double < 0 and open_single < 0 and not before.isalnum():
            return pos
        return open_single
    # ’ or ', not between two letters or digits.
    if open_single >= 0 and open_double < 0 and not before.isspace():
        found.append(([(open_single + 1, pos)], open_single, pos + 1, True, True, para, para))
        return -1
    if (
        char == "'"
        and open_single < 0
        and open_double < 0
        and (before.isspace() or before in "([—–")
        and (text[pos + 1] if pos + 1 < len(text) else " ").isalpha()
    ):
        return pos
    return open_single


def _two_openers(
    text: str, open_double: int, pos: int, para: int, problems: list[QuoteProblem]
) -> Quotation:
    """The quotation opened at ``open_double`` when another opens at ``pos``: it never
    closed -- unless it ends a sentence, the way a quote running over paragraphs reads
    once the paragraphs were run together (``... friends. "I would``)."""
    stop = rstrip(text, open_double + 1, pos)
    if text[stop - 1 : stop] not in (".", "?", "!", "…"):
        problems.append(QuoteProblem(open_double, NEVER_CLOSED))
    return ([(open_double + 1, stop)], open_double, stop, False, False, para, para)


def _run_on(
    text: str,
    running: Quotation,
    found: list[Quotation],
    open_double: int,
    para: int,
    start: int,
    end: int,
    out: list[Quotation],
    problems: list[QuoteProblem],
) -> Quotation | None:
    """Carry ``running``, a quotation open at the end of the paragraph before, into
    paragraph ``para`` (``text[start:end]``, whose ``found`` quotations and left-open
    ``open_double`` are given).

    When the paragraph opens with a quote mark, the quotation goes on: it closes with
    the paragraph's first quotation (taken out of ``found``), or runs on over the whole
    paragraph (returned, still running).  Otherwise it never closed: it is added to
    ``out`` as it stands, and reported.  Returns None unless it still runs.
    """
    spans, open_mark, _, _, _, first_para, _ = running
    opens_here = start < end and text[start] in '“"'
    if opens_here and found and found[0][1] == start:
        closing = found.pop(0)
        spans.extend(closing[0])
        out.append((spans, open_mark, closing[2], True, False, first_para, para))
        return None
    if opens_here and not found and open_double == start:
        stop = rstrip(text, start + 1, end)
        spans.append((start + 1, stop))
        return (spans, open_mark, stop, False, False, first_para, para)
    problems.append(QuoteProblem(open_mark, NEVER_CLOSED))
    out.append(running)
    return None
