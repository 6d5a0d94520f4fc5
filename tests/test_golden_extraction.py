"""Golden files pinning what extraction finds in real articles and in the sample.

Each ``tests/data/extraction/*.json`` names one article and holds the digest of its
extraction output (``tests/extraction_digest.py``: every entity, quote, date mention and
extraction diagnostic, spans as offsets within the headline, a caption, a credit or the
body) as the extractor gives it, written by ``tests/data/extraction/make_golden.py`` (first
from the code before the restructure of extraction, then again after each deliberate change,
whose differences the commit lists).  The test reads the same article
with the current code and requires the same digest; a mismatch is shown as a list of
differences (which entity, quote or date changed, with its text), each with its category
(``a``: new results in the headline, captions or credits; ``b``: a title dropped from a
person mention; ``c``: a dropped ``the``; ``d``: unexpected).

The articles come from the corpora in ``../shared`` (third-party text, never copied into
the project: a golden file holds names, offsets and hashes, no quote or paragraph text),
rendered by ``../shared/tools/to_seed_format.py`` with the options the golden file records,
once per session, and found by their ``doc_id`` in the tool's manifest; plus the sample
``seeds/000_5034f051d719ed27.txt``, whose golden file also holds the quotes' texts.  The
rendered text's hash is pinned too, so that a changed corpus or tool is told apart from a
changed extractor.

To accept a deliberate change, regenerate the files and review their diff::

    python tests/data/extraction/make_golden.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from tests.conftest import ROOT, SAMPLE
from tests.extraction_digest import (
    CATEGORIES,
    as_json,
    differences,
    digest,
    part_texts,
    short_hash,
)
from tests.test_corpus import CORPUS_ROOT, SHARED, TOOL, TOOL_OPTIONS, needs_shared

GOLDEN_DIR = Path(__file__).parent / "data" / "extraction"
#: The golden file of the sample; every other one names an article of the shared corpora.
SAMPLE_GOLDEN = GOLDEN_DIR / f"sample_{SAMPLE.stem}.json"
CORPUS_GOLDEN = sorted(p for p in GOLDEN_DIR.glob("*.json") if p != SAMPLE_GOLDEN)
#: How the golden files' generator renders a corpus (the options of ``tests/test_corpus.py``).
RENDER_OPTIONS = tuple(TOOL_OPTIONS)
#: How many differences a failing test lists.
SHOWN = 40

__all__ = [
    "CORPUS_GOLDEN",
    "GOLDEN_DIR",
    "RENDER_OPTIONS",
    "SAMPLE_GOLDEN",
    "dumps_golden",
    "read",
    "render",
]

#: ``(corpus, tool options)``: the rendered files of that corpus, by ``doc_id``, as
#: ``(file name, path)``.
Rendered = dict[tuple[str, tuple[str, ...]], dict[str, tuple[str, Path]]]


def read(path: Path) -> Any:
    """The article in the file at ``path``, read and extracted by the current code."""
    return newsdoc.read(path)


def render(groups: Iterable[tuple[str, tuple[str, ...]]], out: Path) -> Rendered:
    """Render each ``(corpus, options)`` into a folder of ``out``, all at once, with the tool."""
    running = []
    for number, (corpus, options) in enumerate(sorted(set(groups))):
        folder = out / f"{number}-{corpus}"
        command = [sys.executable, str(TOOL), corpus, "--out", str(folder)]
        command += ["--root", str(CORPUS_ROOT), *options]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        running.append((corpus, options, folder, process))
    rendered: Rendered = {}
    for corpus, options, folder, process in running:
        _, errors = process.communicate()
        assert process.returncode == 0, f"rendering {corpus} failed: {errors.decode()}"
        files = {}
        manifest = (folder / "manifest.jsonl").read_text(encoding="utf-8")
        for line in manifest.splitlines():
            entry = json.loads(line)
            files[entry["doc_id"]] = (entry["file"], folder / entry["file"])
        rendered[corpus, options] = files
    return rendered


def dumps_golden(data: dict[str, Any]) -> str:
    """A golden file's JSON: each entity, quote, date mention and diagnostic on one line."""
    lines = ["{"]
    for n, (key, value) in enumerate(data.items()):
        comma = "," if n < len(data) - 1 else ""
        if key != "digest":
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
            continue
        lines.append('  "digest": {')
        for m, (field, items) in enumerate(value.items()):
            inner = "," if m < len(value) - 1 else ""
            if not items:
                lines.append(f"    {json.dumps(field)}: []{inner}")
                continue
            lines.append(f"    {json.dumps(field)}: [")
            rows = [json.dumps(item, ensure_ascii=False) for item in as_json(items)]
            lines += [f"      {row}," for row in rows[:-1]] + [f"      {rows[-1]}"]
            lines.append(f"    ]{inner}")
        lines.append(f"  }}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _check(name: str, golden: dict[str, Any], article: Any, texts: bool) -> None:
    """Fail, listing the differences, unless ``article``'s digest is the golden one."""
    found = as_json(digest(article, texts=texts))
    if found == golden["digest"]:
        return
    changes = differences(golden["digest"], found, part_texts(article), full=texts)
    counts = {c: sum(d.category == c for d in changes) for c in CATEGORIES}
    summary = ", ".join(f"{counts[c]} {c}" for c in CATEGORIES if counts[c])
    lines = [f"  ({d.category}) {d.message}" for d in changes[:SHOWN]]
    if len(changes) > SHOWN:
        lines.append(f"  ... and {len(changes) - SHOWN} more")
    legend = "\n".join(f"  {c}: {what}" for c, what in CATEGORIES.items())
    pytest.fail(
        f"{name}: the extraction output differs from the golden file "
        f"({len(changes)} differences: {summary})\n" + "\n".join(lines) + "\n"
        f"categories:\n{legend}\n"
        "if the change is deliberate: python tests/data/extraction/make_golden.py",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def rendered_golden(tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    """The corpora the golden files name, each rendered once with its recorded options."""
    groups = set()
    for path in CORPUS_GOLDEN:
        source = _load(path)["source"]
        groups.add((source["corpus"], tuple(source["tool_options"])))
    return render(groups, tmp_path_factory.mktemp("extraction"))


def test_the_golden_files_are_there() -> None:
    assert SAMPLE_GOLDEN.is_file(), f"missing {SAMPLE_GOLDEN}"
    corpora = {_load(path)["source"]["corpus"] for path in CORPUS_GOLDEN}
    assert corpora == {"bbc", "gum", "polnear", "re3d", "reuters"}


def test_sample_extraction() -> None:
    golden = _load(SAMPLE_GOLDEN)
    assert golden["source"]["path"] == SAMPLE.relative_to(ROOT).as_posix()
    assert short_hash(SAMPLE.read_text(encoding="utf-8")) == golden["source"]["text_sha1"], (
        "the sample changed: regenerate its golden file"
    )
    _check(SAMPLE.name, golden, read(SAMPLE), texts=True)


@pytest.mark.corpus
@needs_shared
@pytest.mark.parametrize("path", CORPUS_GOLDEN, ids=[p.stem for p in CORPUS_GOLDEN])
def test_corpus_extraction(path: Path, rendered_golden: Rendered) -> None:
    golden = _load(path)
    source = golden["source"]
    files = rendered_golden[source["corpus"], tuple(source["tool_options"])]
    name = f"{source['corpus']}/{source['file']}"
    assert source["doc_id"] in files, (
        f"{name}: the tool no longer writes {source['doc_id']!r} (in {SHARED})"
    )
    file, file_path = files[source["doc_id"]]
    text = file_path.read_text(encoding="utf-8")
    assert (file, short_hash(text)) == (source["file"], source["text_sha1"]), (
        f"{name}: the rendered input changed (the corpus or the tool did, not the "
        f"extractor): now {file} with text {short_hash(text)}; regenerate the golden files"
    )
    _check(name, golden, read(file_path), texts=False)
