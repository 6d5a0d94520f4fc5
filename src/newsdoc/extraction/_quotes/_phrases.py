"""Reading a speaker's phrase out of a stretch of text: a name, a pronoun, a noun phrase.

Each reader takes the stretch ``text[start:end]`` where the attribution rules
expect a speaker and returns a `Found` (its span, and its entity when it names
one) or None.
"""

from __future__ import annotations

from newsdoc.extraction._quotes._context import Context
from newsdoc.extraction._quotes._marks import rstrip
from newsdoc.extraction._quotes._mentions import Found
from newsdoc.extraction._quotes._roles import role_of
from newsdoc.extraction._quotes._words import (
    AUXILIARIES,
    CUE,
    DETERMINERS,
    NOT_SUBJECTS,
    OPENERS,
    PHRASE_STOPS,
    PRONOUNS,
)

__all__ = ["name_after", "sentence_subject", "subject_before"]

# Marks that end a clause (a speaker's phrase never runs past one).
_CLAUSE_MARKS = ',;:()[]“”"—–'
_SPACES = " \u00a0"
_SPACES_AND_CLOSES = " \u00a0\"”’'"


def subject_before(ctx: Context, start: int, end: int, first: bool) -> Found | None:
    """The speaker right before a verb that ends at ``end``: a pronoun (``he said``), a
    name (``Smith, a lawyer, said``) or a short noun phrase (``the statement read``).

    Commas and auxiliaries before the verb are passed over (``Smith has also``).
    ``first`` picks the first name in the stretch (after a quotation: ``Smith, who
    met Jones, said``), else the last (before one: ``A statement from US Centcom
    read``).
    """
    text = ctx.text
    while start < end and text[start] in " \u00a0,":
        start += 1
    # Back past commas and auxiliaries: "Smith has also" -> "Smith".
    while True:
        while end > start and text[end - 1] in " \u00a0,":
            end -= 1
        cut = text.rfind(" ", start, end)
        if ctx.nbsp:
            cut = max(cut, text.rfind("\u00a0", start, end))
        if cut < start or text[cut + 1 : end].lower() not in AUXILIARIES:
            break
        end = cut
    if end <= start:
        return None
    word_start = cut + 1 if cut >= start else start
    word = text[word_start:end]
    if word.lower() in PRONOUNS:
        return (word_start, end), ctx.resolve_pronoun(word, word_start)
    return ctx.named(start, end, first) or _phrase_before(ctx, start, end)


def _described(ctx: Context, start: int, end: int) -> Found:
    """A speaker's phrase ``text[start:end]`` naming nobody, with the entity its role
    describes, if any (``the senator``: `role_of`)."""
    return (start, end), role_of(ctx, start, end)


def _phrase_before(ctx: Context, start: int, end: int) -> Found | None:
    """A short noun phrase read back from ``end`` (``the statement``): at most eight
    words, stopping after a determiner and before a clause mark or a stop word."""
    text = ctx.text
    begin = end
    count = 0
    while begin > start and count < 8:
        space = max(text.rfind(" ", start, begin - 1), text.rfind("\u00a0", start, begin - 1))
        word_start = space + 1 if space >= start else start
        word = text[word_start:begin].strip()
        bare = word.strip(_CLAUSE_MARKS + ".").lower()
        if not bare or bare in PHRASE_STOPS or word[-1:] in _CLAUSE_MARKS:
            break
        begin = word_start
        count += 1
        if bare in DETERMINERS:
            break
        while begin > start and text[begin - 1] in _SPACES:
            begin -= 1
        if begin > start and text[begin - 1] in _CLAUSE_MARKS:
            break
    while begin < end and text[begin] in _SPACES:
        begin += 1
    if not count or begin >= end or not text[begin].isalpha():
        return None
    return _described(ctx, begin, end)


def sentence_subject(ctx: Context, start: int, end: int) -> Found | None:
    """The subject opening the sentence ``text[start:end]``: its first name, pronoun or
    short noun phrase, past an opening phrase (``In an August speech, Trump``).

    For a verb with no subject of its own (``Dean ... poked at Trump, tweeting,``,
    ``... and said``) and for a quotation with no verb (``Trump attacked "..."``).
    """
    text = ctx.text
    begin = _past_opening_phrase(ctx, start, end)
    if begin is None or begin >= end or not text[begin].isalpha():
        return None
    word_end = begin
    while word_end < end and text[word_end].isalpha():
        word_end += 1
    word = text[begin:word_end]
    low = word.lower()
    if PRONOUNS.get(low) is not None:  # a pronoun that stands for an entity (not "I", "you")
        return (begin, word_end), ctx.resolve_pronoun(word, begin)
    mentions = ctx.mentions(begin, end)
    # A name at the start of the clause, behind at most a title or a determiner.
    if mentions and len(text[begin : mentions[0][0]].split()) <= 2:
        chosen = mentions[0]
        if not text.startswith(("'s", "’s"), chosen[1]):
            return (chosen[0], chosen[1]), chosen[2]
    if not word[:1].isupper() or low in PHRASE_STOPS or low in NOT_SUBJECTS:
        return None
    phrase_end = _phrase_after(text, word_end, end)
    return None if phrase_end is None else _described(ctx, begin, phrase_end)


def _past_opening_phrase(ctx: Context, start: int, end: int) -> int | None:
    """Where the subject of the sentence ``text[start:end]`` may start: past spaces, and
    past an opening phrase up to its comma (``In January,``, ``Speaking on Monday,``,
    or a first word with a comma and no name); None if such a phrase has no comma."""
    text = ctx.text
    while start < end and text[start] in _SPACES:
        start += 1
    space = text.find(" ", start, end)
    first_word = text[start : space if space >= 0 else end]
    if first_word.strip(",").lower() in OPENERS or (
        first_word.endswith(",") and not ctx.mentions(start, space)
    ):
        comma = text.find(",", start, end)
        if comma < 0:
            return None
        start = comma + 1
        # (Past the spaces, and a closing quote mark: 'On "Face the Nation," Smith'.)
        while start < end and text[start] in _SPACES_AND_CLOSES:
            start += 1
    return start


def _phrase_after(text: str, pos: int, end: int) -> int | None:
    """The end of a short noun phrase whose first word ends at ``pos`` (``Small groups of
    protesters``, ``The piece``): at most four words, up to an auxiliary, a stop word, a
    verb (``-ed``, ``-ing``, a verb of saying) or a mark; None if it runs on."""
    count = 1
    while count < 5:
        nxt = pos
        while nxt < end and text[nxt] in _SPACES:
            nxt += 1
        stop = nxt
        while stop < end and (text[stop].isalnum() or text[stop] in "-'’"):
            stop += 1
        token = text[nxt:stop].lower()
        if (
            stop == nxt
            or token in AUXILIARIES
            or (token in PHRASE_STOPS and token != "of")
            or token.endswith(("ed", "ing"))
            or CUE.fullmatch(token)
        ):
            break
        pos = stop
        count += 1
        if stop < end and text[stop] not in _SPACES:
            break
    return None if count == 5 else pos


def name_after(ctx: Context, start: int, end: int) -> Found | None:
    """The speaker right after a verb, in ``text[start:end]``: ``said Smith``,
    ``according to Centcom``, ``― Name`` (up to the first clause mark or full stop
    that closes no abbreviation)."""
    text = ctx.text
    stop = end
    for mark in ',;:.(“"—':
        at = text.find(mark, start + 1, stop)
        if at >= 0 and not (mark == "." and ctx.view.ends_abbreviation(at)):
            stop = at
    while start < stop and text[start] in _SPACES:
        start += 1
    if stop <= start:
        return None
    named = ctx.named(start, stop, True)
    if named is not None:
        return named
    word_end = start
    while word_end < stop and text[word_end].isalpha():
        word_end += 1
    word = text[start:word_end]
    if word.lower() in PRONOUNS:
        return (start, word_end), ctx.resolve_pronoun(word, start)
    if not word or len(text[start:stop].split()) > 8:
        return None
    return _described(ctx, start, rstrip(text, start, stop))
