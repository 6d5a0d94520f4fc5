"""Recognising a photo caption line and splitting off its credit.

A caption is the line (or lines) right under the headline that ends in a
credit: ``Smoke rises over Raqqa. — Reuters/File``.  A body paragraph may
hold a dash too (``..., he said — adding that ...``), so a line is only a
caption when its credit *looks* like a credit: short, capitalised, and either
a known agency, a ``Photo: X`` / ``Photo by X`` form, or following a caption
that ends its sentence.
"""

from __future__ import annotations

import re
from itertools import repeat

__all__ = ["AGENCIES", "CREDIT_SEPARATORS", "split_caption"]

#: Separators between caption and credit, most specific first.  The written
#: form always uses the first.
CREDIT_SEPARATORS = (" \u2014 ", " \u2013 ", " | ", " - ")

_SEPARATOR_LENGTH = 3
assert all(len(separator) == _SEPARATOR_LENGTH for separator in CREDIT_SEPARATORS)

#: Photo agencies and outlets often named as a credit (lower case).
AGENCIES = frozenset(
    {
        "reuters", "afp", "ap", "app", "dawn", "online", "white star", "epa",
        "epa-efe", "getty", "getty images", "bloomberg", "xinhua", "anadolu",
        "anadolu agency", "pti", "ani", "inp", "nni", "ppi", "irna", "tass",
        "sana", "efe", "ips", "upi", "dpa", "kyodo", "yonhap", "aa", "ians",
        "file", "files", "handout", "courtesy", "supplied", "twitter", "x",
        "facebook", "screengrab", "screenshot", "social media",
    }
)  # fmt: skip

# "Photo: X", "Photo by X", "Photo courtesy X", "Photos by X", "Image: X".
_PHOTO_FORM = re.compile(
    r"(?:photo|photos|photograph|picture|image|file\s+photo)"  # the word
    r"(?:\s*:|\s+by\b|\s+courtesy\b)",  # then ':' or 'by' or 'courtesy'
    re.IGNORECASE,
)
#: The most characters after the separator (the credit, before stripping).
_MAX_CREDIT_CHARS = 60
_MAX_CREDIT_WORDS = 6
_SENTENCE_END = frozenset(".!?\"\u201d\u2019')")


def _is_agency(credit: str) -> bool:
    """True when the credit's first part (before ``/``, ``,`` or ``;``) is an agency."""
    first = credit.partition("/")[0].partition(",")[0].partition(";")[0]
    return first.strip().lower() in AGENCIES


def split_caption(line: str) -> tuple[str, str] | None:
    """caption = text credit-sep credit

    ``(caption, credit)`` when ``line`` (already stripped) is a caption with a
    credit, else ``None``.
    """
    # The credit is short, so only the line's tail can hold its separator.
    tail = max(len(line) - _MAX_CREDIT_CHARS - _SEPARATOR_LENGTH, 0)
    end = line[tail:] if tail else line
    if not (" \u2014 " in end or " - " in end or " \u2013 " in end or " | " in end):
        return None  # the usual paragraph, turned away with four quick scans
    best = max(map(line.rfind, CREDIT_SEPARATORS, repeat(tail)))
    if best <= 0:
        return None
    credit = line[best + _SEPARATOR_LENGTH :].strip()
    if not credit or credit[0].islower() or len(credit.split()) > _MAX_CREDIT_WORDS:
        return None
    caption = line[:best].rstrip()
    if caption and (
        _is_agency(credit) or _PHOTO_FORM.match(credit) or caption[-1] in _SENTENCE_END
    ):
        return caption, credit
    return None
