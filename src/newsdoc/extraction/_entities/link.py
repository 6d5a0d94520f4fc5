"""Pass: join the mentions of one referent, in ``doc.referents`` (a union-find over
the mentions' group keys), in four steps:

1. `_people`: a person named in full is keyed by the full name; a surname or a given
   name alone, and a title alone, join that person.  People who share a surname stay
   apart: the surname alone joins the one a title fits (``Mrs. Clinton``), and of
   them the one last named in full as a sentence's subject, else the one named first.
2. `_one_kind_per_text`: the same text keeps one type (the strongest evidence wins).
3. `_declared_aliases`: aliases the text declares join their name (``US Central
   Command (Centcom)``, ``IS, also known as Daesh``).
4. `_spelled_acronyms`: acronyms spelling the initials of a name in the text join it
   (``Syrian Democratic Forces`` ... ``SDF``).

Group keys: ``P:`` before a person's full name, ``T:`` before a title standing alone,
``O:`` before a country acting as a state, ``C:`` before a team or a club named after
its country or town; other mentions are keyed by their name.
"""

from __future__ import annotations

from newsdoc.extraction._aliases import UnionFind, declared_alias_at, initials
from newsdoc.extraction._entities.state import Doc, Mention, prev_word
from newsdoc.extraction._entities.words import (
    ACRONYM,
    ALIAS_START,
    EVENT,
    ORG,
    OTHER,
    PERSON,
    PLACE,
)
from newsdoc.extraction._gender import Gender, name_gender, title_gender
from newsdoc.extraction._subjects import opens_sentence, sentence_start_before

__all__ = ["link"]

#: A subject counts for a surname alone this many line breaks back at most: its own
#: paragraph or the one before ("\n\n" between paragraphs).
_NEAR_BREAKS = 2

#: Prefixes of the group keys given to people, titles and acting states.
_KEYED = frozenset({"P:", "T:", "O:", "C:"})


def link(doc: Doc) -> None:
    """Join the mentions of one referent (see the module's docstring)."""
    uf = doc.referents
    _people(doc)
    _one_kind_per_text(doc)
    acronyms = _declared_aliases(doc, uf)
    if acronyms:
        _spelled_acronyms(doc, uf, acronyms)


def _people(doc: Doc) -> None:
    """Key people by full name; surnames, given names and titles alone join them."""
    mentions = doc.mentions
    first_names = doc.lex.first_names
    surnames: dict[str, list[tuple[int, int, str]]] = {}
    given: dict[str, str] = {}
    titles: dict[str, str] = {}
    people = _People(doc.text)
    for m in mentions:
        if m.kind is PERSON and len(m.tokens) >= 2:
            m.group = "P:" + m.name
            people.add(m)
            last = m.tokens[-1]
            surnames.setdefault(last, []).append((m.start, m.end, m.group))
            if last[2:3] == "-" and last[:2].lower() in ("al", "el"):
                # "Assad" for "al-Assad"
                surnames.setdefault(last[3:], []).append((m.start, m.end, m.group))
            if m.tokens[0] in first_names:
                given.setdefault(m.tokens[0], m.group)
            if m.title:
                titles[m.title.lower()] = m.group
    if len(surnames) > 0:
        people.titled_alone(mentions, surnames)
    # The surnames two people share (most articles: none), told apart by `choose`.
    shared = {word for word, named in surnames.items() if any(n[2] != named[0][2] for n in named)}
    confirmed: set[str] = set()
    place_before = doc.lex.place_before
    for m in mentions:
        tokens = m.tokens
        kind = m.kind
        if kind is PERSON and not tokens:  # a title standing for a person
            m.group = titles.get(m.title.lower() if m.title else "", "T:" + m.name.lower())
            continue
        if len(tokens) != 1:
            continue
        word = tokens[0]
        found = surnames.get(word)
        if found is None:
            target = None
        else:
            target = people.choose(m, found) if word in shared else found[0][2]
        if m.strength >= 3:
            # A listed name that is also the surname of someone in the article: the person,
            # unless a place preposition goes before it ("in Paris").
            if target is not None and prev_word(doc.text, m.start) not in place_before:
                m.kind, m.group = PERSON, target
            continue
        if target is None and (kind is PERSON or kind is None):
            target = given.get(word)
        if target is not None and (kind is None or kind is PERSON or m.strength <= 1):
            m.kind, m.strength, m.group = PERSON, 3, target
            confirmed.add(target)
        elif kind is PERSON:
            m.group = "P:" + m.name
    if confirmed:
        for m in mentions:
            if m.strength < 2 and m.group in confirmed:
                m.strength = 2  # a weak guess whose surname recurs alone


class _People:
    """The people named in full, with what tells them apart when they share a surname:
    their gender and their titles."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.named: dict[str, list[Mention]] = {}
        self.genders: dict[str, Gender | None] = {}

    def add(self, m: Mention) -> None:
        """A person named in full (``m.group``): its gender and titles are read from its
        mentions when first asked (few articles name two people alike)."""
        self.named.setdefault(m.group, []).append(m)

    def titled_alone(
        self, mentions: list[Mention], surnames: dict[str, list[tuple[int, int, str]]]
    ) -> None:
        """A surname alone with a title whose gender fits nobody named in full with it
        (``Mr. Obama`` when only ``Michelle Obama`` is) is another person: added to
        ``surnames`` as ``P:`` and the surname."""
        for m in mentions:
            if not m.title or len(m.tokens) != 1 or m.tokens[0] not in surnames:
                continue
            gender = title_gender(m.title)
            named = surnames[m.tokens[0]]
            if gender is None or any(self.gender(g) in (gender, None) for _, _, g in named):
                continue
            group = "P:" + m.tokens[0]
            self.genders[group] = gender
            named.append((m.start, m.end, group))
            named.sort()

    def gender(self, group: str) -> Gender | None:
        """The gender the titles and the given name of a person named in full tell."""
        if group not in self.genders:
            found = set()
            for m in self.named.get(group, ()):
                gender = title_gender(m.title) or name_gender(m.name)
                if gender is not None:
                    found.add(gender)
            self.genders[group] = found.pop() if len(found) == 1 else None
        return self.genders[group]

    def titles(self, group: str) -> set[str]:
        return {m.title.lower() for m in self.named.get(group, ()) if m.title}

    def choose(self, m: Mention, named: list[tuple[int, int, str]]) -> str:
        """The person a surname alone at ``m`` means, of those ``named`` in full with it
        (``(start, end, group)``, in order, two people at least): those a title fits (``Mrs.``,
        ``Senator``); of them, the one named in full as a sentence's subject most
        recently before it, in its paragraph or the one before; else the one named
        first (in news, the person an article is about is named first, as a subject;
        another of the same name comes later, most often in passing: ``for his wife,
        Jane Smith``)."""
        if m.title:
            gender = title_gender(m.title)
            title = m.title.lower()
            fitting = [
                named_at
                for named_at in named
                if (gender is not None and self.gender(named_at[2]) == gender)
                or title in self.titles(named_at[2])
            ]
            named = fitting or named
        text = self.text
        chosen = named[0][2]
        # The last full name before it that opens its sentence, if in its paragraph or
        # the one before.  (Read only here: few articles name two people alike.)
        for start, end, group in reversed(named):
            if start < m.start and opens_sentence(
                text, sentence_start_before(text, start), start, end
            ):
                if text.count("\n", start, m.start) <= _NEAR_BREAKS:
                    chosen = group
                break
        return chosen


def _one_kind_per_text(doc: Doc) -> None:
    """Mentions of the same text take the kind of the strongest of them."""
    mentions = doc.mentions
    best: dict[str, Mention] = {}
    for m in mentions:
        if m.kind is None:
            continue
        seen = best.get(m.text)
        if seen is None or m.strength > seen.strength:
            best[m.text] = m
    # (The union-find adds a key the first time it is asked about it: no need to add
    # every group here.)
    for m in mentions:
        ref = best.get(m.text)
        if ref is not None and ref.strength > m.strength and ref.kind is not m.kind:
            m.kind, m.strength, m.name, m.group = ref.kind, ref.strength, ref.name, ref.group
        if m.kind is not PERSON and m.group[:2] not in _KEYED:
            m.group = m.name


def _declared_aliases(doc: Doc, uf: UnionFind) -> list[Mention]:
    """Join each name to the alias the text declares right after it; returns the weak
    acronyms of organisations (for `_spelled_acronyms`)."""
    mentions = doc.mentions
    text = doc.text
    by_start: dict[int, Mention] | None = None  # made when a name may declare an alias
    acronyms: list[Mention] = []
    declared: dict[str, Mention] = {}
    for m in mentions:
        kind = m.kind
        if kind is None:
            continue
        if kind is ORG and m.strength <= 2 and ACRONYM.match(m.text):
            acronyms.append(m)
        end = m.end
        if text[end : end + 1] == " " and text[end + 1 : end + 2].isalnum():
            continue  # a word next ("Smith said"): no alias declared (most names)
        if ALIAS_START.match(text, end) is None:
            continue
        if by_start is None:
            by_start = {m.start: m for m in mentions}
        found = declared_alias_at(text, end, by_start)
        if found is None:
            continue
        alias, explicit = found
        if alias.kind is PERSON and kind is not PERSON and alias.strength >= 3:
            continue
        if (
            not explicit
            and alias.kind not in (None, kind)
            and alias.strength >= 3
            and not (alias.kind is ORG and kind is ORG)
        ):
            continue
        uf.union(m.group, alias.group, prefer=m.group)
        alias.kind = kind
        alias.strength = max(alias.strength, m.strength)
        declared[alias.text] = alias
    # Other mentions of a declared alias join it ("... known as Zarmy. Zarmy fighters").
    if declared:
        for m in mentions:
            named = declared.get(m.text)
            if named is not None and m is not named and m.strength < 3:
                m.kind, m.strength = named.kind, named.strength
                uf.union(named.group, m.group, prefer=named.group)
    return acronyms


def _spelled_acronyms(doc: Doc, uf: UnionFind, acronyms: list[Mention]) -> None:
    """Acronyms that spell the initials of a name in the text join that name:
    "Syrian Democratic Forces" ... "SDF"."""
    spelled: dict[str, str] = {}
    for m in doc.mentions:
        kind = m.kind
        if (
            (kind is ORG or kind is PLACE or kind is EVENT or kind is OTHER)
            and " " in m.name
            and m.name not in spelled
        ):
            spelled[m.name] = m.group
    by_initials: dict[str, str] = {}
    for name, group in spelled.items():
        by_initials.setdefault(initials(name), group)
    for m in acronyms:
        target = by_initials.get(m.text.replace(".", "").rstrip("s"))
        if target is not None and m.kind is ORG:
            uf.union(target, m.group, prefer=target)
