"""Pass: a nationality (or a country) before a noun of a group that acts is an
organisation: ``Iraqi forces``, ``the Syrian government``, ``Iraqi security forces``,
``the US-led coalition``.

The nationality stays a mention of its own, inside the organisation's.
"""

from __future__ import annotations

import re

from newsdoc.extraction._entities.state import Doc, Mention, prev_word
from newsdoc.extraction._entities.words import (
    GROUP_FOLLOW,
    GROUP_HEADS,
    GROUP_MODIFIERS,
    GROUP_START,
    LOWER_WORD,
    MEDIA,
    NATIONALITY,
    ORG,
    PLACE,
)

__all__ = ["groups"]


def groups(doc: Doc) -> None:
    """Add an organisation for each nationality or country heading a group noun phrase."""
    text = doc.text
    peoples = doc.lex.peoples
    countries = doc.lex.countries
    found: list[tuple[int, Mention]] = []
    for i, m in enumerate(doc.mentions):
        if m.kind is NATIONALITY:
            pass
        elif m.kind is not PLACE or m.name not in countries:
            continue
        start = GROUP_START.match(text, m.end)
        if start is None:
            continue  # no group noun or modifier next: most names
        pos = _phrase_from(m, start, peoples)
        if pos >= 0:
            org = _group_after(text, m, pos)
            if org is not None:
                found.append((i, org))
    if found:  # one rebuild of the list, in position order (not one insert each)
        merged: list[Mention] = []
        done = 0
        for i, org in found:
            merged.extend(doc.mentions[done:i])
            merged.append(org)
            done = i
        merged.extend(doc.mentions[done:])
        doc.mentions = merged


def _phrase_from(m: Mention, start: re.Match[str], peoples: frozenset[str]) -> int:
    """Where the group phrase after ``m`` starts (past "-led"), or -1 when ``m`` heads
    none: "the US military", "New Zealand police", "the US-led coalition"."""
    if m.kind is PLACE:
        if start.group(1):
            return start.end(1)
        return m.end if m.strength >= 3 else -1
    if start.group(1) or m.text != m.name or m.text not in peoples:
        return -1
    return m.end


def _group_after(text: str, m: Mention, pos: int) -> Mention | None:
    """The organisation "<m> [modifiers] <group noun>" whose words start after ``pos``."""
    match = LOWER_WORD.match
    for _ in range(3):
        word = match(text, pos + 1)
        if word is None:
            return None
        low = word.group()
        end = word.end()
        possessive = low[-2:] in ("'s", "’s")
        if possessive:
            low = low[:-2]  # "the Afghan team's coach"
            end -= 2
        if low in GROUP_HEADS:
            if low in MEDIA and prev_word(text, m.start) in ("on", "in"):
                return None  # "on French television": the medium, not the broadcaster
            after = match(text, end + 1) if not possessive and text[end : end + 1] == " " else None
            if after is not None:
                follow = after.group()
                if follow in GROUP_HEADS:
                    pos = end  # "Iraqi government forces": the last head ends it
                    continue
                if follow not in GROUP_FOLLOW and not follow.endswith(("ed", "ing")):
                    return None  # "Russian military aircraft"
            said = text[m.start : end]
            return Mention(m.start, end, said, ORG, 3, said, (m.text, low))
        if possessive or low not in GROUP_MODIFIERS or text[word.end() : word.end() + 1] != " ":
            return None
        pos = word.end()
    return None
