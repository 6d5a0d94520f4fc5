"""Extraction: entities, quotes and dates from an :class:`~newsdoc.Article`.

>>> from newsdoc._reader import loads
>>> from newsdoc.extraction import extract
>>> text = " date 2023-07-09 \\u00a0\\nHeadline\\n\\nSmith said Friday: “We won.”\\n"
>>> article = extract(loads(text))
>>> [(e.kind.value, e.name) for e in article.entities]
[('person', 'Smith')]
>>> article.quotes[0].text, article.date_mentions[0].value
('We won.', datetime.date(2023, 7, 7))

:func:`extract` runs the built-in :class:`RuleExtractor`: rules and compact word
lists shipped with the package, no model and no heavy dependency.  Any object
following the :class:`Extractor` protocol can take its place (see
:mod:`newsdoc.extraction.spacy` for a spaCy adapter).
"""

from __future__ import annotations

import copy
import gc
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from newsdoc._errors import CODES, make_diagnostic, position
from newsdoc._model import Article, Diagnostic, argument_error, describe, is_int
from newsdoc._unchecked import article_with

if TYPE_CHECKING:
    from newsdoc.extraction._quotes import QuoteProblem

__all__ = [
    "DIAGNOSTIC_CODES",
    "MAX_CHARS",
    "MAX_QUOTE_DIAGNOSTICS",
    "Extractor",
    "RuleExtractor",
    "extract",
    "quote_diagnostics",
]

#: The diagnostic codes extraction adds to ``article.diagnostics``: severity and
#: meaning (their entries in ``newsdoc._errors.CODES``, the one catalogue).
DIAGNOSTIC_CODES: dict[str, tuple[str, str]] = {
    code: (CODES[code][0], CODES[code][1]) for code in ("unbalanced-quote", "not-extracted")
}


#: At most this many ``unbalanced-quote`` diagnostics are listed for one article.
MAX_QUOTE_DIAGNOSTICS = 100
#: The longest article text `RuleExtractor` searches by default, in characters.
MAX_CHARS = 200_000


@runtime_checkable
class Extractor(Protocol):
    """What :func:`newsdoc.loads` and :func:`extract` accept as an extractor.

    An extractor is called with an :class:`~newsdoc.Article` and returns a new
    article (typically ``attrs.evolve(article, entities=..., quotes=...,
    date_mentions=...)``); it must not mutate its argument (articles are frozen anyway).
    Every span it returns must point into ``article.text`` (the ``Article``
    constructor checks ``text[start:end] == span.text``), and every
    ``Quote.speaker_index`` must index the returned ``entities``.  It should be deterministic and
    should not raise on any article the parser produces; problems in the text
    belong in ``diagnostics``.
    """

    def __call__(self, article: Article, /) -> Article:
        """Return a copy of ``article`` with entities, quotes and dates filled."""
        ...


def _check_switch(value: bool, name: str) -> bool:
    if value is True or value is False:
        return value
    message = f"RuleExtractor.{name}: expected True or False, got {describe(value)}"
    raise TypeError(message) from None


def _entities_switch(value: bool) -> bool:
    return _check_switch(value, "entities")


def _quotes_switch(value: bool) -> bool:
    return _check_switch(value, "quotes")


def _dates_switch(value: bool) -> bool:
    return _check_switch(value, "dates")


def _max_chars(value: int | None) -> int | None:
    if value is None or (is_int(value) and value >= 0):
        return value
    if is_int(value):
        raise ValueError(f"RuleExtractor.max_chars: expected 0 or more, got {value}") from None
    message = f"RuleExtractor.max_chars: expected an int or None, got {describe(value)}"
    raise TypeError(message) from None


@attrs.frozen(kw_only=True, slots=True)
class RuleExtractor:
    """The built-in extractor: regular expressions, rules and shipped word lists.

    It reads the whole ``article.text``: headline, captions, credits and body.
    Each of ``entities``, ``quotes`` and ``dates`` can be switched off; a part
    switched off is returned empty.  Quotes are attributed to entities only when
    ``entities`` is on (their ``speaker_mention`` is found either way).

    Each switch is ``True`` or ``False``, and ``max_chars`` an int, 0 or more,
    or ``None``; anything else raises `TypeError` (a negative ``max_chars``,
    `ValueError`).  An article whose text is longer than ``max_chars`` characters (``None``: no
    limit) is not searched: the article comes back with no entities, quotes or
    dates and a ``not-extracted`` diagnostic.  The default, 200,000 characters,
    is several times the longest news article; it keeps garbage that parses as
    one huge article (a log file, a data dump) from costing minutes and
    gigabytes.

    While a call runs, Python's cyclic garbage collector is paused (``gc.disable``)
    and then left as it was found, also when the call fails: extraction makes
    thousands of short-lived objects, all freed by reference counting, and the
    collector's scans of them would cost about a tenth of the time.
    """

    entities: bool = attrs.field(default=True, converter=_entities_switch)
    quotes: bool = attrs.field(default=True, converter=_quotes_switch)
    dates: bool = attrs.field(default=True, converter=_dates_switch)
    max_chars: int | None = attrs.field(default=MAX_CHARS, converter=_max_chars)

    def __call__(self, article: Article, /) -> Article:
        """Return a copy of ``article`` with entities, quotes and dates extracted."""
        if not isinstance(article, Article):
            raise argument_error("RuleExtractor", "", "an Article", article) from None
        text = article.text
        if self.max_chars is not None and len(text) > self.max_chars:
            result = article_with(article, (), (), ())
            message = (
                f"The article is {len(text):,} characters long, over the extractor's limit of "
                f"{self.max_chars:,}: nothing was extracted"
            )
            where = _locate(article, 0)  # the start of the article
            return _with_diagnostics(result, [make_diagnostic("not-extracted", message, *where)])
        # The rules load on the first extraction, not with `import newsdoc`.
        from newsdoc.extraction import _pipeline

        # None of the objects made here forms a cycle (tests/test_extractor.py checks
        # it), so pausing the collector loses nothing; what the call returns is
        # tracked and collected later as usual.
        collecting = gc.isenabled()
        if collecting:
            gc.disable()
        try:
            entities, quotes, dates, problems = _pipeline.run(
                article, self.entities, self.quotes, self.dates
            )
        finally:
            if collecting:
                gc.enable()
        result = article_with(article, tuple(entities), tuple(quotes), tuple(dates))
        return _with_diagnostics(result, quote_diagnostics(article, problems))


_DEFAULT = RuleExtractor()


def extract(article: Article, /, extractor: Extractor | None = None) -> Article:
    """Return a copy of ``article`` with its entities, quotes and dates filled.

    Uses the built-in :class:`RuleExtractor` unless ``extractor`` is given.
    Deterministic: the same article always gives the same result.  Anything the
    article already held in ``entities``, ``quotes`` and ``dates`` is replaced.
    Arguments of the wrong type raise `TypeError`.
    """
    if not isinstance(article, Article):
        hint = "read the text with newsdoc.loads()" if isinstance(article, str | bytes) else ""
        raise argument_error("extract", "", "an Article", article, hint) from None
    if extractor is None:
        return _DEFAULT(article)
    expected = "an Extractor (a function of an Article) or None"
    return run_extractor(check_extractor(extractor, "extract", "extractor", expected), article)


def check_extractor(value: object, function: str, name: str, expected: str) -> Extractor:
    """``value``, argument ``name`` of ``function``, if it is an `Extractor` (else `TypeError`)."""
    if isinstance(value, type):
        hint = f"pass an instance, such as {value.__name__}()"
        raise argument_error(function, name, expected, value, hint) from None
    if isinstance(value, int) or not callable(value):
        raise argument_error(function, name, expected, value) from None
    return value


def run_extractor(extractor: Extractor, article: Article) -> Article:
    """``extractor(article)``, which must be an `Article` (`TypeError` if not)."""
    result = extractor(article)
    if not isinstance(result, Article):
        message = f"the extractor {extractor!r} returned {describe(result)}, not an Article"
        raise TypeError(message) from None
    return result


def quote_diagnostics(article: Article, problems: Iterable[QuoteProblem]) -> list[Diagnostic]:
    """Diagnostics (code ``unbalanced-quote``) for quote problems at offsets of ``article.text``.

    Positions are mapped back to the parsed input through ``article.source``
    when the article has one, else they count in ``article.text``.  At most
    `MAX_QUOTE_DIAGNOSTICS` are listed; the last then says how many more there are.
    """
    out = []
    problems = list(problems)
    for problem in problems[:MAX_QUOTE_DIAGNOSTICS]:
        pos, lineno, colno = _locate(article, problem.pos)
        out.append(make_diagnostic("unbalanced-quote", problem.message, pos, lineno, colno))
    if len(problems) > MAX_QUOTE_DIAGNOSTICS:
        # A flood of stray marks: the last one listed says how many more there are.
        more = len(problems) - MAX_QUOTE_DIAGNOSTICS
        last = out[-1]
        out[-1] = attrs.evolve(last, message=f"{last.message} ({more} more not listed)")
    return out


def _locate(article: Article, offset: int) -> tuple[int, int, int]:
    """The input position of ``article.text[offset]``: offset, line and column."""
    if article.source is not None:
        try:
            where = article.source.locate(article, offset)
        except (ValueError, IndexError):
            pass
        else:
            return where.pos, where.lineno, where.colno
    return (offset, *position(article.text, offset))


def _with_diagnostics(article: Article, added: list[Diagnostic]) -> Article:
    """``article`` with earlier extraction diagnostics replaced by ``added``."""
    kept = tuple(d for d in article.diagnostics if d.code not in DIAGNOSTIC_CODES)
    if not added and len(kept) == len(article.diagnostics):
        return article
    # The diagnostics live in the article's parse info (left out of equality); a copy
    # keeps its decoded text and source map.
    info = copy.copy(article._parse_info)
    info.diagnostics = kept + tuple(added)
    made = article_with(article, article.entities, article.quotes, article.date_mentions)
    object.__setattr__(made, "_parse_info", info)
    return made
