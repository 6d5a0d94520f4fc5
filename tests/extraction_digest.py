"""A version-independent digest of everything extraction found in an article, and its diff.

Used by ``tests/test_golden_extraction.py`` (golden files made by the code before the
extractor's restructure) and by ``benchmarks/compare_extraction.py`` (old code against new
on every article of the shared corpora).  It reads both shapes of the model:

* the old shape: every span indexes ``article.body``; ``article.dates``; ``Quote.speaker``
  and ``Quote.entity``;
* the new shape (recognised by ``article.date_mentions``): every span indexes
  ``article.text`` (headline, captions and credits, body), cut into ``article.parts``;
  ``Quote.speaker_mention`` and ``Quote.speaker_index``; a mention may carry a ``title``.

A span is written ``(part, index, start, end)`` with offsets inside the part, so that the
same finding has the same digest in both shapes (an old span is ``("body", 0, start, end)``).
Texts are not kept, only a short hash (the corpora are third-party text): the digest says
where each finding is, and `differences` shows its text from the article at hand.

The digest is JSON-ready (`as_json` gives the form read back from a file) and holds:

``parts``
    ``(name, index, hash)`` of each non-empty part of the article's text: what was read.
``entities``
    ``kind``, ``name``, ``title``, ``aliases``, ``mentions`` (spans), and
    ``mention_titles`` (the title span of each mention, or ``None``) only when a mention
    has a title span.
``quotes``
    ``spans``, ``text_sha1``, ``speaker_mention``, ``cue``, ``speaker_index`` (index in
    ``entities``), and the full ``text`` when asked for (articles of the project only).
``date_mentions``
    ``span``, ``value`` (ISO format or ``None``), ``precision`` (or ``None``).
``diagnostics``
    ``(code, line, column, message)`` of the diagnostics extraction adds.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple, NotRequired, TypeAlias, TypedDict

__all__ = [
    "CATEGORIES",
    "DETERMINER",
    "EXTRACTION_CODES",
    "INTENDED",
    "TITLE",
    "UNEXPECTED",
    "Difference",
    "Digest",
    "Where",
    "as_json",
    "differences",
    "digest",
    "part_texts",
    "short_hash",
]

#: ``(part name, part index, start in the part, end in the part)``.
Where: TypeAlias = tuple[str, int, int, int]
#: The text of each part of an article, by ``(name, index)``.
Texts: TypeAlias = Mapping[tuple[str, int], str]

#: The diagnostic codes extraction adds (``newsdoc.extraction.DIAGNOSTIC_CODES``).
EXTRACTION_CODES = frozenset({"unbalanced-quote", "not-extracted"})
#: The parts that come before the body: results in them are new with the new shape.
OUTSIDE_BODY = frozenset({"headline", "caption", "credit"})
DETERMINERS = ("the ", "The ")


class EntityDigest(TypedDict):
    kind: str
    name: str
    title: str | None
    aliases: list[str]
    mentions: list[Where]
    mention_titles: NotRequired[list[Where | None]]


class QuoteDigest(TypedDict):
    spans: list[Where]
    text_sha1: str
    text: NotRequired[str]
    speaker_mention: Where | None
    cue: Where | None
    speaker_index: int | None


class DateDigest(TypedDict):
    span: Where
    value: str | None
    precision: str | None


class Digest(TypedDict):
    parts: list[tuple[str, int, str]]
    entities: list[EntityDigest]
    quotes: list[QuoteDigest]
    date_mentions: list[DateDigest]
    diagnostics: list[tuple[str, int, int, str]]


def short_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-1 of ``text`` in UTF-8."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _is_new_shape(article: Any) -> bool:
    return hasattr(article, "date_mentions")


def part_texts(article: object) -> dict[tuple[str, int], str]:
    """The text of each part of ``article`` (of either shape), in order, by ``(name, index)``."""
    a: Any = article
    if _is_new_shape(a):
        text: str = a.text
        return {(str(p.name), int(p.index)): text[p.start : p.end] for p in a.parts}
    texts = {("headline", 0): str(a.headline)}
    for index, image in enumerate(a.images):
        texts["caption", index] = str(image.caption)
        if image.credit is not None:
            texts["credit", index] = str(image.credit)
    texts["body", 0] = str(a.body)
    return texts


class _Locator:
    """Turns a span of the article into a `Where`."""

    def __init__(self, article: Any) -> None:
        self.parts: list[tuple[int, int, str, int]] | None = None
        if _is_new_shape(article):
            self.parts = sorted(
                (int(p.start), int(p.end), str(p.name), int(p.index)) for p in article.parts
            )
            self.starts = [part[0] for part in self.parts]

    def __call__(self, span: Any) -> Where:
        start, end = int(span.start), int(span.end)
        if self.parts is None:
            return ("body", 0, start, end)
        at = bisect.bisect_right(self.starts, start) - 1
        if at < 0 or end > self.parts[at][1]:
            raise ValueError(f"the span {start}:{end} ({span.text!r}) is not inside one part")
        part_start, _, name, index = self.parts[at]
        return (name, index, start - part_start, end - part_start)

    def optional(self, span: Any) -> Where | None:
        return None if span is None else self(span)


def _value(member: Any) -> str:
    """An enum member's value (or the string itself)."""
    return str(getattr(member, "value", member))


def digest(article: object, *, texts: bool = False) -> Digest:
    """Everything extraction found in ``article`` (either shape), JSON-ready.

    ``texts=True`` also keeps each quote's full text (only for articles the project owns).
    """
    a: Any = article
    new = _is_new_shape(a)
    where = _Locator(a)
    entities: list[EntityDigest] = []
    for entity in a.entities:
        item: EntityDigest = {
            "kind": _value(entity.kind),
            "name": str(entity.name),
            "title": None if entity.title is None else str(entity.title),
            "aliases": [str(alias) for alias in entity.aliases],
            "mentions": [where(mention) for mention in entity.mentions],
        }
        titles = [where.optional(getattr(mention, "title", None)) for mention in entity.mentions]
        if any(title is not None for title in titles):
            item["mention_titles"] = titles
        entities.append(item)
    quotes: list[QuoteDigest] = []
    for quote in a.quotes:
        speaker = quote.speaker_mention if new else quote.speaker
        index = quote.speaker_index if new else quote.entity
        found: QuoteDigest = {
            "spans": [where(span) for span in quote.spans],
            "text_sha1": short_hash(quote.text),
            "speaker_mention": where.optional(speaker),
            "cue": where.optional(quote.cue),
            "speaker_index": None if index is None else int(index),
        }
        if texts:
            found["text"] = str(quote.text)
        quotes.append(found)
    dates: list[DateDigest] = [
        {
            "span": where(mention.span),
            "value": None if mention.value is None else str(mention.value.isoformat()),
            "precision": None if mention.precision is None else _value(mention.precision),
        }
        for mention in (a.date_mentions if new else a.dates)
    ]
    return {
        "parts": [
            (name, index, short_hash(text)) for (name, index), text in part_texts(a).items() if text
        ],
        "entities": entities,
        "quotes": quotes,
        "date_mentions": dates,
        "diagnostics": [
            (str(d.code), int(d.lineno), int(d.colno), str(d.message))
            for d in a.diagnostics
            if d.code in EXTRACTION_CODES
        ],
    }


def as_json(value: Any) -> Any:
    """``value`` as it reads back from JSON (tuples become lists)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


# --- Differences ------------------------------------------------------------------------

INTENDED = "a"
TITLE = "b"
DETERMINER = "c"
UNEXPECTED = "d"
#: What each category of difference is.
CATEGORIES = {
    INTENDED: "new results in the headline, captions or credits (intended)",
    TITLE: "a person mention that starts later, its title dropped (same end)",
    DETERMINER: "a mention that no longer starts with 'the '/'The '",
    UNEXPECTED: "everything else (unexpected)",
}


class Difference(NamedTuple):
    """One difference between two digests of the same article."""

    category: str
    message: str


def _where(value: Any) -> Where:
    return (str(value[0]), int(value[1]), int(value[2]), int(value[3]))


def _maybe_where(value: Any) -> Where | None:
    return None if value is None else _where(value)


class _Show:
    """Spans and entities written for a reader, with their text when it is known."""

    def __init__(self, texts: Texts | None, full: bool) -> None:
        self.texts = texts
        self.full = full

    def text(self, where: Where) -> str | None:
        if self.texts is None or (where[0], where[1]) not in self.texts:
            return None
        return self.texts[where[0], where[1]][where[2] : where[3]]

    def __call__(self, where: Where | None) -> str:
        if where is None:
            return "none"
        name, index, start, end = where
        numbered = name in ("caption", "credit")
        label = f"{name}#{index}[{start}:{end}]" if numbered else f"{name}[{start}:{end}]"
        text = self.text(where)
        if text is None:
            return label
        if not self.full and len(text) > 60:
            text = text[:28] + "…" + text[-28:]
        return f"{label} {text!r}"

    def spans(self, spans: Iterable[Where]) -> str:
        return " + ".join(map(self, spans))


def _entity_label(index: int, entity: Any) -> str:
    return f"entity {index} {entity['name']!r} ({entity['kind']})"


def _match_entities(old: list[Any], new: list[Any]) -> dict[int, int]:
    """Old entity index -> new entity index, by the ends of their mentions, then by name."""

    def keys(entity: Any) -> set[tuple[str, int, int]]:
        return {(str(m[0]), int(m[1]), int(m[3])) for m in entity["mentions"]}

    old_keys = [keys(entity) for entity in old]
    new_keys = [keys(entity) for entity in new]
    pairs = []
    for i, ok in enumerate(old_keys):
        for j, nk in enumerate(new_keys):
            shared = len(ok & nk)
            if shared:
                pairs.append((-shared, old[i]["kind"] != new[j]["kind"], i, j))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if i not in matched and j not in taken:
            matched[i] = j
            taken.add(j)
    by_name = {(e["kind"], e["name"]): j for j, e in enumerate(new) if j not in taken}
    for i, entity in enumerate(old):
        j_named = by_name.get((entity["kind"], entity["name"]))
        if i not in matched and j_named is not None and j_named not in taken:
            matched[i] = j_named
            taken.add(j_named)
    return matched


def _moved_start(old: Where, new: Where, person: bool, show: _Show) -> str | None:
    """The category of a span that now starts later with the same end, if it is one."""
    if old[:2] != new[:2] or old[3] != new[3] or new[2] <= old[2]:
        return None
    dropped = show.text((old[0], old[1], old[2], new[2]))
    if dropped is None:
        return None
    if dropped in DETERMINERS:
        return DETERMINER
    if person and dropped.endswith(" "):
        return TITLE
    return None


def _compare_mentions(
    label: str, old: Any, new: Any, person: bool, show: _Show
) -> Iterator[Difference]:
    old_titles = dict(
        zip(map(_where, old["mentions"]), old.get("mention_titles") or (), strict=False)
    )
    new_titles = dict(
        zip(map(_where, new["mentions"]), new.get("mention_titles") or (), strict=False)
    )
    old_set = [_where(m) for m in old["mentions"]]
    new_set = [_where(m) for m in new["mentions"]]
    gone = [m for m in old_set if m not in new_set]
    came = [m for m in new_set if m not in old_set]
    for mention in old_set:
        if mention in new_set and old_titles.get(mention) != new_titles.get(mention):
            yield Difference(
                UNEXPECTED,
                f"{label}: the title of mention {show(mention)} changed: "
                f"{show(_maybe_where(old_titles.get(mention)))} -> "
                f"{show(_maybe_where(new_titles.get(mention)))}",
            )
    for mention in gone:
        partner = next((m for m in came if m[:2] == mention[:2] and m[3] == mention[3]), None)
        if partner is None:
            yield Difference(UNEXPECTED, f"{label}: mention {show(mention)} is gone")
            continue
        came.remove(partner)
        category = _moved_start(mention, partner, person, show) or UNEXPECTED
        title = new_titles.get(partner)
        titled = f" (title {show(_maybe_where(title))})" if title is not None else ""
        yield Difference(category, f"{label}: mention {show(mention)} -> {show(partner)}{titled}")
    for mention in came:
        category = INTENDED if mention[0] in OUTSIDE_BODY else UNEXPECTED
        yield Difference(category, f"{label}: new mention {show(mention)}")


def _compare_entities(
    old: list[Any], new: list[Any], matched: dict[int, int], show: _Show
) -> Iterator[Difference]:
    for i, entity in enumerate(old):
        if i not in matched:
            mentions = show.spans(map(_where, entity["mentions"][:3]))
            yield Difference(UNEXPECTED, f"{_entity_label(i, entity)} is gone ({mentions})")
            continue
        j = matched[i]
        other = new[j]
        label = _entity_label(i, entity) + (f" (now entity {j})" if i != j else "")
        for field in ("kind", "title"):
            if entity[field] != other[field]:
                yield Difference(
                    UNEXPECTED, f"{label}: {field} {entity[field]!r} -> {other[field]!r}"
                )
        person = entity["kind"] == "person" and other["kind"] == "person"
        if entity["name"] != other["name"]:
            category = UNEXPECTED
            if any(entity["name"] == d + other["name"] for d in DETERMINERS):
                category = DETERMINER
            elif person and entity["name"].endswith(" " + other["name"]):
                category = TITLE
            yield Difference(category, f"{label}: name {entity['name']!r} -> {other['name']!r}")
        if entity["aliases"] != other["aliases"]:
            yield from _compare_aliases(label, entity, other, show)
        yield from _compare_mentions(label, entity, other, person, show)
    for j, entity in enumerate(new):
        if j in matched.values():
            continue
        spans = [_where(m) for m in entity["mentions"]]
        outside = all(span[0] in OUTSIDE_BODY for span in spans)
        yield Difference(
            INTENDED if outside else UNEXPECTED,
            f"new {_entity_label(j, entity)}: {show.spans(spans[:3])}"
            + (f" and {len(spans) - 3} more" if len(spans) > 3 else ""),
        )


def _compare_aliases(label: str, old: Any, new: Any, show: _Show) -> Iterator[Difference]:
    old_aliases, new_aliases = list(old["aliases"]), list(new["aliases"])
    names = {new["name"], *new_aliases}
    outside = {show.text(_where(m)) for m in new["mentions"] if str(m[0]) in OUTSIDE_BODY} - {None}
    for alias in old_aliases:
        if alias not in new_aliases:
            dropped = any(alias == d + name for d in DETERMINERS for name in names)
            yield Difference(
                DETERMINER if dropped else UNEXPECTED, f"{label}: alias {alias!r} is gone"
            )
    for alias in new_aliases:
        if alias not in old_aliases:
            yield Difference(
                INTENDED if alias in outside else UNEXPECTED, f"{label}: new alias {alias!r}"
            )
    if sorted(old_aliases) == sorted(new_aliases):
        # Aliases come in the order the text first uses them: a mention new in the
        # headline or a caption may bring one forward.
        category = INTENDED if outside & set(new_aliases) else UNEXPECTED
        yield Difference(category, f"{label}: aliases reordered {old_aliases} -> {new_aliases}")


def _compare_quotes(
    old: Digest, new: Digest, matched: dict[int, int], show: _Show
) -> Iterator[Difference]:
    new_quotes = list(new["quotes"])
    free = list(range(len(new_quotes)))
    for i, quote in enumerate(old["quotes"]):
        spans = [_where(s) for s in quote["spans"]]
        label = f"quote {i} {show.spans(spans)}"
        same = [j for j in free if [_where(s) for s in new_quotes[j]["spans"]] == spans]
        if not same:
            ends = {(s[0], s[1], s[3]) for s in spans}
            same = [
                j
                for j in free
                if ends & {(str(s[0]), int(s[1]), int(s[3])) for s in new_quotes[j]["spans"]}
            ]
        if not same:
            yield Difference(UNEXPECTED, f"{label} is gone")
            continue
        j = same[0]
        free.remove(j)
        other = new_quotes[j]
        other_spans = [_where(s) for s in other["spans"]]
        if other_spans != spans:
            yield Difference(UNEXPECTED, f"{label}: spans -> {show.spans(other_spans)}")
        elif quote["text_sha1"] != other["text_sha1"]:
            yield Difference(UNEXPECTED, f"{label}: its text changed")
        yield from _compare_speaker(label, quote, other, old, new, matched, show)
        if _maybe_where(quote["cue"]) != _maybe_where(other["cue"]):
            yield Difference(
                UNEXPECTED,
                f"{label}: cue {show(_maybe_where(quote['cue']))} -> "
                f"{show(_maybe_where(other['cue']))}",
            )
    for j in free:
        spans = [_where(s) for s in new_quotes[j]["spans"]]
        outside = all(span[0] in OUTSIDE_BODY for span in spans)
        yield Difference(INTENDED if outside else UNEXPECTED, f"new quote {j} {show.spans(spans)}")


def _compare_speaker(
    label: str,
    quote: Any,
    other: Any,
    old: Digest,
    new: Digest,
    matched: dict[int, int],
    show: _Show,
) -> Iterator[Difference]:
    old_index, new_index = quote["speaker_index"], other["speaker_index"]
    old_speaker = _maybe_where(quote["speaker_mention"])
    new_speaker = _maybe_where(other["speaker_mention"])
    if old_speaker != new_speaker:
        category = None
        if old_speaker is not None and new_speaker is not None:
            person = (
                new_index is not None
                and 0 <= new_index < len(new["entities"])
                and new["entities"][new_index]["kind"] == "person"
            )
            category = _moved_start(old_speaker, new_speaker, person, show)
        yield Difference(
            category or UNEXPECTED,
            f"{label}: speaker mention {show(old_speaker)} -> {show(new_speaker)}",
        )
    expected = None if old_index is None else matched.get(old_index, -1)
    if new_index != expected:

        def name(entities: list[EntityDigest], index: int | None) -> str:
            return "none" if index is None else _entity_label(index, entities[index])

        yield Difference(
            UNEXPECTED,
            f"{label}: speaker {name(old['entities'], old_index)} -> "
            f"{name(new['entities'], new_index)}",
        )


def _compare_dates(old: Digest, new: Digest, show: _Show) -> Iterator[Difference]:
    old_dates = {_where(d["span"]): d for d in old["date_mentions"]}
    new_dates = {_where(d["span"]): d for d in new["date_mentions"]}
    for span, mention in old_dates.items():
        other = new_dates.get(span)
        if other is None:
            yield Difference(UNEXPECTED, f"date {show(span)} is gone")
            continue
        was = (mention["value"], mention["precision"])
        now = (other["value"], other["precision"])
        if was != now:
            yield Difference(UNEXPECTED, f"date {show(span)}: (value, precision) {was} -> {now}")
    for span in new_dates.keys() - old_dates.keys():
        yield Difference(
            INTENDED if span[0] in OUTSIDE_BODY else UNEXPECTED, f"new date {show(span)}"
        )
    if len(old_dates) != len(old["date_mentions"]) or len(new_dates) != len(new["date_mentions"]):
        yield Difference(UNEXPECTED, "two date mentions share a span")


def differences(
    old: Digest,
    new: Digest,
    texts: Texts | None = None,
    *,
    body_line: int | None = None,
    full: bool = False,
) -> list[Difference]:
    """What changed from ``old`` to ``new`` (digests of the same article, or their JSON).

    ``texts`` (`part_texts` of the article) lets spans be shown with their text and is
    needed to recognise a dropped title or determiner.  ``body_line``, the input line on
    which the body starts, lets a new diagnostic above it count as intended.  ``full``
    shows texts whole.  Entities are matched by where their mentions end, so that an
    entity that moved in the list is compared with itself.  Identical digests give ``[]``;
    different ones give at least one difference.
    """
    old, new = as_json(old), as_json(new)
    show = _Show(texts, full)
    found: list[Difference] = []
    if old["parts"] != new["parts"]:
        found.append(
            Difference(
                UNEXPECTED,
                "the article's text changed: parts "
                f"{[tuple(p) for p in old['parts']]} -> {[tuple(p) for p in new['parts']]}",
            )
        )
    matched = _match_entities(old["entities"], new["entities"])
    found += _compare_entities(old["entities"], new["entities"], matched, show)
    found += _compare_quotes(old, new, matched, show)
    found += _compare_dates(old, new, show)
    old_diagnostics: Counter[tuple[Any, ...]] = Counter(map(tuple, old["diagnostics"]))
    new_diagnostics: Counter[tuple[Any, ...]] = Counter(map(tuple, new["diagnostics"]))
    for diagnostic in (old_diagnostics - new_diagnostics).elements():
        found.append(Difference(UNEXPECTED, f"diagnostic {diagnostic} is gone"))
    for diagnostic in (new_diagnostics - old_diagnostics).elements():
        above = body_line is not None and int(diagnostic[1]) < body_line
        found.append(Difference(INTENDED if above else UNEXPECTED, f"new diagnostic {diagnostic}"))
    if not found and old != new:
        order = [e["name"] for e in old["entities"]], [e["name"] for e in new["entities"]]
        found.append(Difference(UNEXPECTED, f"the digests differ (entity order {order})"))
    return found
