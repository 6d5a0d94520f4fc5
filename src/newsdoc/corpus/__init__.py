"""Corpora: many articles in, one typed record per article out, nothing lost.

`read_records` reads files, directories (recursively), glob patterns, zip and
tar archives, JSON Lines of newsdoc JSON (gzip or not) and standard input,
and yields one `Record` per article: its `Source` (path, archive member,
line), the `Article` and its diagnostics, or a `RecordError` saying why that
input gave no article.  A bad input never stops a run, and the order is
always the same.  `JsonlWriter` writes records to JSON Lines; the Arrow and
Parquet writers are in `newsdoc.corpus.arrow` (extra ``arrow``).  `CorpusStats`
sums a corpus up, `plot_stats` draws it (extra ``plot``), and
`exact_duplicates` and `near_duplicates` (extra ``dedupe``) find the same story
saved twice.

``docs/corpus.md`` has the record format, the commands and the guarantees.
"""

from newsdoc.corpus._atomic import AtomicFile, OutputError
from newsdoc.corpus._dedupe import (
    ExactDuplicates,
    NearDuplicates,
    exact_duplicates,
    near_duplicates,
)
from newsdoc.corpus._jsonl import JsonlWriter, encode_lines
from newsdoc.corpus._plot import plot_stats
from newsdoc.corpus._records import (
    Record,
    RecordError,
    Source,
    content_hash,
    decode_record,
    encode_record,
)
from newsdoc.corpus._run import read_records
from newsdoc.corpus._sources import INPUT_SUFFIXES
from newsdoc.corpus._stats import CorpusStats

__all__ = [
    "INPUT_SUFFIXES",
    "AtomicFile",
    "CorpusStats",
    "ExactDuplicates",
    "JsonlWriter",
    "NearDuplicates",
    "OutputError",
    "Record",
    "RecordError",
    "Source",
    "content_hash",
    "decode_record",
    "encode_lines",
    "encode_record",
    "exact_duplicates",
    "near_duplicates",
    "plot_stats",
    "read_records",
]
