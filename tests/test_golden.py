"""Golden files: every field of each valid file, every error of each invalid one.

``tests/data/valid/NAME.txt`` is parsed and compared with ``NAME.json``: the
article as ``to_dict`` gives it, plus its diagnostics.  ``tests/data/invalid/
NAME.txt`` must fail under ``strict=True`` with exactly the error pinned in
``NAME.err``.  Set ``NEWSDOC_UPDATE_GOLDEN=1`` to rewrite the expected files
after a deliberate change, then review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import newsdoc

DATA = Path(__file__).parent / "data"
VALID = sorted((DATA / "valid").glob("*.txt"))
INVALID = sorted((DATA / "invalid").glob("*.txt"))
UPDATE = os.environ.get("NEWSDOC_UPDATE_GOLDEN") == "1"


def observed(path: Path) -> dict[str, Any]:
    # Structure only: the sample's extraction is pinned in test_extract.py.
    article = newsdoc.read(path, extract=False)
    return {
        "article": newsdoc.to_dict(article),
        "diagnostics": [str(d) for d in article.diagnostics],
    }


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid(path: Path) -> None:
    expected_path = path.with_suffix(".json")
    result = observed(path)
    if UPDATE:
        expected_path.write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert result == expected
    # Each valid file also reads under strict=True (it holds no error).
    newsdoc.read(path, strict=True, extract=False)


def test_the_sample_is_among_the_golden_files() -> None:
    sample = Path(__file__).parent.parent / "seeds" / "000_5034f051d719ed27.txt"
    golden = DATA / "valid" / sample.name
    assert golden.read_bytes() == sample.read_bytes()


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid(path: Path) -> None:
    expected_path = path.with_suffix(".err")
    with pytest.raises(newsdoc.ParseError) as info:
        newsdoc.read(path, strict=True)
    error = info.value
    result = f"{error.code} {error.pos} {error.lineno}:{error.colno} {error}\n"
    if UPDATE:
        expected_path.write_text(result, encoding="utf-8")
    assert result == expected_path.read_text(encoding="utf-8")
    # Lenient reading returns the article and reports the same error.
    article = newsdoc.read(path)
    assert any(d.code == error.code and d.pos == error.pos for d in article.errors)
