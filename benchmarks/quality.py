"""Measure the extractor against gold data: entities (GUM, re3d), quotes (PolNeAR dev).

Usage::

    python benchmarks/quality.py                      # render the corpora to a temp dir
    python benchmarks/quality.py --rendered DIR       # reuse DIR/{gum,re3d,polnear}
    python benchmarks/quality.py --json out.json      # also write the figures as JSON
    python benchmarks/quality.py --errors gum         # print misses and false alarms

The corpora are third-party text kept outside the project (``../shared/corpus``);
they are rendered into the seed format with ``../shared/tools/to_seed_format.py
NAME --gold -n 0``.  Gold offsets count in the rendered file; they are mapped into
``article.text`` through the parsed article's source map.  ``--scope body`` leaves out
the gold and the predictions outside the body (the headline), as the measure did
before the whole text was read.

Entities (types PERSON, ORG, PLACE; our ORGANIZATION counts as ORG, other kinds are
not scored; a mention is typed by its own kind where it has one, ``Mention.kind``, else
by its entity's):

* GUM: the gold mentions its renderer marks ``named`` (a Wikipedia identity or a
  proper-noun token).  Also reported: the same with re3d's name filter (below).
* re3d: named mentions only: a gold mention is kept where, after any leading
  determiners and possessives, a capitalised word follows; a mention that is only a
  pronoun (``We``, ``He``) is not a name and is dropped too.
* *exact*: same type and the same span, after trimming from the gold span a leading
  determiner or possessive (``the Catholic Church``) and a trailing possessive
  ``'s`` (GUM and re3d mark noun phrases; names are scored without them).
  *exact-raw* compares the spans untouched.
* *overlap*: a prediction is right when it overlaps a gold mention of its type; a
  gold mention is found when a prediction of its type overlaps it.

Quotes (PolNeAR dev, the first annotator's file per document): gold = attribution
contents holding a quote mark (direct quotes).  Content precision: predicted
quotes overlapping any gold content; recall: direct-quote contents overlapped by a
predicted quote.  Speaker accuracy (the older, looser measure), over the found gold
quotes that name a source: the predicted speaker span overlaps the gold source, or the
predicted entity has a mention overlapping it or its name or an alias appears in it.

Speaker identity (the measure that counts), as ``speakers-dev.jsonl``'s README defines
it: over the gold direct quotes whose speaker has a real-world referent, the share for
which a predicted quote overlapping the gold content resolves (``Article.speaker_of``) to
an entity whose name or an alias is one of the quote's ``accept`` forms (case-folded,
full stops and a leading "the" ignored).  A speaker mention that overlaps the gold source
but resolves to the wrong person counts as wrong.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from typing import Any

from newsdoc._model import Article, EntityKind
from newsdoc._reader import loads
from newsdoc.extraction import extract

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))
TYPES = ("PERSON", "ORG", "PLACE")
KIND_LABEL = {
    EntityKind.PERSON: "PERSON",
    EntityKind.ORGANIZATION: "ORG",
    EntityKind.PLACE: "PLACE",
}
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "whose",
        "some",
        "any",
        "every",
        "each",
        "another",
    ]
)
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "myself",
        "ourselves",
        "yourself",
        "himself",
        "herself",
        "itself",
        "themselves",
        "here",
        "there",
        "this",
        "that",
        "these",
        "those",
        "who",
        "whom",
        "which",
    ]
)

Span = tuple[int, int]


# ------------------------------------------------------------------ loading


def render(name: str, out: str, tool: str, root: str | None) -> None:
    """Render corpus ``name`` with gold into ``out`` (PolNeAR: the dev split)."""
    cmd = [sys.executable, tool, name, "--gold", "-n", "0", "--out", out]
    if name == "polnear":
        cmd += ["--split", "dev"]
    if root:
        cmd += ["--root", root]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


#: Which documents to score: 0 all, 1 the first half (files 0, 2, 4, ...), 2 the other.
HALF = 0


def documents(folder: str) -> Iterator[tuple[str, Article, dict[str, Any]]]:
    """``(path, extracted article, gold)`` for each rendered file in ``folder``."""
    paths = sorted(glob.glob(os.path.join(folder, "*.txt")))
    if HALF:
        paths = paths[HALF - 1 :: 2]
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fp:
            text = fp.read()
        with open(path[:-4] + ".gold.json", encoding="utf-8") as fp:
            gold = json.load(fp)
        yield path, extract(loads(text)), gold


#: What is scored: "text", the whole article (headline, captions, credits and body), or
#: "body", the body alone (gold and predictions in the headline left out), the measure
#: of the versions before the whole text was read.  "auto" scores each corpus on what
#: its gold annotates: GUM and PolNeAR annotate their headlines, re3d's gold never
#: covers a headline (0 of 53 documents), so re3d is scored on the body.
SCOPE = "auto"
_BODY_ONLY = frozenset({"re3d"})


def scope_of(corpus: str) -> str:
    if SCOPE != "auto":
        return SCOPE
    return "body" if corpus in _BODY_ONLY else "text"


class TextMap:
    """Maps offsets in the rendered file to offsets in ``article.text``."""

    def __init__(self, article: Article, scope: str) -> None:
        source = article.source
        assert source is not None
        parts = source.parts
        self.items: list[tuple[int, int, int]] = []  # (file offset, length, text offset)
        pieces = [article.headline]
        starts = [parts.headline]
        for index, image in enumerate(article.images):
            pieces.append(image.caption)
            starts.append(parts.images[index])
            if image.credit is not None:
                pieces.append(image.credit)
                starts.append(parts.credits[index])
        if scope == "text":
            for part, piece, start in zip(article.parts, pieces, starts, strict=False):
                if start is not None:
                    self.items.append((start, len(piece), part.start))
        body_pos = article.body_start
        for index, paragraph in enumerate(article.paragraphs):
            self.items.append((parts.paragraphs[index], len(paragraph), body_pos))
            body_pos += len(paragraph) + 2
        self.first = 0 if scope == "text" else article.body_start

    def scored(self, start: int) -> bool:
        """True for a predicted span starting at ``start`` inside the scored scope."""
        return start >= self.first

    def span(self, start: int, end: int) -> Span | None:
        """The text span of file span ``[start, end)``, if it lies in one part or paragraph."""
        for file_pos, length, body_pos in self.items:
            if file_pos <= start and end <= file_pos + length:
                return body_pos + start - file_pos, body_pos + end - file_pos
        return None

    def spans(self, spans: list[list[int]]) -> list[Span]:
        out = []
        for start, end in spans:
            mapped = self.span(start, end)
            if mapped is not None:
                out.append(mapped)
        return out


# ----------------------------------------------------------------- entities


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


def is_named(text: str) -> bool:
    """re3d's name filter: a capitalised word after any determiners and possessives."""
    words = _words(text)
    i = 0
    while i < len(words) and (words[i].lower() in DETERMINERS or words[i].endswith(("'s", "’s"))):
        i += 1
    if i == len(words):
        return False
    word = words[i]
    if len(words) == i + 1 and word.lower().strip(".,'’") in PRONOUNS:
        return False
    return word[:1].isupper() or word[:1].isdigit()


def trim(body: str, start: int, end: int) -> Span:
    """A gold span without a leading determiner/possessive or a trailing possessive."""
    text = body[start:end]
    while True:
        first, _, rest = text.partition(" ")
        if rest and first.lower() in DETERMINERS:
            start += len(first) + 1
            text = rest
            continue
        break
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix):
            end -= len(suffix)
            text = text[: -len(suffix)]
            break
    return start, end


class PRF:
    """Counts for precision, recall and F1."""

    def __init__(self) -> None:
        self.tp_pred = 0
        self.n_pred = 0
        self.tp_gold = 0
        self.n_gold = 0

    def add(self, tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> None:
        self.tp_pred += tp_pred
        self.n_pred += n_pred
        self.tp_gold += tp_gold
        self.n_gold += n_gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float | int]:
        return {
            "p": round(self.precision, 3),
            "r": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "pred": self.n_pred,
            "gold": self.n_gold,
        }


def _where(path: str, span: Span) -> str:
    return f"{os.path.basename(path)}@{span[0]}"


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_entities(
    folder: str, corpus: str, errors: bool
) -> dict[str, dict[str, dict[str, float | int]]]:
    """Entity figures for one rendered corpus (per type and micro-averaged)."""
    variants = ("exact", "exact-raw", "overlap", "untyped-overlap")
    filters = ("named",) if corpus == "re3d" else ("named", "named+capitalised")
    results: dict[str, dict[str, PRF]] = {
        f"{flt}/{var}": {t: PRF() for t in (*TYPES, "all")} for flt in filters for var in variants
    }
    for path, article, gold in documents(folder):
        body = article.text
        bmap = TextMap(article, scope_of(corpus))
        preds: list[tuple[Span, str]] = []
        for entity in article.entities:
            for m in entity.mentions:
                # A mention's own kind, where it differs from its entity's (`Mention.kind`).
                label = KIND_LABEL.get(m.kind or entity.kind)
                if label is not None and bmap.scored(m.start):
                    preds.append(((m.start, m.end), label))
        for flt in filters:
            golds: list[tuple[Span, Span, str]] = []  # (raw span, trimmed span, label)
            for item in gold["entities"]:
                label = item["label"]
                if label not in TYPES:
                    continue
                if corpus == "gum" and not item["named"]:
                    continue
                if (corpus == "re3d" or flt == "named+capitalised") and not is_named(item["text"]):
                    continue
                span = bmap.span(item["start"], item["end"])
                if span is None:
                    continue
                golds.append((span, trim(body, *span), label))
            for var in variants:
                table = results[f"{flt}/{var}"]
                for label in (*TYPES, "all"):
                    if var == "untyped-overlap" and label != "all":
                        continue
                    typed = var != "untyped-overlap"
                    p = [s for s, lab in preds if label == "all" or lab == label]
                    g = [(raw, tr, lab) for raw, tr, lab in golds if label == "all" or lab == label]
                    tp_pred = tp_gold = 0
                    show = errors and var == "overlap" and flt == "named" and label == "all"
                    for span, lab in ((s, lab) for s, lab in preds if label in ("all", lab)):
                        cands = [x for x in golds if not typed or x[2] == lab]
                        if var == "exact":
                            ok = any(span in (tr, raw) for raw, tr, _ in cands)
                        elif var == "exact-raw":
                            ok = any(span == raw for raw, _, _ in cands)
                        else:
                            ok = any(_overlaps(span, raw) for raw, _, _ in cands)
                        tp_pred += ok
                        if show and not ok:
                            print(f"FP {lab:6} {body[span[0] : span[1]]!r}  {_where(path, span)}")
                    for raw, tr, lab in g:
                        found = [s for s, plab in preds if not typed or plab == lab]
                        if var == "exact":
                            ok = any(s in (tr, raw) for s in found)
                        elif var == "exact-raw":
                            ok = any(s == raw for s in found)
                        else:
                            ok = any(_overlaps(s, raw) for s in found)
                        tp_gold += ok
                        if show and not ok:
                            other = [
                                f"{body[s[0] : s[1]]}/{plab}"
                                for s, plab in preds
                                if _overlaps(s, raw)
                            ]
                            print(
                                f"FN {lab:6} {body[raw[0] : raw[1]]!r} {other} {_where(path, raw)}"
                            )
                    table[label].add(tp_pred, len(p), tp_gold, len(g))
    return {key: {t: prf.row() for t, prf in table.items()} for key, table in results.items()}


# ------------------------------------------------------------------- quotes


def load_referents(path: str) -> dict[tuple[str, str], dict[str, Any]]:
    """``speakers-dev.jsonl`` keyed by (rendered file name, brat relation id)."""
    table: dict[tuple[str, str], dict[str, Any]] = {}
    if not os.path.exists(path):
        return table
    with open(path, encoding="utf-8") as fp:
        for line in fp:
            if line.strip():
                item = json.loads(line)
                table[(item["file"], item["id"])] = item
    return table


def name_key(name: str) -> str:
    """A name as the identity measure compares it: case-folded, no full stops or "the"."""
    key = " ".join(name.replace(".", " ").casefold().split())
    return key[4:] if key.startswith("the ") else key


class Identity:
    """Speaker identity counts: right, scored, and the quotes not found at all."""

    def __init__(self) -> None:
        self.right = self.scored = self.unfound = 0

    def check(
        self, article: Article, matched: list[Any], referent: dict[str, Any], show: str
    ) -> None:
        self.scored += 1
        if not matched:
            self.unfound += 1
            return
        entity = article.speaker_of(matched[0])
        accept = {name_key(form) for form in referent["accept"]}
        names = [] if entity is None else [entity.name, *entity.aliases]
        ok = any(name_key(name) in accept for name in names)
        self.right += ok
        if show and not ok:
            name = entity.name if entity is not None else None
            mention = matched[0].speaker_mention
            said = mention.text if mention is not None else None
            print(
                f"IDENT gold={referent['referent']!r} pred={name!r} said={said!r} "
                f"source={referent['source']!r} quote={matched[0].text[:50]!r}  {show}"
            )

    @property
    def share(self) -> float:
        return round(self.right / self.scored, 3) if self.scored else 0.0


REFERENTS = os.path.join(SHARED, "corpus", "polnear", "speakers-dev.jsonl")


def score_quotes(folder: str, errors: bool) -> dict[str, Any]:
    """Direct-quote content P/R/F1, speaker accuracy and speaker identity on PolNeAR."""
    content = PRF()
    speaker_ok = speaker_n = 0
    no_speaker = 0
    referents = load_referents(REFERENTS)
    identity = Identity()
    for path, article, gold in documents(folder):
        name = os.path.basename(path)[:-4]
        body = article.text
        bmap = TextMap(article, scope_of("polnear"))
        quotes = [q for q in article.quotes if q.spans and bmap.scored(q.spans[0].start)]
        all_contents: list[Span] = []
        direct: list[tuple[list[Span], list[Span], str, dict[str, Any] | None]] = []
        for item in gold["quotes"]:
            if not item["content"]:
                continue
            spans = bmap.spans(item["content"]["spans"])
            all_contents.extend(spans)
            if item["has_quote_marks"] and spans:
                src = bmap.spans(item["source"]["spans"]) if item["source"] else []
                src_text = item["source"]["text"] if item["source"] else ""
                referent = referents.get((name, item.get("id", "")))
                direct.append((spans, src, src_text, referent))
        pred_spans = [[(s.start, s.end) for s in q.spans] for q in quotes]
        tp_pred = 0
        for q, spans in zip(quotes, pred_spans, strict=True):
            ok = any(_overlaps(a, b) for a in spans for b in all_contents)
            tp_pred += ok
            if errors and not ok:
                print(f"FP quote {q.text[:90]!r}  {os.path.basename(path)}")
        tp_gold = 0
        for spans, src, src_text, referent in direct:
            matched = [
                q
                for q, pspans in zip(quotes, pred_spans, strict=True)
                if any(_overlaps(a, b) for a in pspans for b in spans)
            ]
            if referent is not None and referent["referent"] is not None:
                identity.check(article, matched, referent, os.path.basename(path) if errors else "")
            if not matched:
                if errors:
                    text = " | ".join(body[s:e] for s, e in spans)
                    print(f"FN quote {text[:90]!r}  {os.path.basename(path)}")
                continue
            tp_gold += 1
            if not src:
                continue
            speaker_n += 1
            q = matched[0]
            ok = False
            if q.speaker_mention is not None:
                ok = any(
                    _overlaps((q.speaker_mention.start, q.speaker_mention.end), s) for s in src
                )
            if not ok and q.speaker_index is not None:
                entity = article.entities[q.speaker_index]
                ok = any(
                    _overlaps((m.start, m.end), s) for m in entity.mentions for s in src
                ) or any(name in src_text for name in (entity.name, *entity.aliases))
            if q.speaker_mention is None:
                no_speaker += 1
            speaker_ok += ok
            if errors and not ok:
                said = q.speaker_mention.text if q.speaker_mention else None
                print(f"SPK gold={src_text!r} pred={said!r} quote={q.text[:50]!r}")
        content.add(tp_pred, len(quotes), tp_gold, len(direct))
    return {
        "content": content.row(),
        "speaker_accuracy": round(speaker_ok / speaker_n, 3) if speaker_n else 0.0,
        "speaker_scored": speaker_n,
        "speaker_missing": no_speaker,
        "speaker_identity": identity.share,
        "identity_scored": identity.scored,
        "identity_unfound": identity.unfound,
    }


# --------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rendered", help="folder holding rendered gum/, re3d/, polnear/")
    parser.add_argument("--tool", default=os.path.join(SHARED, "tools", "to_seed_format.py"))
    parser.add_argument("--root", help="corpus root passed to the tool")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--errors", choices=("gum", "re3d", "polnear"), help="print errors")
    parser.add_argument(
        "--half",
        type=int,
        choices=(0, 1, 2),
        default=0,
        help="score half the documents (1: files 0, 2, 4, ...; 2: the others), to check "
        "that rules tuned on one half generalise to the other",
    )
    parser.add_argument(
        "--scope",
        choices=("auto", "text", "body"),
        default="auto",
        help="score the whole text, or the body alone (the measure before the headline and "
        "captions were read); auto (the default): what each corpus's gold annotates",
    )
    args = parser.parse_args(argv)
    global HALF, SCOPE
    HALF = args.half
    SCOPE = args.scope
    with tempfile.TemporaryDirectory() as tmp:
        base = args.rendered or tmp
        for name in ("gum", "re3d", "polnear"):
            if not os.path.isdir(os.path.join(base, name)):
                render(name, os.path.join(base, name), args.tool, args.root)
        started = time.perf_counter()
        figures = {
            "gum": score_entities(os.path.join(base, "gum"), "gum", args.errors == "gum"),
            "re3d": score_entities(os.path.join(base, "re3d"), "re3d", args.errors == "re3d"),
            "polnear": score_quotes(os.path.join(base, "polnear"), args.errors == "polnear"),
        }
        elapsed = time.perf_counter() - started
    for corpus in ("gum", "re3d"):
        for key, table in figures[corpus].items():
            cells = "  ".join(
                f"{t}: P {row['p']:.3f} R {row['r']:.3f} F1 {row['f1']:.3f}"
                for t, row in table.items()
                if row["gold"] or row["pred"]
            )
            print(f"{corpus:5} {key:34} {cells}")
    q = figures["polnear"]
    c = q["content"]
    print(
        f"polnear direct quotes: content P {c['p']:.3f} R {c['r']:.3f} F1 {c['f1']:.3f} "
        f"(pred {c['pred']}, gold {c['gold']}); speaker accuracy {q['speaker_accuracy']:.3f} "
        f"over {q['speaker_scored']} ({q['speaker_missing']} without a speaker)"
    )
    print(
        f"polnear speaker identity {q['speaker_identity']:.3f} over {q['identity_scored']} "
        f"quotes with a referent ({q['identity_unfound']} quotes not found)"
    )
    print(f"(scored in {elapsed:.1f} s)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fp:
            json.dump(figures, fp, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
