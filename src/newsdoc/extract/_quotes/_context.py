"""What attribution knows about one article, and about the quotation it is attributing."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from newsdoc._model import Entity, EntityKind
from newsdoc.extract._quotes._cues import Cue, CueFinder
from newsdoc.extract._quotes._marks import Quotation
from newsdoc.extract._quotes._words import PRONOUNS
from newsdoc.extract._view import TextView

__all__ = ["LOOK_BACK", "Context", "Found", "Mention", "Speaker"]

#: Speakers are looked for at most this many characters before a quotation (so that a
#: paragraph of many quotations and no sentence break stays linear).
LOOK_BACK = 2000

#: An entity's mention: ``(start, end, entity)``.
Mention = tuple[int, int, int]
#: A speaker found in a stretch of text: its ``(start, end)``, and its entity if known.
Found = tuple[tuple[int, int], int | None]
#: A quotation's speaker: its span, its cue (the verb of saying), and its entity (a plain
#: tuple, as cheap to make as it can be).
Speaker = tuple[tuple[int, int] | None, Cue | None, int | None]

_PERSON = EntityKind.PERSON
_first = operator.itemgetter(0)


class Context:
    """One article's text, entities and verbs of saying, and the quotation at hand.

    The article's part is set once; the quotation's part is set by
    `Context.at` before each quotation is attributed; `find_quotes` moves the
    running part on (the speaker of the last quotation kept) after it.
    """

    __slots__ = (
        "after_limit",
        "clause_marks",
        "cues",
        "dashes",
        "entities",
        "floor",
        "items",
        "last_speaker",
        "nbsp",
        "open_mark",
        "para",
        "para_start",
        "paragraphs",
        "prev_close",
        "prev_para",
        "previous",
        "quotation",
        "sentence_breaks",
        "sentence_start",
        "single",
        "starts",
        "text",
        "view",
    )

    # The quotation at hand, set by `at`: the quotation, its opening mark, its (first)
    # paragraph and where that starts, where its speaker may be looked for back to
    # (``floor``) and forward to (``after_limit``), where its sentence starts, and
    # whether its marks are single ones.
    quotation: Quotation
    open_mark: int
    para: int
    para_start: int
    floor: int
    after_limit: int
    sentence_start: int
    single: bool

    def __init__(
        self,
        view: TextView,
        entities: Sequence[Entity],
        index: Sequence[Mention],
        quotations: Sequence[Quotation],
    ) -> None:
        # The article.
        self.view = view
        self.text = text = view.text
        self.paragraphs = paragraphs = view.paragraphs
        # The sentence breaks from the paragraph where the first quotation starts to
        # the one where the last ends (one search): all that attribution reads of the
        # sentences.  (Splitting each paragraph apart costs more than it saves.)
        self.sentence_breaks = view.sentence_breaks_in(
            paragraphs[quotations[0][5]][0], paragraphs[max(q[6] for q in quotations)][1]
        )
        self.entities = entities
        self.items = index  # every mention, in order
        self.starts = list(map(_first, index))  # where each starts, for `bisect`
        self.cues = CueFinder(text)
        self.nbsp = "\u00a0" in text
        self.dashes = "—" in text or "–" in text or "―" in text
        # The marks that may end a clause before a verb, those the text has: looked
        # for once, when a verb before a quotation is first read.
        self.clause_marks: list[str] | None = None
        # The running state: the last speaker with an entity, the speaker of the last
        # quotation kept, and the paragraph and end of that quotation.
        self.last_speaker: int | None = None
        self.previous: Speaker | None = None
        self.prev_para = -1
        self.prev_close = 0

    def at(self, quotation: Quotation, next_open: int) -> None:
        """Make ``quotation`` the one at hand (``next_open``: the next one's opening mark).

        Works out where its speaker may be looked for: back to ``floor`` (its
        paragraph's start, or the end of the last quotation kept in it, and never
        more than `LOOK_BACK` characters) and its sentence's start (never before
        ``floor``); forward to ``after_limit``, the first of the next sentence, the
        next quotation and its last paragraph's end.
        """
        spans, open_mark, close, _, single, para, last_para = quotation
        self.quotation = quotation
        self.open_mark = open_mark
        self.single = single
        self.para = para
        self.para_start = floor = self.paragraphs[para][0]
        if self.prev_para == para:
            floor = self.prev_close
        if open_mark - LOOK_BACK > floor:
            floor = open_mark - LOOK_BACK
        self.floor = floor
        # Its sentence starts at the last sentence break before it, or at its
        # paragraph's start: at ``floor`` at the earliest.  (`bisect` on the view's
        # `sentence_breaks`, inline.)
        breaks = self.sentence_breaks
        i = bisect.bisect_right(breaks, open_mark)
        self.sentence_start = breaks[i - 1] if i and breaks[i - 1] > floor else floor
        # A quotation ending its own sentence (``... timing." Gov. Smith said``) is not
        # attributed by the next sentence; one ending in ``?`` or ``!`` may be
        # (``"Why now?" Smith asked``).
        end = spans[-1][1]
        i = bisect.bisect_right(breaks, close + (self.text[end - 1 : end] != "."), i)
        limit = self.paragraphs[last_para][1]
        if i < len(breaks) and breaks[i] < limit:
            limit = breaks[i]
        self.after_limit = next_open if next_open < limit else limit

    # --------------------------------------------------------------- mentions

    def mentions(self, start: int, end: int) -> list[Mention]:
        """The mentions lying inside ``text[start:end]``."""
        items = self.items
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(items) and items[i][0] < end:
            if items[i][1] <= end:
                out.append(items[i])
            i += 1
        return out

    def named(self, start: int, end: int, first: bool) -> Found | None:
        """Among the `mentions` of ``text[start:end]``, in one pass: the first (or, not
        ``first``, the last) person named, else the first or the last mention."""
        items = self.items
        count = len(items)
        i = bisect.bisect_left(self.starts, start)
        chosen: Mention | None = None
        entities = self.entities
        while i < count:
            mention = items[i]
            if mention[0] >= end:
                break
            i += 1
            if mention[1] > end:
                continue
            if entities[mention[2]].kind is _PERSON:
                if first:
                    return (mention[0], mention[1]), mention[2]
                person = mention
                while i < count:  # the last person
                    mention = items[i]
                    if mention[0] >= end:
                        break
                    i += 1
                    if mention[1] <= end and entities[mention[2]].kind is _PERSON:
                        person = mention
                return (person[0], person[1]), person[2]
            if chosen is None or not first:
                chosen = mention
        if chosen is None:
            return None
        return (chosen[0], chosen[1]), chosen[2]

    def last_person(self, start: int, end: int) -> int | None:
        """The entity of the last person mentioned inside ``text[start:end]``, or None."""
        persons = [m for m in self.mentions(start, end) if self.entities[m[2]].kind is _PERSON]
        return persons[-1][2] if persons else None

    def resolve_pronoun(self, word: str, pos: int) -> int | None:
        """The entity a speaking pronoun at ``pos`` stands for: the last name of its kind
        mentioned before it, else the last speaker if of its kind."""
        kind = PRONOUNS.get(word.lower())
        if kind is None:
            return None
        entities = self.entities
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            entity = self.items[i][2]
            if entities[entity].kind is kind:
                return entity
            i -= 1
        last = self.last_speaker
        return last if last is not None and entities[last].kind is kind else None
