"""Who said a quotation: the steps tried in order, each a short rule.

`STEPS` is the table: each step looks for the speaker in one place and returns a
`Speaker` or None, and the first that finds one wins.  A step knows where it may
look from the `Context` (the quotation at hand, its sentence and paragraph, and the
quotation before it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from newsdoc._model import EntityKind
from newsdoc.extraction._quotes._context import LOOK_BACK, Context, Speaker
from newsdoc.extraction._quotes._cues import Cue
from newsdoc.extraction._quotes._marks import rstrip
from newsdoc.extraction._quotes._phrases import name_after, sentence_subject, subject_before
from newsdoc.extraction._quotes._words import PHRASE_STOPS, PRONOUNS, SPEAKER_AFTER, SUBJECTLESS

__all__ = ["NO_WORDS_BEFORE", "STEPS", "WITH_WORDS_BEFORE", "How", "Step", "said_before"]

#: How sure a step is: ``"said"`` (a verb of saying or a colon names the speaker),
#: ``"subject"`` (no verb: the subject of the quotation's sentence) or ``"continued"``
#: (the speaker of the quotation before).
How = Literal["said", "subject", "continued"]

#: Speakers are looked for at most this many characters after a quotation.
_LOOK_AHEAD = 160
_SPACES = " \u00a0"
_PERSON = EntityKind.PERSON


# ------------------------------------------------------------------------ the steps


def after_quote(ctx: Context) -> Speaker | None:
    """Right after the quotation: ``"...," he added``, ``"...," said Smith``, ``"...,"
    Smith, 43, said``, ``"..." for an hour, according to Smith``, or a dash and a name
    (``“...” ― Name``)."""
    spans, _, close, closed, _, _, _ = ctx.quotation
    if not closed:
        return None
    limit = ctx.after_limit
    text = ctx.text
    if ctx.dashes:
        # An epigraph: “...” ― Name (a dash right after the quotation, past spaces).
        pos = close
        while pos < limit and text[pos] in _SPACES:
            pos += 1
        if pos < limit and text[pos] in "―—–":
            found = name_after(ctx, pos + 1, limit)
            return None if found is None else (found[0], None, found[1])
    cue = ctx.cues.first(close, close + _LOOK_AHEAD if close + _LOOK_AHEAD < limit else limit)
    if cue is None:
        return None
    between = text[close : cue[0]].strip(" \u00a0,")
    # Unless the quotation ends in a comma, "?" or "!" (which ask for an attribution),
    # its speaker and verb follow it closely.
    end = spans[-1][1]
    if text[end - 1 : end] not in ",?!…—-" and (
        len(between.split()) > 6
        or "," in between
        or any(word in PHRASE_STOPS for word in between.lower().split())
    ):
        return _closing_clause(ctx, close, cue, limit)
    if not between or text.startswith(SPEAKER_AFTER, cue[0]):
        found = name_after(ctx, cue[1], limit)
    else:
        found = subject_before(ctx, close, cue[0], True)
    return None if found is None else (found[0], cue, found[1])


def _closing_clause(ctx: Context, close: int, cue: Cue, limit: int) -> Speaker | None:
    """``A cashier who "steals ..." is held accountable, Warren said.``: a speaker and a
    verb closing the sentence after a comma (and a few words) attribute all of it."""
    text = ctx.text
    comma = text.rfind(",", close, cue[0])
    rest = cue[1]  # the first character after the verb, past spaces
    while rest < limit and text[rest] in _SPACES:
        rest += 1
    if comma < 0 or (rest < limit and text[rest] != ".") or len(text[comma : cue[0]].split()) > 4:
        return None
    found = subject_before(ctx, comma + 1, cue[0], False)
    return None if found is None else (found[0], cue, found[1])


def before_quote(ctx: Context) -> Speaker | None:
    """Earlier in its sentence: ``Smith said: "..."``, ``According to Centcom, ...
    "..."``, ``Smith told reporters the plan was "..."``."""
    return said_before(ctx, ctx.sentence_start, ctx.open_mark)


def name_and_colon(ctx: Context) -> Speaker | None:
    """A name and a colon before it: ``Sonya Herridge: "..."``, a transcript's ``WALLACE:
    ...``, or a sentence that introduces it with a colon (``Obama is rolling out a
    message: "..."``)."""
    open_mark = ctx.open_mark
    # Back to its paragraph's start, at most `LOOK_BACK` characters.
    start = max(ctx.para_start, open_mark - LOOK_BACK)
    return named_before_colon(ctx, start, open_mark)


def subject_of_sentence(ctx: Context) -> Speaker | None:
    """No verb of saying: the subject of its sentence (``Trump attacked "..."``)."""
    found = sentence_subject(ctx, ctx.sentence_start, ctx.open_mark)
    return None if found is None else (found[0], None, found[1])


def sentence_before(ctx: Context) -> Speaker | None:
    """The sentence before, in the same paragraph: ``Smith said so. "..."`` (a paraphrase,
    then the quotation), when no earlier quotation of the paragraph spoke in between."""
    if ctx.floor >= ctx.sentence_start or ctx.prev_para == ctx.para:
        return None
    return said_before(ctx, ctx.floor, ctx.sentence_start)


def subject_of_sentence_before(ctx: Context) -> Speaker | None:
    """A quotation that is a sentence of its own, after a sentence whose subject is a
    person and no verb of saying (``Sanders identified X as the reason. "The younger
    people are sick of it."``): that person, when no earlier quotation of the
    paragraph spoke in between."""
    if ctx.floor >= ctx.sentence_start or ctx.prev_para == ctx.para:
        return None
    if ctx.text[ctx.sentence_start : ctx.open_mark].strip(_SPACES):
        return None  # (words before the quotation in its sentence: not its own sentence)
    start = ctx.sentence_start_at(ctx.sentence_start - 1, ctx.floor)
    found = sentence_subject(ctx, start, ctx.sentence_start)
    if found is None or found[1] is None or ctx.entities[found[1]].kind is not _PERSON:
        return None
    return (found[0], None, found[1])


def paragraph_before(ctx: Context) -> Speaker | None:
    """The paragraph before ends with ``Smith said:`` (or ``Smith made this comment:``),
    and the quotation opens its own paragraph's first sentence."""
    para = ctx.para
    if ctx.sentence_start != ctx.para_start or para == 0:
        return None
    text = ctx.text
    view = ctx.view
    start, stop = view.paragraphs[para - 1]
    last = rstrip(text, start, stop)
    if last <= start or text[last - 1] != ":":
        return None
    start = view.sentences.start(stop - 1, max(start, stop - LOOK_BACK))
    return said_before(ctx, start, stop) or named_before_colon(ctx, start, stop)


def previous_speaker(ctx: Context) -> Speaker | None:
    """A quotation with no verb of its own continues the one before it, in its paragraph
    or opening the next."""
    previous = ctx.previous
    if previous is None:
        return None
    if ctx.prev_para == ctx.para or (
        ctx.prev_para == ctx.para - 1 and ctx.sentence_start == ctx.para_start
    ):
        return previous
    return None


#: A step: it looks for the speaker of the quotation at hand (`Context`).
Step = Callable[[Context], Speaker | None]

#: The steps, tried in order by `find_quotes` until one finds the speaker: each step,
#: how sure its answer is, and whether it reads the words before the quotation in its
#: sentence (it is then tried only when there are some).
STEPS: tuple[tuple[Step, How, bool], ...] = (
    (after_quote, "said", False),
    (before_quote, "said", True),
    (name_and_colon, "said", True),
    (subject_of_sentence, "subject", True),
    (sentence_before, "said", False),
    (subject_of_sentence_before, "subject", False),
    (paragraph_before, "said", False),
    (previous_speaker, "continued", False),
)
#: The steps for a quotation with words before it in its sentence, and for one without.
WITH_WORDS_BEFORE = tuple((step, how) for step, how, _ in STEPS)
NO_WORDS_BEFORE = tuple((step, how) for step, how, reads in STEPS if not reads)


# ------------------------------------------------------- verbs before a quotation


def said_before(ctx: Context, start: int, end: int) -> Speaker | None:
    """A verb of saying in ``text[start:end]`` and its speaker, trying the verbs from the
    last one back: ``Smith said: "``, ``According to Centcom, ...``."""
    text = ctx.text
    cues = ctx.cues.between(start, end)
    own: Cue | None = None  # a verb whose speaker is an earlier verb's
    for n in range(len(cues) - 1, -1, -1):
        cue = cues[n]
        if text.startswith(SPEAKER_AFTER, cue[0]):
            found = name_after(ctx, cue[1], end)
            if found is not None:
                return (found[0], own or cue, found[1])
            continue
        if _has_no_subject(text, cue):
            # "Dean poked at Trump, tweeting, ...", "... and said": the speaker of an
            # earlier verb ("Smith has said, calling ..."), else the subject of the
            # sentence.
            if n:
                own = own or cue
                continue
            subject = sentence_subject(ctx, start, cue[0])
            if subject is not None:
                return (subject[0], cue, subject[1])
        speaker = _subject_of_verb(ctx, start, end, cue, own)
        if speaker is not None:
            return speaker
    return None


def _has_no_subject(text: str, cue: Cue) -> bool:
    """Whether the word right before the verb leaves it without a subject of its own
    (``and said``, ``by saying``), or a comma does before a participle (``, tweeting``)."""
    end = cue[0]
    while end > 0 and text[end - 1] in _SPACES:
        end -= 1
    if end > 0 and text[end - 1] == ",":
        return text.endswith("ing", cue[0], cue[1])
    # Most often all letters back to a space (a space not too far back, for a text
    # with no spaces).
    begin = text.rfind(" ", end - 40 if end > 40 else 0, end) + 1
    before = text[begin:end]
    if not begin or not before.isalpha():
        begin = end
        while begin > 0 and text[begin - 1].isalpha():
            begin -= 1
        before = text[begin:end]
    return before.lower() in SUBJECTLESS


def _subject_of_verb(
    ctx: Context, start: int, end: int, cue: Cue, own: Cue | None
) -> Speaker | None:
    """The speaker of the verb ``cue`` in ``text[start:end]``: the subject of its clause
    (``Smith said``), a relative clause's (``Obama, who he noted was``, ``McConnell,
    ..., who in 2010 said``), the sentence's first (``Sanders, who lost to Clinton,
    said``) or, after a verb opening the stretch, a name (``Said Ellis: ...``)."""
    text = ctx.text
    cue_start = cue[0]
    clause = start  # where the verb's clause starts: past the last clause mark
    marks = ctx.clause_marks
    if marks is None:
        marks = ctx.clause_marks = [mark for mark in ",;:(—–" if mark in text]
    for mark in marks:
        at = text.rfind(mark, start, cue_start)
        if at >= clause and text[at + 1 : cue_start].strip():
            clause = at + 1
    who = clause
    while who < cue_start and text[who] in _SPACES:
        who += 1
    if text.startswith(("who ", "who\u00a0"), who):
        inner = subject_before(ctx, who + 4, cue_start, False)
        if inner is not None and (
            inner[1] is not None or text[inner[0][0] : inner[0][1]].lower() in PRONOUNS
        ):
            # "Obama, who he noted was": the relative pronoun is not the speaker.
            return (inner[0], cue, inner[1])
        if clause > start:
            # "McConnell, the majority leader, who in 2010 said": the relative pronoun
            # speaks, for the person named before it.
            return ((who, who + 3), cue, ctx.last_person(start, clause))
    found = subject_before(ctx, clause, cue_start, False)
    if found is None and clause > start:
        found = subject_before(ctx, start, cue_start, True)
    if found is None and not text[start:cue_start].strip(_SPACES):
        found = name_after(ctx, cue[1], end)
    return None if found is None else (found[0], own or cue, found[1])


# ------------------------------------------------------------ a name and a colon


def named_before_colon(ctx: Context, start: int, end: int) -> Speaker | None:
    """The speaker of ``text[start:end]`` ending in a colon: the last name (or a run of
    capitalised words) in a short stretch, else the first person named in the colon's
    clause."""
    text = ctx.text
    stop = rstrip(text, start, end)
    if stop <= start or text[stop - 1] != ":":
        return None
    colon = stop - 1
    words = text[start:colon].split()
    if not words:
        return None
    mentions = ctx.mentions(start, colon)
    if len(words) <= 6:
        if mentions:
            return ((mentions[-1][0], mentions[-1][1]), None, mentions[-1][2])
        if all(word[:1].isupper() for word in words):
            return ((start, rstrip(text, start, colon)), None, None)
        return None
    clause = max(text.rfind(",", start, colon), text.rfind(";", start, colon)) + 1
    for mention in mentions:
        if mention[0] >= clause and ctx.entities[mention[2]].kind is EntityKind.PERSON:
            return ((mention[0], mention[1]), None, mention[2])
    return None
