"""De-identification on real corpora that have no gold spans: what it removes, and a sample to
read by hand.

Run: .venv/bin/python benchmarks/review_deid_corpora.py --root ../shared/corpora \
        --sample 150 --out /tmp/deid-review.jsonl

Prints, per corpus: texts, words, spans removed by type, words removed per 1,000 and the
share of texts touched. Corpus text never leaves the corpus except into `--out`, which must be
outside the repository: a random sample of removed spans (type, value, a little context) and
of de-identified texts, to be read by a person who may read the corpus. Figures go to
`benchmarks/RESULTS.md` by hand, with what the reading found (classes, never the text).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import polars as pl
import regex

ROOT = Path(__file__).resolve().parents[1]
WORDS = regex.compile(r"\w+")


def corpus_texts(root: Path) -> dict[str, pl.DataFrame]:
    """(text_id, group_id, text) of each corpus found under `root`, by corpus name."""
    from pipelines.core.params import CorporaParams
    from pipelines.corpus.prepare import read_corpora, texts_of

    folders = {"epitome": "epitome", "cssrs": "cssrs_reddit", "esconv": "esconv"}
    cp = CorporaParams(
        **{k: root / v for k, v in folders.items() if (root / v).is_dir()},
        test_share=0.2,
        validation_share=0.15,
    )
    tables = read_corpora(cp)
    out = {}
    for name, key in (("epitome", "epitome"), ("cssrs", "cssrs_posts"), ("esconv", "esconv")):
        if key in tables:
            out[name] = texts_of({key: tables[key]})
    return out


def review(name: str, texts: pl.DataFrame, engine, p, rng: random.Random, k: int) -> tuple:
    """Counts for one corpus and samples of its removed spans and de-identified texts."""
    from pipelines.deid.engine import deidentify_frame

    outcome = deidentify_frame(
        texts, p, source=name, id_column="text_id", group_column="group_id", engine=engine
    )
    original = texts["text"].to_list()
    by_type: Counter[str] = Counter()
    removed_words = total_words = touched = 0
    spans = []
    for text, found in zip(original, outcome.spans, strict=True):
        total_words += len(WORDS.findall(text))
        touched += bool(found)
        for s in found:
            by_type[s.type] += 1
            removed_words += len(WORDS.findall(text[s.start : s.end]))
            spans.append((s.type, text[s.start : s.end], text[max(0, s.start - 40) : s.end + 40]))
    figures = {
        "texts": len(original),
        "words": total_words,
        "spans": sum(by_type.values()),
        "by_type": dict(by_type.most_common()),
        "words_removed_per_1000": round(1000 * removed_words / max(total_words, 1), 2),
        "share_of_texts_touched": round(touched / max(len(original), 1), 4),
    }
    after = outcome.frame["text"].to_list()
    sample_spans = rng.sample(spans, min(k, len(spans)))
    sample_texts = rng.sample(after, min(k // 3, len(after)))
    return figures, sample_spans, sample_texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, required=True, help="folder holding the corpora")
    ap.add_argument("--sample", type=int, default=150, help="removed spans to sample per corpus")
    ap.add_argument("--out", type=Path, required=True, help="sample file, outside the repository")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    out = args.out.resolve()
    if out.is_relative_to(ROOT):
        raise SystemExit(f"--out {out} is inside the repository: corpus text must stay outside")

    from pipelines.core.params import load_params
    from pipelines.deid.engine import build_analyzer

    p = load_params(ROOT / "params.yaml").deidentify
    engine = build_analyzer(components=p.spacy_components)
    rng = random.Random(args.seed)
    with out.open("w", encoding="utf-8") as fh:
        for name, texts in corpus_texts(args.root).items():
            figures, spans, after = review(name, texts, engine, p, rng, args.sample)
            print(name, json.dumps(figures))
            for etype, value, context in spans:
                row = {"corpus": name, "type": etype, "value": value, "context": context}
                fh.write(json.dumps(row) + "\n")
            for text in after:
                fh.write(json.dumps({"corpus": name, "after": text}) + "\n")
    print(f"wrote the review sample to {out}")


if __name__ == "__main__":
    main()
