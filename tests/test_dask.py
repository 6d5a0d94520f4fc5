"""newsdoc.dask on a real (local) cluster: two worker processes, one per core.

The bag must hold what `newsdoc.corpus.read_records` gives for the same
inputs, in the same order; bad inputs become error records; a worker killed
in the middle of a run costs a retry, never a record lost or doubled.  The
cluster starts once for the module (a few seconds).
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import signal
import subprocess
import sys
import tarfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")

import attrs
import dask.bag as db
import fsspec  # type: ignore[import-untyped, unused-ignore]
from distributed import Client, LocalCluster

import newsdoc
from newsdoc import Article
from newsdoc.corpus import Record, RecordError, read_records
from newsdoc.dask import read_articles, to_dataframe, to_parquet
from newsdoc.extraction import extract

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_5034f051d719ed27.txt"

#: Invented articles: date, headline, paragraphs.
STORIES = [
    (
        "2024-03-02",
        "Harbour ferry returns after winter repairs",
        [
            "The Kellin Sound ferry resumed service on Saturday after three months in dry dock.",
            "“We are glad to be back on the water,” said captain Ida Marsh.",
        ],
    ),
    (
        "2024-03-05",
        "Library extends opening hours for exam season",
        [
            "The Northgate library will stay open until midnight from Monday.",
            "Students had asked for longer hours in a petition signed by 2,000 people.",
        ],
    ),
    (
        "2024-03-07",
        "Council approves new cycle lanes",
        [
            "Councillors voted 14 to 3 on Thursday to build cycle lanes on Mill Road.",
            "Work is due to start in May, the council said.",
        ],
    ),
    (
        "2024-03-11",
        "Orchard growers fear late frost",
        [
            "Growers in the Varn valley said a frost next week could cost them half the apples.",
        ],
    ),
    (
        "2024-03-12",
        "Museum finds lost map in its basement",
        [
            "A hand-drawn map of the old town, thought lost since 1931, was found in a crate.",
            "Curator Tomas Riel said: “It was wrapped in newspaper from the same year.”",
        ],
    ),
    (
        "2024-03-15",
        "Bakery wins regional bread prize",
        [
            "A family bakery in Hollin took first place for its rye loaf on Friday.",
        ],
    ),
    (
        "2024-03-18",
        "Storm closes coastal road",
        [
            "The coastal road between Esk and Parrow was closed on Monday after a landslip.",
            "Police said it would stay shut until engineers had checked the cliff.",
        ],
    ),
    (
        "2024-03-20",
        "School choir to sing at national final",
        [
            "The choir of St Aldric's school will sing in the national final in April.",
        ],
    ),
]
#: The word in the article that kills a worker (`KillOnce`).
KILL_WORD = "Zanzibarite"


def seed_text(date: str, headline: str, paragraphs: list[str]) -> str:
    """An article in the seed format."""
    return f" date {date} \u00a0\n{headline}\n\n" + "".join(f"{p}\n\n" for p in paragraphs)


def texts() -> list[str]:
    """The `STORIES` in the seed format."""
    return [seed_text(*story) for story in STORIES]


@attrs.frozen
class KillOnce:
    """An extractor that kills the worker process running it (SIGKILL, as the
    out-of-memory killer does) at the first article holding `KILL_WORD`, if it
    claims the marker file first: one worker dies, once, in the whole run."""

    marker: str

    def __call__(self, article: Article, /) -> Article:
        if KILL_WORD in article.text and self._claim():
            os.kill(os.getpid(), signal.SIGKILL)
        return extract(article)

    def _claim(self) -> bool:
        try:
            os.rename(self.marker, f"{self.marker}.claimed")  # atomic: one winner
        except FileNotFoundError:
            return False
        return True


@attrs.frozen
class FailOn:
    """An extractor that raises at every article holding ``word``."""

    word: str

    def __call__(self, article: Article, /) -> Article:
        if self.word in article.text:
            raise RuntimeError("the extractor broke")
        return extract(article)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A cluster of two worker processes, one thread each, for the whole module."""
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # Its HTTP server (metrics) on a free port: 8787 may be another cluster's.
            scheduler_kwargs={"dashboard_address": ":0"},
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as connected,  # type: ignore[no-untyped-call]
    ):
        yield connected


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of every kind of input: seed texts (nested), the real sample,
    a gzipped text, JSON Lines, a zip and a tar.gz archive, and a README that
    is passed over."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "2024" / "03").mkdir(parents=True)
    stories = texts()
    for number, text in enumerate(stories[:4]):
        (root / "2024" / "03" / f"story-{number}.txt").write_text(text, encoding="utf-8")
    (root / "sample.txt").write_bytes(SAMPLE.read_bytes())
    (root / "story-4.txt.gz").write_bytes(gzip.compress(stories[4].encode("utf-8")))
    lines = [newsdoc.to_json(newsdoc.loads(text)).decode("utf-8") for text in stories[5:7]]
    (root / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with zipfile.ZipFile(root / "pack.zip", "w") as archive:
        archive.writestr("a/story-7.txt", stories[7])
        archive.writestr("b/story-0.txt", stories[0])
    _tar(root / "pack.tar.gz", {"story-1.txt": stories[1].encode("utf-8")})
    (root / "README").write_text("not an input\n", encoding="utf-8")
    return root


def _tar(path: Path, members: dict[str, bytes]) -> None:
    """A gzipped tar archive of ``members`` (name -> bytes)."""
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def computed(bag: db.Bag, **options: str) -> list[Record]:
    """The records of a bag, computed on the cluster (unless ``options`` say otherwise)."""
    records: list[Record] = bag.compute(**options)  # type: ignore[no-untyped-call]
    return records


def _sources(records: list[Record]) -> list[str]:
    return [str(record.source) for record in records]


# -- The bag ----------------------------------------------------------------


def test_a_directory_gives_what_read_records_gives(client: Client, corpus: Path) -> None:
    bag = read_articles(corpus, files_per_partition=2)
    records = computed(bag)
    assert records == list(read_records(str(corpus)))
    assert bag.npartitions == 5  # 9 input files, 2 a partition
    assert all(record.ok for record in records)
    assert len(records) == 11  # 4 + sample + gz + 2 lines + 2 in the zip + 1 in the tar
    assert _sources(records)[:3] == [
        f"{corpus}/more.jsonl:1",
        f"{corpus}/more.jsonl:2",
        f"{corpus}/pack.tar.gz[story-1.txt]",
    ]


def test_lists_patterns_and_relative_paths_name_records_as_read_records_does(
    client: Client, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus)
    paths = ["**/*.txt", "pack.zip", "2024/"]
    records = computed(read_articles(paths, files_per_partition=3))
    assert records == list(read_records(paths))
    assert "2024/03/story-0.txt" in _sources(records)


def test_bad_inputs_give_error_records_and_every_good_one_once(
    client: Client, tmp_path: Path
) -> None:
    stories = texts()
    for number, text in enumerate(stories):
        (tmp_path / f"good-{number}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "corrupt.zip").write_bytes(b"PK\x03\x04 this is no zip archive")
    (tmp_path / "bad.jsonl").write_text('{"headline": 3}\nnot json\n', encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "missing.txt"), str(tmp_path / "none-*.txt")]
    records = computed(read_articles(paths, files_per_partition=3, strict=True))

    expected = list(read_records(paths, strict=True))
    assert _sources(records) == _sources(expected)
    assert [r for r in records if r.ok] == [r for r in expected if r.ok]
    errors = {str(r.source): r.error.code for r in records if r.error is not None}
    assert errors == {str(r.source): r.error.code for r in expected if r.error is not None}
    assert errors == {
        f"{tmp_path}/bad.jsonl:1": "invalid-json",
        f"{tmp_path}/bad.jsonl:2": "invalid-json",
        f"{tmp_path}/binary.txt": "not-seed-format",
        f"{tmp_path}/corrupt.zip": "unreadable",
        f"{tmp_path}/empty.txt": "empty-input",
        f"{tmp_path}/missing.txt": "not-found",
        f"{tmp_path}/none-*.txt": "no-input",
    }
    good = Counter(str(r.source) for r in records if r.ok)
    assert good == Counter(f"{tmp_path}/good-{n}.txt" for n in range(len(stories)))


def test_an_extractor_that_raises_gives_failed_records(client: Client, corpus: Path) -> None:
    records = computed(read_articles(corpus, files_per_partition=4, extract=FailOn("Kellin")))
    assert _sources(records) == _sources(list(read_records(str(corpus))))
    failed = {str(r.source): r.error for r in records if r.error is not None}
    assert failed == {
        f"{corpus}/2024/03/story-0.txt": RecordError("failed", "RuntimeError: the extractor broke"),
        f"{corpus}/pack.zip[b/story-0.txt]": RecordError(
            "failed", "RuntimeError: the extractor broke"
        ),
    }


def test_urls_keep_their_protocol_in_the_sources() -> None:
    memory = fsspec.filesystem("memory")  # in this process only: no cluster here
    stories = [text.encode("utf-8") for text in texts()]
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("x.txt", stories[2])
    memory.pipe(
        {
            "/newsdoc-test/a/1.txt": stories[0],
            "/newsdoc-test/a/sub/2.txt.gz": gzip.compress(stories[1]),
            "/newsdoc-test/b.zip": archive.getvalue(),
        }
    )
    urls = ["memory://newsdoc-test/a/", "memory://newsdoc-test/*.zip", "memory://newsdoc-test/c"]
    try:
        records = computed(read_articles(urls), scheduler="sync")
    finally:
        memory.rm("/newsdoc-test", recursive=True)
    assert _sources(records) == [
        "memory://newsdoc-test/a/1.txt",
        "memory://newsdoc-test/a/sub/2.txt.gz",
        "memory://newsdoc-test/b.zip[x.txt]",
        "memory://newsdoc-test/c",
    ]
    assert [r.article.headline if r.article else r.error for r in records] == [
        STORIES[0][1],
        STORIES[1][1],
        STORIES[2][1],
        RecordError("not-found", "no such file or directory"),
    ]


def test_max_size_reaches_the_workers(client: Client, corpus: Path) -> None:
    records = computed(read_articles(corpus / "sample.txt", max_size=100))
    assert [r.error.code if r.error else None for r in records] == ["too-large"]


def test_files_per_partition_must_be_a_positive_int() -> None:
    with pytest.raises(ValueError, match="files_per_partition"):
        read_articles("x", files_per_partition=0)
    with pytest.raises(TypeError, match="files_per_partition"):
        read_articles("x", files_per_partition=2.5)  # type: ignore[arg-type]


def test_a_worker_killed_mid_run_loses_no_record(client: Client, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    stories = texts()
    for number in range(24):
        text = stories[number % len(stories)]
        if number == 11:
            text = text.replace("\n\n", f"\n\nThe {KILL_WORD} said nothing.\n\n", 1)
        (corpus / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    marker = tmp_path / "kill-marker"
    marker.touch()

    bag = read_articles(corpus, files_per_partition=4, extract=KillOnce(str(marker)))
    records = computed(bag)

    assert not marker.exists()  # claimed: a worker did die
    assert (tmp_path / "kill-marker.claimed").exists()
    assert records == list(read_records(str(corpus)))
    assert Counter(_sources(records)) == Counter(str(p) for p in corpus.iterdir())


def test_without_dask_the_import_error_says_what_to_install() -> None:
    code = "import sys; sys.modules['dask'] = None; import newsdoc.dask"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert 'pip install "newsdoc[dask]"' in run.stderr


# -- DataFrames and Parquet -------------------------------------------------


def test_to_dataframe_has_a_row_per_record_and_the_schema_columns(
    client: Client, corpus: Path
) -> None:
    from newsdoc.corpus.arrow import SCHEMA

    frame = to_dataframe(read_articles(corpus, files_per_partition=4))
    assert list(frame.columns) == SCHEMA.names
    assert frame.npartitions == 3
    rows = frame.compute()  # type: ignore[no-untyped-call]
    assert len(rows) == 11
    assert list(rows.columns) == SCHEMA.names


def test_to_parquet_writes_a_dataset_that_reads_back_as_the_records(
    client: Client, corpus: Path, tmp_path: Path
) -> None:
    from newsdoc.corpus.arrow import read_parquet

    bag = read_articles(corpus, files_per_partition=4)
    written = to_parquet(bag, tmp_path / "out")
    assert [Path(p).name for p in written] == [f"part-{n:05d}.parquet" for n in range(3)]
    assert sorted(os.listdir(tmp_path / "out")) == [Path(p).name for p in written]
    records = [record for path in written for record in read_parquet(path)]
    assert records == list(read_records(str(corpus)))

    with pytest.raises(FileExistsError):
        to_parquet(bag, tmp_path / "out")
    assert to_parquet(bag, tmp_path / "out", overwrite=True) == written


def test_the_parquet_dataset_reads_as_one_table(
    client: Client, corpus: Path, tmp_path: Path
) -> None:
    import pyarrow.dataset  # type: ignore[import-untyped, unused-ignore]

    to_parquet(read_articles(corpus, files_per_partition=4), tmp_path / "out")
    assert pyarrow.dataset.dataset(tmp_path / "out").count_rows() == 11
    duckdb = pytest.importorskip("duckdb")
    query = f"select count(*), count(headline) from read_parquet('{tmp_path}/out/*.parquet')"
    assert duckdb.sql(query).fetchall() == [(11, 11)]
