"""Passes that drop doubtful names or correct a guess from the rest of the article."""

from __future__ import annotations

from newsdoc.extraction._entities.state import Doc, Mention
from newsdoc.extraction._entities.words import ORG, OTHER, PERSON, ROMANISED

__all__ = ["drop_doubtful", "short_of_names", "surname_before_a_word"]


def drop_doubtful(doc: Doc) -> None:
    """An unknown name at a sentence start that never recurs mid-sentence is no name.

    A surname of a person named in full is a name wherever it stands ("Smith said").
    """
    mentions = doc.mentions
    doubtful = {m.text for m in mentions if m.strength < 0}
    if not doubtful:
        return
    doubtful.difference_update([m.text for m in mentions if m.strength >= 0])
    if not doubtful:
        return
    doubtful.difference_update(
        [m.tokens[-1] for m in mentions if m.kind is PERSON and len(m.tokens) >= 2]
    )
    if doubtful:
        doc.mentions = [m for m in mentions if m.strength >= 0 or m.text not in doubtful]


def surname_before_a_word(doc: Doc) -> None:
    """A guessed person of two words whose first word is the surname of someone named
    in full, and whose second the article uses as a noun ("the Polaroid camera"), is
    no person: "Andy Warhol ... the Warhol Polaroids".

    A given name as the second word keeps the person ("Leung Yiu-chung", named
    surname first, beside "Leung Kwok-hung"), and so does a second word never
    written after "the" ("Kamala Harris ... Harris Faulkner").
    """
    mentions = doc.mentions
    surnames = {
        m.tokens[-1]
        for m in mentions
        if m.kind is PERSON and m.strength >= 2 and len(m.tokens) >= 2
    }
    if not surnames:
        return
    first_names = doc.lex.first_names
    text = doc.text
    for m in mentions:
        if (
            m.kind is PERSON
            and m.strength <= 1
            and len(m.tokens) == 2
            and m.tokens[0] in surnames
            and m.tokens[1] not in first_names
            and not ROMANISED.match(m.tokens[1])
            and "the " + m.tokens[1] in text  # a noun: "the Polaroid camera"
        ):
            m.kind = OTHER


def short_of_names(doc: Doc) -> None:
    """An unknown word standing alone that ends an organisation's "<head> of <word>"
    name is that organisation: "the Church of Scientology ... against Scientology".

    A listed name (a place: "University of Sheffield ... Sheffield") is left alone.
    """
    mentions = doc.mentions
    ends: dict[str, Mention] = {}
    names = doc.lex.names
    for m in mentions:
        if m.kind is ORG and " of " in m.text:
            word = m.text.rpartition(" ")[2]
            if word[:1].isupper() and word not in names and word not in ends:
                ends[word] = m
    if not ends:
        return
    for m in mentions:
        if m.kind is None and m.strength >= 0:
            org = ends.get(m.text)
            if org is not None:
                m.kind, m.strength, m.name, m.group = ORG, 1, org.name, org.group
