"""Direct quotations: find them, join them over paragraphs, and attribute them.

Quote marks are paired per paragraph with a small state machine (curly marks
say which way they face; a straight mark is read from the characters around
it; an apostrophe between letters is no mark).  A quotation still open at the
end of a paragraph continues when the next paragraph opens with a quote mark
(the convention for quotes running over paragraphs); otherwise it is closed
there and reported as unbalanced.  A closing mark with no opening one opens
the quotation at its paragraph's start, also reported.

Attribution looks, in order, right after the quotation (``"...," he added``,
``"...," said Smith``), earlier in its sentence (``Smith said: "..."``,
``According to Centcom, ... "..."``, ``Smith: "..."``), at a paragraph ending
in ``said:``, and at the quotation before it (a quote with no verb of saying
continues the previous speaker).  Quoted words with no speaker that look like
a title (``"Face the Nation"``) or a scare quote (one or two words) are not
quotations.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Sequence

import attrs

from newsdoc._model import Entity, EntityKind, Quote, Span
from newsdoc.extract._fast import quote as _quote
from newsdoc.extract._fast import span as _span
from newsdoc.extract._lexicon import word_set

__all__ = ["QuoteProblem", "find_quotes"]

# Verbs and phrases that introduce or close a quotation.
_CUE_WORDS = sorted(
    word_set(
        "said says say saying added adds adding told tells telling asked asks asking stated "
        "states wrote writes writing explained explains explaining noted notes noting argued "
        "argues arguing insisted insists insisting warned warns warning claimed claims claiming "
        "declared declares announced announces continued continues recalled recalls replied "
        "replies responded responds tweeted tweets posted posts acknowledged acknowledges "
        "admitted admits complained complains conceded concedes concluded concludes suggested "
        "suggests urged urges stressed stresses emphasized emphasised emphasizes emphasises "
        "remarked observed cautioned predicted promised vowed boasted joked quipped shouted "
        "yelled chanted chanting exclaimed whispered read reads reported reports described "
        "describes calling called calls dubbed labeled labelled branded testified confirmed "
        "denied agreed countered lamented mused marveled marvelled pleaded demanded accused "
        "urging promising vowing wondered asserted asserts maintained maintains reiterated "
        "describing likened likens compared compares characterized characterised termed "
        "deemed hailed praised slammed blasted criticized criticised condemned denounced mocked "
        "ridiculed touted pledged blamed defended proclaimed cited quoted echoed repeated "
        "recounted texted emailed added insisted tweeting writing labeling labelling "
        "describe call calls label accuse accuses warn warns exhorted implored begged "
        "commented commenting writes"
    )
)
_CUE_PHRASES = [
    "according to",
    "According to",
    "quoted as saying",
    "in a statement",
    "pointed out",
    "went on",
    "put it",
    "referred to",
    "spoke of",
    "Said",
    "Asked",
]


def _trie(words: Sequence[str]) -> str:
    """A regex matching exactly ``words``, as a trie (one branch per first letter).

    A flat alternation of a hundred words tries every word at every position; a
    trie tries one branch per letter, which makes the scan several times faster.
    """
    groups: dict[str, list[str]] = {}
    optional = "" in words
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(char) + _trie(rest) for char, rest in sorted(groups.items())]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if optional else body


# A verb or phrase of saying, up to a word end (callers check the word start).
_CUE = re.compile(_trie(sorted(set(_CUE_WORDS) | set(_CUE_PHRASES))) + r"\b")
# The length of the shortest verb: a shorter stretch of text has none.
_SHORTEST_CUE = min(len(word) for word in _CUE_WORDS + _CUE_PHRASES)

_PERSON = EntityKind.PERSON
_FIRST = operator.itemgetter(0)
# Pronouns that may speak, with the kind of entity they stand for.
_PRONOUNS: dict[str, EntityKind | None] = {
    "he": EntityKind.PERSON,
    "she": EntityKind.PERSON,
    "they": EntityKind.ORGANIZATION,
    "it": EntityKind.ORGANIZATION,
    "we": EntityKind.ORGANIZATION,
    "i": None,
    "you": None,
}
# Words between a speaker and the verb: "has said", "was quoted as saying", "also said".
_AUX_WORDS = word_set(
    "has have had was were is are also later then previously recently once reportedly would "
    "will earlier again further repeatedly simply just often frequently been publicly "
    "privately quickly flatly bluntly immediately separately first did does do may might "
    "could should can subsequently initially"
)
# Words that end a speaker phrase read backwards from the verb.
_NP_STOP = word_set(
    "and but so or nor then as while when whereas because that which who whom whose where "
    "after before since until if though although unless than to of in on at by for with from "
    "into about over under between during without within upon against among said says told "
    "added asked not"
)
# Words opening a sentence with a phrase before its subject ("In January, Smith ...").
_OPENERS = word_set(
    "in on at during after before when while since although though if as because despite "
    "following earlier later meanwhile however but and so still yet then now for with by "
    "asked speaking like unlike under over from"
)
# Words opening a sentence that are not its subject ("There is ...").
_NOT_SUBJECTS = word_set("there here this these those what how why also even only just")
# Words before a verb of saying that leave it without a subject of its own: "and said",
# "by saying", "before adding".
_SUBJECTLESS = word_set("and but by while before after then for without when")
_DETERMINERS = word_set("the a an this that these those his her its their our my your")
_CLAUSE_MARKS = ',;:()[]“”"—–'
_ABBREVS = (
    "Mr|Ms|Dr|St|Lt|Jr|Sr|No|Co|vs",
    "Mrs|Sen|Rep|Gov|Gen|Col|Maj|Sgt|Rev|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec|etc",
    "Capt|Prof|Corp|Sept",
)
# The end of a sentence: a run of stops (not the dot of ``Mr.``, ``U.S.`` or ``J.``),
# closing marks and spaces, before a capital, a digit or an opening mark.  There is
# one pattern for a run opening with a dot and one for the other stops: a pattern
# opening with one character lets the engine skip quickly from one dot to the next
# (and most articles have no other stop).  The abbreviations are tested behind the
# dot (one look-behind per length).
_SENTENCE_TAIL = r"[.!?…]*[\"”’)\]]*[ \u00a0]+(?=[A-Z“\"‘'(0-9\u0080-\U0010ffff])"
_SENTENCE_BREAK_DOT = re.compile(
    # (The look-ahead turns down the dot of a number before the look-behinds run.)
    r"\.(?=[.!?…\"”’)\] \u00a0])(?<![.!?…]\.)(?<!\b[A-Z]\.)(?<!\.[A-Z]\.)"
    + "".join(rf"(?<!\b(?:{words})\.)" for words in _ABBREVS)
    + _SENTENCE_TAIL
)
_SENTENCE_BREAK_OTHER = [
    (stop, re.compile(re.escape(stop) + rf"(?<![.!?…]{re.escape(stop)})" + _SENTENCE_TAIL))
    for stop in "!?…"
]
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Lt|Gen|Col|Maj|Capt|Sgt|Rev|Prof|Jr|Sr|No|Co|Inc"
    r"|Corp|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|etc|[A-Z])|\.[A-Z])\Z"
)
_TITLE_CASE_SKIP = frozenset(["of", "the", "a", "an", "and", "for", "on", "in", "at", "to", "&"])
#: A speaking pronoun refers to the last speaker first (else to the last name mentioned).
PRONOUN_TO_SPEAKER = False
#: Quoted words with no speaker are kept from this many words on (scare quotes are shorter).
MIN_UNATTRIBUTED_WORDS = 2
#: Speakers are looked for at most this many characters before a quotation.
_LOOK_BACK = 2000


@attrs.frozen(slots=True)
class QuoteProblem:
    """An unbalanced quote mark at body offset ``pos`` (reported as a diagnostic)."""

    pos: int
    message: str


# A quotation as found: its content spans, the offset of its opening mark (or of
# its content's start), the offset just past its closing mark (or its content's
# end), whether it closed, whether its marks are single ones, and the paragraphs
# (their index) of its start and of its end.  A plain tuple: an article has dozens.
_Raw = tuple[list[tuple[int, int]], int, int, bool, bool, int, int]

_NEVER_CLOSED = "A quotation mark opens a quotation that never closes"
_NEVER_OPENED = "A closing quotation mark has no opening mark before it"


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """The paragraphs of ``body``: the stretches between blank lines.

    Looks for one newline at a time (searching for one character is much faster
    than for two) and checks the next.
    """
    out = []
    pos = 0
    find = body.find
    end = find("\n")
    while end >= 0:
        if body[end + 1 : end + 2] == "\n":
            out.append((pos, end))
            pos = end + 2
            end = find("\n", pos)
        else:
            end = find("\n", end + 1)
    out.append((pos, len(body)))
    return out


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def _mark_offsets(body: str) -> list[int]:
    """The offsets of the quote marks in ``body``, in order (``str.find`` is fast),
    without the apostrophes between two letters or digits (``don't``, ``Friday’s``)."""
    marks: list[int] = []
    add = marks.append
    find = body.find
    last = len(body) - 1
    for mark in '"“”‘':
        pos = find(mark)
        while pos >= 0:
            add(pos)
            pos = find(mark, pos + 1)
    for mark in "’'":
        pos = find(mark)
        while pos >= 0:
            if not (0 < pos < last and body[pos - 1].isalnum() and body[pos + 1].isalnum()):
                add(pos)
            pos = find(mark, pos + 1)
    marks.sort()
    return marks


def _find_raw(
    body: str, paragraphs: Sequence[tuple[int, int]], problems: list[QuoteProblem]
) -> list[_Raw]:
    """Every quotation of ``body``, joined over paragraphs where the marks say so.

    The quote marks of each paragraph are paired in turn; a double quotation
    still open at its end is carried to the next paragraph.
    """
    quotes: list[_Raw] = []
    # A quotation running on from the previous paragraph: its spans, opening mark,
    # end, and the paragraphs of its start and its end.
    carry: tuple[list[tuple[int, int]], int, int, int, int] | None = None
    marks = _mark_offsets(body)
    if not marks:
        return quotes
    first = 0
    count = len(marks)
    size = len(body)
    any_markup = "<" in body
    equals = "=" in body
    unopened = False  # a quotation with no opening mark was found
    bisect_left = bisect.bisect_left
    for para, (start, end) in enumerate(paragraphs):
        found: list[_Raw] = []
        open_double = -1  # the opening mark of the double quotation open (-1: none)
        if first == count or marks[first] >= end:
            if carry is None:
                continue  # no quote mark in this paragraph
        else:
            last = bisect_left(marks, end, first)
            open_single = -1
            markup = any_markup and body.find("<", start, end) >= 0
            last_lt = last_gt = -1  # the last "<" and ">" before ``seen`` (markup only)
            seen = start
            floor = start  # where a quotation with no opening mark may start
            for pos in marks[first:last]:
                if markup:
                    at = body.rfind("<", seen, pos)
                    if at >= 0:
                        last_lt = at
                    at = body.rfind(">", seen, pos)
                    if at >= 0:
                        last_gt = at
                    seen = pos
                    if last_lt > last_gt:
                        continue  # inside a markup tag: <tweet author="@someone">
                char = body[pos]
                if char == "“" or char == "”":
                    if equals and pos and body[pos - 1] == "=":
                        continue  # markup debris: attr="value"
                    opening = char == "“"
                else:
                    # The characters around the mark; at a paragraph's edge that is the
                    # "\n" of the break, which every test below reads as it reads a space.
                    before = body[pos - 1] if pos else " "
                    if char == '"':
                        if before == "=":
                            continue
                        after = body[pos + 1] if pos + 1 < size else " "
                        if open_double < 0:  # a straight mark, read from around it
                            opening = not (before.isalnum() and not after.isalnum())
                        else:
                            opening = (
                                before.isspace() and not after.isspace() and after not in ",.;:!?"
                            )
                    elif char == "‘":
                        if open_double < 0 and open_single < 0 and not before.isalnum():
                            open_single = pos
                        continue
                    else:  # ’ or ', not between two letters or digits
                        if open_single >= 0 and open_double < 0 and not before.isspace():
                            found.append(
                                (
                                    [(open_single + 1, pos)],
                                    open_single,
                                    pos + 1,
                                    True,
                                    True,
                                    para,
                                    para,
                                )
                            )
                            open_single = -1
                        elif (
                            char == "'"
                            and open_single < 0
                            and open_double < 0
                            and (before.isspace() or before in "([—–")
                            and (body[pos + 1] if pos + 1 < size else " ").isalpha()
                        ):
                            open_single = pos
                        continue
                if opening:
                    if open_double >= 0:
                        # Two openers in a row: the first quotation never closed -- unless
                        # it ends a sentence, the way a quote running over paragraphs reads
                        # once the paragraphs were run together ('... friends. "I would').
                        stop = _rstrip(body, open_double + 1, pos)
                        if body[stop - 1 : stop] not in (".", "?", "!", "…"):
                            problems.append(QuoteProblem(open_double, _NEVER_CLOSED))
                        found.append(
                            ([(open_double + 1, stop)], open_double, stop, False, False, para, para)
                        )
                    open_double = pos
                    open_single = -1
                elif open_double < 0:
                    # A closing mark with no opening one: quote from the paragraph's start,
                    # or from the end of the last quotation closed in it (so that many such
                    # marks never quote the same text twice).
                    problems.append(QuoteProblem(pos, _NEVER_OPENED))
                    found.append(([(floor, pos)], floor, pos + 1, True, False, para, para))
                    unopened = True
                    floor = pos + 1
                    open_single = -1
                else:
                    found.append(
                        ([(open_double + 1, pos)], open_double, pos + 1, True, False, para, para)
                    )
                    floor = pos + 1
                    open_double = -1
                    open_single = -1
            first = last
        if carry is not None:
            if (
                start < end
                and body[start] in '“"'
                and ((found and found[0][1] == start) or (not found and open_double == start))
            ):
                # The paragraph opens with a mark: the quotation goes on.
                if found and found[0][1] == start:
                    cont = found.pop(0)
                    carry[0].extend(cont[0])
                    quotes.append((carry[0], carry[1], cont[2], True, False, carry[3], para))
                    carry = None
                else:
                    stop = _rstrip(body, start + 1, end)
                    carry[0].append((start + 1, stop))
                    carry = (carry[0], carry[1], stop, carry[3], para)
                    quotes.extend(found)
                    continue
            else:
                problems.append(QuoteProblem(carry[1], _NEVER_CLOSED))
                quotes.append((carry[0], carry[1], carry[2], False, False, carry[3], carry[4]))
                carry = None
        quotes.extend(found)
        if open_double >= 0:
            stop = _rstrip(body, open_double + 1, end)
            carry = ([(open_double + 1, stop)], open_double, stop, para, para)
    if carry is not None:
        problems.append(QuoteProblem(carry[1], _NEVER_CLOSED))
        quotes.append((carry[0], carry[1], carry[2], False, False, carry[3], carry[4]))
    if unopened:
        # Only a quotation with no opening mark (which starts back at ``floor``) may
        # come after one that starts later; otherwise they are found in order.
        quotes.sort(key=_open_mark)
    return quotes


def _open_mark(raw: _Raw) -> int:
    return raw[1]


# ------------------------------------------------------------------ attribution


def _sentence_breaks(body: str) -> list[int]:
    """Offsets where sentences start inside paragraphs, after ``. `` (not ``Mr. ``), in
    order, behind a first -1 (so that every offset has a last break before it).

    Paragraph starts are not listed: callers never look back past the start of a
    quotation's paragraph, nor forward past its end.
    """
    ends = [match.end() for match in _SENTENCE_BREAK_DOT.finditer(body)]
    other = False
    for stop, pattern in _SENTENCE_BREAK_OTHER:
        if stop in body:
            ends += [match.end() for match in pattern.finditer(body)]
            other = True
    if other:
        ends.sort()
    # The break is before a capital, a digit, an opening mark (or any ASCII one the
    # pattern lets through); a character past ASCII must be a capital or a mark.
    starts = [-1]
    starts += [
        nxt for nxt in ends if body[nxt] < "\x80" or body[nxt].isupper() or body[nxt] in "“‘"
    ]
    return starts


# A verb of saying (group 1) after a character that is no letter (ASCII, Latin-1 or
# general punctuation), up to a word end.
_CUE_AFTER = re.compile("[\x00-@\\[-`{-\xbf\u2000-\u206f](" + _CUE.pattern + ")")


def _cues(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the verbs of saying in ``body[start:end]`` stand (whole words only).

    The pattern starts with the character before the word, which lets the regex
    engine skip quickly over the letters inside words.
    """
    out = []
    if start == 0:
        first = _CUE.match(body, 0, end)
        if first is not None:
            out.append((0, first.end()))
    elif start > 0:
        start -= 1
    for match in _CUE_AFTER.finditer(body, start, end):
        out.append(match.span(1))
    return out


# A speaker: its span, the span of its verb of saying, and its entity (a plain
# tuple, as cheap to make as it can be).
_Speaker = tuple[tuple[int, int] | None, tuple[int, int] | None, int | None]


# A speaker found in a stretch of text: its span, and its entity if it names one.
_Found = tuple[tuple[int, int], int | None]


class _Attributor:
    """Speaker lookup over one body: its mentions, and the entities they belong to."""

    def __init__(
        self, body: str, entities: Sequence[Entity], index: Sequence[tuple[int, int, int]]
    ) -> None:
        self.body = body
        self.entities = entities
        self.starts = list(map(_FIRST, index))
        self.items = list(index)
        self.last_speaker: int | None = None
        # Every verb of saying in the body, found in one pass once searching
        # stretches of it one by one has cost more than that pass would.
        self._cues: list[tuple[int, int]] | None = None
        self._cue_starts: list[int] = []
        self._searched = 0
        self._budget = 2 * len(body)
        self._nbsp = "\u00a0" in body
        self._dashes = "—" in body or "–" in body or "―" in body
        # The marks that may end a clause before a verb (those the body has; known
        # once a verb before a quotation is read).
        self._clause_marks: list[str] | None = None

    def cues(self, start: int, end: int) -> list[tuple[int, int]]:
        """The verbs of saying lying inside ``body[start:end]``, in order.

        Stretches are searched one by one (most articles search a fraction of
        their text) until the characters searched pass twice the body's
        length; then one pass finds them all, so that many quotations close
        together never cost more than a few passes over the text.
        """
        if self._cues is None:
            self._searched += end - start
            if self._searched <= self._budget:
                if start > 0:
                    return [
                        match.span(1) for match in _CUE_AFTER.finditer(self.body, start - 1, end)
                    ]
                return _cues(self.body, start, end)
            self._cues = _cues(self.body, 0, len(self.body))
            self._cue_starts = [cue_start for cue_start, _ in self._cues]
        first = bisect.bisect_left(self._cue_starts, start)
        last = bisect.bisect_left(self._cue_starts, end, first)
        return [cue for cue in self._cues[first:last] if cue[1] <= end]

    def first_cue(self, start: int, end: int) -> tuple[int, int] | None:
        """The first of `cues` (``start``, ``end``), or None: one search, no list."""
        if self._cues is None:
            self._searched += end - start
            if self._searched <= self._budget:
                if start == 0:
                    match = _CUE.match(self.body, 0, end)
                    if match is not None:
                        return 0, match.end()
                    found = _CUE_AFTER.search(self.body, 0, end)
                else:
                    found = _CUE_AFTER.search(self.body, start - 1 if start > 0 else start, end)
                return None if found is None else found.span(1)
            self._cues = _cues(self.body, 0, len(self.body))
            self._cue_starts = [cue_start for cue_start, _ in self._cues]
        first = bisect.bisect_left(self._cue_starts, start)
        # Cues do not overlap: only the last one in range may pass ``end``.
        if first < len(self._cues) and self._cues[first][1] <= end:
            return self._cues[first]
        return None

    def mentions(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Mentions lying inside ``[start, end)``."""
        items = self.items
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(items) and items[i][0] < end:
            if items[i][1] <= end:
                out.append(items[i])
            i += 1
        return out

    def named(self, start: int, end: int, first: bool) -> _Found | None:
        """Among the `mentions` of ``[start, end)``, in one pass: the first or the last
        person named, else the first or the last mention; None if there are none."""
        items = self.items
        count = len(items)
        i = bisect.bisect_left(self.starts, start)
        chosen: tuple[int, int, int] | None = None
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

    def resolve_pronoun(self, word: str, pos: int) -> int | None:
        """The entity a speaking pronoun stands for: the last speaker, else the last name."""
        kind = _PRONOUNS.get(word.lower())
        if kind is None:
            return None
        last = self.last_speaker
        if PRONOUN_TO_SPEAKER and last is not None and self.entities[last].kind is kind:
            return last
        i = bisect.bisect_left(self.starts, pos) - 1
        while i >= 0:
            entity = self.items[i][2]
            if self.entities[entity].kind is kind:
                return entity
            i -= 1
        return last if last is not None and self.entities[last].kind is kind else None

    def subject(self, start: int, end: int, first: bool) -> _Found | None:
        """The speaker phrase in ``body[start:end]``: a name, a pronoun or a short phrase.

        ``first`` picks the first name (after a quote: ``Smith, a lawyer, said``),
        else the last (before one: ``A statement from US Centcom read``).
        """
        body = self.body
        while start < end and body[start] in " \u00a0,":
            start += 1
        # Back past commas and auxiliaries: "Smith has also" -> "Smith"; ``word`` is
        # then the last word, lower-cased.
        while True:
            while end > start and body[end - 1] in " \u00a0,":
                end -= 1
            cut = body.rfind(" ", start, end)
            if self._nbsp:
                cut = max(cut, body.rfind("\u00a0", start, end))
            if cut < start:
                cut = start - 1
                word = body[start:end].lower()
                break
            word = body[cut + 1 : end].lower()
            if word not in _AUX_WORDS:
                break
            end = cut
        if end <= start:
            return None
        if word in _PRONOUNS:
            return (cut + 1, end), self.resolve_pronoun(body[cut + 1 : end], cut + 1)
        named = self.named(start, end, first)
        if named is not None:
            return named
        # No name: a short noun phrase read back from the verb ("the statement").
        begin = end
        count = 0
        while begin > start and count < 8:
            space = max(body.rfind(" ", start, begin - 1), body.rfind("\u00a0", start, begin - 1))
            word_start = space + 1 if space >= start else start
            word = body[word_start:begin].strip()
            bare = word.strip(_CLAUSE_MARKS + ".").lower()
            if not bare or bare in _NP_STOP or word[-1:] in _CLAUSE_MARKS:
                break
            begin = word_start
            count += 1
            if bare in _DETERMINERS:
                break
            while begin > start and body[begin - 1] in " \u00a0":
                begin -= 1
            if begin > start and body[begin - 1] in _CLAUSE_MARKS:
                break
        while begin < end and body[begin] in " \u00a0":
            begin += 1
        if not count or begin >= end or not body[begin].isalpha():
            return None
        return (begin, end), None

    def clause_subject(self, start: int, end: int) -> _Found | None:
        """The subject opening the sentence ``body[start:end]``: its first name, pronoun
        or short noun phrase, past an opening phrase (``In an August speech, Trump``).

        For a verb with no subject of its own (``Dean ... poked at Trump, tweeting,``,
        ``... and said``) and for a quotation with no verb (``Trump attacked "..."``).
        """
        body = self.body
        while start < end and body[start] in " \u00a0":
            start += 1
        space = body.find(" ", start, end)
        first_word = body[start : space if space >= 0 else end]
        if first_word.strip(",").lower() in _OPENERS or (
            first_word.endswith(",") and not self.mentions(start, space)
        ):
            comma = body.find(",", start, end)
            if comma < 0:
                return None
            start = comma + 1
            while start < end and body[start] in " \u00a0":
                start += 1
        if start >= end or not body[start].isalpha():
            return None
        word_end = start
        while word_end < end and body[word_end].isalpha():
            word_end += 1
        word = body[start:word_end]
        if word.lower() in _PRONOUNS and word.lower() not in ("i", "you"):
            return (start, word_end), self.resolve_pronoun(word, start)
        mentions = self.mentions(start, end)
        # A name at the start of the clause, behind at most a title or a determiner.
        if mentions and len(body[start : mentions[0][0]].split()) <= 2:
            chosen = mentions[0]
            if not body.startswith(("'s", "’s"), chosen[1]):
                return (chosen[0], chosen[1]), chosen[2]
        if not word[:1].isupper() or word.lower() in _NP_STOP or word.lower() in _NOT_SUBJECTS:
            return None
        # A short noun phrase: "Small groups of protesters", "The piece".
        pos = word_end
        count = 1
        while count < 5:
            nxt = pos
            while nxt < end and body[nxt] in " \u00a0":
                nxt += 1
            stop = nxt
            while stop < end and (body[stop].isalnum() or body[stop] in "-'’"):
                stop += 1
            token = body[nxt:stop].lower()
            if (
                stop == nxt
                or token in _AUX_WORDS
                or (token in _NP_STOP and token != "of")
                or token.endswith(("ed", "ing"))
                or _CUE.fullmatch(token)
            ):
                break
            pos = stop
            count += 1
            if stop < end and body[stop] not in " \u00a0":
                break
        if count == 5:
            return None
        return (start, pos), None

    def after_verb(self, start: int, end: int) -> _Found | None:
        """The speaker right after a verb: ``said Smith``, ``according to Centcom``."""
        body = self.body
        stop = end
        for mark in ',;:.(“"—':
            at = body.find(mark, start + 1, stop)
            if at >= 0 and not (mark == "." and _ABBREV_BEFORE.search(body, max(0, at - 6), at)):
                stop = at
        while start < stop and body[start] in " \u00a0":
            start += 1
        if stop <= start:
            return None
        named = self.named(start, stop, True)
        if named is not None:
            return named
        word_end = start
        while word_end < stop and body[word_end].isalpha():
            word_end += 1
        word = body[start:word_end]
        if word.lower() in _PRONOUNS:
            return (start, word_end), self.resolve_pronoun(word, start)
        if not word or len(body[start:stop].split()) > 8:
            return None
        return (start, _rstrip(body, start, stop)), None

    def after_quote(self, close: int, limit: int, open_ended: bool) -> _Speaker | None:
        """``"...," he added`` / ``"...," said Smith`` / ``"...," Smith, 43, said``.

        ``open_ended``: the quotation ends with a comma, ``?`` or ``!``, so the words
        after it are its attribution; otherwise they must follow it closely.
        """
        body = self.body
        if self._dashes:
            pos = close
            while pos < limit and body[pos] in " \u00a0":
                pos += 1
            if pos < limit and body[pos] in "―—–":
                # An epigraph: “...” ― Name
                found = self.after_verb(pos + 1, limit)
                return None if found is None else (found[0], None, found[1])
        stop = close + 160 if close + 160 < limit else limit
        if self._cues is None and close > 0 and self._searched + stop - close <= self._budget:
            # `first_cue`, inline: one search of the stretch.
            self._searched += stop - close
            if stop - close < _SHORTEST_CUE:
                return None  # too short for a verb (a quotation ending its sentence)
            match = _CUE_AFTER.search(body, close - 1, stop)
            if match is None:
                return None
            cue_start, cue_end = match.span(1)
        else:
            cue = self.first_cue(close, stop)
            if cue is None:
                return None
            cue_start, cue_end = cue
        between = body[close:cue_start].strip(" \u00a0,")
        if not open_ended and (
            len(between.split()) > 6
            or "," in between
            or any(word in _NP_STOP for word in between.lower().split())
        ):
            # "A cashier who "steals ..." is held accountable, Warren said.": a speaker
            # and verb closing the sentence after a comma attribute all of it.
            comma = body.rfind(",", close, cue_start)
            rest = cue_end  # the first character after the verb, past spaces
            while rest < limit and body[rest] in " \u00a0":
                rest += 1
            if (
                comma < 0
                or (rest < limit and body[rest] != ".")
                or len(body[comma:cue_start].split()) > 4
            ):
                return None
            found = self.subject(comma + 1, cue_start, False)
            if found is None:
                return None
            return (found[0], (cue_start, cue_end), found[1])
        if not between or body.startswith(("according", "According"), cue_start):
            found = self.after_verb(cue_end, limit)
        else:
            found = self.subject(close, cue_start, True)
        if found is None:
            return None
        return (found[0], (cue_start, cue_end), found[1])

    def before_quote(self, start: int, open_mark: int) -> _Speaker | None:
        """``Smith said: "..."``, ``According to Centcom, ... "..."``."""
        body = self.body
        if self._cues is None and start > 0 and self._searched + open_mark - start <= self._budget:
            # `cues`, inline (one search per verb is cheaper than ``finditer``).
            self._searched += open_mark - start
            cues = []
            match = _CUE_AFTER.search(body, start - 1, open_mark)
            while match is not None:
                cues.append(match.span(1))
                after = match.end()
                # A verb needs a character before it, and its letters.
                match = (
                    _CUE_AFTER.search(body, after, open_mark)
                    if open_mark - after > _SHORTEST_CUE
                    else None
                )
        else:
            cues = self.cues(start, open_mark)
        own: tuple[int, int] | None = None  # a verb whose speaker is an earlier verb's
        clause_marks = self._clause_marks
        if clause_marks is None:
            clause_marks = self._clause_marks = [mark for mark in ",;:(—–" if mark in body]
        for n in range(len(cues) - 1, -1, -1):
            cue_start, cue_end = cues[n]
            if body.startswith(("according", "According"), cue_start):
                found = self.after_verb(cue_end, open_mark)
            else:
                found = None
                # The lower-case word (or a lone comma) right before the verb.
                end = cue_start
                while end > 0 and body[end - 1] in " \u00a0":
                    end -= 1
                if end > 0 and body[end - 1] == ",":
                    before = ","
                else:
                    # Most often all letters back to a space (a space not too far back,
                    # for a text with no spaces).
                    begin = body.rfind(" ", end - 40 if end > 40 else 0, end) + 1
                    before = body[begin:end]
                    if not begin or not before.isalpha():
                        begin = end
                        while begin > 0 and body[begin - 1].isalpha():
                            begin -= 1
                        before = body[begin:end]
                    before = before.lower()
                if before in _SUBJECTLESS or (
                    before == "," and body.endswith("ing", cue_start, cue_end)
                ):
                    # "Dean poked at Trump, tweeting, ...", "... and said": the speaker
                    # of an earlier verb ("Smith has said, calling ..."), else the
                    # subject of the sentence.
                    if n:
                        own = own or (cue_start, cue_end)
                        continue
                    found = self.clause_subject(start, cue_start)
                    if found is not None:
                        return (found[0], (cue_start, cue_end), found[1])
                clause = start
                for mark in clause_marks:
                    at = body.rfind(mark, start, cue_start)
                    if at >= clause and body[at + 1 : cue_start].strip():
                        clause = at + 1
                who = clause
                while who < cue_start and body[who] in " \u00a0":
                    who += 1
                relative = body.startswith(("who ", "who\u00a0"), who)
                inner = self.subject(who + 4, cue_start, False) if relative else None
                if inner is not None and (
                    inner[1] is not None or body[inner[0][0] : inner[0][1]].lower() in _PRONOUNS
                ):
                    # "Obama, who he noted was": the relative pronoun is not the speaker.
                    return (inner[0], (cue_start, cue_end), inner[1])
                if clause > start and relative:
                    # "McConnell, the majority leader, who in 2010 said": the relative
                    # pronoun speaks, for the person named before it.
                    persons = [
                        m
                        for m in self.mentions(start, clause)
                        if self.entities[m[2]].kind is EntityKind.PERSON
                    ]
                    entity = persons[-1][2] if persons else None
                    return ((who, who + 3), (cue_start, cue_end), entity)
                found = self.subject(clause, cue_start, False)
                if found is None and clause > start:
                    # "Sanders, who lost to Clinton, said": the subject comes first.
                    found = self.subject(start, cue_start, True)
                if found is None and not body[start:cue_start].strip(" \u00a0"):
                    found = self.after_verb(cue_end, open_mark)  # "Said Ellis: ..."
            if found is not None:
                return (found[0], own or (cue_start, cue_end), found[1])
        return None

    def name_colon(self, start: int, open_mark: int) -> _Speaker | None:
        """``Sonya Herridge: "..."``, transcripts (``WALLACE: ...``), and a sentence that
        introduces the quotation with a colon (``Obama is rolling out a message: "..."``)."""
        body = self.body
        stop = _rstrip(body, start, open_mark)
        if stop <= start or body[stop - 1] != ":":
            return None
        colon = stop - 1
        words = body[start:colon].split()
        if not words:
            return None
        mentions = self.mentions(start, colon)
        if len(words) <= 6:
            if mentions:
                return ((mentions[-1][0], mentions[-1][1]), None, mentions[-1][2])
            if all(w[:1].isupper() for w in words):
                return ((start, _rstrip(body, start, colon)), None, None)
            return None
        clause = max(body.rfind(",", start, colon), body.rfind(";", start, colon)) + 1
        persons = [
            m for m in mentions if self.entities[m[2]].kind is EntityKind.PERSON and m[0] >= clause
        ]
        if persons:
            return ((persons[0][0], persons[0][1]), None, persons[0][2])
        return None


def _word_before(body: str, pos: int) -> str:
    """The lower-case word (or a lone comma) right before ``pos``, past spaces."""
    end = pos
    while end > 0 and body[end - 1] in " \u00a0":
        end -= 1
    if end > 0 and body[end - 1] == ",":
        return ","
    begin = end
    while begin > 0 and body[begin - 1].isalpha():
        begin -= 1
    return body[begin:end].lower()


def _strip_aux(body: str, start: int, end: int) -> int:
    """``end`` moved back past commas and auxiliaries: ``Smith has also`` -> ``Smith``."""
    while True:
        while end > start and body[end - 1] in " \u00a0,":
            end -= 1
        cut = max(body.rfind(" ", start, end), body.rfind("\u00a0", start, end))
        if cut < start or body[cut + 1 : end].lower() not in _AUX_WORDS:
            return end
        end = cut


def _looks_like_title(text: str) -> bool:
    """``Face the Nation``, ``Fox News Sunday,``: two to eight words, each capitalised."""
    words = text.rstrip(",.").split()
    if not 2 <= len(words) <= 8 or text[-1:] in "!?":
        return False
    return all(_title_word(w) for w in words)


def _title_word(word: str) -> bool:
    """A word a title may have: capitalised, a small word (``of``), or no word."""
    return word[0].isupper() or word in _TITLE_CASE_SKIP or not word[0].isalpha()


def _titled_before(body: str, pos: int) -> bool:
    """Words before a quotation that introduce a title: ``CBS's "..."``, ``titled "..."``."""
    before = body[max(0, pos - 12) : pos].rstrip(" \u00a0")
    return before.endswith(
        ("'s", "’s", " on", "On", " of", " in", " titled", " called", " entitled", " show")
    )


def _is_markup(text: str) -> bool:
    """Quote marks of markup debris: ``<tweet pic="..." author="...">``."""
    return "=" in text and ("<" in text or ">" in text or '="' in text)


def find_quotes(
    body: str, entities: Sequence[Entity], index: Sequence[tuple[int, int, int]]
) -> tuple[list[Quote], list[QuoteProblem]]:
    """The direct quotations in ``body`` with their speakers, and any unbalanced marks.

    ``entities`` and ``index`` (``(start, end, entity)`` per mention, sorted) are
    what the entity extractor found; speakers are resolved to them.
    """
    problems: list[QuoteProblem] = []
    if (
        '"' not in body
        and "“" not in body
        and "”" not in body
        and "'" not in body
        and "’" not in body
        and "‘" not in body
    ):
        return [], problems
    paragraphs = _paragraphs(body)
    raws = _find_raw(body, paragraphs, problems)
    if not raws:
        return [], problems
    att = _Attributor(body, entities, index)
    sentences = _sentence_breaks(body)
    quotes: list[Quote] = []
    prev: _Speaker | None = None
    prev_para = -1
    prev_close = 0
    size = len(body)
    count = len(raws)
    bisect_right = bisect.bisect_right
    after_quote = att.after_quote
    for n in range(count):
        spans, open_mark, close_mark, closed, single, p, last_p = raws[n]
        if len(spans) == 1:
            text = body[spans[0][0] : spans[0][1]]
        else:
            text = "\n\n".join(body[s:e] for s, e in spans)
        if not text or text.isspace():
            continue
        para_start = paragraphs[p][0]
        # Speakers are looked for at most _LOOK_BACK characters before the quotation
        # (so that a paragraph of many quotations and no sentence break stays linear).
        reach = open_mark - _LOOK_BACK
        floor = prev_close if prev_para == p else para_start
        if reach > floor:
            floor = reach
        # Its sentence starts at the last break before it, or at the floor (which is
        # never before the paragraph's start: `_sentence_breaks` leaves those out).
        sent_start = sentences[bisect_right(sentences, open_mark) - 1]
        if floor > sent_start:
            sent_start = floor
        end = spans[-1][1]
        last_char = body[end - 1 : end]
        # A quotation ending its own sentence (``... timing." Gov. Smith said``) is not
        # attributed by the next sentence; one ending in ``?`` or ``!`` may be
        # (``"Why now?" Smith asked``).
        # The words after it run to the next sentence break, the next quotation or
        # the paragraph's end, whichever comes first.
        k = bisect_right(sentences, close_mark + (last_char != "."))
        after_limit = sentences[k] if k < len(sentences) else size
        if n + 1 < count and raws[n + 1][1] < after_limit:
            after_limit = raws[n + 1][1]
        if paragraphs[last_p][1] < after_limit:
            after_limit = paragraphs[last_p][1]
        # 1. Right after the quotation: "...," he added.
        speaker = after_quote(close_mark, after_limit, last_char in ",?!…—-") if closed else None
        continued = weak = False
        if speaker is None:
            # 2. Earlier in its sentence: Smith said: "...", or Smith: "..."
            if sent_start < open_mark:
                speaker = att.before_quote(sent_start, open_mark)
                if speaker is None:
                    speaker = att.name_colon(max(para_start, reach), open_mark)
                # 2b. No verb of saying: the subject of its sentence (``Trump attacked
                # "..."``).
                if speaker is None:
                    found = att.clause_subject(sent_start, open_mark)
                    if found is not None:
                        speaker = (found[0], None, found[1])
                        weak = True
            # 3. The sentence before, in the same paragraph: "Smith said so. "..."" (a
            # paraphrase, then the quotation), when no earlier quotation spoke in between.
            if speaker is None and floor < sent_start and prev_para != p:
                speaker = att.before_quote(floor, sent_start)
            # 4. The paragraph before ends with "Smith said:" (or "Smith made this
            # comment:").
            if speaker is None and sent_start == para_start and p > 0:
                prev_start, prev_stop = paragraphs[p - 1]
                last = _rstrip(body, prev_start, prev_stop)
                if last > prev_start and body[last - 1] == ":":
                    prev_start = max(prev_start, prev_stop - _LOOK_BACK)
                    ps = max(sentences[bisect_right(sentences, prev_stop - 1) - 1], prev_start)
                    speaker = att.before_quote(ps, prev_stop) or att.name_colon(ps, prev_stop)
            # 5. A quotation with no verb of its own continues the one before it.
            if (
                speaker is None
                and prev is not None
                and (prev_para == p or (prev_para == p - 1 and sent_start == para_start))
            ):
                speaker = prev
                continued = True
        # A title or markup is no quotation, nor are a few quoted words nobody says.
        # (`_looks_like_title` reads the text only when its first two words, which
        # it reads as they stand here, are ones a title may have: `_title_word`,
        # inline.)
        head = text.split(None, 2)
        if ("=" in text and _is_markup(text)) or (
            len(head) > 1
            and text[-1] not in "!?"
            and (
                (word := head[0])[0].isupper() or word in _TITLE_CASE_SKIP or not word[0].isalpha()
            )
            and (
                len(head) == 2
                or (word := head[1])[0].isupper()
                or word in _TITLE_CASE_SKIP
                or not word[0].isalpha()
            )
            and _looks_like_title(text)
            and (speaker is None or _titled_before(body, open_mark))
        ):
            continue
        if speaker is None or continued or weak:
            words = len(head) if len(head) < 3 else len(text.split())
            if (
                (speaker is None or words < 4)
                and ((single and words < 6) or words < MIN_UNATTRIBUTED_WORDS)
                and not (words == 1 and att.first_cue(sent_start, after_limit))
            ):
                continue
        if speaker is not None:
            if speaker[2] is not None:
                att.last_speaker = speaker[2]
            prev = speaker
        prev_para = last_p
        prev_close = close_mark
        if len(spans) == 1:
            parts: tuple[Span, ...] = (_span(spans[0][0], spans[0][1], text),)
        else:
            parts = tuple(_span(s, e, body[s:e]) for s, e in spans)
        if speaker is None:
            quotes.append(_quote(text, parts, None, None, None))
            continue
        where, cue, entity = speaker
        quotes.append(
            _quote(
                text,
                parts,
                _span(where[0], where[1], body[where[0] : where[1]]) if where else None,
                _span(cue[0], cue[1], body[cue[0] : cue[1]]) if cue and not continued else None,
                entity,
            )
        )
    return quotes, problems
