"""Generate the embedded synthetic program cohort (the `synthesize` stage runs it).

No real clinical data can ship with the project, so this stage writes a seeded, realistic
program: patients in two arms, weekly questionnaires with trajectories (baseline severity,
an arm effect, regression to the mean, severity- and engagement-driven dropout, missed
weeks), wearable days, engagement, crisis events, and chat transcripts with identifiers,
risk and empathy labels. Gold identifier spans and generator metadata go to `gold/`.

Patients are generated in chunks (numpy vectorised numbers in `cohort`, per-patient seeded
text in `transcripts`, word banks in `banks/`), so memory stays bounded for millions of
patients. Same params + seed = same bytes.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import random
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow.parquet as pq

from pipelines.core.io import atomic_dir
from pipelines.core.params import SynthesizeParams
from pipelines.core.schemas import DTYPES, TABLES, TABLES_BY_NAME
from pipelines.synth import identifiers, language
from pipelines.synth.cohort import Chunk, numeric_chunk
from pipelines.synth.transcripts import grammar_for, text_chunk

log = logging.getLogger("carebridge.synthesize")


# ----------------------------------------------------------------------------- diversity


def _ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def diversity(
    texts: Sequence[str], splits: Sequence[str], templates: Sequence[str]
) -> dict[str, float]:
    """Distinct-n ratios and held-out novelty of patient messages (higher = more diverse)."""
    toks = [language.SLOT.sub("", t).lower().split() for t in texts]
    out: dict[str, float] = {"messages": float(len(texts))}
    for n in (1, 2, 3):
        grams = [g for t in toks for g in _ngrams(t, n)]
        out[f"distinct_{n}"] = len(set(grams)) / max(1, len(grams))
    out["unique_message_ratio"] = len(set(texts)) / max(1, len(texts))
    seen_idx = [i for i, s in enumerate(splits) if s == "seen"]
    held_idx = [i for i, s in enumerate(splits) if s == "heldout"]
    seen_templates = {templates[i] for i in seen_idx}
    seen_text = {texts[i].lower() for i in seen_idx}
    seen_tri = {g for i in seen_idx for g in _ngrams(toks[i], 3)}
    if held_idx:
        out["heldout_core_phrasing_unseen_share"] = sum(
            templates[i] not in seen_templates for i in held_idx
        ) / len(held_idx)
        out["heldout_exact_text_seen_share"] = sum(
            texts[i].lower() in seen_text for i in held_idx
        ) / len(held_idx)
        novel = [
            np.mean([g not in seen_tri for g in _ngrams(toks[i], 3)])
            for i in held_idx
            if len(toks[i]) >= 3
        ]
        out["heldout_trigram_novelty"] = float(np.mean(novel)) if novel else 0.0
    out["templates_used"] = float(len(set(templates)))
    return out


# ----------------------------------------------------------------------------- stage


def _arrow_table(frame: pl.DataFrame, name: str) -> Any:
    table = TABLES_BY_NAME[name]
    return frame.select([pl.col(c.name).cast(DTYPES[c.kind]) for c in table.columns]).to_arrow()


SAMPLE_CAP = 60_000  # patient messages kept for the diversity measures


@dataclass
class Stats:
    """Distributions accumulated over chunks for the stage's report."""

    counts: Counter[str] = field(default_factory=Counter)
    dist: dict[str, Counter[str]] = field(
        default_factory=lambda: {
            k: Counter()
            for k in ("risk_level", "register", "entity_type", "name_origin", "arm", "indirect")
        }
    )
    sample: dict[str, list[Any]] = field(
        default_factory=lambda: {"text": [], "split": [], "template": []}
    )
    baseline: dict[str, list[float]] = field(
        default_factory=lambda: {"ai_hybrid": [], "usual_care": []}
    )
    latest: dict[str, list[float]] = field(
        default_factory=lambda: {"ai_hybrid": [], "usual_care": []}
    )

    def merge(self, other: Stats) -> None:
        """Add another chunk's statistics (sample capped at SAMPLE_CAP messages)."""
        self.counts.update(other.counts)
        for k, cnt in other.dist.items():
            self.dist[k].update(cnt)
        room = SAMPLE_CAP - len(self.sample["text"])
        for k, vals in other.sample.items():
            self.sample[k].extend(vals[: max(0, room)])
        for arm in self.baseline:
            self.baseline[arm].extend(other.baseline[arm])
            self.latest[arm].extend(other.latest[arm])


@dataclass(frozen=True)
class ChunkJob:
    sp: SynthesizeParams
    seed: int
    start: int
    n: int
    site_p: np.ndarray
    clinicians: list[list[identifiers.Person]]


def build_chunk(job: ChunkJob) -> tuple[dict[str, Any], Stats]:
    """All tables (as Arrow) and report statistics for one chunk of patients."""
    grammar = grammar_for(job.sp.transcripts)
    chunk, enrolment, course = numeric_chunk(job.sp, job.seed, job.start, job.n, job.site_p)
    text = text_chunk(job.sp, job.seed, enrolment, course, grammar, job.clinicians)
    chunk.tables.update(text.tables)
    stats = Stats()
    tables = {}
    for table in TABLES:
        frame = chunk.frame(table.name)
        stats.counts[table.name] += frame.height
        tables[table.name] = _arrow_table(frame, table.name)
    _accumulate(chunk, stats)
    return tables, stats


def synthesize(
    sp: SynthesizeParams, seed: int, out_dir: Path, workers: int | None = None
) -> dict[str, Any]:
    """Write the cohort's tables to `out_dir` (gold tables under `gold/`); return a report.

    Chunks are independent (each has its own seeded generators), so several are built in
    parallel worker processes when there is more than one; the output does not depend on
    the number of workers.
    """
    t0 = time.perf_counter()
    grammar = grammar_for(sp.transcripts)
    master = random.Random(f"{seed}:sites")
    site_p = np.random.default_rng([seed, 999_999_999]).dirichlet(np.full(sp.n_sites, 4.0))
    clinicians = [identifiers.make_clinicians(6, master) for _ in range(sp.n_sites)]
    jobs = [
        ChunkJob(sp, seed, start, min(sp.chunk_size, sp.n_patients - start), site_p, clinicians)
        for start in range(0, sp.n_patients, sp.chunk_size)
    ]
    workers = min(len(jobs), workers or os.cpu_count() or 1)
    stats = Stats()
    writers: dict[str, pq.ParquetWriter] = {}
    with atomic_dir(out_dir) as tmp, contextlib.ExitStack() as stack:
        (tmp / "gold").mkdir()
        if workers > 1:
            pool = stack.enter_context(
                ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            )
            results = pool.map(build_chunk, jobs)
        else:
            results = map(build_chunk, jobs)
        try:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("synthesizing patients", total=sp.n_patients)
                for job, (tables, chunk_stats) in zip(jobs, results, strict=True):
                    for table in TABLES:
                        arrow = tables[table.name]
                        if table.name not in writers:
                            path = tmp / ("gold" if table.gold else ".") / f"{table.name}.parquet"
                            writers[table.name] = pq.ParquetWriter(path, arrow.schema)
                        writers[table.name].write_table(arrow)
                    stats.merge(chunk_stats)
                    bar.advance(task, job.n)
        finally:
            for w in writers.values():
                w.close()
    report = _report(stats, grammar)
    return {**report, "workers": workers, "seconds": round(time.perf_counter() - t0, 2)}


def _report(stats: Stats, grammar: language.Grammar) -> dict[str, Any]:
    """Row counts, label shares, PHQ-9 means by arm, phrasing diversity and grammar size."""
    return {
        "rows": dict(stats.counts),
        "shares": {
            k: {v: c / max(1, sum(cnt.values())) for v, c in sorted(cnt.items())}
            for k, cnt in stats.dist.items()
        },
        "phq9": {
            arm: {
                "baseline_mean": float(np.mean(stats.baseline[arm]))
                if stats.baseline[arm]
                else 0.0,
                "latest_mean": float(np.mean(stats.latest[arm])) if stats.latest[arm] else 0.0,
            }
            for arm in stats.baseline
        },
        "diversity": diversity(
            stats.sample["text"], stats.sample["split"], stats.sample["template"]
        ),
        "grammar": {
            "keys": len(grammar.grammar),
            "split_keys": sum(grammar.is_split(k) for k in grammar.grammar),
            "validation_split_keys": sum(
                grammar.is_split(k, "validation") for k in grammar.grammar
            ),
        },
    }


def _accumulate(chunk: Chunk, stats: Stats) -> None:
    dist, sample, baseline, latest = stats.dist, stats.sample, stats.baseline, stats.latest
    cap = SAMPLE_CAP
    t = chunk.tables
    dist["risk_level"].update(t["risk_labels"]["risk_level"])
    dist["arm"].update(t["patients"]["arm"].tolist())
    dist["entity_type"].update(t["phi_spans"]["entity_type"])
    dist["name_origin"].update(o for o in t["phi_spans"]["name_origin"] if o)
    patient_msgs = {m for m in t["risk_labels"]["message_id"]}
    for mid, reg, ind in zip(
        t["message_meta"]["message_id"],
        t["message_meta"]["register"],
        t["message_meta"]["indirect"],
        strict=True,
    ):
        if mid in patient_msgs:
            dist["register"][reg] += 1
            dist["indirect"][str(ind).lower()] += 1
    texts = dict(zip(t["transcripts"]["message_id"], t["transcripts"]["text"], strict=True))
    for mid, split, tmpl in zip(
        t["message_meta"]["message_id"],
        t["message_meta"]["phrasing_split"],
        t["message_meta"]["template"],
        strict=True,
    ):
        if mid in patient_msgs and len(sample["text"]) < cap:
            sample["text"].append(texts[mid])
            sample["split"].append(split)
            sample["template"].append(tmpl)
    w = pl.DataFrame(
        {
            "patient_id": t["weekly_measures"]["patient_id"],
            "week": t["weekly_measures"]["week"],
            "phq9": t["weekly_measures"]["phq9_total"],
        }
    )
    arms = pl.DataFrame({"patient_id": t["patients"]["patient_id"], "arm": t["patients"]["arm"]})
    per = (
        w.sort("week")
        .group_by("patient_id")
        .agg(pl.col("phq9").first().alias("b"), pl.col("phq9").last().alias("l"))
        .join(arms, on="patient_id")
    )
    for arm in baseline:
        sub = per.filter(pl.col("arm") == arm)
        baseline[arm].extend(sub["b"].to_list())
        latest[arm].extend(sub["l"].to_list())


def metrics_for_mlflow(report: dict[str, Any]) -> dict[str, float]:
    """Numeric leaves of a report as flat MLflow metric names."""
    from pipelines.core.tracking import flatten

    return {
        k.replace(" ", "_"): float(v)
        for k, v in flatten("", report).items()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
