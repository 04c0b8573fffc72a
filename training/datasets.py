"""Build the models' train/validation/test datasets (the `build_datasets` stage runs it).

Reads de-identified text only (`paths.processed/deid`) and the label, patient and (for
synthetic cohorts) phrasing-split tables from `paths.interim`. Patients who did not consent to
training use are left out of every split. Splits are by patient, so no patient is in two:
the test split is the patients written with held-out phrasings (`gold/message_meta`), or, for
data without that table, a seeded random `datasets.test_share` of patients; validation is a
seeded `datasets.validation_share` of the rest. Rows of real corpora (`training/corpus_data`)
join the train and validation splits by their own group splits; their test groups never do.
Each task is written as a tokenized Hugging Face `DatasetDict` to
`paths.processed/datasets/<task>`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.core.errors import UserError
from pipelines.core.io import atomic_dir, find_table, read_table
from pipelines.core.params import DatasetsParams, EncoderParams
from pipelines.core.splits import stable_unit
from pipelines.core.vocab import DATASET_SPLITS as SPLITS
from pipelines.core.vocab import EMPATHY_MECHANISMS as MECHANISMS
from pipelines.core.vocab import RISK_LEVELS
from pipelines.corpus.common import MANIFEST
from training.context import with_context
from training.corpus_data import empathy_rows, risk_rows

log = logging.getLogger("carebridge.build_datasets")


def assign_splits(
    patients: pl.DataFrame,
    p: DatasetsParams,
    seed: int,
    heldout: set[str] | None,
    validation: set[str] | None = None,
) -> pl.DataFrame:
    """Map each patient to train/validation/test.

    Test: the patients written with held-out phrasings, else a random share. Validation: the
    patients written with validation phrasings when the cohort has them (non-empty), else a
    random share of the rest."""
    rows = []
    for pid in patients["patient_id"].to_list():
        if heldout is not None:
            is_test = pid in heldout
        else:
            is_test = stable_unit(seed, "test", pid) < p.test_share
        if is_test:
            split = "test"
        elif (
            pid in validation
            if validation
            else stable_unit(seed, "validation", pid) < p.validation_share
        ):
            split = "validation"
        else:
            split = "train"
        rows.append((pid, split))
    return pl.DataFrame(rows, schema={"patient_id": pl.String, "split": pl.String}, orient="row")


def risk_frame(deid: pl.DataFrame, labels: pl.DataFrame, context_turns: int) -> pl.DataFrame:
    """Labelled patient messages: message_id, patient_id, context, text, label (0-3)."""
    texts = with_context(deid, context_turns).select(
        "message_id", "patient_id", "speaker", "context", "text"
    )
    joined = labels.join(texts, on="message_id", how="left")
    _check_complete(joined, "risk_labels")
    bad = joined.filter(pl.col("speaker") != "patient").height
    if bad:
        raise UserError(f"risk_labels: {bad} labels are on assistant messages")
    return joined.select(
        "message_id",
        "patient_id",
        "context",
        "text",
        label=pl.col("risk_level").replace_strict(
            {lv: i for i, lv in enumerate(RISK_LEVELS)}, return_dtype=pl.Int64
        ),
    )


def empathy_frame(deid: pl.DataFrame, labels: pl.DataFrame) -> pl.DataFrame:
    """Labelled (seeker, response) pairs with the three EPITOME levels."""
    texts = deid.select("message_id", "patient_id", "text")
    joined = labels.join(texts.rename({"text": "response"}), on="message_id", how="left").join(
        texts.select(seeker_message_id="message_id", seeker="text"),
        on="seeker_message_id",
        how="left",
    )
    _check_complete(joined.rename({"response": "text"}), "empathy_labels")
    if joined["seeker"].null_count():
        raise UserError(
            f"empathy_labels: {joined['seeker'].null_count()} seeker_message_id values have no "
            "de-identified transcript"
        )
    return joined.select("message_id", "patient_id", "seeker", "response", *MECHANISMS)


def _check_complete(joined: pl.DataFrame, table: str) -> None:
    missing = joined["text"].null_count()
    if missing:
        raise UserError(
            f"{table}: {missing} labelled message_id values have no de-identified transcript "
            "(run deidentify on the same cohort)"
        )


def tokenize(frame: pl.DataFrame, task: str, tokenizer: Any, max_length: int) -> Any:
    """A `datasets.Dataset` with input_ids/attention_mask (unpadded: padding is per batch)."""
    from datasets import Dataset

    ds = Dataset.from_polars(frame)
    if task == "risk":
        has_context = bool((frame["context"] != "").any())

        def encode(batch: dict[str, list]) -> dict[str, list]:
            if has_context:
                return tokenizer(
                    batch["context"], batch["text"], truncation="only_first",
                    max_length=max_length,
                )  # fmt: skip
            return tokenizer(batch["text"], truncation=True, max_length=max_length)
    else:

        def encode(batch: dict[str, list]) -> dict[str, list]:
            return tokenizer(
                batch["seeker"], batch["response"], truncation="longest_first",
                max_length=max_length,
            )  # fmt: skip

    return ds.map(encode, batched=True, batch_size=1000, desc=f"tokenize {task}")


def build(
    interim: Path,
    processed: Path,
    p: DatasetsParams,
    enc: EncoderParams,
    seed: int,
) -> dict[str, Any]:
    """Write `processed/datasets/{risk,empathy}`; return counts per task and split."""
    from datasets import DatasetDict

    from training.encoder import load_tokenizer

    deid_path = processed / "deid" / "transcripts.parquet"
    if not deid_path.exists():
        raise UserError(f"{deid_path} not found: run the deidentify stage first")
    deid = pl.read_parquet(deid_path)
    patients = read_table(interim / "patients.parquet").select("patient_id", "consent_training")
    meta_path = find_table(interim / "gold", "message_meta")
    heldout: set[str] | None = None
    validation: set[str] | None = None
    if meta_path is not None:
        meta = deid.join(
            read_table(meta_path).select("message_id", "phrasing_split"), on="message_id"
        )

        def written_with(side: str) -> set[str]:
            rows = meta.filter(pl.col("phrasing_split") == side)
            return set(rows["patient_id"].unique().to_list())

        heldout = written_with("heldout")
        validation = written_with("validation")
    splits = assign_splits(patients, p, seed, heldout, validation)
    consenting = patients.filter(pl.col("consent_training"))["patient_id"]
    tokenizer = load_tokenizer(enc.name_or_path)
    report: dict[str, Any] = {
        "split_source": "phrasing_split" if heldout is not None else "random_patients",
        "validation_source": "phrasing_split" if validation else "random_patients",
        "patients_without_training_consent": patients.height - consenting.len(),
        "max_length": p.max_length.model_dump(),
    }
    frames = {}
    risk_path = find_table(interim, "risk_labels")
    if risk_path is not None:
        frames["risk"] = risk_frame(deid, read_table(risk_path), p.risk_context_turns)
    emp_path = find_table(interim, "empathy_labels")
    if emp_path is not None:
        frames["empathy"] = empathy_frame(deid, read_table(emp_path))
    if not frames:
        raise UserError(f"{interim}: no risk_labels or empathy_labels table to train on")
    corpus_rows = {
        "risk": risk_rows(processed / "corpora", p.window_words),
        "empathy": empathy_rows(processed / "corpora"),
    }
    root = processed / "datasets"
    with atomic_dir(root) as tmp:
        manifest = processed / "corpora" / MANIFEST
        if manifest.is_file() and any(rows is not None for rows in corpus_rows.values()):
            (tmp / MANIFEST).write_bytes(manifest.read_bytes())
            report["corpora"] = json.loads(manifest.read_text())
        for task, frame in frames.items():
            excluded = frame.filter(~pl.col("patient_id").is_in(consenting.implode()))
            frame = frame.filter(pl.col("patient_id").is_in(consenting.implode()))
            frame = frame.join(splits, on="patient_id", how="left")
            frame = _with_corpus_rows(frame, corpus_rows.get(task))
            parts, task_report = _split_datasets(
                frame, task, tokenizer, getattr(p.max_length, task)
            )
            task_report = {"excluded_records_no_consent": excluded.height, **task_report}
            DatasetDict(parts).save_to_disk(str(tmp / task))
            report[task] = task_report
    return report


def _split_datasets(
    frame: pl.DataFrame, task: str, tokenizer: Any, max_length: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """One tokenized dataset per split, and each split's counts for the report."""
    parts, report = {}, {}
    for split in SPLITS:
        part = frame.filter(pl.col("split") == split).drop("split")
        if part.is_empty():
            raise UserError(
                f"{task}: the {split} split is empty (too few consenting patients "
                "or datasets.*_share too small)"
            )
        ds = tokenize(part, task, tokenizer, max_length)
        lengths = [len(x) for x in ds["input_ids"]]
        parts[split] = ds
        report[split] = {
            "records": part.height,
            **_sources(part),
            "patients": part["patient_id"].n_unique(),
            "truncated_share": round(sum(n >= max_length for n in lengths) / len(lengths), 4),
            "labels": _label_counts(part, task),
        }
    return parts, report


def _with_corpus_rows(frame: pl.DataFrame, rows: pl.DataFrame | None) -> pl.DataFrame:
    """The cohort's rows and, when real corpora are there, their train and validation rows
    (tagged by `source`; a corpus's test groups never enter the datasets)."""
    if rows is None:
        return frame
    cohort = frame.with_columns(source=pl.lit("cohort"))
    return pl.concat([cohort, rows.select(cohort.columns)])


def _sources(part: pl.DataFrame) -> dict[str, Any]:
    """Records per source, when the split mixes the cohort with real corpora."""
    if "source" not in part.columns:
        return {}
    counts = part["source"].value_counts().sort("source").iter_rows()
    return {"records_by_source": {s: int(n) for s, n in counts}}


def _label_counts(part: pl.DataFrame, task: str) -> dict[str, Any]:
    if task == "risk":
        counts = part["label"].value_counts()
        got = dict(zip(counts["label"].to_list(), counts["count"].to_list(), strict=True))
        return {lv: int(got.get(i, 0)) for i, lv in enumerate(RISK_LEVELS)}
    out = {}
    for mech in MECHANISMS:
        counts = part[mech].value_counts()
        got = dict(zip(counts[mech].to_list(), counts["count"].to_list(), strict=True))
        out[mech] = {str(level): int(got.get(level, 0)) for level in range(3)}
    return out
