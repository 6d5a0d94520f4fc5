"""Write the golden files of ``tests/test_golden_extraction.py``, one per article.

Usage, from the project root::

    python tests/data/extraction/make_golden.py            # with the installed newsdoc
    PYTHONPATH=/path/to/old/src python tests/data/extraction/make_golden.py

It renders the corpora of ``../shared`` that `ARTICLES` draws from (with the options of
``tests/test_corpus.py``), reads each article with whichever ``newsdoc`` Python imports
(it says which), and writes ``CORPUS_FILE-STEM.json`` holding where the article comes from
and the digest of its extraction output, plus ``sample_000_5034f051d719ed27.json`` for the
project's sample (with its quotes' texts).  Review the diff before committing: the files
pin the extractor's output.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

import newsdoc  # noqa: E402
from tests.conftest import SAMPLE  # noqa: E402
from tests.extraction_digest import digest, short_hash  # noqa: E402
from tests.test_golden_extraction import (  # noqa: E402
    GOLDEN_DIR,
    RENDER_OPTIONS,
    SAMPLE_GOLDEN,
    dumps_golden,
    read,
    render,
)

#: The articles pinned, by corpus and the tool's ``doc_id``, and why each.
ARTICLES = [
    # PolNeAR dev (gold quote attributions), the most quotes; two with many "the" mentions.
    ("polnear", "breitbart_2016-09-30_the-latest-trump-urges-supporter"),
    ("polnear", "nyt_2016-09-08_obama-on-climate-change-the-tren"),
    ("polnear", "wash-post_2016-09-10_outrage-but-few-options-on-the-t"),
    ("polnear", "west-journal_2016-10-04_railing-against-trump-sanders-vo"),
    ("polnear", "huff-post_2016-10-07_ava-duvernay-s-th-explores-the-e"),
    # PolNeAR train: many quotes and titled speakers.
    ("polnear", "wash-post_2016-07-15_thin-skinned-trump-quells-critic"),
    # GUM news (Wikinews): quotes, titles, names in the headline.
    ("gum", "GUM_news_questionnaire"),
    ("gum", "GUM_news_hackers"),
    ("gum", "GUM_news_iodine"),
    ("gum", "GUM_news_afghan"),
    # re3d: BBC Online with many quotes and titles, a Wikipedia article.
    ("re3d", "BBC Online/55AE94FC6D11B6BC1A89A144F6BA49FF"),
    ("re3d", "BBC Online/AEBFCD2500E5B57C7C416020C270EA5A"),
    ("re3d", "Wikipedia/7EA8D40D4CBE1191B91C9B3503A07338"),
    # BBC News: sport with many quotes, politics with many titles, entertainment.
    ("bbc", "sport/235"),
    ("bbc", "politics/027"),
    ("bbc", "entertainment/122"),
    # Reuters-21578: titled executives, a "the" mention, many dates.
    ("reuters", "newid-419"),
    ("reuters", "newid-230"),
    ("reuters", "newid-335"),
]


def main() -> int:
    print(f"newsdoc: {newsdoc.__file__}", file=sys.stderr)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        groups = {(corpus, RENDER_OPTIONS) for corpus, _ in ARTICLES}
        rendered = render(groups, Path(tmp))
        for corpus, doc_id in ARTICLES:
            file, path = rendered[corpus, RENDER_OPTIONS][doc_id]
            source = {
                "corpus": corpus,
                "doc_id": doc_id,
                "file": file,
                "tool_options": list(RENDER_OPTIONS),
                "text_sha1": short_hash(path.read_text(encoding="utf-8")),
            }
            golden = {"source": source, "digest": digest(read(path))}
            target = GOLDEN_DIR / f"{corpus}_{Path(file).stem}.json"
            target.write_text(dumps_golden(golden), encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}", file=sys.stderr)
    source = {
        "path": SAMPLE.relative_to(ROOT).as_posix(),
        "text_sha1": short_hash(SAMPLE.read_text(encoding="utf-8")),
    }
    golden = {"source": source, "digest": digest(read(SAMPLE), texts=True)}
    SAMPLE_GOLDEN.write_text(dumps_golden(golden), encoding="utf-8")
    print(f"wrote {SAMPLE_GOLDEN.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
