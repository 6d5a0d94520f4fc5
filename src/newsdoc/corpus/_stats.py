"""Corpus statistics: one pass over the records, a report at the end.

`CorpusStats` counts what a stream of records holds: records, articles and
failures (by error code), the articles of each day, the entities the articles
name, who is quoted, the diagnostic codes, and how many articles repeat one
seen before (the same `content_hash`).  `CorpusStats.add` does a little work
per record and keeps nothing of it but counts; its memory is that of its
counters: one entry per day, per distinct entity, speaker and code, and 16
bytes (about 100 with the set's own cost) per distinct article text for the
duplicate count.

Workers each fill their own and `CorpusStats.merge` adds them up: merging
the stats of the parts of a stream gives the stats of the whole stream.
Every ranking breaks ties by name, so the report does not depend on the
order the records came in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from newsdoc._model import Article, EntityKind
from newsdoc.corpus._records import Record, content_hash

__all__ = ["CorpusStats"]

#: How the report names the entities of each kind, in the order it lists them.
KIND_TITLES: dict[str, str] = {
    EntityKind.PERSON: "people",
    EntityKind.ORGANIZATION: "organizations",
    EntityKind.PLACE: "places",
    EntityKind.NATIONALITY: "nationalities and groups",
    EntityKind.EQUIPMENT: "equipment",
    EntityKind.EVENT: "events",
    EntityKind.OTHER: "other names",
}

#: The longest name the report prints whole; longer ones end in an ellipsis.
NAME_WIDTH = 40


@attrs.define(kw_only=True)
class CorpusStats:
    """Counts over a stream of records; `add` one record at a time.

    ``failures`` counts the records without an article by error code,
    ``days`` the dated articles by day (a ``datetime`` counts by its date),
    ``entities`` the articles naming each ``(kind, name)`` (an article counts
    once however often it names one), ``speakers`` the quotes of each speaker's
    entity name, ``diagnostics`` the diagnostics of the articles by code, and
    ``contents`` holds the digest of each distinct article text.
    """

    records: int = 0
    articles: int = 0
    failures: Counter[str] = attrs.Factory(Counter)
    days: Counter[dt.date] = attrs.Factory(Counter)
    entities: Counter[tuple[str, str]] = attrs.Factory(Counter)
    speakers: Counter[str] = attrs.Factory(Counter)
    diagnostics: Counter[str] = attrs.Factory(Counter)
    contents: set[bytes] = attrs.Factory(set)

    # -- counting -----------------------------------------------------------

    def add(self, record: Record) -> None:
        """Count one record."""
        self.records += 1
        if record.article is None:
            self.failures[record.error.code if record.error else "no-article"] += 1
            return
        self.articles += 1
        self.diagnostics.update(d.code for d in record.diagnostics)
        self.contents.add(_digest(record.content_hash or content_hash(record.article)))
        self._count_article(record.article)

    def add_all(self, records: Iterable[Record]) -> CorpusStats:
        """Count every record; returns ``self``."""
        for record in records:
            self.add(record)
        return self

    def _count_article(self, article: Article) -> None:
        """Count an article's day, the entities it names and its speakers."""
        if article.date is not None:
            self.days[_day(article.date)] += 1
        entities = article.entities
        self.entities.update({(e.kind.value, e.name) for e in entities})
        for quote in article.quotes:
            index = quote.speaker_index
            if index is not None and index < len(entities):
                self.speakers[entities[index].name] += 1

    def merge(self, other: CorpusStats) -> CorpusStats:
        """Add the counts of ``other`` (another part of the stream) to these;
        returns ``self``, so that ``functools.reduce(CorpusStats.merge, parts)``
        gives the whole."""
        self.records += other.records
        self.articles += other.articles
        self.failures.update(other.failures)
        self.days.update(other.days)
        self.entities.update(other.entities)
        self.speakers.update(other.speakers)
        self.diagnostics.update(other.diagnostics)
        self.contents |= other.contents
        return self

    # -- figures ------------------------------------------------------------

    @property
    def failed(self) -> int:
        """Records without an article."""
        return self.records - self.articles

    @property
    def duplicates(self) -> int:
        """Articles whose headline and paragraphs an earlier article already had."""
        return self.articles - len(self.contents)

    @property
    def dated(self) -> int:
        """Articles with a date."""
        return self.days.total()

    @property
    def first_day(self) -> dt.date | None:
        """The earliest date of an article, or ``None`` when none has a date."""
        return min(self.days, default=None)

    @property
    def last_day(self) -> dt.date | None:
        """The latest date of an article, or ``None`` when none has a date."""
        return max(self.days, default=None)

    def top_entities(
        self, top: int | None = 10, kind: str | None = None
    ) -> list[tuple[str, str, int]]:
        """The ``(kind, name, articles)`` of the entities named by the most
        articles (of one kind, or of all), most first, ties by kind and name."""
        counts = [(k, n, c) for (k, n), c in self.entities.items() if kind in (None, k)]
        counts.sort(key=lambda item: (-item[2], _kind_rank(item[0]), item[1]))
        return counts[:top]

    def top_speakers(self, top: int | None = 10) -> list[tuple[str, int]]:
        """The ``(name, quotes)`` of the most quoted speakers, ties by name."""
        return _ranked(self.speakers)[:top]

    # -- output -------------------------------------------------------------

    def to_dict(self, top: int | None = None) -> dict[str, Any]:
        """The stats as plain JSON data; ``top`` limits the entity lists (of each
        kind) and the speakers, ``None`` keeps them all."""
        first, last = self.first_day, self.last_day
        return {
            "records": self.records,
            "articles": self.articles,
            "failed": self.failed,
            "failures": dict(_ranked(self.failures)),
            "exact_duplicates": self.duplicates,
            "dates": {
                "dated": self.dated,
                "undated": self.articles - self.dated,
                "first": None if first is None else first.isoformat(),
                "last": None if last is None else last.isoformat(),
                "per_day": {day.isoformat(): n for day, n in sorted(self.days.items())},
            },
            "entities": {
                kind: [{"name": n, "articles": c} for _, n, c in self.top_entities(top, kind)]
                for kind in self._kinds()
            },
            "speakers": [{"name": n, "quotes": c} for n, c in self.top_speakers(top)],
            "diagnostics": dict(_ranked(self.diagnostics)),
        }

    def _kinds(self) -> list[str]:
        """The kinds of the entities counted, in the report's order."""
        return sorted({kind for kind, _ in self.entities}, key=_kind_rank)

    def render(self, top: int = 10) -> str:
        """A plain-text report: the totals, the dates, the ``top`` entities of
        each kind and speakers, and the diagnostic codes, in aligned columns."""
        sections = [self._totals(), self._dates()]
        for kind in self._kinds():
            rows = [(_short(n), str(c)) for _, n, c in self.top_entities(top, kind)]
            title = f"Top {KIND_TITLES.get(kind, kind)} (articles naming them)"
            sections.append(_section(title, rows))
        speakers = [(_short(n), str(c)) for n, c in self.top_speakers(top)]
        sections.append(_section("Top speakers (quotes)", speakers))
        sections.append(_section("Diagnostic codes", _counted(self.diagnostics)))
        return "\n\n".join(sections) + "\n"

    def _totals(self) -> str:
        rows = [("records", str(self.records)), ("articles", str(self.articles))]
        rows.append(("failed", str(self.failed)))
        rows += [(f"  {code}", n) for code, n in _counted(self.failures)]
        rows.append(("exact duplicates", str(self.duplicates)))
        return _section("Corpus", rows)

    def _dates(self) -> str:
        rows = [("dated articles", str(self.dated))]
        rows.append(("undated articles", str(self.articles - self.dated)))
        if self.days:
            busiest = min(self.days, key=lambda day: (-self.days[day], day))
            count = self.days[busiest]
            rows += [("days with articles", str(len(self.days)))]
            rows += [("first day", str(self.first_day)), ("last day", str(self.last_day))]
            rows += [("busiest day", f"{busiest} ({count} {plural(count, 'article')})")]
        return _section("Dates", rows)


def _digest(hashed: str) -> bytes:
    """A content hash as 16 bytes (any other string as its UTF-8 bytes)."""
    try:
        return bytes.fromhex(hashed)
    except ValueError:
        return hashed.encode("utf-8", "surrogatepass")


def _day(date: dt.date) -> dt.date:
    """The day of a date or a datetime (as written: no time zone conversion)."""
    return date.date() if isinstance(date, dt.datetime) else date


def _kind_rank(kind: str) -> int:
    """Where a kind comes in the report: `KIND_TITLES` order, unknown kinds last."""
    order = list(KIND_TITLES)
    return order.index(kind) if kind in order else len(order)


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """The items of a counter, most first, ties by key."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _counted(counts: Counter[str]) -> list[tuple[str, str]]:
    """A counter's items as table rows, most first."""
    return [(key, str(n)) for key, n in _ranked(counts)]


def plural(count: int, noun: str) -> str:
    """``noun`` or its plural, as ``count`` asks."""
    if count == 1:
        return noun
    return f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s"


def _short(name: str) -> str:
    """A name cut to `NAME_WIDTH` characters, with an ellipsis when cut."""
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"


def _section(title: str, rows: Sequence[tuple[str, str]]) -> str:
    """A titled block of two columns: labels left-aligned, numbers right-aligned,
    other values (dates) left-aligned where the numbers start."""
    if not rows:
        return f"{title}\n  (none)"
    label_width = max(len(label) for label, _ in rows)
    number_width = max((len(value) for _, value in rows if value.isdigit()), default=0)
    lines = [
        f"  {label:<{label_width}}  " + (f"{value:>{number_width}}" if value.isdigit() else value)
        for label, value in rows
    ]
    return "\n".join([title, *lines])
