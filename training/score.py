"""Score every de-identified patient message for risk.  DVC runs: python -m training.score

Reads `paths.processed/deid/transcripts.parquet` (patient messages only; never raw text) and
the model the `train@risk` stage wrote (`data/models/risk/model`), and writes
`paths.processed/scores/risk.parquet`: message_id, conversation_id, patient_id, sent_at,
risk_level, p_urgent (calibrated P(moderate or high)) and alert (p_urgent at or above the
model's threshold). No text is written. The clinician summaries and alert feed read it.
A model trained on earlier turns (`datasets.risk_context_turns`) is given each message's
earlier turns exactly as `build_datasets` gave them in training.

Messages of patients in the training split are scored by a model that saw them, so their
alerts are in-sample; that is what a deployed model does with its own history, and it is
why model quality is reported by the `evaluate` stage, not from this table.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import numpy as np
import polars as pl
from tqdm import tqdm

from pipelines.core.errors import UserError
from pipelines.core.io import write_parquet_atomic
from pipelines.core.stage import StageRun, stage
from training.predict import load_predictor
from training.tasks import MODELS, RISK_LEVELS, urgent_probability

log = logging.getLogger("carebridge.score")

CHUNK = 512  # messages per progress step


class ScoreError(UserError):
    """The de-identified transcripts or the risk model are missing."""


def score_messages(transcripts: Path, model_dir: Path) -> tuple[pl.DataFrame, dict]:
    """Risk level, P(urgent) and alert for every patient message (input order kept)."""
    if not transcripts.is_file():
        raise ScoreError(f"{transcripts}: not found; run `dvc repro deidentify` first")
    if not model_dir.is_dir():
        raise ScoreError(f"{model_dir}: no risk model; run `dvc repro train@risk` first")
    predictor = load_predictor(model_dir)
    if predictor.task.name != "risk":
        raise ScoreError(f"{model_dir}: a {predictor.task.name} model, not a risk model")
    columns = ["message_id", "conversation_id", "patient_id", "sent_at", "text"]
    if predictor.context_turns:
        # the earlier turns it was trained with, built as its datasets were; input order kept
        from training.context import with_context

        frame = pl.scan_parquet(transcripts).select(*columns, "speaker", "turn").collect()
        msgs = (
            with_context(frame.with_row_index("_row"), predictor.context_turns)
            .filter(pl.col("speaker") == "patient")
            .sort("_row")
            .select(*columns, "context")
        )
    else:
        msgs = (
            pl.scan_parquet(transcripts)
            .filter(pl.col("speaker") == "patient")
            .select(*columns)
            .collect()
        )
    texts = msgs["text"].to_list()
    contexts = msgs["context"].to_list() if predictor.context_turns else None
    probs = np.zeros((len(texts), len(RISK_LEVELS)), dtype=np.float64)
    with tqdm(total=len(texts), desc="risk scores", unit="msg", file=sys.stderr) as bar:
        for start in range(0, len(texts), CHUNK):
            part = slice(start, start + CHUNK)
            if contexts is None:
                (p,) = predictor.probabilities(texts[part])
            else:
                (p,) = predictor.probabilities(contexts[part], texts[part])
            probs[start : start + len(p)] = p
            bar.update(len(p))
    p_urgent = urgent_probability(probs)
    threshold = float(predictor.alert_threshold)
    out = msgs.drop("text", "context", strict=False).with_columns(
        pl.Series("risk_level", np.asarray(RISK_LEVELS)[probs.argmax(axis=1)].tolist()),
        pl.Series("p_urgent", np.round(p_urgent, 6)),
        pl.Series("alert", p_urgent >= threshold),
    )
    info = {
        "messages": out.height,
        "alerts": int(out["alert"].sum()),
        "alert_threshold": round(threshold, 6),
        "levels": {lv: int((out["risk_level"] == lv).sum()) for lv in RISK_LEVELS},
    }
    return out, info


@stage("score")
def main(run: StageRun) -> None:
    """Write scores/risk.parquet and reports/score_risk.json."""
    params = run.params
    model_dir = MODELS / "risk" / "model"
    scores, info = score_messages(
        params.paths.processed / "deid" / "transcripts.parquet", model_dir
    )
    # The registry version goes to MLflow and the log, not to the DVC metric file: a fresh
    # clone numbers versions from 1, and the metric file must come out the same.
    model = "unknown"
    run_file = MODELS / "risk" / "run.json"
    if run_file.is_file():
        registered = json.loads(run_file.read_text())
        model = f"{registered.get('registered_model')} v{registered.get('version')}"
    out = write_parquet_atomic(scores, params.paths.processed / "scores" / "risk.parquet")
    report = run.write_report(info, "score_risk")
    with run.tracked({"model": model}) as mf:
        mf.log_metrics({"messages": info["messages"], "alerts": info["alerts"]})
        mf.log_artifact(str(report))
    run.log.info(
        "scored %d patient messages with %s in %.0f s: %d alerts (threshold %.3f); wrote %s "
        "and %s",
        info["messages"],
        model, run.seconds(), info["alerts"],
        info["alert_threshold"], out, report,
    )  # fmt: skip


if __name__ == "__main__":
    main()
