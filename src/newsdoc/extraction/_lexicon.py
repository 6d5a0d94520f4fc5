"""The word lists shipped in ``newsdoc/extraction/data``, loaded once into sets and maps.

Every list is a UTF-8 text file: ``#`` starts a comment, blank lines are ignored.
Name lists hold one name per line, ``|`` separating names of the same referent
(the first is canonical); word lists hold whitespace-separated words; files with
``[section]`` lines hold one set per section.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources

import attrs

from newsdoc._model import EntityKind

__all__ = ["LEXICON", "Lexicon", "load_lexicon", "phrases", "word_sections", "word_set"]


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: compact word lists in code."""
    return frozenset(text.split())


@functools.cache
def word_sections(name: str) -> Mapping[str, frozenset[str]]:
    """The sections of word-list file ``name`` (``data/NAME.txt``), each a set of words.

    The file opens with comments that give each list's purpose, source and license;
    ``[section]`` lines start a list, whose words are whitespace-separated (case kept).
    Read once per process, on first use.
    """
    out: dict[str, set[str]] = {}
    current = out.setdefault("", set())
    for line in _read(name + ".txt"):
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], set())
        else:
            current.update(line.split())
    return {key: frozenset(words) for key, words in out.items() if words or key}


def phrases(section: frozenset[str]) -> frozenset[str]:
    """A section of phrases, their words joined by ``_`` in the file ("according_to"
    is "according to")."""
    return frozenset(phrase.replace("_", " ") for phrase in section)


def _read_all(name: str) -> list[str]:
    """The non-blank lines of data file ``name``, stripped (comments included)."""
    text = (
        resources.files("newsdoc.extraction")
        .joinpath("data")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    return [line.strip() for line in text.splitlines() if line.strip()]


def _read(name: str) -> list[str]:
    """The non-blank, non-comment lines of data file ``name``, stripped."""
    return [line for line in _read_all(name) if line[0] != "#"]


def _sections(name: str) -> dict[str, list[str]]:
    """Lines of a sectioned file, by section name."""
    out: dict[str, list[str]] = {}
    current = out.setdefault("", [])
    for line in _read(name):
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1], [])
        else:
            current.extend(part.strip() for part in line.split("|") if part.strip())
    return out


def _words(name: str) -> list[str]:
    return [word for line in _read(name) for word in line.split()]


@attrs.frozen(kw_only=True, slots=True)
class Lexicon:
    """Everything the rules know about words, independent of any article."""

    #: Known names (exact spelling) -> (kind, canonical name).
    names: dict[str, tuple[EntityKind, str]]
    #: Title words that can end a title (``President``, ``Gen.``).
    title_heads: frozenset[str]
    #: Every word that can be part of a title (heads included).
    title_words: frozenset[str]
    #: Given names (``Michael``).
    first_names: frozenset[str]
    #: Lower-case common words (``the``, ``according``).
    common: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    org_after: frozenset[str]
    place_after: frozenset[str]
    place_before: frozenset[str]
    place_of: frozenset[str]
    #: Words that start a place name (``Mount``, ``Lake``), and those that do before ``of``.
    place_prefix: frozenset[str]
    place_prefix_of: frozenset[str]
    #: Lower-case nouns that describe the unknown name after them: ``magazine``,
    #: ``firm`` (an organisation), ``designer``, ``wife`` (a person).
    org_before: frozenset[str]
    person_before: frozenset[str]
    #: Both, and the nouns of works and products (kind other), with the kind each gives.
    described: dict[str, EntityKind]
    #: Canonical names of countries (and the home nations: ``England``): places that
    #: also stand for a government or a national team.
    countries: frozenset[str]
    #: Every form of the nationalities and peoples (not religions or political groups).
    peoples: frozenset[str]
    #: Every form of the names of countries, US states and Canadian provinces and
    #: Australian states: what may follow a town's name after a comma (``Houston,
    #: Texas``).
    regions: frozenset[str]


# The parts of places.txt whose places may qualify a town's name ("Houston, Texas").
_REGION_PARTS = frozenset({"countries", "US states", "Canadian provinces, Australian states"})


def load_lexicon() -> Lexicon:
    """Read every data file into a :class:`Lexicon`."""
    names: dict[str, tuple[EntityKind, str]] = {}

    def add_groups(file: str, kind: EntityKind) -> None:
        for line in _read(file):
            parts = [part.strip() for part in line.split("|") if part.strip()]
            for part in parts:
                names.setdefault(part, (kind, parts[0]))

    # Earlier files win a name both list: places before organisations before nationalities.
    add_groups("places.txt", EntityKind.PLACE)
    add_groups("organizations.txt", EntityKind.ORGANIZATION)
    add_groups("nationalities.txt", EntityKind.NATIONALITY)
    add_groups("equipment.txt", EntityKind.EQUIPMENT)
    titles = _sections("titles.txt")
    # A multi-word entry ("Crown Prince") adds its last word as a head, the others as parts.
    heads = frozenset(entry.split()[-1] for entry in titles.get("head", ()))
    parts = frozenset(word for entries in titles.values() for e in entries for word in e.split())
    words = _sections("name_words.txt")
    countries: set[str] = set()
    regions: set[str] = set()
    part = ""
    for line in _read_all("places.txt"):
        if line.startswith("# ---"):
            part = line[5:].strip()
        elif line[0] != "#":
            forms = [form.strip() for form in line.split("|") if form.strip()]
            if part in ("countries", "parts of countries, territories"):
                countries.add(forms[0])
            if part in _REGION_PARTS:
                regions.update(forms)
    peoples: set[str] = set()
    for line in _read_all("nationalities.txt"):
        if line.startswith("# --- religions"):
            break
        if line[0] != "#":
            peoples.update(part.strip() for part in line.split("|") if part.strip())
    org_before = frozenset(words.get("organization-before", ()))
    person_before = frozenset(words.get("person-before", ()))
    described = dict.fromkeys(person_before, EntityKind.PERSON)
    described.update(dict.fromkeys(org_before, EntityKind.ORGANIZATION))
    described.update(dict.fromkeys(words.get("other-before", ()), EntityKind.OTHER))
    return Lexicon(
        names=names,
        title_heads=heads,
        title_words=heads | parts,
        first_names=frozenset(_words("first_names.txt")),
        common=frozenset(word.lower() for word in _words("common_words.txt")),
        org_heads=frozenset(words.get("organization", ())),
        place_heads=frozenset(words.get("place", ())),
        org_after=frozenset(words.get("organization-after", ())),
        place_after=frozenset(words.get("place-after", ())),
        place_before=frozenset(words.get("place-before", ())),
        place_of=frozenset(words.get("place-of", ())),
        place_prefix=frozenset(words.get("place-prefix", ())),
        place_prefix_of=frozenset(words.get("place-prefix-of", ())),
        org_before=org_before,
        person_before=person_before,
        described=described,
        countries=frozenset(countries),
        peoples=frozenset(peoples),
        regions=frozenset(regions),
    )


#: The lexicon every :class:`~newsdoc.extraction.RuleExtractor` shares.
LEXICON = load_lexicon()
