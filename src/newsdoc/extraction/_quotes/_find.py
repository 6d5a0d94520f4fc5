"""`find_quotes`: the quotations of one text, attributed, as `Quote` objects."""

from __future__ import annotations

from collections.abc import Sequence

from newsdoc._model import Entity, Quote, Span
from newsdoc._unchecked import quote, span
from newsdoc.extraction._quotes._attribution import NO_WORDS_BEFORE, WITH_WORDS_BEFORE, How
from newsdoc.extraction._quotes._context import Context, Speaker
from newsdoc.extraction._quotes._marks import QuoteProblem, find_quotations
from newsdoc.extraction._quotes._mentions import Mention
from newsdoc.extraction._quotes._words import TITLE_BEFORE, TITLE_SMALL_WORDS
from newsdoc.extraction._view import TextView

__all__ = ["MIN_UNATTRIBUTED_WORDS", "find_quotes"]

#: Quoted words with no speaker are kept from this many words on (scare quotes are shorter).
MIN_UNATTRIBUTED_WORDS = 2


def find_quotes(
    view: TextView | str, entities: Sequence[Entity], index: Sequence[Mention]
) -> tuple[list[Quote], list[QuoteProblem]]:
    """The direct quotations in the text with their speakers, and any unbalanced marks.

    ``view`` is the article's `TextView` (a string is read as one body).
    ``entities`` and ``index`` (``(start, end, entity)`` per mention, sorted) are
    what the entity extractor found; speakers are resolved to them.
    """
    if not isinstance(view, TextView):
        view = TextView(view)
    text = view.text
    problems: list[QuoteProblem] = []
    if (
        '"' not in text
        and "“" not in text
        and "”" not in text
        and "'" not in text
        and "’" not in text
        and "‘" not in text
    ):
        return [], problems
    quotations = find_quotations(view, problems)
    if not quotations:
        return [], problems
    ctx = Context(view, entities, index, quotations)
    quotes: list[Quote] = []
    # Each quotation, and where the next one opens (the text's end after the last).
    next_opens = [quotation[1] for quotation in quotations[1:]]
    next_opens.append(len(text))
    for quotation, next_open in zip(quotations, next_opens, strict=True):
        spans, _, close_mark, _, _, _, last_para = quotation
        if len(spans) == 1:
            content = text[spans[0][0] : spans[0][1]]
        else:
            content = "\n\n".join(text[s:e] for s, e in spans)
        if not content or content.isspace():
            continue
        ctx.at(quotation, next_open)
        # The steps of attribution, tried in order until one finds the speaker.
        speaker = how = None
        steps = WITH_WORDS_BEFORE if ctx.sentence_start < ctx.open_mark else NO_WORDS_BEFORE
        for step, step_how in steps:
            speaker = step(ctx)
            if speaker is not None:
                how = step_how
                break
        if not _is_quotation(ctx, content, speaker, how):
            continue
        # Kept: the running state moves on.
        if speaker is not None:
            if speaker[2] is not None:
                ctx.last_speaker = speaker[2]
            ctx.previous = speaker
        ctx.prev_para = last_para
        ctx.prev_close = close_mark
        # The quote: its content spans, and its speaker's and verb's spans.
        if len(spans) == 1:
            parts: tuple[Span, ...] = (span(spans[0][0], spans[0][1], content),)
        else:
            parts = tuple(span(s, e, text[s:e]) for s, e in spans)
        if speaker is None:
            quotes.append(quote(content, parts, None, None, None))
            continue
        where, cue, entity = speaker
        quotes.append(
            quote(
                content,
                parts,
                span(where[0], where[1], text[where[0] : where[1]]) if where else None,
                span(cue[0], cue[1], text[cue[0] : cue[1]]) if cue and how != "continued" else None,
                entity,
            )
        )
    return quotes, problems


# ---------------------------------------------------- what is not a quotation


def _is_quotation(ctx: Context, content: str, speaker: Speaker | None, how: How | None) -> bool:
    """Whether quoted ``content`` is a quotation: not markup, not a title nobody says (or
    one introduced as a title: ``appeared on "Face the Nation"``), not a few words
    nobody surely says (a scare quote: a single-marked phrase of up to five words, or
    one word, unless a verb of saying is near: ``"Yes," he said``)."""
    if "=" in content and _is_markup(content):
        return False
    head = content.split(None, 2)  # the first two words, and the rest
    # A title: its first two words, as they stand, are read first (most quotations
    # fail there; `_title_word`, inline), then all of them.
    if (
        len(head) > 1
        and content[-1] not in "!?"
        and ((word := head[0])[0].isupper() or word in TITLE_SMALL_WORDS or not word[0].isalpha())
        and (
            len(head) == 2
            or (word := head[1])[0].isupper()
            or word in TITLE_SMALL_WORDS
            or not word[0].isalpha()
        )
        and _looks_like_title(content)
        and (speaker is None or _titled_before(ctx.text, ctx.open_mark))
    ):
        return False
    if speaker is not None and how == "said":
        return True
    # A scare quote?
    words = len(head) if len(head) < 3 else len(content.split())
    return (
        (speaker is not None and words >= 4)
        or not ((ctx.single and words < 6) or words < MIN_UNATTRIBUTED_WORDS)
        or (words == 1 and ctx.cues.first(ctx.sentence_start, ctx.after_limit) is not None)
    )


def _looks_like_title(content: str) -> bool:
    """``Face the Nation``, ``Fox News Sunday,``: two to eight words, each capitalised
    or a small word (``of``), not ending in ``!`` or ``?``."""
    words = content.rstrip(",.").split()
    return 2 <= len(words) <= 8 and content[-1] not in "!?" and all(map(_title_word, words))


def _titled_before(text: str, pos: int) -> bool:
    """Words right before a quotation at ``pos`` that introduce a title: ``CBS's "..."``,
    ``titled "..."`` (read in the 12 characters before it)."""
    return text[max(0, pos - 12) : pos].rstrip(" \u00a0").endswith(TITLE_BEFORE)


def _is_markup(content: str) -> bool:
    """Quote marks of markup debris: ``<tweet pic="..." author="...">``."""
    return "=" in content and ("<" in content or ">" in content or '="' in content)


def _title_word(word: str) -> bool:
    """A word a title may have: capitalised, a small word (``of``), or no word."""
    return word[0].isupper() or word in TITLE_SMALL_WORDS or not word[0].isalpha()
