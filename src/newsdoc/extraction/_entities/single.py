"""Type a segment of one word, by the first rule of `RULES` that decides it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsdoc.extraction._entities.state import DOUBTFUL, INSTITUTION_AFTER_THE, TITLE_AFTER_THE
from newsdoc.extraction._entities.words import (
    ACRONYM,
    CAMEL_CASE,
    CAMEL_SURNAME_PREFIXES,
    CAPITALISED_NOUNS,
    DATE_WORDS,
    EQUIPMENT,
    EQUIPMENT_CODE,
    FACILITY_HEADS,
    HANDLE_MARKS,
    HAS_DIGIT,
    INSTITUTIONS,
    NATIONALITY,
    NOT_ORG_ACRONYMS,
    ORG,
    OTHER,
    PERSON,
    PLACE,
    PLACE_ENDINGS,
    PRONOUN_TOKENS,
    ROMAN,
    SURNAME_ENDINGS,
)

if TYPE_CHECKING:
    from newsdoc.extraction._entities.runs import Run, Tok

from newsdoc.extraction._entities import runs as _runs

__all__ = ["RULES", "single"]

#: A rule: given the run, the word and whether it starts a sentence, adds what it
#: finds and returns True when it decided the word (a rule may decide "no name").
Rule = Callable[["Run", "Tok", bool], bool]


def _listed(run: Run, tok: Tok, sentence_start: bool) -> bool:
    known = run.lex.names.get(tok[2])
    if known is None:
        return False
    run.add(tok[0], tok[1], known[0], 3, known[1])
    return True


def _no_name(run: Run, tok: Tok, sentence_start: bool) -> bool:
    word = tok[2]
    return (
        len(word) == 1
        or (len(word) == 2 and word[1] == ".")  # an initial alone: "plan B."
        or word in DATE_WORDS
        or word in PRONOUN_TOKENS
        or word in CAPITALISED_NOUNS  # "the Internet"
        or (word[-1] == "." and word[:-1] in DATE_WORDS)  # "Sept."
    )


def _equipment_code(run: Run, tok: Tok, sentence_start: bool) -> bool:
    code = EQUIPMENT_CODE.match(tok[2])
    if code is None:
        return False
    start, end, word = tok
    run.add(start, end, EQUIPMENT, 3, word[:-1] if code.group(1) else word)
    return True


def _capitals(run: Run, tok: Tok, sentence_start: bool) -> bool:
    """A word in capitals the lexicon does not list as written: a name it lists in
    capitals ("LONDON", "MOSCOW -"); else, on a line all in capitals (a dateline, a
    headline, a table's head), no name ("SOCCER", "BONDS"), unless it opens a dateline
    ("KIRKCALDY 1996-08-24": a place).  On a line in mixed case, an acronym (later)."""
    word = tok[2]
    if not word.isupper() or len(word) < 2 or "." in word:
        return False  # (dotted initials, "L.L.C.": an acronym)
    known = _runs.known_in_capitals(run.lex, word)
    if known is not None:
        run.add(tok[0], tok[1], known[0], 3, known[1])
        return True
    if tok[0] != 0 or tok[1] < len(run.text) - 1:
        return False  # a word of a longer run: asked of that run (`runs._capitals`)
    case = run.ask.line_case(len(run.text))
    if case == "dateline":
        run.add(tok[0], tok[1], PLACE, 2, word)
    return case != ""


def _head_alone(run: Run, tok: Tok, sentence_start: bool) -> bool:
    """A title or a head word alone ("President", "Police"): a common noun with a
    capital.  After "the", a title stands for the person holding it ("the President"),
    an institution's head word for the institution ("the Court"); the `context_cues`
    pass looks at the word before, so that the run's analysis stays the same in every
    article (and the run cache keeps one analysis of it)."""
    lex = run.lex
    word = tok[2]
    if word not in lex.title_words and word not in lex.org_heads and word not in lex.place_heads:
        return False
    start, end = tok[0], tok[1]
    if word in lex.title_heads:
        run.add(start, end, None, TITLE_AFTER_THE, word, ())
    elif (word in lex.org_heads or word in INSTITUTIONS) and word not in FACILITY_HEADS:
        run.add(start, end, None, INSTITUTION_AFTER_THE, word)
    return True


def _plural_nationality(run: Run, tok: Tok, sentence_start: bool) -> bool:
    word = tok[2]
    if not word.endswith(("s", "s.")):
        return False
    known = run.lex.names.get(word[:-1])
    if known is None or known[0] is not NATIONALITY:
        return False
    start, end = tok[0], tok[1]
    run.add(start, end, NATIONALITY, 3, known[1])
    return True


def _acronym(run: Run, tok: Tok, sentence_start: bool) -> bool:
    acronym = ACRONYM.match(tok[2])
    if acronym is None:
        return False
    start, end, word = tok
    if word in NOT_ORG_ACRONYMS or word.lower() in run.lex.common or ROMAN.match(word):
        return True  # "UNLESS": a word in capitals; "GMT", "XVII"
    if acronym.group(1) or run.ask.written_lower(word + "s"):
        return True  # "NGOs", "IEDs": a thing counted, no organisation's name
    if HAS_DIGIT.search(word):
        # "IE6", "A380", "MH17": a model, a product, a flight more often than an
        # organisation (the listed ones, "G20", are typed by the list).
        run.add(start, end, OTHER, 1, word)
    else:
        run.add(start, end, ORG, 2, word)
    return True


def _camel_case(run: Run, tok: Tok, sentence_start: bool) -> bool:
    """A word in camel case is a company's or a brand's name ("NatWest", "BuzzFeed"), a
    name wherever it stands; not a surname written so ("McCain", "DeSantis")."""
    start, end, word = tok
    if CAMEL_CASE.match(word) is None or word.startswith(CAMEL_SURNAME_PREFIXES):
        return False
    if start == 0 and run.ask.char_before_run(1) in HANDLE_MARKS:
        return False  # "@JaneDoe", "#BlackFriday": a handle, a hashtag
    run.add(start, end, ORG, 1, word)
    return True


def _given_name(run: Run, tok: Tok, sentence_start: bool) -> bool:
    if tok[2] not in run.lex.first_names:
        return False
    start, end, word = tok
    run.add(start, end, PERSON, 2, word, (word,))
    return True


def _by_ending(run: Run, tok: Tok, sentence_start: bool) -> bool:
    """A place or a surname by its ending; else a name of no kind yet (a doubtful one at
    a sentence start: dropped unless the name recurs mid-sentence).  (A common word
    opening a sentence never gets here: `segment` drops it.)"""
    start, end, word = tok
    low = word.lower()
    if low.endswith(PLACE_ENDINGS) and len(word) > 5:
        run.add(start, end, PLACE, 1, word)
    elif low.endswith(SURNAME_ENDINGS) and len(word) > 4:
        run.add(start, end, PERSON, 1, word, (word,))
    else:
        run.add(start, end, None, DOUBTFUL if sentence_start else 0, word)
    return True


#: The rules for a name of one word, in the order they are tried.
RULES: tuple[tuple[str, Rule], ...] = (
    ("a listed name", _listed),
    ("no name: an initial, a date word, a pronoun", _no_name),
    ("an equipment code (MQ-9)", _equipment_code),
    ("a word in capitals (LONDON; SOCCER in a headline)", _capitals),
    ("a title or a head word alone (President, Court)", _head_alone),
    ("a nationality's plural (Syrians)", _plural_nationality),
    ("an acronym (NATO; not GMT)", _acronym),
    ("a word in camel case (NatWest)", _camel_case),
    ("a given name", _given_name),
    ("a place or a surname by its ending, else unknown", _by_ending),
)


def single(run: Run, tok: Tok, sentence_start: bool) -> None:
    """Type a name of one word by the first rule that decides it."""
    for _, rule in RULES:
        if rule(run, tok, sentence_start):
            return
