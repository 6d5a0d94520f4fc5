"""The word lists of the quotation rules (``data/quote_words.txt``) and the patterns built
from them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsdoc._model import EntityKind
from newsdoc.extraction._lexicon import phrases, word_sections

_SECTIONS = word_sections("quote_words")


def _phrases(section: str) -> frozenset[str]:
    return phrases(_SECTIONS[section])


def _trie(words: Iterable[str]) -> str:
    """A regex matching exactly ``words``, as a trie (one branch per first letter).

    A flat alternation of a hundred words tries every word at every position; a
    trie tries one branch per letter, which makes the scan several times faster.
    """
    groups: dict[str, list[str]] = {}
    optional = False
    for word in sorted(words):
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            optional = True
    parts = [re.escape(char) + _trie(rest) for char, rest in sorted(groups.items())]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if optional else body


#: Verbs and phrases of saying.
CUES = _SECTIONS["cues"] | _phrases("cue-phrases")
#: A verb or phrase of saying, up to a word end (callers check the word start).
CUE = re.compile(_trie(CUES) + r"\b")
#: A verb of saying (group 1) after a character that is no letter (ASCII, Latin-1 or
#: general punctuation), up to a word end.  Starting with the character before the word
#: lets the regex engine skip quickly over the letters inside words.
CUE_AFTER = re.compile("[\x00-@\\[-`{-\xbf\u2000-\u206f](" + CUE.pattern + ")")
#: The length of the shortest cue: a shorter stretch of text holds none.
SHORTEST_CUE = min(map(len, CUES))
#: Cues whose speaker is named after them ("according to Centcom"), for ``str.startswith``.
SPEAKER_AFTER = tuple(sorted(_phrases("cues-speaker-after")))

#: Pronouns that may speak, with the kind of entity they stand for (None: not resolved).
PRONOUNS: dict[str, EntityKind | None] = {
    **dict.fromkeys(_SECTIONS["pronouns-person"], EntityKind.PERSON),
    **dict.fromkeys(_SECTIONS["pronouns-organization"], EntityKind.ORGANIZATION),
    **dict.fromkeys(_SECTIONS["pronouns-other"]),
}
AUXILIARIES = _SECTIONS["auxiliaries"]
PHRASE_STOPS = _SECTIONS["phrase-stops"]
DETERMINERS = _SECTIONS["determiners"]
OPENERS = _SECTIONS["openers"]
NOT_SUBJECTS = _SECTIONS["not-subjects"]
SUBJECTLESS = _SECTIONS["subjectless"]
TITLE_SMALL_WORDS = _SECTIONS["title-small-words"]
#: What the text right before a quotation ends with when it introduces a title.
TITLE_BEFORE = tuple(sorted(" " + word for word in _SECTIONS["title-before"])) + tuple(
    sorted(_SECTIONS["title-before-endings"])
)
#: A person's role ("senator") -> the titles a person bearing it is named with ("Sen.").
ROLES: dict[str, frozenset[str]] = {
    forms[0].replace("_", " "): frozenset(title.replace("_", " ") for title in forms[1:])
    for forms in (entry.split("/") for entry in _SECTIONS["roles"])
}
#: Nouns that describe a person by a role no title names ("the nominee").
PERSON_ROLES = _SECTIONS["person-roles"]
#: Words of an organisation's name that stand for it after "the" ("the commission").
ORGANIZATION_ROLES = _SECTIONS["organization-roles"]
