"""Type a segment of several words, by the first rule of `RULES` that decides it.

The order is the order of trust: the name lists, a title, a head word, a known place
or nationality in front, a given name, the shape of the words.  (The words around
the name come later, in the `context` pass.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdoc.extraction._entities import segment, single
from newsdoc.extraction._entities.named import named
from newsdoc.extraction._entities.titled import titled
from newsdoc.extraction._entities.words import (
    ACRONYM,
    DAY_HEADS,
    DETERMINERS,
    DIRECTIONS,
    EVENT,
    EVENT_HEADS,
    FACILITY_HEADS,
    FOREIGN_CONNECTORS,
    HEAD_FIRST_ORGS,
    INITIALS,
    NAME_PARTICLES,
    NATIONALITY,
    NOUN_ENDINGS,
    OF_JOINS,
    OF_ONLY,
    ORG,
    OTHER,
    PERSON,
    PLACE,
    PLAN_HEADS,
    ROMANISED,
)

if TYPE_CHECKING:
    from newsdoc.extraction._entities.runs import Run, Tok

__all__ = ["RULES", "Segment", "multi"]


class Segment:
    """A segment of two words or more, and the parts of it the rules look at."""

    __slots__ = ("end", "first", "joins", "last", "start", "text", "tokens", "words")

    def __init__(self, run: Run, tokens: list[Tok], joins: list[str]) -> None:
        self.tokens = tokens
        #: What joins each word to the next: "" (a space), "of", "'s", ...
        self.joins = joins
        self.words = [tok[2] for tok in tokens]
        self.first = self.words[0]
        self.last = self.words[-1]
        self.start = tokens[0][0]
        self.end = tokens[-1][1]
        self.text = run.text[self.start : self.end]


#: What may join the words of a person's name: a space, a particle ("bin", "van").
_NAME_JOINS = NAME_PARTICLES | {""}
#: What may join the head word of `_head_first` to the next word.
_HEAD_FIRST_JOINS = ("", "de", "di", "del", "della", "für")

#: A rule: adds what it finds and returns True when it decided the segment.
Rule = Callable[["Run", Segment], bool]


def _listed(run: Run, seg: Segment) -> bool:
    names = run.lex.names
    known = names.get(seg.text)
    if known is None and seg.text.startswith(DETERMINERS):
        known = names.get(seg.text[4:])
    if known is None:
        return False
    named(run, seg.tokens, seg.joins, known[0], 3, known[1])
    return True


def _title(run: Run, seg: Segment) -> bool:
    """A title: "Air Force Lieutenant General Alexus Grynkewich", "US Secretary of State"."""
    heads = run.lex.title_heads
    words = seg.words
    if heads.isdisjoint(words):
        return False  # (most names: tested in C before looking for where the head is)
    first_names = run.lex.first_names
    joins = seg.joins
    # A title word right after a given name is a surname ("Larry King", "John Major").
    head = next(
        (
            i
            for i, word in enumerate(words)
            if word in heads and not (i and joins[i - 1] == "" and words[i - 1] in first_names)
        ),
        -1,
    )
    if head < 0 or (seg.last in run.lex.org_heads and head < len(words) - 1):
        return False
    if 0 < head < len(words) - 1 and words[0] in run.lex.org_heads and joins[0] in OF_JOINS:
        return False  # "Office of the Director of National Intelligence": an institution
    titled(run, seg.tokens, joins, words, head)
    return True


def _org_head(run: Run, seg: Segment) -> bool:
    """An organisation's head word: "Syrian Democratic Forces", "Andy Warhol Foundation for
    the Visual Arts"; a building is a place ("Kennedy Space Center", "Al Assad University
    Hospital"), a plan is neither ("Space Shuttle Program")."""
    org_heads = run.lex.org_heads
    words, joins = seg.words, seg.joins
    n = len(words)
    inner_head = -1
    if not org_heads.isdisjoint(words[1:-1]):  # (most names have no head inside)
        inner_head = next(
            (
                i
                for i in range(1, n - 1)
                if words[i] in org_heads and joins[i] in OF_JOINS and joins[i - 1] == ""
            ),
            -1,
        )
    plan = seg.last in PLAN_HEADS
    if not (seg.last in org_heads or inner_head > 0 or plan):
        return False
    head_at = n - 1 if inner_head < 0 else inner_head
    facility = words[head_at] in FACILITY_HEADS and (inner_head < 0 or joins[head_at] in OF_ONLY)
    if plan and inner_head < 0:
        named(run, seg.tokens, joins, OTHER, 2)
    else:
        named(run, seg.tokens, joins, PLACE if facility else ORG, 3)
    if seg.first in run.lex.first_names and head_at >= 2 and joins[0] == "":
        _person_in_front(run, seg, 2 if head_at > 3 else head_at)
    return True


def _person_in_front(run: Run, seg: Segment, size: int) -> None:
    """The person an organisation is named after: "Andy Warhol Foundation", "Andy Warhol
    Photographic Legacy Program" (given name and surname)."""
    lex = run.lex
    words = seg.words
    if all(
        word not in lex.org_heads and word not in lex.names and word[0].isupper()
        for word in words[1:size]
    ) and all(join == "" for join in seg.joins[: size - 1]):
        start, end = seg.tokens[0][0], seg.tokens[size - 1][1]
        run.add(start, end, PERSON, 2, run.text[start:end], words[:size])


def _place_shape(run: Run, seg: Segment) -> bool:
    """A place by its head or its first word: "Idlib Province", "Mount Sinjar", "Gulf of
    Aden", "Northern Iraq"."""
    lex = run.lex
    first, join = seg.first, seg.joins[0]
    first_name = first in lex.first_names and len(seg.words) >= 3 and join == ""
    if not (
        (seg.last in lex.place_heads and not first_name)
        or (first in lex.place_prefix and join == "")
        or (first in lex.place_prefix_of and join in OF_JOINS)
        or (first in DIRECTIONS and len(seg.words) == 2 and join == "")
    ):
        return False
    named(run, seg.tokens, seg.joins, PLACE, 3 if first not in DIRECTIONS else 2)
    return True


def _head_first(run: Run, seg: Segment) -> bool:
    """An organisation's head word first: "Instituto Cervantes", "Partito Democratico"."""
    if seg.first not in HEAD_FIRST_ORGS or seg.joins[0] not in _HEAD_FIRST_JOINS:
        return False
    named(run, seg.tokens, seg.joins, ORG, 3)
    return True


def _head_of(run: Run, seg: Segment) -> bool:
    """A head word before "of": "Museum of Flight" (a place), "Bank of England"."""
    if seg.first not in run.lex.org_heads or seg.joins[0] not in OF_JOINS:
        return False
    facility = seg.first in FACILITY_HEADS and seg.joins[0] in OF_ONLY
    named(run, seg.tokens, seg.joins, PLACE if facility else ORG, 3)
    return True


def _event(run: Run, seg: Segment) -> bool:
    """An event by its head: "World Cup", "Election Day", "Martin Luther King Day" (not
    "Doris Day": a given name and a surname)."""
    strong = seg.last in EVENT_HEADS
    if not strong and not (
        seg.last in DAY_HEADS and (len(seg.words) >= 3 or seg.first not in run.lex.first_names)
    ):
        return False
    # A day's name is a weak guess: "the Business Day newspaper" is a newspaper.
    named(run, seg.tokens, seg.joins, EVENT, 3 if strong else 1)
    return True


def _foreign_connector(run: Run, seg: Segment) -> bool:
    """A connector of another language inside: "Medecins sans Frontieres"."""
    if FOREIGN_CONNECTORS.isdisjoint(seg.joins):
        return False
    named(run, seg.tokens, seg.joins, ORG, 2)
    return True


def _place_in_front(run: Run, seg: Segment) -> bool:
    """A known place or nationality in front: "US Centcom", "Syrian Kurdish"."""
    lex = run.lex
    lead = lex.names.get(seg.first)
    if lead is None or lead[0] not in (PLACE, NATIONALITY) or seg.joins[0] != "":
        return False
    tokens, joins = seg.tokens, seg.joins
    rest = seg.words[1:]
    rest_known = lex.names.get(run.text[tokens[1][0] : seg.end])
    if rest_known is not None and rest_known[0] is ORG:
        # "US Centcom", "British Red Cross": the organisation, its place nested.
        named(run, tokens, joins, ORG, 3, rest_known[1])
    elif rest_known is None and (
        rest[-1] in lex.org_heads or (rest[0] in lex.org_heads and joins[1] in OF_JOINS)
    ):
        named(run, tokens, joins, ORG, 3)
    elif (
        len(rest) == 1
        and rest_known is None
        and rest[0] not in lex.first_names
        and not ACRONYM.match(rest[0])
        and lead[0] is PLACE
    ):
        # "LA Weekly", "Toronto Star": an organisation named after its place.
        named(run, tokens, joins, ORG, 1)
    else:
        run.add(tokens[0][0], tokens[0][1], lead[0], 3, lead[1])
        segment.segment(run, tokens[1:], joins[1:], False)
    return True


def _given_name(run: Run, seg: Segment) -> bool:
    lex = run.lex
    if (
        seg.first not in lex.first_names
        or seg.words[1] in lex.names
        or seg.joins[0] not in ("", "de")
    ):
        return False
    run.add(seg.start, seg.end, PERSON, 2, seg.text, seg.words)
    return True


def _acronyms(run: Run, seg: Segment) -> bool:
    """Acronyms side by side: each a name of its own."""
    if not ACRONYM.match(seg.first) or not all(ACRONYM.match(word) for word in seg.words):
        return False
    for tok in seg.tokens:
        single.single(run, tok, False)
    return True


def _person_shape(run: Run, seg: Segment) -> bool:
    """Words shaped like a person's name nobody listed (not after a known organisation:
    "Microsoft Teams", "Google Chrome")."""
    if not _person_like(run, seg.words, seg.joins):
        return False
    lead = run.lex.names.get(seg.first)
    if lead is not None and lead[0] is ORG and seg.joins[0] == "":
        return False
    run.add(seg.start, seg.end, PERSON, 1, seg.text, seg.words)
    return True


def _person_like(run: Run, words: list[str], joins: list[str]) -> bool:
    """Could these capitalised words be a person's name nobody listed?"""
    if len(words) > 4 or words[0] in ("The", "A"):
        return False
    if not _NAME_JOINS.issuperset(joins):
        return False
    lex = run.lex
    last = len(words) - 1
    for i, word in enumerate(words):
        if i < last and INITIALS.match(word):
            continue  # "K.C. Maurer"
        if ACRONYM.match(word) or not word[0].isalpha() or any(map(str.isdigit, word)):
            return False
        low = word.lower()
        if low in lex.common or run.ask.written_lower(low):
            return False
        if low.endswith(NOUN_ENDINGS) and not (i and ROMANISED.match(word)):
            return False  # but "Yau Wai-ching", "Kim Jong-un"
        if word in lex.org_heads or word in lex.place_heads:
            return False
    return True


def _the_name(run: Run, seg: Segment) -> bool:
    """A name after "The": "The Velvet Underground", "The Straits Times"."""
    if seg.first != "The":
        return False
    named(run, seg.tokens, seg.joins, ORG, 1)
    return True


def _place_inside(run: Run, seg: Segment) -> bool:
    """A name holding a known place or nationality after its first word."""
    names = run.lex.names
    if not any(names.get(word, (None,))[0] in (PLACE, NATIONALITY) for word in seg.words[1:]):
        return False
    named(run, seg.tokens, seg.joins, ORG, 1)
    return True


def _other(run: Run, seg: Segment) -> bool:
    """Any other name; a known organisation or an acronym in front ("Vantor Science Fair",
    "USI Art Collections") is a mention of its own."""
    named(run, seg.tokens, seg.joins, OTHER, 1)
    if seg.joins[0] != "":
        return True
    first = seg.first
    start, end = seg.tokens[0][0], seg.tokens[0][1]
    lead = run.lex.names.get(first)
    if lead is not None:
        if lead[0] is ORG:
            run.add(start, end, ORG, 3, lead[1])
    elif ACRONYM.match(first) and first not in run.lex.title_words:
        # "12 MHZ Polarization": a unit after a number, no organisation.
        before = run.text[start - 2 : start - 1] if start >= 2 else run.ask.char_before_run(2)
        if not before.isdigit():
            run.add(start, end, ORG, 2, first)
    return True


#: The rules for a name of several words, in the order they are tried.
RULES: tuple[tuple[str, Rule], ...] = (
    ("a listed name", _listed),
    ("a title (President Joe Biden, the Foreign Secretary)", _title),
    ("an organisation's head word (... Forces, ... Foundation for ...)", _org_head),
    ("a place's head word or prefix (... Province, Mount ..., Northern ...)", _place_shape),
    ("an organisation's head first, in other languages (Instituto ...)", _head_first),
    ("an organisation's head before 'of' (Museum of ...)", _head_of),
    ("an event's head word (... Cup)", _event),
    ("a connector of another language (Medecins sans Frontieres)", _foreign_connector),
    ("a known place or nationality in front (US Centcom)", _place_in_front),
    ("a given name first (Michael Kurilla)", _given_name),
    ("acronyms only: each a name", _acronyms),
    ("shaped like a person's name", _person_shape),
    ("'The' in front (The Straits Times)", _the_name),
    ("a known place inside", _place_inside),
    ("anything else", _other),
)


def multi(run: Run, tokens: list[Tok], joins: list[str]) -> None:
    """Type a name of several words by the first rule that decides it."""
    seg = Segment(run, tokens, joins)
    for _, rule in RULES:
        if rule(run, seg):
            return
