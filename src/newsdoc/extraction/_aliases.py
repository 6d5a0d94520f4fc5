"""Aliases: names the text declares for one another, acronyms, and a union-find to join them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol, TypeVar

from newsdoc.extraction._lexicon import word_sections

__all__ = ["UnionFind", "declared_alias_at", "initials"]

_WORDS = word_sections("entity_words")
# Adverbs before "known as" ("also known as", "formerly known as").
_ADVERBS = "|".join(sorted(_WORDS["alias-adverbs"], key=lambda w: (-len(w), w)))
# "X (Y)", "X [also known as Y]", "X (or Y)": what may stand between a name and its alias.
_BRACKET_ALIAS = re.compile(
    r"[ \u00a0]*[(\[][ \u00a0]*"
    rf"(?P<say>(?:(?:{_ADVERBS})[ \u00a0]+)?"
    r"(?:known[ \u00a0]+as|called|referred[ \u00a0]+to[ \u00a0]+as)|aka|a\.k\.a\.|or)?"
    r"[ \u00a0]*"
)
# "X, also known as Y": only with the words said.
_COMMA_ALIAS = re.compile(
    rf",[ \u00a0]+(?:(?:{_ADVERBS})[ \u00a0]+)?(?:known[ \u00a0]+as|called)[ \u00a0]+"
)
_BRACKET_CLOSE = re.compile(r"[ \u00a0]*[)\]]")
# Words an acronym does not spell ("Bank of America" spells "BA").
_SKIP_WORDS = _WORDS["initials-skip"]


class _HasSpan(Protocol):
    end: int


_M = TypeVar("_M", bound="_HasSpan")


class UnionFind:
    """Groups of keys; :meth:`union` can say which root the joined group keeps."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self._parent.setdefault(key, key)

    def find(self, key: str) -> str:
        parent = self._parent.setdefault(key, key)
        if parent == key:
            return key
        root = self.find(parent)
        self._parent[key] = root
        return root

    def union(self, a: str, b: str, *, prefer: str | None = None) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        keep = self.find(prefer) if prefer is not None else root_a
        other = root_b if keep == root_a else root_a
        self._parent[other] = keep


def declared_alias_at(body: str, pos: int, by_start: Mapping[int, _M]) -> tuple[_M, bool] | None:
    """The alias declared right after a name ending at ``pos``, if any.

    Returns ``(alias mention, explicit)``; ``explicit`` is true when words such
    as ``also known as`` say so (a bare ``(Centcom)`` is not explicit).
    """
    match = _BRACKET_ALIAS.match(body, pos)
    if match is not None:
        alias = by_start.get(match.end())
        if alias is not None and _BRACKET_CLOSE.match(body, alias.end):
            return alias, bool(match.group("say"))
    match = _COMMA_ALIAS.match(body, pos)
    if match is not None:
        alias = by_start.get(match.end())
        if alias is not None:
            return alias, True
    return None


def initials(name: str) -> str:
    """The acronym a name spells: ``Syrian Democratic Forces`` -> ``SDF``."""
    letters = []
    for word in name.replace("-", " ").split():
        if word in _SKIP_WORDS:
            continue
        plain = word.replace(".", "")
        if len(plain) > 1 and plain.isupper():
            letters.append(plain)
        elif plain:
            letters.append(plain[0].upper())
    return "".join(letters)
