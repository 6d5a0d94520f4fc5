"""Direct quotations: find them, join them over paragraphs, and attribute them.

Quote marks are paired per paragraph with a small state machine (curly marks
say which way they face; a straight mark is read from the characters around
it).  A quotation still open at the end of a paragraph continues when the next
paragraph opens with a quote mark (the convention for quotes running over
paragraphs); otherwise it is closed there and reported as unbalanced.

Attribution looks, in order, right after the quotation (``"...," he added``,
``"...," said Smith``), earlier in its sentence (``Smith said: "..."``,
``According to Centcom, ... "..."``), and at the quotation before it (a quote
paragraph with no verb of saying continues the previous speaker).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from newsdoc._model import Entity, EntityKind, Quote, Span

__all__ = ["QuoteProblem", "find_quotes"]

_SP = r"[ \u00a0]"
# Verbs and phrases that introduce or close a quotation.
_CUE_WORDS = (
    r"said|says|say|saying|added|adds|adding|told|tells|telling|asked|asks|asking|stated|states"
    r"|wrote|writes|writing|explained|explains|explaining|noted|notes|noting|argued|argues"
    r"|arguing|insisted|insists|insisting|warned|warns|warning|claimed|claims|claiming|declared"
    r"|declares|announced|announces|continued|continues|recalled|recalls|replied|replies"
    r"|responded|responds|tweeted|tweets|posted|posts|acknowledged|acknowledges|admitted|admits"
    r"|complained|complains|conceded|concedes|concluded|concludes|suggested|suggests|urged"
    r"|urges|stressed|stresses|emphasized|emphasised|emphasizes|emphasises|remarked|observed"
    r"|cautioned|predicted|promised|vowed|boasted|joked|quipped|shouted|yelled|chanted|chanting"
    r"|exclaimed|whispered|read|reads|reported|reports|described|describes|calling|called|calls"
    r"|dubbed|labeled|labelled|branded|testified|confirmed|denied|agreed|countered|conceded"
    r"|lamented|mused|marveled|marvelled|pleaded|demanded|accused|urging|promising|vowing"
    r"|wondered|asserted|asserts|maintained|maintains|reiterated|acknowledging|describing"
)
_CUE_PHRASES = (
    r"according[ \u00a0]+to|quoted[ \u00a0]+as[ \u00a0]+saying|in[ \u00a0]+a[ \u00a0]+statement"
    r"|pointed[ \u00a0]+out|went[ \u00a0]+on|put[ \u00a0]+it"
)
_CUE = re.compile(rf"\b(?:{_CUE_PHRASES}|{_CUE_WORDS})\b", re.IGNORECASE)
_CUE_EXACT = re.compile(rf"(?:{_CUE_PHRASES}|{_CUE_WORDS})\b", re.IGNORECASE)
_PRONOUNS = {
    "he": EntityKind.PERSON,
    "she": EntityKind.PERSON,
    "they": EntityKind.ORGANIZATION,
    "it": EntityKind.ORGANIZATION,
    "we": EntityKind.ORGANIZATION,
}
_PRONOUN_AT = re.compile(r"(?:he|she|they|it|we|He|She|They|It|We|I)\b")
# Words between a speaker and the verb: "has said", "was quoted as saying", "also said".
_AUX = re.compile(
    rf"(?:{_SP}+(?:has|have|had|was|were|is|are|also|later|then|previously|recently|once|"
    rf"reportedly|would|will|had|earlier|again|further|told|and|repeatedly|simply|just|"
    rf"often|frequently|has been|have been|publicly|privately|quickly|flatly|bluntly|"
    rf"immediately|separately|last|first)\b)+{_SP}*\Z"
)
# A speaker noun phrase before a verb: up to eight words after a clause boundary.
_NP_BEFORE = re.compile(
    r"(?:^|(?<=[,;:(—–])|(?<=\bthat)|(?<=\band)|(?<=\bbut))[ \u00a0]*"
    r"(?P<np>(?:[^\s,;:()“”\"—–]+[ \u00a0]+){0,7}[^\s,;:()“”\"—–]+)[ \u00a0]*\Z"
)
# A speaker after "said": a name or a noun phrase up to the next punctuation.
_NP_AFTER = re.compile(
    r"[ \u00a0]+(?P<np>[^\s,.;:!?()“”\"—–]+(?:[ \u00a0]+[^\s,.;:!?()“”\"—–]+){0,7})"
)
_LEADING_JUNK = re.compile(r"(?:(?:and|but|so|then|as|while|when|because|that|which)[ \u00a0]+)+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ABBREV_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Lt|Gen|Col|Maj|Capt|Sgt|Rev|Prof|[A-Z])\.\Z"
)
_TITLE_CASE_SKIP = frozenset("of the a an and for on in at to &".split())


@attrs.frozen(slots=True)
class QuoteProblem:
    """An unbalanced quote mark at body offset ``pos`` (reported as a diagnostic)."""

    pos: int
    message: str


@attrs.define(slots=True)
class _Raw:
    """A quotation as found: content spans, and where its marks stand."""

    spans: list[tuple[int, int]]
    open_mark: int  # offset of the opening mark (or the start of the content)
    close_mark: int  # offset just past the closing mark (or the end of the content)
    closed: bool
    single: bool


def _paragraphs(body: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while True:
        end = body.find("\n\n", pos)
        if end < 0:
            out.append((pos, len(body)))
            return out
        out.append((pos, end))
        pos = end + 2


_MARKS = re.compile("[\"“”‘’']")


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _scan_marks(
    body: str, start: int, end: int, problems: list[QuoteProblem]
) -> tuple[list[_Raw], int | None, bool]:
    """Pair the quote marks of one paragraph.

    Returns the closed quotations, and the offset of the opening mark of a double
    quotation still open at the paragraph's end (with whether it is single).
    """
    found: list[_Raw] = []
    open_double: int | None = None
    open_single: int | None = None
    for match in _MARKS.finditer(body, start, end):
        pos = match.start()
        ch = match.group()
        before = body[pos - 1] if pos > start else " "
        after = body[pos + 1] if pos + 1 < end else " "
        if ch == "’" or ch == "'":
            if _is_letter(before) and _is_letter(after):
                continue  # an apostrophe: don't, Friday’s
            if open_single is not None and open_double is None and not before.isspace():
                if before == "s" and after == " " and pos - open_single > 60:
                    pass  # likely a plural possessive inside a long single quotation
                found.append(_Raw([(open_single + 1, pos)], open_single, pos + 1, True, True))
                open_single = None
                continue
            if ch == "'" and open_single is None and open_double is None:
                if (
                    (before.isspace() or before in "([—–")
                    and _is_letter(after)
                    and not after.isdigit()
                ):
                    open_single = pos
            continue
        if ch == "‘":
            if open_double is None and open_single is None and not _is_letter(before):
                open_single = pos
            continue
        if ch == "“":
            opening = True
        elif ch == "”":
            opening = False
        else:  # a straight double mark: read its direction from around it
            if open_double is None:
                opening = not (_is_letter(before) and not _is_letter(after)) or before in "=("
            else:
                opening = before.isspace() and not after.isspace() and after not in ",.;:!?"
                if opening and open_double is not None and pos - open_double < 2:
                    opening = False
        if before == "=":
            continue  # markup debris: attr="value"
        if opening:
            if open_double is not None:
                # Two openers in a row: the first quotation was never closed.
                problems.append(
                    QuoteProblem(
                        open_double, "A quotation mark opens a quotation that never closes"
                    )
                )
                found.append(
                    _Raw(
                        [(open_double + 1, _rstrip(body, open_double + 1, pos))],
                        open_double,
                        pos,
                        False,
                        False,
                    )
                )
            open_double = pos
            open_single = None
        else:
            if open_double is None:
                # A closing mark with no opening one: quote from the paragraph's start.
                problems.append(
                    QuoteProblem(pos, "A closing quotation mark has no opening mark before it")
                )
                found.append(_Raw([(start, pos)], start, pos + 1, True, False))
                open_single = None
                continue
            found.append(_Raw([(open_double + 1, pos)], open_double, pos + 1, True, False))
            open_double = None
            open_single = None
    return found, open_double, False


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def _find_raw(body: str, problems: list[QuoteProblem]) -> list[_Raw]:
    paragraphs = _paragraphs(body)
    quotes: list[_Raw] = []
    carry: _Raw | None = None  # a quotation running on from the previous paragraph
    for start, end in paragraphs:
        para_start = start
        if carry is not None:
            first = body[start] if start < end else ""
            if first in '“"':
                # The quotation continues: its next stretch runs to the next closing mark.
                found, still_open, _ = _scan_marks(body, start, end, problems)
                if found and found[0].open_mark == start:
                    # The paragraph's first quote is the continuation: merge it.
                    cont = found.pop(0)
                    carry.spans.extend(cont.spans)
                    carry.close_mark = cont.close_mark
                    carry.closed = True
                    quotes.append(carry)
                    carry = None
                    quotes.extend(found)
                    if still_open is not None:
                        carry = _Raw(
                            [(still_open + 1, _rstrip(body, still_open + 1, end))],
                            still_open,
                            end,
                            False,
                            False,
                        )
                    continue
                if not found and still_open == start:
                    # Still open at the end of this paragraph too.
                    carry.spans.append((start + 1, _rstrip(body, start + 1, end)))
                    carry.close_mark = end
                    continue
                quotes.append(_close_unbalanced(carry, problems))
                carry = None
                quotes.extend(found)
                if still_open is not None:
                    carry = _Raw(
                        [(still_open + 1, _rstrip(body, still_open + 1, end))],
                        still_open,
                        end,
                        False,
                        False,
                    )
                continue
            quotes.append(_close_unbalanced(carry, problems))
            carry = None
        found, still_open, _ = _scan_marks(body, para_start, end, problems)
        quotes.extend(found)
        if still_open is not None:
            carry = _Raw(
                [(still_open + 1, _rstrip(body, still_open + 1, end))],
                still_open,
                end,
                False,
                False,
            )
    if carry is not None:
        quotes.append(_close_unbalanced(carry, problems))
    return quotes


def _close_unbalanced(raw: _Raw, problems: list[QuoteProblem]) -> _Raw:
    problems.append(
        QuoteProblem(raw.open_mark, "A quotation mark opens a quotation that never closes")
    )
    return raw


# ------------------------------------------------------------------ attribution


class _Index:
    """Mentions by position, for speaker lookup."""

    def __init__(self, index: Sequence[tuple[int, int, int]], entities: Sequence[Entity]) -> None:
        self.starts = [s for s, _, _ in index]
        self.items = list(index)
        self.entities = entities

    def within(self, start: int, end: int) -> list[tuple[int, int, int]]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i][0] < end:
            if self.items[i][1] <= end:
                out.append(self.items[i])
            i += 1
        return out

    def last_of_kind(self, before: int, kind: EntityKind) -> int | None:
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0:
            entity = self.items[i][2]
            if self.entities[entity].kind is kind:
                return entity
            i -= 1
        return None


def _sentence_start(body: str, floor: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (not before ``floor``)."""
    i = pos - 1
    while i > floor:
        ch = body[i]
        if ch in ".!?" and i + 1 < len(body) and body[i + 1] in " \u00a0":
            if not _ABBREV_END.search(body, max(floor, i - 5), i + 1):
                return i + 2
        i -= 1
    return floor


def _sentence_end(body: str, pos: int, ceiling: int) -> int:
    i = pos
    while i < ceiling:
        ch = body[i]
        if ch in ".!?" and (i + 1 >= ceiling or body[i + 1] in ' \u00a0"”’'):
            if not _ABBREV_END.search(body, max(pos, i - 5), i + 1):
                return i + 1
        i += 1
    return ceiling


@attrs.define(slots=True)
class _Speaker:
    span: tuple[int, int] | None
    cue: tuple[int, int] | None
    entity: int | None


class _Attributor:
    def __init__(
        self, body: str, entities: Sequence[Entity], index: Sequence[tuple[int, int, int]]
    ):
        self.body = body
        self.entities = entities
        self.index = _Index(index, entities)

    def speaker_before(self, start: int, end: int) -> _Speaker | None:
        """The speaker of a verb of saying in ``body[start:end]`` (the last one that has one)."""
        body = self.body
        cues = list(_CUE.finditer(body, start, end))
        for cue in reversed(cues):
            word = cue.group().lower()
            if word.startswith("according"):
                np = self.np_after(cue.end(), end)
                if np is not None:
                    return _Speaker(np[0], (cue.start(), cue.end()), np[1])
                continue
            np_end = cue.start()
            aux = _AUX.search(body, start, np_end)
            if aux is not None:
                np_end = aux.start()
            else:
                while np_end > start and body[np_end - 1] in " \u00a0":
                    np_end -= 1
            found = self.np_before(start, np_end)
            if found is not None:
                return _Speaker(found[0], (cue.start(), cue.end()), found[1])
        return None

    def np_before(self, start: int, end: int) -> tuple[tuple[int, int], int | None] | None:
        """The speaker phrase ending at ``end``: a pronoun, a name, or a short noun phrase."""
        body = self.body
        if end <= start:
            return None
        pronoun = re.search(
            r"\b(?:he|she|they|it|we|He|She|They|It|We|I)\Z", body[max(start, end - 5) : end]
        )
        if pronoun is not None:
            p_start = max(start, end - 5) + pronoun.start()
            return (p_start, end), self.resolve_pronoun(body[p_start:end], p_start)
        match = _NP_BEFORE.search(body[start:end])
        if match is None:
            return None
        np_start = start + match.start("np")
        junk = _LEADING_JUNK.match(body, np_start, end)
        if junk is not None:
            np_start = junk.end()
        if np_start >= end:
            return None
        mentions = self.index.within(np_start, end)
        if mentions:
            persons = [m for m in mentions if self.entities[m[2]].kind is EntityKind.PERSON]
            chosen = persons[-1] if persons else mentions[-1]
            return (chosen[0], chosen[1]), chosen[2]
        words = body[np_start:end]
        if not _WORD.match(words) or len(words) > 80:
            return None
        return (np_start, end), None

    def np_after(self, start: int, end: int) -> tuple[tuple[int, int], int | None] | None:
        """The speaker phrase right after ``start`` (``said Smith``, ``according to X``)."""
        body = self.body
        mentions = self.index.within(start, min(end, start + 80))
        if mentions and body[start : mentions[0][0]].strip(" \u00a0").lower() in (
            "",
            "the",
            "a",
            "an",
        ):
            first = mentions[0]
            return (first[0], first[1]), first[2]
        pronoun = (
            _PRONOUN_AT.match(body, start + 1) if start < len(body) and body[start] == " " else None
        )
        if pronoun is not None:
            return (pronoun.start(), pronoun.end()), self.resolve_pronoun(
                pronoun.group(), pronoun.start()
            )
        match = _NP_AFTER.match(body, start, end)
        if match is None:
            return None
        np_start, np_end = match.span("np")
        inner = self.index.within(np_start, np_end)
        if inner:
            persons = [m for m in inner if self.entities[m[2]].kind is EntityKind.PERSON]
            chosen = persons[0] if persons else inner[0]
            return (chosen[0], chosen[1]), chosen[2]
        return (np_start, np_end), None

    def resolve_pronoun(self, word: str, pos: int) -> int | None:
        kind = _PRONOUNS.get(word.lower())
        if kind is None:
            return None
        if self.last_speaker is not None and self.entities[self.last_speaker].kind is kind:
            return self.last_speaker
        return self.index.last_of_kind(pos, kind)

    last_speaker: int | None = None

    def speaker_after(self, pos: int, ceiling: int) -> _Speaker | None:
        """``"...," he added`` / ``"...," said Smith`` right after a closing mark."""
        body = self.body
        i = pos
        while i < ceiling and body[i] in " \u00a0,":
            i += 1
        if i >= ceiling or i == pos and body[i] not in " \u00a0":
            return None
        cue = _CUE_EXACT.match(body, i)
        if cue is not None:
            found = self.np_after(cue.end(), _clause_end(body, cue.end(), ceiling))
            if found is not None:
                return _Speaker(found[0], (cue.start(), cue.end()), found[1])
            return None
        clause = _clause_end(body, i, ceiling)
        inner = _CUE.search(body, i, clause)
        if inner is None or inner.start() - i > 120:
            return None
        end = inner.start()
        aux = _AUX.search(body, i, end)
        end = aux.start() if aux is not None else _rstrip(body, i, end)
        if end <= i:
            return None
        pronoun = _PRONOUN_AT.fullmatch(body, i, end)
        if pronoun is not None:
            return _Speaker(
                (i, end), (inner.start(), inner.end()), self.resolve_pronoun(pronoun.group(), i)
            )
        mentions = self.index.within(i, end)
        if mentions:
            persons = [m for m in mentions if self.entities[m[2]].kind is EntityKind.PERSON]
            chosen = persons[0] if persons else mentions[0]
            return _Speaker((chosen[0], chosen[1]), (inner.start(), inner.end()), chosen[2])
        if end - i > 80 or not _WORD.match(body, i):
            return None
        return _Speaker((i, end), (inner.start(), inner.end()), None)


def _clause_end(body: str, pos: int, ceiling: int) -> int:
    """The end of the sentence from ``pos``, stopping at the next quote mark."""
    end = _sentence_end(body, pos, ceiling)
    for mark in '“"':
        at = body.find(mark, pos, end)
        if at >= 0:
            end = at
    return end


def _looks_like_title(text: str) -> bool:
    """``Face the Nation``: every word capitalised, nothing after a sentence mark."""
    words = text.split()
    if not 1 <= len(words) <= 8 or text[-1:] in ".!?,":
        return False
    return all(w[0].isupper() or w in _TITLE_CASE_SKIP or not w[0].isalpha() for w in words)


def find_quotes(
    body: str, entities: Sequence[Entity], index: Sequence[tuple[int, int, int]]
) -> tuple[list[Quote], list[QuoteProblem]]:
    """The direct quotations in ``body`` with their speakers, and any unbalanced marks."""
    problems: list[QuoteProblem] = []
    raws = _find_raw(body, problems)
    raws.sort(key=lambda r: r.spans[0][0])
    att = _Attributor(body, entities, index)
    paragraphs = _paragraphs(body)
    para_starts = [s for s, _ in paragraphs]
    quotes: list[Quote] = []
    prev: _Speaker | None = None
    prev_para = -1
    prev_end = 0
    for raw in raws:
        first_start, _ = raw.spans[0]
        last_end = raw.spans[-1][1]
        if last_end <= first_start and len(raw.spans) == 1:
            continue
        text = "\n\n".join(body[s:e] for s, e in raw.spans)
        if not text.strip():
            continue
        p = bisect.bisect_right(para_starts, first_start) - 1
        para_start, para_end = paragraphs[p]
        lp = bisect.bisect_right(para_starts, max(raw.close_mark - 1, 0)) - 1
        last_para_end = paragraphs[lp][1]
        floor = max(para_start, prev_end if prev_para == p else para_start)
        sent_start = _sentence_start(body, floor, raw.open_mark)
        speaker: _Speaker | None = None
        # 1. Right after the quotation: "...," he added.
        if raw.closed:
            speaker = att.speaker_after(raw.close_mark, last_para_end)
        # 2. Earlier in its sentence: Smith said: "..."
        if speaker is None and sent_start < raw.open_mark:
            speaker = att.speaker_before(sent_start, raw.open_mark)
        # 3. The paragraph before ends with "Smith said:"
        if speaker is None and sent_start == para_start and p > 0:
            prev_start, prev_stop = paragraphs[p - 1]
            if body[prev_start:prev_stop].rstrip().endswith(":"):
                ps = _sentence_start(body, prev_start, prev_stop - 1)
                speaker = att.speaker_before(ps, prev_stop)
        # 4. A quotation with no verb of its own continues the one before it.
        continued = False
        if speaker is None and prev is not None and (prev_para == p or prev_para == p - 1):
            if prev_para == p or sent_start == para_start:
                speaker = prev
                continued = True
        words = len(text.split())
        if speaker is None or (continued and words < 4):
            if raw.single and words < 6:
                continue
            if words < 3 or _looks_like_title(text):
                continue
        if speaker is not None and speaker.entity is not None:
            att.last_speaker = speaker.entity
        if speaker is not None:
            prev = speaker
        prev_para = lp
        prev_end = raw.close_mark
        quotes.append(
            Quote(
                text=text,
                spans=tuple(Span(start=s, end=e, text=body[s:e]) for s, e in raw.spans),
                speaker=_span(body, speaker.span) if speaker and speaker.span else None,
                cue=_span(body, speaker.cue) if speaker and speaker.cue and not continued else None,
                entity=speaker.entity if speaker else None,
            )
        )
    return quotes, problems


def _span(body: str, se: tuple[int, int]) -> Span:
    return Span(start=se[0], end=se[1], text=body[se[0] : se[1]])
