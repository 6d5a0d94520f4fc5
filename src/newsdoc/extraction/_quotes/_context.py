"""What attribution knows about one article, and about the quotation it is attributing."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from newsdoc._model import Entity
from newsdoc.extraction._gender import Genders
from newsdoc.extraction._quotes._cues import Cue, CueFinder
from newsdoc.extraction._quotes._marks import Quotation
from newsdoc.extraction._quotes._mentions import Mention, Mentions
from newsdoc.extraction._quotes._pronouns import antecedent
from newsdoc.extraction._view import TextView

__all__ = ["LOOK_BACK", "Context", "Speaker"]

#: Speakers are looked for at most this many characters before a quotation (so that a
#: paragraph of many quotations and no sentence break stays linear).
LOOK_BACK = 2000

#: A quotation's speaker: its span, its cue (the verb of saying), and its entity (a plain
#: tuple, as cheap to make as it can be).
Speaker = tuple[tuple[int, int] | None, Cue | None, int | None]


_last_para = operator.itemgetter(6)


class Context(Mentions):
    """One article's text, mentions (`Mentions`) and verbs of saying, and the quotation
    at hand.

    The article's part is set once; the quotation's part is set by
    `Context.at` before each quotation is attributed; `find_quotes` moves the
    running part on (the speaker of the last quotation kept) after it.
    """

    __slots__ = (
        "after_limit",
        "breaks_from",
        "breaks_to",
        "clause_marks",
        "cues",
        "dashes",
        "floor",
        "gender_table",
        "nbsp",
        "open_mark",
        "para",
        "para_start",
        "paragraphs",
        "prev_close",
        "prev_para",
        "previous",
        "quotation",
        "quoted_closes",
        "quoted_opens",
        "sentence_breaks",
        "sentence_start",
        "single",
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
        self.breaks_from = paragraphs[quotations[0][5]][0]
        self.breaks_to = paragraphs[max(map(_last_para, quotations))][1]
        self.sentence_breaks = view.sentences.breaks_in(self.breaks_from, self.breaks_to)
        # (`Mentions.__init__`, inline.)
        self.entities = entities
        self.items = index
        self.last_speaker: int | None = None
        self.cues = CueFinder(text)
        self.nbsp = "\u00a0" in text
        self.dashes = "—" in text or "–" in text or "―" in text
        # The marks that may end a clause before a verb, those the text has: looked
        # for once, when a verb before a quotation is first read.
        self.clause_marks: list[str] | None = None
        # Where each quotation opens and closes (a name inside one speaks for nobody).
        self.quoted_opens = [quotation[1] for quotation in quotations]
        self.quoted_closes = [quotation[2] for quotation in quotations]
        # Each entity's gender, worked out when a pronoun is first resolved.
        self.gender_table: Genders | None = None
        # The running state (with `Mentions.last_speaker`): the speaker of the last
        # quotation kept, and the paragraph and end of that quotation.
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

    def genders(self) -> Genders:
        """Each entity's gender (`Genders`: each worked out when first asked)."""
        table = self.gender_table
        if table is None:
            table = self.gender_table = Genders(self.text, self.entities, self.items)
        return table

    def quoted(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation (between its marks)."""
        i = bisect.bisect_right(self.quoted_opens, pos) - 1
        return i >= 0 and pos < self.quoted_closes[i]

    def resolve_pronoun(self, word: str, pos: int) -> int | None:
        """The entity a speaking pronoun at ``pos`` stands for (`antecedent`)."""
        return antecedent(self, word, pos)

    def sentence_start_at(self, pos: int, floor: int = 0) -> int:
        """Where the sentence holding ``pos`` starts (``floor`` at the earliest), as
        `Sentences.start` says: read from `sentence_breaks` where they cover ``pos``,
        which saves searching the paragraph back to its start for each name a pronoun
        passes."""
        if not self.breaks_from <= pos < self.breaks_to:
            return self.view.sentences.start(pos, floor)
        low = self.paragraphs[self.view.paragraph_at(pos)][0]
        if floor > low:
            low = floor
        breaks = self.sentence_breaks
        i = bisect.bisect_right(breaks, pos)
        last = breaks[i - 1] if i else low
        return last if last > low else low
