"""Leak checks after de-identification: which distinctive gold identifier values survive in
the stage's outputs and in model files."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polars as pl
import regex


def load_gold(folder: Path) -> tuple[dict[str, list[Any]], dict[str, str] | None]:
    """Gold spans per message under `folder/gold/`, and each message's phrasing split
    (None when the cohort has no gold tables, as real programs don't)."""
    from evaluation.deid import GoldSpan

    spans_path, meta_path = (
        folder / "gold" / "phi_spans.parquet",
        folder / "gold" / ("message_meta.parquet"),
    )
    if not spans_path.exists():
        return {}, None
    gold: dict[str, list[Any]] = defaultdict(list)
    for mid, start, end, etype, origin in (
        pl.read_parquet(spans_path)
        .select("message_id", "start", "end", "entity_type", "name_origin")
        .iter_rows()
    ):
        gold[mid].append(GoldSpan(start, end, etype, origin))
    splits: dict[str, str] | None = None
    if meta_path.exists():
        meta = pl.read_parquet(meta_path, columns=["message_id", "phrasing_split"])
        splits = dict(zip(meta["message_id"], meta["phrasing_split"], strict=True))
    return gold, splits


def distinctive_values(texts: dict[str, str], gold: dict[str, list[Any]]) -> set[str]:
    """Gold identifier values specific enough to search for in any file (not common words)."""
    from wordfreq import top_n_list

    common = set(top_n_list("en", 30000))
    values = set()
    for rid, spans in gold.items():
        text = texts.get(rid)
        if text is None:
            continue
        for g in spans:
            v = text[g.start : g.end].strip()
            if len(v) < 4 or v.lower() in common:
                continue
            if g.type in ("DATE", "AGE", "ZIP_CODE") and not regex.search(r"\d{5}", v):
                continue  # short dates/ages/zips also occur as ordinary numbers
            values.add(v.lower())
    return values


# Files a leak scan cannot judge: tensors (random byte matches) and the pretrained tokenizer
# vocabulary, which models copy unchanged from the encoder package (30k public word pieces).
UNSCANNED_SUFFIXES = frozenset({".safetensors", ".pt", ".ckpt", ".bin"})


UNSCANNED_NAMES = frozenset({"tokenizer.json", "vocab.txt"})


def scan_files(paths: Iterable[Path], values: set[str]) -> dict[str, int]:
    """Count files under `paths` whose bytes contain any value (case-insensitive).

    Model tensors and the pretrained tokenizer vocabulary are skipped (UNSCANNED_*).
    """
    if not values:
        return {}
    pattern = regex.compile(
        r"(?<![\w@])(?:"
        + "|".join(regex.escape(v) for v in sorted(values, key=len, reverse=True))
        + r")(?![\w@])",
        regex.IGNORECASE,
    )
    hits: dict[str, int] = {}
    for root in paths:
        files = [root] if root.is_file() else sorted(f for f in root.rglob("*") if f.is_file())
        for f in files:
            if f.suffix in UNSCANNED_SUFFIXES or f.name in UNSCANNED_NAMES:
                continue
            data = f.read_bytes().decode("utf-8", errors="ignore")
            n = len(pattern.findall(data))
            if n:
                hits[str(f)] = n
    return hits


def residual_identifiers(
    original: dict[str, str], deidentified: dict[str, str], gold: dict[str, list[Any]]
) -> int:
    """Gold identifier values still present in their own de-identified record."""
    n = 0
    for rid, spans in gold.items():
        after = deidentified.get(rid)
        if after is None:
            continue
        for g in spans:
            v = original[rid][g.start : g.end]
            if regex.search(r"(?<!\w)" + regex.escape(v) + r"(?!\w)", after, regex.IGNORECASE):
                n += 1
    return n
