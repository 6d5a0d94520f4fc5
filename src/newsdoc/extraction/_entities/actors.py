"""Pass: names that stand for an organisation where the text makes them act.

* A person's regime or administration is an organisation (``the Asad regime``).
* Clubs: a name in a line of results or of a table (``Wrexham 2 Scunthorpe 2``), or a
  town's name after a match's words near a score (``a 2-0 win over Barcelona``), is
  a club, in the whole article (a country in such a place is its national team: a
  place, as the news corpora mark it, unless it plays another, below).
* Countries playing a match are teams: a listed place is a team in the whole article
  once the text has it play another (``Sweden 1 – 0 South Korea``, ``Belgium
  defeated Panama``).
* A country that says or does what a government does is its government (``Russia
  said``, ``the UK will``, ``announced by Russia and Turkey``).

Mentions after a place preposition (``in England``) stay places.
"""

from __future__ import annotations

import bisect
import itertools
import re

from newsdoc.extraction._entities.state import Doc, Mention, next_word, prev_word
from newsdoc.extraction._entities.words import (
    ACTOR_VERBS,
    CLUB_BEFORE,
    CLUB_BEFORE_LAST,
    MATCH_BETWEEN,
    ORG,
    PERSON,
    PLACE,
    REGIME_AFTER,
    RESULT_LINE,
    SCORE,
    STATE_VERBS,
)

__all__ = ["actors"]

#: The longest line read as a line of results or of a table.
_RESULT_LINE_MAX = 120
#: A number, with its decimals ("7.0" is one).
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def actors(doc: Doc) -> None:
    """Regimes, clubs, teams and acting states (see the module's docstring)."""
    _clubs(doc)
    places = _regimes(doc)
    if places:
        _teams_and_states(doc, places)


def _clubs(doc: Doc) -> None:
    """Names of clubs in results, tables and match reports are organisations (not
    people's: a golfer's line of scores, a tennis player beaten 6-3)."""
    text = doc.text
    countries = doc.lex.countries
    clubs: set[str] = set()
    # Only the names in short lines with a number, and the places near a score, are
    # read.  (Both found with plain string methods: most articles have neither.)
    for m in _in_short_lines_with_numbers(text, doc.mentions):
        if m.kind is not PERSON and m.kind is not ORG and _in_a_line_of_results(text, m):
            clubs.add(m.name)
    if _may_hold_a_score(text):
        for m in doc.mentions:
            if m.kind is PLACE and _after_a_match(text, m):
                clubs.add(m.name)
    clubs -= countries
    if not clubs:
        return
    place_before = doc.lex.place_before
    for m in doc.mentions:
        if m.name in clubs and prev_word(text, m.start) not in place_before:
            m.kind, m.strength = ORG, max(m.strength, 2)
            m.group = "C:" + m.name  # a club: another referent than its town


def _in_short_lines_with_numbers(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions in lines that may be a line of results: short, with two numbers at
    least (a paragraph of prose with a number next to a name, "Smith, 43, said", or a
    headline with one figure, is none)."""
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        size = len(line)
        # (A blank line or a paragraph of prose is passed by its length alone.)
        if 0 < size <= _RESULT_LINE_MAX and len(_NUMBER.findall(line)) >= 2:
            lines.append((start, start + size))
        start += size + 1
    if not lines:
        return []
    found = []
    for m in mentions:
        i = bisect.bisect_right(lines, (m.start, len(text))) - 1
        if i >= 0 and m.start < lines[i][1]:
            found.append(m)
    return found


def _in_a_line_of_results(text: str, m: Mention) -> bool:
    """Whether ``m`` stands by a number in a line of results or of a table."""
    start, end = m.start, m.end
    if not (text[end + 1 : end + 2].isdigit() or text[start - 2 : start - 1].isdigit()):
        return False
    return RESULT_LINE.match(text, text.rfind("\n", 0, start) + 1) is not None


def _may_hold_a_score(text: str) -> bool:
    """Whether a dash stands between digits somewhere (``2-0``, ``1 – 1``).

    Found with ``str.find`` for the dashes: a regex for a score is tried at every
    character of the text, which costs more than all the rest of this pass.
    """
    for dash in "-–":
        at = text.find(dash)
        while at >= 0:
            before = text[at - 2 : at].rstrip(" ")
            after = text[at + 1 : at + 3].lstrip(" ")
            if before[-1:].isdigit() and after[:1].isdigit():
                return True
            at = text.find(dash, at + 1)
    return False


def _after_a_match(text: str, m: Mention) -> bool:
    """Is the place ``m`` the club beaten, drawn with, met (a score near)?"""
    start = m.start
    return (
        m.kind is PLACE
        and prev_word(text, start) in CLUB_BEFORE_LAST  # (most places: no search)
        and CLUB_BEFORE.search(text, max(0, start - 25), start) is not None
        and SCORE.search(_line_around(text, start - 40, m.end + 25)) is not None
    )


def _line_around(text: str, start: int, end: int) -> str:
    """``text[start:end]`` within the line of ``start``... ``end``."""
    start = max(0, start)
    cut = text.rfind("\n", start, end)
    return text[cut + 1 : end] if cut >= 0 else text[start:end]


def _regimes(doc: Doc) -> list[Mention]:
    """Make "<person> regime" an organisation; returns the strongly typed places."""
    text = doc.text
    regime = REGIME_AFTER.match
    places: list[Mention] = []
    rulers: set[str] = set()
    for m in doc.mentions:
        kind = m.kind
        if kind is PLACE:
            if m.strength >= 3:
                places.append(m)
        elif (kind is PERSON or kind is None) and m.strength < 3 and m.title is None:
            # (The first letters of the regime words, tested before the pattern runs.)
            found = regime(text, m.end) if text[m.end + 1 : m.end + 2] in "ragj" else None
            if found is not None:
                if kind is None and " " not in m.text:
                    rulers.add(m.text)  # "Assad" alone, elsewhere, is the ruler
                m.end = found.end()
                m.text = text[m.start : m.end]
                m.kind, m.strength, m.name = ORG, 3, m.text
                m.tokens = (*m.tokens, found.group(1))
                m.group = m.name
    if rulers:
        for m in doc.mentions:
            if m.text in rulers and m.strength < 2:
                m.kind, m.strength = PERSON, 2
                m.tokens = (m.text,)
    return places


def _teams_and_states(doc: Doc, places: list[Mention]) -> None:
    """Countries playing a match, or acting as states, are organisations."""
    text = doc.text
    teams: set[str] = set()
    for a, b in itertools.pairwise(places):
        if b.start - a.end <= 40 and MATCH_BETWEEN.fullmatch(text, a.end, b.start):
            teams.add(a.name)
            teams.add(b.name)
    place_before = doc.lex.place_before
    countries = doc.lex.countries
    acting: Mention | None = None
    for m in places:
        team = m.name in teams
        if not team and m.name not in countries:
            continue
        before = prev_word(text, m.start)
        if before == "the" or before == "The":
            before = prev_word(text, m.start - 4)  # "in the UK"
        if not team:
            joined = acting is not None and text[acting.end : m.start] == " and "
            if not joined and not _acts(text, m.start, m.end, before):
                continue
        if before not in place_before:
            m.kind = ORG
            # A team is another referent than its country ("C:"); a country acting as
            # a state is the country itself ("O:", one entity with it in `build`).
            m.group = ("C:" if team else "O:") + m.name
            acting = m


def _acts(text: str, start: int, end: int, before: str) -> bool:
    """Does the country named at ``text[start:end]`` act as a state here?

    ``Russia said``, ``announced by Russia`` (not ``by US-led forces``), ``the UK
    will``, ``The UK, with its allies,``.
    """
    after = next_word(text, end)
    if after in ACTOR_VERBS or (before == "by" and text[end : end + 1] != "-"):
        return True
    return text[start - 4 : start].lower() == "the " and (
        after in STATE_VERBS or text[end : end + 1] == ","
    )
