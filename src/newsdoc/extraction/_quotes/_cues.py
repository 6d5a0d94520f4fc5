"""Finding the verbs of saying (cues) in stretches of one text, cheaply."""

from __future__ import annotations

import bisect

from newsdoc.extraction._quotes._words import CUE, CUE_AFTER, SHORTEST_CUE

__all__ = ["Cue", "CueFinder"]

#: A cue's ``(start, end)``.
Cue = tuple[int, int]


def _all_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every cue in ``text[start:end]`` (whole words only), in order, with one ``finditer``."""
    out = []
    if start == 0:
        # A cue at offset 0 has no character before it for `CUE_AFTER` to start with.
        first = CUE.match(text, 0, end)
        if first is not None:
            out.append((0, first.end()))
    else:
        start -= 1
    for match in CUE_AFTER.finditer(text, start, end):
        out.append(match.span(1))
    return out


class CueFinder:
    """The cues of one text, found stretch by stretch until a single pass is cheaper.

    Most articles search a fraction of their text, one stretch per quotation.  Once
    the characters searched pass twice the text's length, one pass finds every cue
    and later lookups bisect that list: many quotations close together never cost
    more than a few passes over the text.
    """

    __slots__ = ("_budget", "_cues", "_searched", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._cues: list[Cue] | None = None  # every cue, once found in one pass
        self._starts: list[int] = []  # where each of them starts
        self._searched = 0
        self._budget = 2 * len(text)

    def _find_all(self) -> list[Cue]:
        """Every cue of the text, found in one pass (and kept)."""
        self._cues = found = _all_cues(self._text, 0, len(self._text))
        self._starts = [cue_start for cue_start, _ in found]
        return found

    def between(self, start: int, end: int) -> list[Cue]:
        """The cues lying inside ``text[start:end]``, in order."""
        found = self._cues
        if found is None:
            self._searched = searched = self._searched + end - start
            if searched <= self._budget:
                if start == 0:
                    return _all_cues(self._text, start, end)
                # One search per cue is cheaper than ``finditer``.
                text = self._text
                out = []
                match = CUE_AFTER.search(text, start - 1, end)
                while match is not None:
                    out.append(match.span(1))
                    after = match.end()
                    # A cue needs a character before it, and its letters.
                    match = (
                        CUE_AFTER.search(text, after, end) if end - after > SHORTEST_CUE else None
                    )
                return out
            found = self._find_all()
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end, first)
        return [cue for cue in found[first:last] if cue[1] <= end]

    def first(self, start: int, end: int) -> Cue | None:
        """The first cue lying inside ``text[start:end]``, or None."""
        found = self._cues
        if found is None:
            self._searched = searched = self._searched + end - start
            if searched <= self._budget:
                if end - start < SHORTEST_CUE:
                    return None  # too short for a cue
                if start:
                    match = CUE_AFTER.search(self._text, start - 1, end)
                else:  # at the text's start, no character stands before a cue
                    match = CUE.match(self._text, 0, end)
                    if match is not None:
                        return 0, match.end()
                    match = CUE_AFTER.search(self._text, 0, end)
                return None if match is None else match.span(1)
            found = self._find_all()
        first = bisect.bisect_left(self._starts, start)
        # Cues do not overlap: only the last one in range may pass ``end``.
        if first < len(found) and found[first][1] <= end:
            return found[first]
        return None
