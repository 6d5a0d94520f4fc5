"""Moved to `newsdoc._unchecked` (the one home of the unchecked constructors).

This shim forwards every name while the extractors move over; it goes when
nothing imports it.
"""

from __future__ import annotations

from newsdoc import _unchecked
from newsdoc._model import DateMention, Span
from newsdoc._unchecked import article_with, date_mention, entity, mention, quote, span

__all__ = ["article_with", "date_mention", "entity", "mention", "quote", "span"]

set_span_start = Span.__dict__["start"].__set__
set_span_end = Span.__dict__["end"].__set__
set_span_text = Span.__dict__["text"].__set__
set_date_span = DateMention.__dict__["span"].__set__
set_date_value = DateMention.__dict__["value"].__set__
set_date_precision = DateMention.__dict__["precision"].__set__


def __getattr__(name: str) -> object:
    # CHECKED is read live from its home, where the tests set it.
    return getattr(_unchecked, name)
