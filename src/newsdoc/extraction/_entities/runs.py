"""The analysis of one run of capitalised tokens: cut it into tokens, then into
segments at the connectors its names do not need (``Syria and Iraq`` is two names,
``Bank of America`` one), and type each segment (`segment`).

A run is analysed on its own text, with offsets relative to it, so that the analysis
can be cached (see `newsdoc.extraction._entities.cache` for the invariant).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdoc._model import EntityKind
from newsdoc.extraction._entities import segment, single
from newsdoc.extraction._entities.cache import Record, RunQuestions
from newsdoc.extraction._entities.words import (
    ARTICLES,
    DATE_WORDS,
    DETERMINERS,
    EVENT_HEADS,
    FOREIGN_CONNECTORS,
    GROUP_POSSESSORS,
    HAS_DIGIT,
    INITIALS,
    LEADING_STOP,
    NAME_PARTICLES,
    NEXT_WORD,
    OF_JOINS,
    PLACE,
    PRONOUN_TOKENS,
)
from newsdoc.extraction._lexicon import Lexicon
from newsdoc.extraction._tokens import ABBREVIATIONS

__all__ = ["Run", "Tok", "analyse_run", "known_in_capitals", "shown_from"]

#: A token of a run: (start, end, text), offsets relative to the run.
Tok = tuple[int, int, str]

# Between two tokens: a possessive, or spaces with a connector (and an article) between.
_TOKEN_SPLIT = re.compile(
    r"(?P<poss>['’]s[ \u00a0]+)|[ \u00a0]+(?:(?P<conn>[a-z]+|&)[ \u00a0]+(?:(?P<det>the|la|le|los"
    r"|las|al)[ \u00a0]+)?)?"
)


# What `shown_from` looks for first (tested before calling it).
_THE_SPACE = frozenset(DETERMINERS)
# A word after a space that may be a connector (a lower-case word, "&").
_CONNECTOR = re.compile("[ ][a-z&]")


class Run:
    """The analysis of one run: its text, the lexicon, the article's answers, and the
    mentions found so far."""

    __slots__ = ("ask", "found", "lex", "text")

    def __init__(self, text: str, lexicon: Lexicon, ask: RunQuestions) -> None:
        self.text = text
        self.lex = lexicon
        #: The only way to learn anything of the article around the run.
        self.ask = ask
        self.found: list[Record] = []

    def add(
        self,
        start: int,
        end: int,
        kind: EntityKind | None,
        strength: int,
        name: str | None = None,
        tokens: Sequence[str] = (),
        title: str | None = None,
        shown: int = -1,
        title_at: tuple[int, int] | None = None,
    ) -> None:
        """A mention written at ``text[start:end]`` (its name and tokens default to its
        text).  Its span starts at ``shown`` (after a person's title), by default at
        ``start`` or past a leading "The" (see `shown_from`); ``title_at`` is where a
        person's title is written."""
        said = self.text[start:end]
        if shown < 0:
            shown = shown_from(self.lex, start, said) if said[:4] in _THE_SPACE else start
        self.found.append(
            (
                start,
                end,
                said,
                kind,
                strength,
                name or said,
                tuple(tokens) or (said,),
                title,
                shown,
                title_at,
            )
        )


def shown_from(lexicon: Lexicon, start: int, said: str) -> int:
    """Where the span of a name written ``said`` at ``start`` starts: past a leading
    "The", as the news NER corpora mark names ("the United Nations" is a mention of
    "United Nations"), unless the name is listed with it ("The Hague")."""
    if not said.startswith(DETERMINERS):
        return start
    known = lexicon.names.get(said)
    if known is not None and known[1].startswith(DETERMINERS):
        return start
    return start + 4


def analyse_run(
    text: str, sentence_start: bool, lexicon: Lexicon, ask: RunQuestions
) -> tuple[Record, ...]:
    """The mentions in the run ``text`` (offsets relative to it).

    Everything it depends on is an argument: the cache relies on it.
    """
    run = Run(text, lexicon, ask)
    if " " not in text and "\u00a0" not in text:
        end = len(text)
        if text[-1] == "." and text not in ABBREVIATIONS and not INITIALS.match(text):
            end -= 1
        segment.segment(run, [(0, end, text[:end])], [], sentence_start)
    elif not (text.isupper() and _capitals(run, sentence_start)):
        for tokens, joins, first in _sentences(text, sentence_start):
            cut(run, tokens, joins, first)
    return tuple(run.found)


#: The lexicon's names written in capitals ("NEW YORK"), by lexicon (made once each).
_UPPER_NAMES: dict[int, tuple[Lexicon, dict[str, tuple[EntityKind, str]]]] = {}
# A word of a run in capitals, up to a space.
_CAPS_WORD = re.compile(r"[^ \u00a0]+")
# The letters that are words of their own ("A", "I"); other single letters in capitals
# head a table's columns ("W L PCT GB").
_CAPS_LETTERS = frozenset({"A", "I"})
# The most words a name in capitals is looked up with.
_CAPS_SPAN = 5


def known_in_capitals(lexicon: Lexicon, words: str) -> tuple[EntityKind, str] | None:
    """The kind and name of the listed name written ``words`` in capitals ("LONDON", "RIO
    DE JANEIRO"); None for an unknown one, and for a common word ("US", "WHO", "IS": in
    a line of capitals, words)."""
    if words.lower() in lexicon.common:
        return None
    known = lexicon.names.get(words)
    if known is not None:
        return known
    upper = _UPPER_NAMES.get(id(lexicon))
    if upper is None:
        folded: dict[str, tuple[EntityKind, str]] = {}
        for name, value in lexicon.names.items():
            folded.setdefault(name.upper(), value)
        upper = _UPPER_NAMES[id(lexicon)] = (lexicon, folded)
    return upper[1].get(words)


def _capitals(run: Run, sentence_start: bool) -> bool:
    """A run of several words in capitals ("NEW YORK", "GENERAL OBLIGATION BONDS"): the
    names the lexicon knows in capitals are its names.  On a line all in capitals (a
    dateline, a headline, a table's head) nothing else is: a dateline's unknown place
    ("KIRKCALDY 1996-08-24") is a place.  On a line in mixed case, the words around the
    known names are cut and typed as usual (False: no known name, the usual rules)."""
    text = run.text
    tokens: list[Tok] = []
    for found in _CAPS_WORD.finditer(text):
        start, end, word = found.start(), found.end(), found.group()
        if word[-1] in ".," and _ends_word(word.replace(",", ".")):
            end -= 1
            word = word[:-1]
        tokens.append((start, end, word))
    if any(len(tok[2]) == 1 and tok[2] not in _CAPS_LETTERS for tok in tokens):
        return True  # "W L PCT GB": the head of a table, of abbreviations
    case = run.ask.line_case(len(text))
    spans = _known_spans(run.lex, tokens)
    if not spans:
        if case == "":
            return False
        if case == "dateline":
            run.add(0, tokens[-1][1], PLACE, 2)
        return True
    known_at = {i: (j, known) for i, j, known in spans}
    i = 0
    while i < len(tokens):
        got = known_at.get(i)
        if got is not None:
            run.add(tokens[i][0], tokens[got[0] - 1][1], got[1][0], 3, got[1][1])
            i = got[0]
            continue
        if case == "":
            # A word beside a listed name, in a line in mixed case: a word of its own
            # ("CONGRESS HAS INVESTIGATED ..."), an acronym at most.
            single.single(run, tokens[i], sentence_start and not i)
        i += 1
    return True


def _known_spans(
    lexicon: Lexicon, tokens: list[Tok]
) -> list[tuple[int, int, tuple[EntityKind, str]]]:
    """The listed names among words in capitals, longest first from the left: (first
    word, past the last word, kind and name)."""
    words = [tok[2] for tok in tokens]
    spans: list[tuple[int, int, tuple[EntityKind, str]]] = []
    i, n = 0, len(words)
    while i < n:
        for j in range(min(n, i + _CAPS_SPAN), i, -1):
            known = known_in_capitals(lexicon, " ".join(words[i:j]))
            if known is not None:
                spans.append((i, j, known))
                i = j
                break
        else:
            i += 1
    return spans


def _ends_word(token: str) -> bool:
    """Does the full stop ending ``token`` end its sentence (not ``Gen.``, ``U.S.``)?"""
    return token[-1] == "." and token not in ABBREVIATIONS and not INITIALS.match(token)


def _simple_tokens(text: str) -> list[Tok] | None:
    """The tokens of a run of capitalised words and single spaces, the usual run
    ("Michael Kurilla"): what `_TOKEN_SPLIT` would find, by splitting (about twice as
    fast); None for any other run."""
    if (
        "." in text
        or "'" in text
        or "’" in text
        or "\u00a0" in text
        or "  " in text
        or _CONNECTOR.search(text) is not None
    ):
        return None
    tokens: list[Tok] = []
    pos = 0
    for word in text.split(" "):
        tokens.append((pos, pos + len(word), word))
        pos += len(word) + 1
    return tokens


def _sentences(text: str, sentence_start: bool) -> list[tuple[list[Tok], list[str], bool]]:
    """The run's tokens and the joins between them, cut where a sentence ends inside
    the run ("... in Iraq. The ..."), with whether each part starts a sentence."""
    simple = _simple_tokens(text)
    if simple is not None:
        return [(simple, [""] * (len(simple) - 1), sentence_start)]
    parts: list[tuple[list[Tok], list[str], bool]] = []
    tokens: list[Tok] = []
    joins: list[str] = []
    pos = 0
    end = len(text)
    for sep in _TOKEN_SPLIT.finditer(text):
        token = text[pos : sep.start()]
        if token[-1] == ".":
            initials = INITIALS.match(token) is not None
            ended = token not in ABBREVIATIONS and not initials
            if ended or (initials and not sep.group("conn")):
                after = sep.end()
                if ended:
                    # "... in Iraq. The ...": the sentence ends with the full stop.
                    tokens.append((pos, sep.start() - 1, token[:-1]))
                else:
                    nxt = NEXT_WORD.match(text, after, end)
                    if nxt is None or not (
                        nxt.group() in LEADING_STOP
                        or nxt.group() in ARTICLES
                        or nxt.group() in PRONOUN_TOKENS  # "plan B. I'm glad"
                    ):
                        after = -1  # "U.S. Army": the initials stay in the name
                    else:
                        # "... in the U.S. The ...": dotted initials end the sentence.
                        tokens.append((pos, sep.start(), token))
                if after >= 0:
                    parts.append((tokens, joins, sentence_start))
                    tokens, joins, sentence_start = [], [], True
                    pos = after
                    continue
        tokens.append((pos, sep.start(), token))
        if sep.group("poss"):
            joins.append("'s")
        elif sep.group("conn"):
            det = sep.group("det")
            joins.append(sep.group("conn") + (" " + det if det else ""))
        else:
            joins.append("")
        pos = sep.end()
    token = text[pos:end]
    if _ends_word(token):
        token = token[:-1]
    tokens.append((pos, pos + len(token), token))
    parts.append((tokens, joins, sentence_start))
    return parts


def _keeps(run: Run, seg_tokens: list[Tok], join: str, nxt: Tok) -> bool:
    """Does the connector ``join`` stay inside the name (``Bank of America``)?"""
    lex = run.lex
    left = seg_tokens[-1][2]
    if join in OF_JOINS:
        return (
            left in lex.org_heads
            or left in lex.place_heads
            or left in lex.title_heads
            or left in EVENT_HEADS
        ) and not (
            # "Kennedy Space Center on April 12", "... on STS-1": a date or a code after
            # "on" is no part of the name.
            join[:2] == "on"
            and (nxt[2] in DATE_WORDS or nxt[2] == "May" or HAS_DIGIT.search(nxt[2]) is not None)
        )
    if join in NAME_PARTICLES or join == "&" or join in FOREIGN_CONNECTORS:
        return True
    # "People's Liberation Army", "Children's Hospital"
    return join == "'s" and left in GROUP_POSSESSORS


def _and_inside(
    run: Run, left: list[Tok], left_joins: list[str], right: list[Tok], right_joins: list[str]
) -> bool:
    """Does "and" join two parts of one organisation's name?  "Center for Strategic and
    International Studies" (after a head word's complement), "State Law and Order
    Restoration Council" (before a head word, after common nouns); not "Bank of America
    and Wells Fargo", "Department of Defense and State Department", "Smith and Jones
    Council"."""
    lex = run.lex
    after = [tok[2] for tok in right[: next((k for k, j in enumerate(right_joins) if j), None)]]
    if not after or after[0] in lex.first_names or after[0] in lex.names:
        return False
    if any(word in lex.org_heads for word in after[:-1]):
        return False
    words = [tok[2] for tok in left]
    of = next((k for k, join in enumerate(left_joins) if join in OF_JOINS), -1)
    if of >= 0:
        # "<head> for <complement> and <complement>": the head first, nothing listed after.
        return (
            words[of] in lex.org_heads
            and after[-1] not in lex.org_heads
            and after[-1] not in lex.place_heads
            and not any(word in lex.names for word in words[of + 1 :])
        )
    # "<common nouns> and <words> <head>": no head, no name, no given name before.
    return (
        after[-1] in lex.org_heads
        and len(words) <= 3
        and all(join == "" for join in left_joins)
        and all(_common_noun(run, word) for word in words)
    )


def _common_noun(run: Run, word: str) -> bool:
    """Is ``word`` (capitalised in a name) a common noun, not a name of its own?"""
    lex = run.lex
    if word in lex.names or word in lex.first_names or word in lex.org_heads:
        return False
    low = word.lower()
    return low in lex.common or run.ask.written_lower(low)


def cut(run: Run, tokens: list[Tok], joins: list[str], sentence_start: bool) -> None:
    """Cut a run into segments at the connectors its names do not need, and type each."""
    names = run.lex.names
    text = run.text
    seg_tokens = [tokens[0]]
    seg_joins: list[str] = []
    first = sentence_start
    for i, join in enumerate(joins):
        nxt = tokens[i + 1]
        keep = join == "" or _keeps(run, seg_tokens, join, nxt)  # (no call for a space)
        if not keep and join == "and":
            keep = _and_inside(run, seg_tokens, seg_joins, tokens[i + 1 :], joins[i + 1 :])
        if not keep:
            # Keep any connector a listed name needs ("Bosnia and Herzegovina").
            start = seg_tokens[0][0]
            keep = any(text[start : tokens[j][1]] in names for j in range(i + 1, len(tokens)))
        if keep:
            seg_tokens.append(nxt)
            seg_joins.append(join)
        else:
            segment.segment(run, seg_tokens, seg_joins, first)
            first = False
            seg_tokens = [nxt]
            seg_joins = []
    segment.segment(run, seg_tokens, seg_joins, first)
