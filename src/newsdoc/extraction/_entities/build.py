"""The last step: one `Entity` per group of mentions, in order of first mention, and
the index of every mention's place (``(start, end, entity number)``, sorted)."""

from __future__ import annotations

from newsdoc import _unchecked
from newsdoc._model import Entity, EntityKind, Span
from newsdoc._model import Mention as MentionSpan
from newsdoc._unchecked import entity as make_entity
from newsdoc._unchecked import mention as make_mention
from newsdoc._unchecked import span as make_span
from newsdoc.extraction._entities.state import Doc, Mention
from newsdoc.extraction._entities.words import (
    ACRONYM,
    DETERMINERS,
    EQUIPMENT,
    NAME_PARTICLES,
    NATIONALITY,
    PERSON,
    PLACE,
)

__all__ = ["MentionIndex", "build"]

#: ``(start, end, entity index)`` of every mention, sorted by position.  The extent is
#: the mention as written, a person's title or a leading "The" included (``Sen. Smith``):
#: the quote rules look a clause's subject up by where it starts.
MentionIndex = list[tuple[int, int, int]]

# The slot setters of a mention span, for `_plain_spans` (a call a mention cheaper than
# `make_mention`, which looks them up, and `CHECKED`, on every call).
_new = object.__new__
_SET_START = Span.__dict__["start"].__set__
_SET_END = Span.__dict__["end"].__set__
_SET_TEXT = Span.__dict__["text"].__set__
_SET_TITLE = MentionSpan.__dict__["title"].__set__
_SET_KIND = MentionSpan.__dict__["kind"].__set__


def build(doc: Doc) -> tuple[list[Entity], MentionIndex]:
    """The entities of ``doc``'s typed mentions, grouped by ``doc.referents``."""
    entities: list[Entity] = []
    index: MentionIndex = []
    text = doc.text
    groups = _groups(doc)
    countries = _one_entity_per_country(groups)
    for root, members in groups.items():
        number = len(entities)
        if len(members) == 1:  # most entities
            m = members[0]
            index.append((m.start, m.end, number))
            entities.append(_single(text, root, m))
        else:
            kind = PLACE if root in countries else None
            entities.append(_grouped(doc, root, members, number, index, kind))
    index.sort()
    return entities, index


def _groups(doc: Doc) -> dict[str, list[Mention]]:
    """The typed mentions by the root of their group, in position order."""
    mentions = doc.mentions
    # The mentions are usually in position order already (sorting keeps that order).
    last_start = last_end = -1
    for m in mentions:
        start = m.start
        if start < last_start or (start == last_start and m.end > last_end):
            mentions = sorted(mentions, key=_by_position)
            break
        last_start, last_end = start, m.end
    groups: dict[str, list[Mention]] = {}
    find = doc.referents.find
    roots: dict[str, str] = {}
    for m in mentions:
        if m.kind is not None:
            group = m.group
            key = roots.get(group)
            if key is None:
                key = roots[group] = find(group)
            members = groups.get(key)
            if members is None:
                groups[key] = [m]
            else:
                members.append(m)
    return groups


def _one_entity_per_country(groups: dict[str, list[Mention]]) -> set[str]:
    """Join in ``groups`` a country acting as a state (``O:Norway``, ``Norway said``) and
    the same country as a place (``in Norway``): one referent, one entity, a place
    whose acting mentions keep their own kind (`Mention.kind`, organisation).  Returns
    the roots joined.  (A team named after its country is another referent, ``C:``.)"""
    joined = set()
    for root in [root for root in groups if root[:2] == "O:" and root[2:] in groups]:
        merged = groups.pop(root) + groups[root[2:]]
        merged.sort(key=_by_position)
        groups[root[2:]] = merged
        joined.add(root[2:])
    if joined:  # (the entities stay in the order the text first names them)
        ordered = sorted(groups.items(), key=lambda item: _by_position(item[1][0]))
        groups.clear()
        groups.update(ordered)
    return joined


def _by_position(m: Mention) -> tuple[int, int]:
    return (m.start, -m.end)


def _mention(text: str, m: Mention, kind: EntityKind | None = None) -> MentionSpan:
    """The span of mention ``m``: the name as written, without a person's title or a
    leading "The" (from ``m.shown``), with the span of the title (``m.title_at``) and
    its own ``kind`` where it differs from its entity's."""
    start = m.shown
    said = m.text if start == m.start else text[start : m.end]
    at = m.title_at
    title = None if at is None else make_span(at[0], at[1], text[at[0] : at[1]])
    return make_mention(start, m.end, said, title, kind)


def _single(text: str, root: str, m: Mention) -> Entity:
    """The entity of one mention (most entities)."""
    kind = m.kind
    assert kind is not None
    if kind is PERSON:
        name = m.name if root[:2] == "T:" or len(m.tokens) < 2 else _full_name(text, m)
        aliases: tuple[str, ...] = ()
    else:
        name = m.name
        alias = m.text[4:] if m.text.startswith(DETERMINERS) else m.text  # (`strip_the`)
        aliases = (
            (alias,)
            if alias != name
            and not (kind is EQUIPMENT or kind is NATIONALITY)
            and alias not in name.split()
            and alias[: len(name) + 2] != name + ", "  # "Houston, Texas"
            else ()
        )
    if m.title_at is None and m.shown == m.start:  # (most mentions: no call to `_mention`)
        span = make_mention(m.start, m.end, m.text, None)
    else:
        span = _mention(text, m)
    return make_entity(kind, name, aliases, m.title, (span,))


def _grouped(
    doc: Doc,
    root: str,
    members: list[Mention],
    number: int,
    index: MentionIndex,
    kind: EntityKind | None = None,
) -> Entity:
    """The entity of several mentions (of ``kind``, if given); adds their places to
    ``index``.

    Its kind, name, title and aliases come from the mentions outside the headline
    when there are any: a headline clips and capitalises names in its own style
    (``Ray DVD beats ...`` for Ray Charles's film).
    """
    text = doc.text
    named = members
    if doc.headline_end and members[0].start < doc.headline_end:
        named = [m for m in members if m.start >= doc.headline_end] or members
    forced = kind is not None
    if kind is None:
        kind = _kind(named)
    name = _canonical(text, root, named, kind)
    title = None
    for m in named:  # (the first title: a loop, cheaper than `next` over a generator)
        if m.title:
            title = m.title
            break
    # Only a country joined with its acting self keeps the mentions' own kinds: elsewhere
    # a mention's kind is a guess that the group's kind (`_kind`) overrules.
    spans = _spans(text, members, number, index, kind if forced else None)
    return make_entity(kind, name, _aliases(named, kind, name), title, spans)


def _spans(
    text: str,
    members: list[Mention],
    number: int,
    index: MentionIndex,
    kind: EntityKind | None,
) -> tuple[MentionSpan, ...]:
    """The spans of a group's mentions (one per place), each with its own kind where it
    is not the entity's ``kind``, if given (`Mention.kind`); adds their places to
    ``index``."""
    spans: list[MentionSpan] = []
    append = spans.append
    plain = not _unchecked.CHECKED  # (read once: the tests set it)
    new, set_start, set_end, set_text, set_title, set_kind = (
        _new,
        _SET_START,
        _SET_END,
        _SET_TEXT,
        _SET_TITLE,
        _SET_KIND,
    )
    last_start = last_end = -1
    for m in members:
        start = m.shown
        end = m.end
        if start != last_start or end != last_end:
            last_start = start
            last_end = end
            own = None if kind is None or m.kind is kind else m.kind  # (a country acting)
            if m.title_at is not None or start != m.start or own is not None:
                append(_mention(text, m, own))
            elif plain:  # (most mentions: `make_mention` without its calls)
                span: MentionSpan = new(MentionSpan)
                set_start(span, start)
                set_end(span, end)
                set_text(span, m.text)
                set_title(span, None)
                set_kind(span, None)
                append(span)
            else:
                append(make_mention(start, end, m.text, None))
            index.append((m.start, end, number))
    return tuple(spans)


def _kind(members: list[Mention]) -> EntityKind:
    """The group's kind: its first mention's, or when they differ, the kind of the
    greatest sum of strengths (ties: the first seen)."""
    kind = members[0].kind
    assert kind is not None
    for m in members:
        if m.kind is not kind:
            break
    else:
        return kind
    kinds: dict[str, int] = {}
    for m in members:
        if m.kind is not None:
            kinds[m.kind.value] = kinds.get(m.kind.value, 0) + m.strength + 1
    return EntityKind(max(kinds, key=kinds.__getitem__))


def _aliases(members: list[Mention], kind: EntityKind, name: str) -> tuple[str, ...]:
    """The other names the group's mentions give, in order of first use."""
    found: list[str] = []
    seen: set[object] = set()
    words = name.split()
    for m in members:
        if kind is PERSON:
            if len(m.tokens) >= 2 and m.tokens not in seen:
                seen.add(m.tokens)
                alias = " ".join(m.tokens)
                if alias not in name and alias not in found:
                    found.append(alias)
        elif m.text not in seen:
            seen.add(m.text)
            alias = m.text[4:] if m.text.startswith(DETERMINERS) else m.text  # (`strip_the`)
            if (
                alias != name
                and alias not in found
                and not ((kind is EQUIPMENT or kind is NATIONALITY) and m.name != alias)
                and alias not in words
                and alias[: len(name) + 2] != name + ", "
            ):
                found.append(alias)
    return tuple(found)


def _full_name(text: str, m: Mention) -> str:
    """A person's full name: its words, with the small words of a surname that the
    text writes between them (``Bill de Blasio``, ``Ludwig van Beethoven``)."""
    name = " ".join(m.tokens)
    if m.end - m.shown == len(name):
        return name  # (most names: nothing written between their words)
    written = text[m.shown : m.end].split()
    if len(written) > len(m.tokens) and all(
        word in m.tokens or word in NAME_PARTICLES for word in written
    ):
        return " ".join(written)
    return name


def _canonical(text: str, root: str, members: list[Mention], kind: EntityKind) -> str:
    """The entity's name: a person's fullest name, a listed name's canonical form, ..."""
    if kind is PERSON:
        if root.startswith("T:"):
            return members[0].name
        best = members[0]
        for m in members:
            if len(m.tokens) > len(best.tokens):
                best = m  # the first of the fullest
        return _full_name(text, best) if len(best.tokens) > 1 else best.name
    if root.startswith("P:"):
        root = root[2:]
    names = list(dict.fromkeys([m.name for m in members]))
    if root in names:
        if " " in root:
            return root
        long_forms = [n for n in names if " " in n and not ACRONYM.match(n)]
        if not long_forms:
            return root
        return max(long_forms, key=len)
    return max(names, key=len)
