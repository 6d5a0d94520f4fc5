#!/usr/bin/env python3
"""Coverage-guided fuzzing of `newsdoc.loads` with atheris (libFuzzer).

Run from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_loads.py -max_total_time=60 fuzz/corpus/ seeds/ tests/data/valid/

For every input the fuzzer makes, it checks what must hold for *any* bytes:

1. ``loads(data)`` returns an `Article` (lenient reading never raises);
2. ``loads(data, strict=True)`` returns an `Article` equal to the lenient one,
   or raises `ParseError` (nothing else), and only when the lenient article
   holds an error diagnostic;
3. the same as 1 for the text given as ``str`` (the bytes decoded as UTF-8,
   undecodable bytes as U+FFFD), which takes the ``str`` path of the reader;
4. for each article obtained: ``loads(dumps(a), id=a.id) == a`` unless
   ``dumps`` refuses the article with `ValueError`, and
   ``from_json(to_json(a)) == a``.

Anything else, an exception or a broken equality, is a crash: libFuzzer stops
and writes the input to ``crash-<sha1>``.

Unless ``-dict=`` is given, a dictionary of the format's tokens (header keys,
no-break space, dashes, credits, byte-order marks, dates) is passed to libFuzzer,
so that mutations reach header and caption lines sooner.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["newsdoc"]):
    import newsdoc

# Tokens of the seed format, as libFuzzer dictionary entries (escaped bytes).
_TOKENS = [
    " date ",
    "date:",
    "Date: ",
    "DATE",
    " url https://",
    "link:",
    "source:",
    "author: ",
    "source ",  # a header line without a colon
    "author ",
    "section ",
    '{\\"schema_version\\":1,\\"headline\\":',  # newsdoc's own JSON (quotes escaped)
    "<!DOCTYPE html>",
    "\\x7fELF",
    "%PDF-",
    "12/10/2016",  # an ambiguous date
    "\\xc2\\xa0",  # no-break space
    " \\xc2\\xa0\\x0a",  # the end of a written header line
    " \\xe2\\x80\\x94 ",  # " — " (em dash), the credit separator
    " \\xe2\\x80\\x93 ",  # " – " (en dash)
    " | ",
    " - ",
    "Reuters/File",
    "AFP",
    "Photo by ",
    "Photo: ",
    "\\xe2\\x80\\x9c",  # left double quotation mark
    "\\xe2\\x80\\x9d",  # right double quotation mark
    "\\xe2\\x80\\x8b",  # zero-width space
    "\\xef\\xbb\\xbf",  # UTF-8 byte-order mark
    "\\xff\\xfe",  # UTF-16 LE byte-order mark
    "\\xfe\\xff",  # UTF-16 BE byte-order mark
    "\\xff\\xfe\\x00\\x00",  # UTF-32 LE byte-order mark
    "\\xc3\\xa2\\xe2\\x82\\xac\\xe2\\x80\\x9d",  # mojibake of an em dash
    "\\xc3\\x83\\xc2\\xa9",  # mojibake of e acute
    "\\xe9",  # e acute in cp1252
    "\\x0d\\x0a",
    "\\x0d",
    "\\x0a\\x0a",
    "2023-07-09",
    "2023-02-30",
    "2023/07/09",
    "9 July 2023",
    "July 9, 2023",
    "Sunday, July 9, 2023",
    "2023-07-09T14:30:00+05:00",
    "July 2023",
]


def _check_round_trips(article: newsdoc.Article) -> None:
    try:
        text = newsdoc.dumps(article)
    except ValueError:
        pass  # an article the seed format cannot carry; refusing it is correct
    else:
        back = newsdoc.loads(text, id=article.id)
        # Read from JSON, or not an article (nothing extracted), its results are
        # not those of its text: the structure alone must come back then.
        if _extracted_from_its_text(article):
            same = back == article
        else:
            same = _same_structure(back, article)
        if not same:
            raise AssertionError(
                f"loads(dumps(a)) != a\n  a:    {_fields(article)}\n  back: {_fields(back)}\n"
                f"  text: {text!r}"
            )
    back = newsdoc.from_json(newsdoc.to_json(article))
    if back != article:
        raise AssertionError(
            f"from_json(to_json(a)) != a\n  a:    {_fields(article)}\n  back: {_fields(back)}"
        )


def _extracted_from_its_text(article: newsdoc.Article) -> bool:
    """True when the article was parsed from seed text and extracted from it."""
    if article.source is None:
        return False  # read from newsdoc JSON
    return not any(d.code == "not-seed-format" for d in article.diagnostics)


def _same_structure(one: newsdoc.Article, other: newsdoc.Article) -> bool:
    fields = ("headline", "date", "metadata", "images", "paragraphs", "id")
    return all(getattr(one, name) == getattr(other, name) for name in fields)


def _fields(article: newsdoc.Article) -> str:
    return repr(
        {
            "headline": article.headline,
            "date": article.date,
            "metadata": dict(article.metadata),
            "images": [(image.caption, image.credit) for image in article.images],
            "paragraphs": article.paragraphs,
            "id": article.id,
        }
    )


def _lenient(data: bytes | str) -> newsdoc.Article:
    article = newsdoc.loads(data)
    if not isinstance(article, newsdoc.Article):
        raise AssertionError(f"loads returned {type(article).__name__}, not an Article")
    return article


def TestOneInput(data: bytes) -> None:  # the name atheris expects
    article = _lenient(data)
    try:
        strict = newsdoc.loads(data, strict=True)
    except newsdoc.ParseError as error:
        if not article.errors:
            raise AssertionError(f"strict raised {error!r}, lenient reported no error") from None
        if not 0 <= error.pos <= len(error.doc):
            raise AssertionError(f"ParseError.pos {error.pos} outside the text") from None
    else:
        if article.errors:
            raise AssertionError(f"strict returned an article with errors: {article.errors}")
        if strict != article:
            raise AssertionError(f"strict != lenient: {_fields(strict)} != {_fields(article)}")
    _check_round_trips(article)
    _check_round_trips(_lenient(data.decode("utf-8", errors="replace")))


def _with_dictionary(argv: list[str]) -> list[str]:
    """``argv`` with ``-dict=`` naming a file of the format's tokens, unless given."""
    if any(arg.startswith("-dict=") for arg in argv):
        return argv
    path = os.path.join(tempfile.gettempdir(), "newsdoc-fuzz-loads.dict")
    with open(path, "w", encoding="ascii") as fp:
        fp.writelines(f'"{token}"\n' for token in _TOKENS)
    return [*argv, f"-dict={path}"]


def main() -> None:
    atheris.Setup(_with_dictionary(sys.argv), TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
