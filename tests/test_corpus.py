"""Real news text: every article of the corpora in ``../shared``, read back.

Each corpus under ``../shared/corpus`` (BBC, PolNeAR, GUM, re3d, Reuters-21578)
is rendered into the seed format once per test session, by
``../shared/tools/to_seed_format.py`` itself, into a temporary directory.  The
tool is imported as a module so that what it wrote is known exactly: its
loaders are wrapped to keep each article's ``Render`` (the headline's slice of
the text, the date line, and the slice of every paragraph), and its ``main``
writes the files and the manifest that names the article in each file.

``test_corpus_reads_as_written`` parses every file and compares the headline,
date, paragraphs and images with what the tool wrote, as the format defines
reading it (layout stripped from the ends of each line; no captions, as the
tool writes none).  The one accepted difference is mojibake already present in
a source text (PolNeAR has some), which the parser repairs and reports as
``mojibake``: a field then has to equal ftfy's repair of the written field.

``test_perturbed_corpus_reads_the_same`` perturbs every file in ways that keep
its meaning (line endings, byte-order marks, other encodings, layout at line
ends, blank lines, other spellings of the date line) and requires the very
same article as the unperturbed file, with no new error diagnostic; where the
perturbation changes the encoding, a new diagnostic must say so.

Failures are collected over all files of a corpus and reported together (the
count and the first few), so one test names every kind of mismatch at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gc
import importlib.util
import io
import json
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import newsdoc
from newsdoc import Article
from newsdoc._text import LAYOUT

pytestmark = pytest.mark.corpus

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TOOL = SHARED / "tools" / "to_seed_format.py"
CORPUS_ROOT = SHARED / "corpus"

#: The tool's source names, each with its folder under ``corpus/``.
CORPORA = {
    "bbc": "bbc",
    "polnear": "polnear",
    "gum": "gum",
    "re3d": "re3d",
    "reuters": "reuters21578",
}
#: The corpora whose articles have a date (``corpus/README.md``): the date
#: perturbations apply to these only.
DATED = frozenset({"polnear", "gum", "reuters"})
#: Every article of every source: all PolNeAR splits, both GUM genres.
TOOL_OPTIONS = ["-n", "0", "--split", "dev,test,train", "--genre", "news,interview"]

NBSP = "\u00a0"
DATE_PREFIX = " date "
DATE_SUFFIX = f" {NBSP}\n"
#: How many mismatches a failing test shows.
SHOWN = 5

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the shared corpora are not beside the project ({SHARED})"
)


@dataclasses.dataclass(frozen=True)
class Rendered:
    """One file the tool wrote, and the parts it wrote into it."""

    corpus: str
    path: Path
    text: str
    headline: str
    date: str | None
    paragraphs: tuple[str, ...]

    @property
    def name(self) -> str:
        return f"{self.corpus}/{self.path.name}"


# --- Rendering --------------------------------------------------------------------------


def _load_tool() -> ModuleType:
    """A private copy of the tool's module (not in ``sys.modules``), free to wrap."""
    spec = importlib.util.spec_from_file_location("_newsdoc_test_to_seed_format", TOOL)
    assert spec is not None, f"cannot import {TOOL}"
    assert spec.loader is not None, f"cannot import {TOOL}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _record_paragraphs(tool: ModuleType) -> None:
    """Make each ``Render`` keep the ``(start, end)`` of every paragraph it writes."""
    render_class: Any = tool.Render
    write_paragraph: Callable[[Any, Any], None] = render_class.paragraph

    def paragraph(render: Any, parts: Any) -> None:
        start = render.pos
        write_paragraph(render, parts)
        end = render.pos - 2
        assert render.chunks[-1] == "\n\n", "the tool's Render changed: update this test"
        render.__dict__.setdefault("written_paragraphs", []).append((start, end))

    render_class.paragraph = paragraph


def _render(tool: ModuleType, source: str, out: Path) -> list[Rendered]:
    """Run the tool's ``main`` for one source; the files it wrote, with their parts."""
    renders: dict[str, Any] = {}
    load = tool.LOADERS[source]

    def recording(root: str, args: Any) -> Iterator[Any]:
        for doc in load(root, args):
            renders[doc[0]] = doc[1]
            yield doc

    tool.LOADERS[source] = recording
    # The tool reads with ``for line in open(path)``, leaving the closing to the
    # garbage collector: its ResourceWarnings are the tool's, not newsdoc's.
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore", ResourceWarning)
        tool.main([source, "--out", str(out), "--root", str(CORPUS_ROOT), *TOOL_OPTIONS])
        gc.collect()
    files: list[Rendered] = []
    manifest = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    for line in manifest:
        entry = json.loads(line)
        render = renders[entry["doc_id"]]
        text: str = render.text()
        path = out / entry["file"]
        assert path.read_bytes() == text.encode("utf-8"), f"{path}: not the rendered text"
        date = None
        if entry["has_date_header"]:
            line_end = render.headline_start
            date = text[:line_end].removeprefix(DATE_PREFIX).removesuffix(DATE_SUFFIX)
            assert len(date) < line_end, f"{path}: unexpected date line {text[:line_end]!r}"
        spans: list[tuple[int, int]] = render.__dict__.get("written_paragraphs", [])
        files.append(
            Rendered(
                corpus=source,
                path=path,
                text=text,
                headline=text[render.headline_start : render.headline_end],
                date=date,
                paragraphs=tuple(text[start:end] for start, end in spans),
            )
        )
    return files


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Rendered]]:
    """Every corpus rendered once, by the tool, into a temporary directory."""
    out = tmp_path_factory.mktemp("corpus")
    tool = _load_tool()
    _record_paragraphs(tool)
    corpora = {source: _render(tool, source, out / source) for source in CORPORA}
    for source, files in corpora.items():
        assert files, f"the tool wrote no {source} article"
    return corpora


@pytest.fixture(scope="module")
def originals(rendered: dict[str, list[Rendered]]) -> dict[Path, Article | str]:
    """Each rendered file as read from disk (structure only), or what reading it raised."""
    articles: dict[Path, Article | str] = {}
    for files in rendered.values():
        for file in files:
            try:
                articles[file.path] = newsdoc.read(file.path, extract=False)
            except Exception as error:
                articles[file.path] = f"raised {type(error).__name__}: {error}"
    return articles


# --- Comparing --------------------------------------------------------------------------


def _short(text: str, around: int = 0, width: int = 70) -> str:
    start = max(around - width // 2, 0)
    piece = text[start : start + width]
    return ("..." if start else "") + repr(piece) + ("..." if start + width < len(text) else "")


def _difference(field: str, expected: object, actual: object) -> str:
    """One line saying where ``actual`` first differs from ``expected``."""
    if isinstance(expected, str) and isinstance(actual, str):
        at = next(
            (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
            min(len(expected), len(actual)),
        )
        return f"{field}: expected {_short(expected, at)}, got {_short(actual, at)}"
    if isinstance(expected, tuple) and isinstance(actual, tuple):
        for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
            if want != got:
                return _difference(f"{field}[{index}]", want, got)
        return (
            f"{field}: expected {len(expected)} items, got {len(actual)} "
            f"(first extra: {_short(str((expected + actual)[min(len(expected), len(actual))]))})"
        )
    return f"{field}: expected {expected!r}, got {actual!r}"


def _repaired(text: str) -> str:
    from ftfy import fix_encoding

    return fix_encoding(text)


@dataclasses.dataclass(frozen=True)
class Expected:
    """What reading a rendered file must give (the tool writes no captions)."""

    headline: str
    date: dt.date | None
    paragraphs: tuple[str, ...]


def _expected(file: Rendered) -> Expected:
    """What reading the file must give, from what the tool wrote into it.

    Layout is stripped from both ends of every line; a blank line is no
    paragraph; a blank headline leaves the first paragraph as the headline.
    """
    paragraphs = [p.strip(LAYOUT) for p in file.paragraphs]
    paragraphs = [p for p in paragraphs if p]
    headline = file.headline.strip(LAYOUT)
    if not headline and paragraphs:
        headline = paragraphs.pop(0)
    date = None if file.date is None else dt.date.fromisoformat(file.date)
    return Expected(headline, date, tuple(paragraphs))


def _mismatches_with_written(file: Rendered, article: Article) -> list[str]:
    expected = _expected(file)
    # Mojibake in the source text, repaired and reported, is the one difference allowed.
    repaired = any(d.code == "mojibake" for d in article.diagnostics)
    found = []
    if article.headline != expected.headline and not (
        repaired and article.headline == _repaired(expected.headline)
    ):
        found.append(_difference("headline", expected.headline, article.headline))
    if article.date != expected.date:
        found.append(_difference("date", expected.date, article.date))
    if article.paragraphs != expected.paragraphs and not (
        repaired and article.paragraphs == tuple(map(_repaired, expected.paragraphs))
    ):
        found.append(_difference("paragraphs", expected.paragraphs, article.paragraphs))
    if article.images:
        found.append(_difference("images", (), article.images))
    return found


def _fail_with(corpus: str, what: str, total: int, failures: dict[str, list[str]]) -> None:
    """Fail naming how many files differ, and the first few with their problems."""
    if not failures:
        return
    shown = [
        f"  {name}:\n" + "\n".join(f"    {problem}" for problem in problems[:3])
        for name, problems in list(failures.items())[:SHOWN]
    ]
    more = f"\n  ... and {len(failures) - SHOWN} more files" if len(failures) > SHOWN else ""
    pytest.fail(
        f"{corpus}, {what}: {len(failures)} of {total} files differ\n" + "\n".join(shown) + more,
        pytrace=False,
    )


# --- The files as written ---------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_corpus_reads_as_written(
    corpus: str,
    rendered: dict[str, list[Rendered]],
    originals: dict[Path, Article | str],
) -> None:
    failures: dict[str, list[str]] = {}
    for file in rendered[corpus]:
        article = originals[file.path]
        problems = (
            [article] if isinstance(article, str) else _mismatches_with_written(file, article)
        )
        if problems:
            failures[file.name] = problems
    _fail_with(corpus, "as written", len(rendered[corpus]), failures)


# --- Perturbed files --------------------------------------------------------------------


def _lines(text: str, edit: Callable[[str], str]) -> str:
    """``text`` with ``edit`` applied to every line (not to the end of the file)."""
    lines = text.split("\n")
    return "\n".join([*map(edit, lines[:-1]), lines[-1]])


def _date_line(text: str, spell: Callable[[dt.date], str]) -> bytes | None:
    """``text`` with its date line rewritten by ``spell`` (``None`` without one)."""
    if not text.startswith(DATE_PREFIX):
        return None
    end = text.index("\n") + 1
    value = text[:end].removeprefix(DATE_PREFIX).removesuffix(DATE_SUFFIX)
    return (spell(dt.date.fromisoformat(value)) + "\n" + text[end:]).encode("utf-8")


def _cp1252(text: str) -> bytes | None:
    """The text in cp1252, where it can be, and where that is not valid UTF-8."""
    try:
        data = text.encode("cp1252")
        data.decode("utf-8")
    except UnicodeEncodeError:
        return None  # a character cp1252 lacks
    except UnicodeDecodeError:
        return data
    return None  # the same bytes as UTF-8 (ASCII), or UTF-8 by chance


# Signs that a text holds mojibake already: C1 controls (cp1252 bytes read as
# Latin-1), or the cp1252 reading of a UTF-8 lead byte before a continuation
# byte's reading or a space (a no-break space flattened upstream).
_GARBLED = re.compile("[\u0080-\u009f]|[\u00c2\u00c3][ \u00a0-\u00bf]|\u00e2\u20ac")


# cp1252 as the software that makes mojibake reads it: the five bytes cp1252
# leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d) pass through as Latin-1, so
# that ``”`` (e2 80 9d) becomes ``â€\x9d``.
_SLOPPY_CP1252 = {
    byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(256)
}


def _mojibake(text: str) -> bytes | None:
    """The text's UTF-8 read as cp1252 (``—`` as ``â€”``), written as UTF-8."""
    if text.isascii() or _GARBLED.search(text):
        return None  # nothing to garble, or garbled already
    return text.encode("utf-8").decode("latin-1").translate(_SLOPPY_CP1252).encode("utf-8")


@dataclasses.dataclass(frozen=True)
class Perturbation:
    """A change of the bytes that keeps the article's meaning."""

    name: str
    apply: Callable[[str], bytes | None]  # ``None``: does not apply to this text
    #: The change is one of encoding, which the parser must report.
    reported: bool = False
    dated_only: bool = False
    #: Applies only to a file whose own reading repaired no mojibake: text that
    #: already holds mojibake, garbled once more, is no longer a fair test.
    clean_only: bool = False
    #: Header fields the change adds to the article's metadata.
    adds: tuple[tuple[str, str], ...] = ()


#: English month names, whatever the locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _spelled(template: str) -> Callable[[str], bytes | None]:
    """Rewrite the date line as `` date VALUE NBSP``, VALUE from ``template``."""

    def spell(day: dt.date) -> str:
        value = template.format(
            year=day.year,
            month=f"{day.month:02}",
            day=f"{day.day:02}",
            d=day.day,
            name=MONTHS[day.month - 1],
        )
        return f"{DATE_PREFIX}{value} {NBSP}"

    return lambda text: _date_line(text, spell)


#: Header fields in the seed's own style, without a colon, as scraped files
#: carry them: each with its value.
BARE_HEADERS = (
    ("source", "Holdout Wire"),
    ("url", "https://example.org/news/2023/a-story"),
    ("author", "Jane Doe"),
    ("language", "en"),
    ("section", "World"),
)


def _with_headers(where: str, style: str) -> Callable[[str], bytes | None]:
    """Add `BARE_HEADERS` in ``style`` (a format of ``key`` and ``value``)
    ``before`` or ``after`` the date line (at the top of an undated file)."""
    lines = "".join(style.format(key=k, value=v) + "\n" for k, v in BARE_HEADERS)

    def apply(text: str) -> bytes:
        at = text.index("\n") + 1 if where == "after" and text.startswith(DATE_PREFIX) else 0
        return (text[:at] + lines + text[at:]).encode("utf-8")

    return apply


PERTURBATIONS = [
    Perturbation("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    Perturbation("cr", lambda t: t.replace("\n", "\r").encode("utf-8")),
    Perturbation("utf8-bom", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), reported=True),
    Perturbation("utf16-bom", lambda t: t.encode("utf-16"), reported=True),
    Perturbation("cp1252", _cp1252, reported=True),
    Perturbation("mojibake", _mojibake, reported=True, clean_only=True),
    Perturbation("trailing-tabs", lambda t: _lines(t, lambda line: line + " \t\t").encode()),
    # Scraped text often ends a line with a no-break space (``&nbsp;``), last or
    # before other layout.
    Perturbation("trailing-nbsp", lambda t: _lines(t, lambda line: line + f"\t{NBSP}").encode()),
    Perturbation(
        "trailing-nbsp-tab", lambda t: _lines(t, lambda line: line + f"{NBSP}\t").encode()
    ),
    Perturbation(
        "zero-width", lambda t: _lines(t, lambda line: f"\u200b{line}\u2060").encode("utf-8")
    ),
    Perturbation("blank-lines-doubled", lambda t: t.replace("\n\n", "\n\n\n").encode("utf-8")),
    Perturbation(
        "date-colon",
        lambda t: _date_line(t, lambda day: f"Date: {day.isoformat()}"),
        dated_only=True,
    ),
    Perturbation("date-slashes", _spelled("{year}/{month}/{day}"), dated_only=True),
    Perturbation("date-day-month-year", _spelled("{d} {name} {year}"), dated_only=True),
    Perturbation("date-month-day-year", _spelled("{name} {d}, {year}"), dated_only=True),
    Perturbation(
        "bare-headers-before", _with_headers("before", "{key} {value}"), adds=BARE_HEADERS
    ),
    Perturbation("bare-headers-after", _with_headers("after", "{key} {value}"), adds=BARE_HEADERS),
    # The seed's own layout without its no-break space, and tabs for spaces.
    Perturbation(
        "seed-style-headers", _with_headers("after", " {key} {value} "), adds=BARE_HEADERS
    ),
    Perturbation("tabbed-headers", _with_headers("before", "\t{key}\t{value}"), adds=BARE_HEADERS),
    Perturbation("colon-headers", _with_headers("before", "{key}: {value}"), adds=BARE_HEADERS),
]

CASES = [
    pytest.param(corpus, perturbation, id=f"{corpus}-{perturbation.name}")
    for perturbation in PERTURBATIONS
    for corpus in CORPORA
    if corpus in DATED or not perturbation.dated_only
]


def _mismatches_with_original(
    perturbation: Perturbation, original: Article, article: Article
) -> list[str]:
    expected = attrs.evolve(original, metadata={**original.metadata, **dict(perturbation.adds)})
    found = [
        _difference(field, getattr(expected, field), getattr(article, field))
        for field in ("headline", "date", "paragraphs", "images", "metadata", "id")
        if getattr(expected, field) != getattr(article, field)
    ]
    if not found and article != expected:
        found.append("the articles differ")
    # A diagnostic is new when its code comes more often than in the original.
    before = Counter(d.code for d in original.diagnostics)
    new = []
    for diagnostic in article.diagnostics:
        if before[diagnostic.code]:
            before[diagnostic.code] -= 1
        else:
            new.append(diagnostic)
    found += [f"new error: {d}" for d in new if d.severity == "error"]
    if perturbation.reported and not new:
        found.append("no diagnostic reports the change of encoding")
    return found


@needs_shared
@pytest.mark.parametrize(("corpus", "perturbation"), CASES)
def test_perturbed_corpus_reads_the_same(
    corpus: str,
    perturbation: Perturbation,
    rendered: dict[str, list[Rendered]],
    originals: dict[Path, Article | str],
) -> None:
    failures: dict[str, list[str]] = {}
    applied = 0
    for file in rendered[corpus]:
        original = originals[file.path]
        if isinstance(original, str):
            continue  # reported by test_corpus_reads_as_written
        if perturbation.clean_only and any(d.code == "mojibake" for d in original.diagnostics):
            continue
        data = perturbation.apply(file.text)
        if data is None:
            continue  # does not apply to this text
        applied += 1
        try:
            article = newsdoc.loads(data, id=original.id, extract=False)
        except Exception as error:
            failures[file.name] = [f"raised {type(error).__name__}: {error}"]
            continue
        problems = _mismatches_with_original(perturbation, original, article)
        if problems:
            failures[file.name] = problems
    assert applied, f"{perturbation.name} applies to no {corpus} file"
    _fail_with(corpus, perturbation.name, applied, failures)


# --- Extraction -------------------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_extraction_on_the_corpus_round_trips(
    corpus: str, rendered: dict[str, list[Rendered]], originals: dict[Path, Article | str]
) -> None:
    """Extraction on every real article: no exception, and what ``loads`` made
    (entities, quotes, dates and all) comes back from its text and its JSON."""
    failures: dict[str, list[str]] = {}
    for file in rendered[corpus]:
        original = originals[file.path]
        if isinstance(original, str):
            continue  # reported by test_corpus_reads_as_written
        try:
            article = newsdoc.extract(original)
            again = newsdoc.loads(newsdoc.dumps(article), id=article.id)
            decoded = newsdoc.from_json(newsdoc.to_json(article))
        except Exception as error:
            failures[file.name] = [f"raised {type(error).__name__}: {error}"]
            continue
        problems = [
            f"{what} differs after the round trip"
            for what, other in (("text", again), ("JSON", decoded))
            for field in ("entities", "quotes", "date_mentions")
            if getattr(other, field) != getattr(article, field)
        ]
        if problems:
            failures[file.name] = problems
    _fail_with(corpus, "extracted", len(rendered[corpus]), failures)
