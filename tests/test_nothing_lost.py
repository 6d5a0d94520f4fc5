"""Nothing is silently lost: every line of the input ends up in the article.

For any input, each non-blank line of the decoded text (as the parser saw
it: ``article.source.text``) must be accounted for: the headline, a header
line (its value in the metadata, or the date), a caption line (its caption
and credit), or a paragraph.
"""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Article
from newsdoc._parser import split_lines
from newsdoc._text import LAYOUT
from tests.conftest import SAMPLE
from tests.strategies import writable_articles


def unaccounted(article: Article) -> list[str]:
    """The non-blank input lines the article does not hold."""
    assert article.source is not None
    paragraphs = set(article.paragraphs)
    values = set(article.metadata.values())
    missing = []
    for line in split_lines(article.source.text):
        content = line.strip(LAYOUT)
        if not content or content == article.headline or content in paragraphs:
            continue
        if any(
            image.caption in content and (image.credit or "") in content for image in article.images
        ):
            continue
        if any(value and content.endswith(value) for value in values):
            continue
        if article.date is not None and content.lower().lstrip(LAYOUT).startswith("date"):
            continue
        missing.append(content)
    return missing


@given(st.text())
def test_arbitrary_text_loses_nothing(text: str) -> None:
    assert unaccounted(newsdoc.loads(text)) == []


@given(st.binary())
def test_arbitrary_bytes_lose_nothing(data: bytes) -> None:
    assert unaccounted(newsdoc.loads(data)) == []


def _perturb(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        choice = rng.random()
        if choice < 0.1:
            out.append(line + rng.choice([" ", "\t", "\u00a0", "\u200b", " \t\u00a0"]))
        elif choice < 0.2:
            out.append(rng.choice(["  ", "\t", "\u00a0"]) + line)
        elif choice < 0.3:
            out.extend([line, ""])
        elif choice < 0.35:
            out.extend([line, rng.choice(["Source: Wire", "x — AFP", "— ", ":", "date"])])
        else:
            out.append(line)
    joined = "\n".join(out)
    return joined.replace("\n", rng.choice(["\n", "\r\n", "\r"]))


@given(writable_articles(), st.randoms(use_true_random=False))
def test_perturbed_seed_text_loses_nothing(article: Article, rng: random.Random) -> None:
    text = _perturb(newsdoc.dumps(article), rng)
    assert unaccounted(newsdoc.loads(text)) == []


@given(st.randoms(use_true_random=False))
def test_perturbed_sample_loses_nothing(rng: random.Random) -> None:
    text = _perturb(SAMPLE.read_text(encoding="utf-8"), rng)
    assert unaccounted(newsdoc.loads(text)) == []
    assert unaccounted(newsdoc.loads(text.encode("utf-8"))) == []
