"""The word lists and patterns the entity rules share.

Every list of words is read from ``data/entity_words.txt`` (one ``[section]`` a list,
with its purpose, source and license in the file); the patterns below that name
words are built from those lists.  Only closed classes of syntax (``the``, ``of``)
are written here.
"""

from __future__ import annotations

import re

from newsdoc._model import EntityKind
from newsdoc.extraction._lexicon import word_sections

PERSON = EntityKind.PERSON
ORG = EntityKind.ORGANIZATION
PLACE = EntityKind.PLACE
NATIONALITY = EntityKind.NATIONALITY
EQUIPMENT = EntityKind.EQUIPMENT
EVENT = EntityKind.EVENT
OTHER = EntityKind.OTHER

_WORDS = word_sections("entity_words")


def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


def _endings(section: str) -> tuple[str, ...]:
    """A section as a tuple, for ``str.endswith``."""
    return tuple(sorted(_WORDS[section]))


# ------------------------------------------------------------------ word lists

#: Common nouns written with a capital that name nothing alone (``the Internet``).
CAPITALISED_NOUNS = _WORDS["capitalised-nouns"]
#: Month and weekday names (and their abbreviations): dates, never entity names.
DATE_WORDS = _WORDS["date-words"]
#: Words that end the name of an event (``World Cup``, ``Arab Spring``).
EVENT_HEADS = _WORDS["event-heads"]
#: Words that end the name of a day kept: an event past a name of two words.
DAY_HEADS = _WORDS["day-heads"]
#: Connectors of other languages inside an organisation's name (``sans``, ``et``).
FOREIGN_CONNECTORS = _WORDS["foreign-connectors"]
#: Particles that may stand inside a person's name (``bin``, ``van``).
NAME_PARTICLES = _WORDS["name-particles"]
#: Heads of organisations' names that name a building, a place (``Space Center``).
FACILITY_HEADS = _WORDS["facility-heads"]
#: Capitalised words that, after "the", stand for an institution (``the Kremlin``).
INSTITUTIONS = _WORDS["institutions"]
#: Verbs of saying: a bare unknown name before one is a person.
SAY_VERBS = _WORDS["say-verbs"]
#: Hyphenated suffixes that make an adjective of a name (``US-led``).
ADJ_SUFFIXES = _WORDS["adjective-suffixes"]
#: Plural nouns whose possessive belongs to the name after them (``People's Party``).
GROUP_POSSESSORS = _WORDS["group-possessors"]
#: Words that end the name of a plan or a scheme.
PLAN_HEADS = _WORDS["plan-heads"]
#: Words that label a photo or video credit (``Image: Jane Doe``).
CREDIT_LABELS = _WORDS["credit-labels"]
#: Abbreviations in capitals that name no organisation: times, units, formats, ranks.
NOT_ORG_ACRONYMS = _WORDS["not-organization-acronyms"]
#: Head words that open an organisation's name in other languages.
HEAD_FIRST_ORGS = _WORDS["head-first-organizations"]
#: Compass words that make a place of the name after them (``Northern Iraq``).
DIRECTIONS = _WORDS["directions"]
#: Capitalised function words that never begin a name (wherever the run stands).
LEADING_STOP = _WORDS["leading-stop"]
#: Prefixes of surnames written with a capital inside (``McCain``, ``DeSantis``).
CAMEL_SURNAME_PREFIXES = _endings("camel-surname-prefixes")
#: Word endings of place names, of surnames, and of common nouns (not names).
PLACE_ENDINGS = _endings("place-endings")
SURNAME_ENDINGS = _endings("surname-endings")
NOUN_ENDINGS = _endings("noun-endings")
#: Verbs whose subject, when it is a country, is its government (``Russia said``).
ACTOR_VERBS = _WORDS["actor-verbs"]
#: Verbs after which "the UK" is the state acting (``the UK will``).
STATE_VERBS = _WORDS["state-verbs"]
#: Words that make an organisation of the person named before them (``the Asad regime``).
REGIME_WORDS = _WORDS["regime-words"]
#: Nouns of a group acting as one of the nationality before them (``Iraqi forces``).
GROUP_HEADS = _WORDS["group-heads"]
#: Those that name a medium as well as those who run it.
MEDIA = _WORDS["media-heads"]
#: Words that may stand between the nationality and the head (``Iraqi security forces``).
GROUP_MODIFIERS = _WORDS["group-modifiers"]
#: Lower-case words that may follow such a group (so that the head ends the phrase).
GROUP_FOLLOW = _WORDS["group-follow"]
#: Prepositions after which a name guessed to be a person is a place.
IN_PLACE = _WORDS["in-place"]
#: Heads of organisations named "<head> of <place>" (``University of Sheffield``).
OF_PLACE_HEADS = _WORDS["of-place-heads"]

# ------------------------------------------------------------ closed classes

#: Connectors after which a head word takes a complement (``Bank of America``).
OF_JOINS = frozenset({"of", "for", "on", "of the", "for the", "on the"})
OF_ONLY = frozenset({"of", "of the"})
THE = frozenset({"the", "The"})
#: Articles that open a sentence after dotted initials ("in the U.S. The ...").
ARTICLES = frozenset({"The", "A"})
DETERMINERS = ("The ", "the ")
STANCE_CAPS = ("Pro-", "Anti-")
#: The pronoun "I" and its contractions, and the "O" of an exclamation.
PRONOUN_TOKENS = frozenset({"I", "I'm", "I’m", "I'd", "I’d", "I'll", "I’ll", "I've", "I’ve", "O"})
#: What joins the names of a list ("Qamenas, Sarmin and Talamenes").
LIST_JOINS = frozenset({", ", " and ", ", and ", " or ", ", or "})
#: Runs of one word that never give a mention (the words a segment drops wherever
#: they stand), skipped before any other work.
NO_NAME = LEADING_STOP | DATE_WORDS | PRONOUN_TOKENS | {"A", "The"}
#: What marks a social-media handle or a hashtag before a word ("@JaneDoe").
HANDLE_MARKS = frozenset("@#")
#: What may glue a particle to the run after it ("al-Qaeda").
PARTICLE_GLUE = frozenset("-'’")

# ------------------------------------------------------------------ patterns

EQUIPMENT_CODE = re.compile(r"[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Z]?(s?)\Z")
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}\Z|[A-Z][A-Z0-9&]{1,7}(s?)\Z")
LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")
INITIALS = re.compile(r"(?:[A-Z]\.)+\Z")
#: A word written in camel case, a company's or a brand's (``NatWest``, ``JPMorgan``).
CAMEL_CASE = re.compile(r"[A-Z](?:[a-z]+|[A-Z]+)[A-Z][a-z]{2,}|[A-Z][a-z]+[A-Z][a-z]")
FIRST_SPACE = re.compile(r"[ \u00a0]+")
HAS_DIGIT = re.compile(r"\d")
#: The word that follows, up to a space or the end of the run.
NEXT_WORD = re.compile(r"[^ \u00a0]+")
#: Prefixes that make a stance of the name after them ("pro-Beijing", "anti-war").
STANCE = re.compile(r"(?<![A-Za-z])(?:pro|anti)\Z")
#: A Roman numeral ("World War II", "part XVII").
ROMAN = re.compile(r"(?=[IVXLC]{2})C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\Z")
#: A romanised East Asian given name of two syllables: "Wai-ching", "Jong-un", "Joo-Ho".
ROMANISED = re.compile(r"[A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5}\Z")
AGE_AFTER = re.compile(r",[ \u00a0]\d{1,3},")
#: What stands between two teams in a sports report: "Sweden 1 – 0 South Korea",
#: "Belgium beat Panama", "Tunisia lost 1-2 to England".
MATCH_BETWEEN = re.compile(
    rf" (?:(?:{_alternatives(_WORDS['score-verbs'])}) )?\d{{1,2}} ?[–—-] ?\d{{1,2}}"
    rf"(?: (?:{_alternatives(_WORDS['score-links'])}))? "
    rf"| (?:{_alternatives(_WORDS['match-verbs'])}"
    rf"|{_alternatives(frozenset(w.replace('_', ' ') for w in _WORDS['match-verb-phrases']))})"
    rf"(?: (?:{_alternatives(_WORDS['team-words'])}))? "
)
#: A score in a match report ("2-0", "1 - 1"), not a part of a date ("1996-08-24").
SCORE = re.compile(r"(?<![\d-])\d{1,2} ?[-–] ?\d{1,2}(?![\d-])")
#: What stands before a club in a match report: "a 2-0 win over", "beat", "drew 1-1 with".
CLUB_BEFORE = re.compile(
    rf"(?:(?:{_alternatives(_WORDS['club-cue-heads'])})(?: \d{{1,2}} ?[-–] ?\d{{1,2}})?"
    r" (?:over|to|with|by|at|against)"
    rf"|{_alternatives(_WORDS['club-cues'])}) \Z"
)
#: The words that may stand right before a club in a match report (the last word of
#: `CLUB_BEFORE`): a cheap test before the search.
CLUB_BEFORE_LAST = frozenset({"over", "to", "with", "by", "at", "against"}) | _WORDS["club-cues"]
#: A line of a results list or a table: a name and scores ("Wrexham 2 Scunthorpe 2",
#: "Leeds 1-0 Hull", "NEW YORK 74 57 .565 -"), one name at most between numbers.
RESULT_LINE = re.compile(
    r"[^\d\n]+ \d{1,3} [^\d\n]+ \d{1,3}[ \t]*$"
    r"|[^\d\n]+ \d{1,2} ?[-–] ?\d{1,2} [^\d\n]+$"
    r"|[^\d\n]+(?: +(?:[-.\d]+|\d+-\d+)){2,}[ \t]*$",
    re.MULTILINE,
)
REGIME_AFTER = re.compile(rf" ({_alternatives(REGIME_WORDS)})(?![a-z'’-])")
#: The start of a group noun phrase after a name: "-led" (after a country only), then a
#: group noun or a modifier ("US-led coalition", "Iraqi security forces").
GROUP_START = re.compile(
    rf"(-(?:led|backed))? (?:{_alternatives(GROUP_HEADS | GROUP_MODIFIERS)})(?![a-z])"
)
#: What may follow a name that declares an alias: "X (Y)", "X [Y]", "X, also known as Y".
ALIAS_START = re.compile(r" *[(\[,]")
