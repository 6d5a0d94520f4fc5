"""Passes that type names from the words around them.

* `context_cues`: a title or an institution's word alone is a name after "the" only
  (``the President``, ``the Kremlin``); then the words right before and after a
  weakly typed name type it, by the first cue of `CUES` that applies (``Idlib
  province``, ``in Raqqa``, ``Smith said``).
* `places_listed`: a name next to a place (``Evansville, Indiana``) or listed with
  places (``in Qamenas, Sarmin and Talamenes``) is one.
* `listed_with_people`: a name listed with people is a person.
"""

from __future__ import annotations

from collections.abc import Callable

from newsdoc._model import EntityKind
from newsdoc.extraction._entities.state import (
    TITLE_AFTER_THE,
    Doc,
    Mention,
    next_word,
    prev_word,
    strip_the,
)
from newsdoc.extraction._entities.words import (
    AGE_AFTER,
    DIRECTIONS,
    EQUIPMENT,
    IN_PLACE,
    LIST_JOINS,
    LOWER_WORD,
    NATIONALITY,
    ORG,
    OTHER,
    PERSON,
    PLACE,
    REGIME_WORDS,
    SAY_VERBS,
    THE,
)
from newsdoc.extraction._lexicon import Lexicon

__all__ = [
    "AFTER",
    "BEFORE",
    "COMMA",
    "CUES",
    "GUESSED",
    "context_cues",
    "listed_with_people",
    "places_listed",
]


def _alone_after_the(text: str, m: Mention) -> None:
    """A title alone after "the" is a person ("the President"), an institution's word an
    organisation ("the Court"); elsewhere they are no names (and are dropped)."""
    if prev_word(text, m.start) in THE:
        if m.strength == TITLE_AFTER_THE:
            m.kind, m.strength, m.title, m.tokens = PERSON, 2, m.text, ()
        else:
            m.kind, m.strength = ORG, 1


#: For each unknown name: [times after a place preposition, times seen].
Votes = dict[str, list[int]]
#: What a cue gives: a kind and a strength (None: keep the mention's, at least 1).
Typed = tuple[EntityKind, "int | None"]
#: A cue: given the mention, the word before it and the lower-case word after it (or
#: ""), and the place votes, what it makes of the mention, or None when it does not
#: apply.
Cue = Callable[[Doc, Mention, str, str, Votes], "Typed | None"]


def _word_after(doc: Doc, m: Mention, before: str, after: str, votes: Votes) -> Typed | None:
    """A lower-case word after the name that says its kind: "Idlib province" (a place),
    "the M5S party" (an organisation)."""
    lex = doc.lex
    if after in lex.place_after:
        return PLACE, 3
    if after in lex.org_after:
        return ORG, 3
    return None


def _described(doc: Doc, m: Mention, before: str, after: str, votes: Votes) -> Typed | None:
    """A describing noun before: "the magazine Zorbo", "fashion designer Telvik"."""
    kind = doc.lex.described.get(before)
    if kind is None or m.kind is PLACE:
        return None
    if kind is PERSON:
        m.tokens = tuple(strip_the(m.text).split())
    return kind, 2


def _of_place(doc: Doc, m: Mention, before: str, after: str, votes: Votes) -> Typed | None:
    """A place's noun and "of" before: "the province of Idlib"."""
    if before == "of" and prev_word(doc.text, m.start - 3) in doc.lex.place_of:
        return PLACE, 3
    return None


def _age_after(doc: Doc, m: Mention, before: str, after: str, votes: Votes) -> Typed | None:
    """An age after the name: "Zorbo, 45, said"."""
    text, end = doc.text, m.end
    if text[end : end + 1] == "," and AGE_AFTER.match(text, end):
        return PERSON, 2
    return None


def _guessed_person(doc: Doc, m: Mention, before: str, after: str, votes: Votes) -> Typed | None:
    """A guessed person: "the Smithsonian" is none, "in Saratoga Springs" a place."""
    if m.kind is not PERSON:
        return None
    if before == "the":
        return ORG, m.strength
    if before in IN_PLACE:
        return PLACE, m.strength
    return PERSON, m.strength


def _says(doc: Doc, m: Mention, before: str, after: str, votes: Votes) -> Typed | None:
    """An unknown name before a verb of saying is a person ("Zorbo said")."""
    return (PERSON, None) if m.kind is None and after in SAY_VERBS else None


def _in_place(doc: Doc, m: Mention, before: str, after: str, votes: Votes) -> Typed | None:
    """An unknown name after a place preposition ("in Zorba"), when at least half its
    mentions stand after one ("in May" is the month)."""
    if m.kind is not None or before not in doc.lex.place_before or m.text == "May":
        return None
    vote = votes[m.text]
    return (PLACE, None) if 2 * vote[0] >= vote[1] else None


# Where a cue's first condition stands (its gate): a cue is called only when its
# gate holds, and most names pass no gate at all.
AFTER = 0  # the lower-case word after the name is one of the cue's words
BEFORE = 1  # the word before the name is one of the cue's words
COMMA = 2  # a comma follows the name
GUESSED = 3  # the name is a guessed person

#: The words of a gate, from the lexicon (None: a gate of no words).
GateWords = Callable[[Lexicon], frozenset[str]] | None

#: The cues of `context_cues`, in the order they are tried: (name, gate, the gate's
#: words, cue).  The first cue that applies types the name; the others are not asked.
CUES: tuple[tuple[str, int, GateWords, Cue], ...] = (
    (
        "a place's or an organisation's word after (Idlib province, the M5S party)",
        AFTER,
        lambda lex: lex.place_after | lex.org_after,
        _word_after,
    ),
    (
        "a describing noun before (the magazine Zorbo)",
        BEFORE,
        lambda lex: frozenset(lex.described),
        _described,
    ),
    (
        "a place's noun and of before (the province of Idlib)",
        BEFORE,
        lambda lex: frozenset({"of"}),
        _of_place,
    ),
    ("an age after (Zorbo, 45,)", COMMA, None, _age_after),
    ("a guessed person after the, after in", GUESSED, None, _guessed_person),
    ("a verb of saying after (Zorbo said)", AFTER, lambda lex: SAY_VERBS, _says),
    ("a place preposition before (in Zorba)", BEFORE, lambda lex: lex.place_before, _in_place),
)

#: A cue with its gate's words: (gate, words, cue).
_Gated = tuple[int, frozenset[str], Cue]
_GATED: dict[int, tuple[Lexicon, tuple[_Gated, ...], frozenset[str], frozenset[str]]] = {}


def _gated(lex: Lexicon) -> tuple[tuple[_Gated, ...], frozenset[str], frozenset[str]]:
    """`CUES` with their gates' words for ``lex``, and every word after and before a
    name that opens some gate.  Once per lexicon."""
    got = _GATED.get(id(lex))
    if got is None:
        gated = tuple(
            (gate, frozenset() if words is None else words(lex), cue)
            for _, gate, words, cue in CUES
        )
        after = frozenset().union(*(words for gate, words, _ in gated if gate == AFTER))
        before = frozenset().union(*(words for gate, words, _ in gated if gate == BEFORE))
        got = _GATED[id(lex)] = (lex, gated, after, before)
    return got[1], got[2], got[3]


def _unknown_names(doc: Doc) -> tuple[Votes, dict[int, str]]:
    """Settle the titles and institutions' words standing alone (`_alone_after_the`);
    returns the place votes of the unknown names, and the word before each, by start."""
    text = doc.text
    place_before = doc.lex.place_before
    votes: Votes = {}
    words_before: dict[int, str] = {}
    alone = False
    for m in doc.mentions:
        if m.kind is None:
            if m.strength <= TITLE_AFTER_THE:
                alone = True
                _alone_after_the(text, m)
                continue
            vote = votes.setdefault(m.text, [0, 0])
            vote[1] += 1
            # "from Assad's inhumanity": the preposition governs what follows.
            word = words_before[m.start] = prev_word(text, m.start)
            vote[0] += word in place_before
    if alone:
        doc.mentions = [m for m in doc.mentions if m.strength > TITLE_AFTER_THE]
    return votes, words_before


def context_cues(doc: Doc) -> None:
    """Type unknown and weakly typed names from the words around them (`CUES`); first,
    a title or an institution's word alone is a name after "the" only."""
    text = doc.text
    cues, cue_after, cue_before = _gated(doc.lex)
    votes, words_before = _unknown_names(doc)
    person_ends: set[int] | None = None  # where people's names end, once asked
    # (Local names for what the loop uses on every name: cheaper than global look-ups.)
    lower_word = LOWER_WORD.match
    word_before = prev_word
    get_before = words_before.get
    regime_words = REGIME_WORDS
    for m in doc.mentions:
        kind = m.kind
        if m.strength >= 2 or kind is NATIONALITY or kind is EQUIPMENT:
            continue
        start, end = m.start, m.end
        found = lower_word(text, end + 1) if text[end : end + 1] == " " else None
        after = "" if found is None else found.group()
        before = get_before(start)
        if before is None:
            before = word_before(text, start)
        if before == "of" and (kind is None or kind is OTHER):
            if person_ends is None:
                person_ends = {p.end for p in doc.mentions if p.kind is PERSON}
            if start - 4 in person_ends and text[start - 4] == " ":
                # "Raymond Chan of People Power": whom the person stands for.
                m.kind, m.strength = ORG, 1
                continue
        if after in regime_words and (kind is None or kind is PERSON) and m.title is None:
            continue  # "the Assad regime": see the `actors` pass
        comma = text[end : end + 1] == ","
        if not (after in cue_after or before in cue_before or kind is PERSON or comma):
            continue  # no gate opens (most names)
        for gate, words, cue in cues:
            if gate == AFTER:
                if after not in words:
                    continue
            elif gate == BEFORE:
                if before not in words:
                    continue
            elif gate == COMMA:
                if not comma:
                    continue
            elif kind is not PERSON:
                continue
            typed = cue(doc, m, before, after, votes)
            if typed is not None:
                m.kind = typed[0]
                m.strength = max(m.strength, 1) if typed[1] is None else typed[1]
                break


def places_listed(doc: Doc) -> None:
    """A name next to a place is one ("Evansville, Indiana", "Livorno, Tuscany"); so is
    an unknown name listed with places ("in Qamenas, Sarmin and Talamenes")."""
    text = doc.text
    mentions = doc.mentions
    unknown: list[int] = []
    for i, m in enumerate(mentions):
        if m.kind is not None and m.strength >= 1:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        prv = mentions[i - 1] if i > 0 else None
        if (
            nxt is not None
            and nxt.kind is PLACE  # (tested here: most names have no place next)
            and nxt.strength >= 1
            and _before_place(text, m, nxt)
        ) or (
            prv is not None
            and prv.kind is PLACE
            and prv.strength >= 1
            and _after_place(text, prv, m)
        ):
            m.kind, m.strength = PLACE, 2
        elif m.kind is None:
            unknown.append(i)
    # Backwards too, for a list whose known place comes last ("Sarmin and Talamenes").
    last = len(mentions) - 1
    for i in reversed(unknown):
        m = mentions[i]
        if i < last and m.kind is None and text[m.end] in ", " and m.text not in DIRECTIONS:
            nxt = mentions[i + 1]
            if nxt.kind is PLACE and nxt.strength >= 1 and text[m.end : nxt.start] in LIST_JOINS:
                m.kind, m.strength = PLACE, 2


def _before_place(text: str, m: Mention, nxt: Mention) -> bool:
    """Does ``m`` stand right before the place ``nxt``: "Evansville, Indiana", "Sarmin
    and Idlib"?"""
    between = text[m.end : nxt.start]
    return between == ", " or (
        m.kind is None and between in LIST_JOINS and m.text not in DIRECTIONS
    )


def _after_place(text: str, prv: Mention, m: Mention) -> bool:
    """Does ``m`` stand right after a place, as its region ("Livorno, Tuscany.") or in a
    list ("Idlib and Sarmin")?"""
    between = text[prv.end : m.start]
    if between == ", ":
        return next_word(text, m.end) in ("", "and", "or") or text[m.end : m.end + 1] in ",."
    return m.kind is None and between in LIST_JOINS and m.text not in DIRECTIONS


def listed_with_people(doc: Doc) -> None:
    """A name of two or more words, of no kind yet or a weak other one, listed with a
    person is a person: "Ann Keller, Lena Vostrikova and Dries Torvik"."""
    mentions = doc.mentions
    text = doc.text
    title_words = doc.lex.title_words
    names = doc.lex.names
    last = len(mentions) - 1
    for i, m in enumerate(mentions):
        if not (m.kind is None or (m.kind is OTHER and m.strength < 2)) or " " not in m.text:
            continue
        words = m.text.split()
        if any(word in title_words for word in words):
            continue  # "a new Prime Minister-designate": a title, not a name
        if names.get(words[0], (None,))[0] is ORG:
            continue  # "Google Chrome": a known organisation's product
        for j in (i - 1, i + 1):
            if 0 <= j <= last:
                other = mentions[j]
                between = text[other.end : m.start] if j < i else text[m.end : other.start]
                if other.kind is PERSON and other.strength >= 1 and between in LIST_JOINS:
                    m.kind, m.strength = PERSON, 2
                    m.tokens = tuple(words)
                    break
