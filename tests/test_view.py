"""The text view every extractor reads: parts, paragraphs, sentences, clauses, words."""

from __future__ import annotations

import bisect
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc.extraction._view import PARAGRAPH_BREAK, TextView


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, as written (each with the spaces after it)."""
    return [text[start:end] for start, end in TextView(text).sentences.spans]


# ------------------------------------------------------------------ parts


def test_a_text_alone_is_one_body_part() -> None:
    view = TextView("One.\n\nTwo.")
    assert view.parts == (("body", 0, 0, 10),)
    assert view.part_at(7) == ("body", 0, 0, 10)


def test_parts_joined_by_blank_lines_keep_their_offsets() -> None:
    view = TextView.joined(
        [
            ("headline", 0, "Vote passes"),
            ("caption", 0, "The chamber."),
            ("credit", 0, "Photo: AP"),
            ("caption", 1, ""),
            ("body", 0, "It passed.\n\nAll cheered."),
        ]
    )
    assert view.text == "Vote passes\n\nThe chamber.\n\nPhoto: AP\n\n\n\nIt passed.\n\nAll cheered."
    for name, index, start, end in view.parts:
        assert view.part_at(start) == (name, index, start, end)
    assert [view.text[s:e] for _, _, s, e in view.parts][:3] == [
        "Vote passes",
        "The chamber.",
        "Photo: AP",
    ]
    # Each part reads as one paragraph or more; an empty part is an empty paragraph.
    assert [view.text[s:e] for s, e in view.paragraphs] == [
        "Vote passes",
        "The chamber.",
        "Photo: AP",
        "",
        "It passed.",
        "All cheered.",
    ]
    # In the line breaks between two parts, the part before.
    assert view.part_at(12)[0] == "headline"


def test_an_empty_headline_is_a_part() -> None:
    view = TextView.joined([("headline", 0, ""), ("body", 0, "Text.")])
    assert view.parts == (("headline", 0, 0, 0), ("body", 0, 2, 7))
    assert view.paragraphs == [(0, 0), (2, 7)]
    assert view.sentences.starts == [0, 2]


@pytest.mark.parametrize(
    "parts",
    [
        [("headline", 0, 0, 5), ("body", 0, 5, 12)],  # no line break between them
        [("headline", 0, 0, 4), ("body", 0, 7, 12)],  # text between them
        [("body", 0, 7, 12), ("headline", 0, 0, 5)],  # out of order
        [("headline", 0, 0, 5)],  # text after the last
        [],
    ],
)
def test_parts_out_of_place_are_refused(parts: list[tuple[str, int, int, int]]) -> None:
    with pytest.raises(ValueError, match="TextView"):
        TextView("Title\n\nBody.", parts).paragraphs  # noqa: B018


# ------------------------------------------------------------- paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(0, 0)]),
        ("One.", [(0, 4)]),
        ("One.\n\nTwo.", [(0, 4), (6, 10)]),
        ("One.\nstill one.", [(0, 15)]),  # a line break inside a paragraph
        ("One.\n\n\nTwo.", [(0, 4), (6, 11)]),  # the third newline opens the paragraph
        ("One.\n\n\n\nTwo.", [(0, 4), (6, 6), (8, 12)]),  # an empty paragraph between
        ("\n\nOne.", [(0, 0), (2, 6)]),
    ],
)
def test_paragraphs(text: str, expected: list[tuple[int, int]]) -> None:
    view = TextView(text)
    assert view.paragraphs == expected
    assert view.paragraph_starts == [start for start, _ in expected]
    for index, (start, end) in enumerate(expected):
        assert view.paragraph_at(start) == index
        assert view.paragraph_at(end) == index


# -------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [""]),
        ("One sentence", ["One sentence"]),
        ("Mr. Smith left. He came back.", ["Mr. Smith left. ", "He came back."]),
        ("U.S. officials met. Then they left.", ["U.S. officials met. ", "Then they left."]),
        ("They met U.S. officials. Then", ["They met U.S. officials. ", "Then"]),
        ("J. Smith and Jan. 5 and St. Louis.", ["J. Smith and Jan. 5 and St. Louis."]),
        ("Prices rose 2.5 percent. Then fell.", ["Prices rose 2.5 percent. ", "Then fell."]),
        ('He said. "Yes," she said.', ["He said. ", '"Yes," she said.']),
        ('"Go home." Then he left.', ['"Go home." ', "Then he left."]),
        ("Wow!!! Really? Yes… Fine.", ["Wow!!! ", "Really? ", "Yes… ", "Fine."]),
        ("It ends. but goes on.", ["It ends. but goes on."]),  # no capital after
        ("One.\nTwo.", ["One.\nTwo."]),  # a line break inside a paragraph ends none
        ("One. Two.\n\nThree.", ["One. ", "Two.", "Three."]),
        ("Où? Émile sait.", ["Où? ", "Émile sait."]),  # a capital past ASCII
        ("Hein? été.", ["Hein? été."]),  # a lower-case letter past ASCII
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_lookups() -> None:
    text = "Mr. Smith left. He came back.\n\nA new one. And more."
    view = TextView(text)
    found = view.sentences
    assert found.breaks == [16, 42]
    assert found.starts == [0, 16, 31, 42]
    assert found.at(20) == 1
    assert found.at(29) == 1  # in the line breaks after a paragraph: its last sentence
    assert found.start(20) == 16
    assert found.start(20, floor=18) == 18
    assert found.start(35) == 31
    assert found.next_start(5, len(text)) == 16
    assert found.next_start(20, len(text)) == 31  # the next paragraph's start
    assert found.next_start(20, 25) == 25
    assert found.breaks_in(0, 29) == [16]


def test_lookups_near_a_place_agree_with_the_whole_split() -> None:
    text = "It ended.” Then Mr. Lee spoke! And U.S. troops left.\n\nNext. Fine."
    whole = TextView(text).sentences
    for pos in range(len(text)):
        for floor in (0, pos - 10, pos):
            assert TextView(text).sentences.start(pos, floor) == whole.start(pos, floor)
        assert TextView(text).sentences.next_start(pos, len(text)) == whole.next_start(
            pos, len(text)
        )
    assert TextView(text).sentences.breaks_in(11, 40) == whole.breaks_in(11, 40)


def test_an_abbreviation_or_an_initial_ends_no_sentence() -> None:
    view = TextView("Mr. Lee met J. Doe in the U.S. today. Fine.")
    assert view.ends_abbreviation(2)  # Mr.
    assert view.ends_abbreviation(13)  # J.
    assert view.ends_abbreviation(29)  # U.S.
    assert not view.ends_abbreviation(36)  # today.


# ---------------------------------------------------------------- clauses


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("Syria", 0, True),
        ("in Syria", 3, False),
        ("end. Syria", 5, True),
        ("end: Syria", 5, True),
        ("end; Syria", 5, True),
        ("line\nSyria", 5, True),
        ('said "Syria', 6, True),
        ("said (Syria", 6, True),
        ("said — Syria", 7, True),
        ("he said.” Syria", 10, True),
        ("Mr. Syria", 4, True),  # looser than a sentence start
        ("a, Syria", 3, False),
    ],
)
def test_clause_starts(text: str, pos: int, expected: bool) -> None:
    assert TextView(text).is_clause_start(pos) is expected


# ------------------------------------------------------------------ words


def test_words() -> None:
    view = TextView("Don't stop al-Assad's 2nd run.")
    words = view.words
    assert [view.text[s:e] for s, e in words.spans] == ["Don't", "stop", "al-Assad's", "2nd", "run"]
    assert words.at(7) == (6, 10)
    assert words.at(5) == (0, 5)  # its end included
    assert words.at(-1) is None
    assert words.before(6) == (0, 5)
    assert words.before(3) is None


# ------------------------------------------------------------- properties

# Pieces of text that exercise every rule: stops, abbreviations, quote marks, capitals,
# line breaks, paragraph breaks.
_PIECES = st.sampled_from(
    [
        "Mr.", "U.S.", "J.", "Jan.", "2.5", "said.", "Then", "then", "!", "?", "…", "...",
        ".", '"', "“", "”", "’", "(", ")", " ", " ", "\u00a0", "\n", "\n\n", "\n\n\n", "Émile",
        "été", "A", "word", ":", ";",
    ]
)  # fmt: skip
_texts = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=80))


def _partition(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph and separator, in order, covering ``text``."""
    view = TextView(text)
    spans: list[tuple[int, int]] = []
    last = 0
    for start, end in view.paragraphs:
        if start > last:
            spans.append((last, start))
        spans.append((start, end))
        last = end
    if last < len(text):
        spans.append((last, len(text)))
    return spans


@given(_texts)
def test_paragraphs_and_sentences_cover_the_text(text: str) -> None:
    view = TextView(text)
    paragraphs = view.paragraphs
    spans = view.sentences.spans
    for items in (paragraphs, spans):
        # Inside the text, in order, not overlapping.
        assert all(0 <= start <= end <= len(text) for start, end in items)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(items))
    # Only line breaks stand outside the paragraphs.
    covered = [False] * len(text)
    for start, end in paragraphs:
        covered[start:end] = [True] * (end - start)
    assert all(covered[i] or text[i] == "\n" for i in range(len(text)))
    assert "".join(text[s:e] for s, e in _partition(text)) == text
    # The sentences tile the paragraphs: every paragraph is its sentences, end to end.
    for start, end in paragraphs:
        inside = [s for s in spans if start <= s[0] and s[1] <= end]
        assert inside[0][0] == start
        assert inside[-1][1] == end
        assert all(a[1] == b[0] for a, b in itertools.pairwise(inside))
    assert sum(end - start for start, end in spans) == sum(e - s for s, e in paragraphs)


@given(_texts, st.data())
def test_lookups_agree_with_the_whole_split(text: str, data: st.DataObject) -> None:
    whole = TextView(text).sentences
    starts = whole.starts
    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, len(text)))
    # The sentence holding ``pos`` starts at the last start before it.
    assert whole.start(pos) == starts[max(bisect.bisect_right(starts, pos) - 1, 0)]
    # Read near ``pos`` only, a fresh view finds what the whole split finds.
    assert TextView(text).sentences.start(pos, floor) == whole.start(pos, floor)
    assert TextView(text).sentences.next_start(pos, len(text)) == whole.next_start(pos, len(text))
    low, high = sorted((pos, floor))
    assert TextView(text).sentences.breaks_in(low, high) == whole.breaks_in(low, high)


@given(st.lists(st.tuples(st.sampled_from(["headline", "caption", "body"]), _texts), min_size=1))
def test_no_paragraph_or_sentence_runs_over_a_part(pieces: list[tuple[str, str]]) -> None:
    # Parts are kept clear of line breaks at their edges, as an article's are.
    view = TextView.joined([(name, 0, text.strip("\n")) for name, text in pieces])
    assert view.text.count(PARAGRAPH_BREAK) >= len(pieces) - 1
    for start, end in view.paragraphs + list(view.sentences.spans):
        _, _, part_start, part_end = view.part_at(start)
        assert part_start <= start <= end <= part_end


@given(_texts, st.data())
def test_clause_starts_agree_with_the_entity_rules_test(text: str, data: st.DataObject) -> None:
    # One home for the notion: the view's is what the entity rules' own test said.
    from newsdoc.extraction import _tokens

    old = getattr(_tokens, "is_sentence_start", None)
    if old is None:
        pytest.skip("the entity rules read the view's clause starts now")
    pos = data.draw(st.integers(0, len(text)))
    assert TextView(text).is_clause_start(pos) is old(text, pos)
