"""The state one extraction shares between its passes: the text, the lexicon, the
mentions found so far, and a memo of the words the text writes.

Plain data: the rules live in the pass modules, which read and change this state.
"""

from __future__ import annotations

from newsdoc._model import EntityKind
from newsdoc.extraction._aliases import UnionFind
from newsdoc.extraction._entities.words import DETERMINERS, LOWER_WORD
from newsdoc.extraction._lexicon import Lexicon

__all__ = [
    "DOUBTFUL",
    "INSTITUTION_AFTER_THE",
    "TITLE_AFTER_THE",
    "Doc",
    "Mention",
    "TextWords",
    "next_word",
    "prev_word",
    "strip_the",
]

# Strengths below 0 mark names the later passes decide on:
#: an unknown name opening a sentence: dropped unless it recurs mid-sentence;
DOUBTFUL = -1
#: a title standing alone: a person after "the" ("the President"), else dropped;
TITLE_AFTER_THE = -2
#: an institution's word standing alone: the institution after "the" ("the Kremlin").
INSTITUTION_AFTER_THE = -3


class Mention:
    """One name in the text, with what the rules found out about it."""

    __slots__ = (
        "end",
        "group",
        "kind",
        "name",
        "shown",
        "start",
        "strength",
        "text",
        "title",
        "title_at",
        "tokens",
    )

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: EntityKind | None,
        strength: int,
        name: str,
        tokens: tuple[str, ...] = (),
        title: str | None = None,
        shown: int = -1,
        title_at: tuple[int, int] | None = None,
    ) -> None:
        #: Where the name is written, title included: what the passes look around.
        self.start = start
        self.end = end
        self.text = text
        #: Where the mention's span starts: past a person's title, past "The".
        self.shown = start if shown < 0 else shown
        #: Where a person's title is written (``General``), or None.
        self.title_at = title_at
        self.kind = kind
        #: 3: a list or a head word says so; 2: a given name, a title, a shape;
        #: 1: a default or a weak context; 0: unknown; below 0: see `DOUBTFUL`.
        self.strength = strength
        #: The normalised name (the canonical one for listed names).
        self.name = name
        #: The name's words (for people: without the title).
        self.tokens = tokens
        self.title = title
        #: Key of the referent in the union-find (see the `link` pass).
        self.group = name

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        kind = self.kind.name if self.kind else "?"
        return f"<{kind}:{self.strength} {self.text!r} name={self.name!r} at {self.start}>"


class TextWords:
    """Answers "does the text write this word?", remembering every answer."""

    __slots__ = ("_searched", "_words", "answers", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        #: The answers so far, by word (read directly on the hot path).
        self.answers: dict[str, bool] = {}
        # The text's words, split out once searching for words one by one has cost
        # about sixteen passes over it, what splitting them out costs (a text of many
        # distinct names; most articles never get there).
        self._words: set[str] | None = None
        self._searched = 0

    def written(self, low: str) -> bool:
        """True when ``low`` stands in the text between white space (maybe with ``,``
        or ``.`` after it)."""
        answer = self.answers.get(low)
        if answer is None:
            text = self.text
            if self._words is None:
                self._searched += len(text)
                if self._searched > 16 * len(text) + 20_000:
                    self._words = words_written(text)
            if self._words is not None and low and not _has_space(low):
                answer = low in self._words
            else:
                answer = written(text, low)
            self.answers[low] = answer
        return answer


class Doc:
    """One extraction: the text, the lexicon, the word memo and the mentions so far."""

    __slots__ = ("headline_end", "lex", "mentions", "referents", "text", "words")

    def __init__(self, text: str, lexicon: Lexicon, headline_end: int = 0) -> None:
        self.text = text
        self.lex = lexicon
        #: Where the headline ends, when the text opens with one (0: no headline).
        self.headline_end = headline_end
        self.words = TextWords(text)
        #: The mentions, in the order the passes leave them (mostly by position).
        self.mentions: list[Mention] = []
        #: The groups of mention keys that name one referent (filled by `link`).
        self.referents = UnionFind()


def written(text: str, low: str) -> bool:
    """True when ``low`` stands in ``text`` between white space (maybe with ``,`` or ``.``)."""
    size = len(text)
    width = len(low)
    i = text.find(low)
    while i >= 0:
        if i == 0 or text[i - 1].isspace():
            j = i + width
            if j == size or text[j].isspace():
                return True
            if text[j] in ",." and (j + 1 == size or text[j + 1].isspace()):
                return True
        i = text.find(low, i + 1)
    return False


def words_written(text: str) -> set[str]:
    """Every word `written` would find in ``text``: each white-space-separated
    token, and the token without a final ``,`` or ``.``."""
    words = set(text.split())
    words.update([word[:-1] for word in words if word[-1] in ",."])
    return words


def _has_space(text: str) -> bool:
    return any(char.isspace() for char in text)


def strip_the(text: str) -> str:
    """``text`` without a leading ``The `` or ``the ``."""
    return text[4:] if text.startswith(DETERMINERS) else text


def next_word(text: str, pos: int) -> str:
    """The lower-case word right after ``pos`` (past one space), or ``""``."""
    if pos < len(text) and text[pos] == " ":
        match = LOWER_WORD.match(text, pos + 1)
        if match:
            return match.group()
    return ""


def prev_word(text: str, pos: int) -> str:
    """The word right before ``pos`` (past one space), or ``""``."""
    if pos < 2 or text[pos - 1] != " ":
        return ""
    end = pos - 1
    start = text.rfind(" ", 0, end) + 1
    word = text[start:end]
    if word.isalpha():
        return word  # the usual case: a whole word after a space
    # Only the letters at the end of the token ("(in", "U.S." gives "").
    i = end
    while i > start and text[i - 1].isalpha():
        i -= 1
    return text[i:end]
