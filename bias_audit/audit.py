"""Bias audit and release gate per model.  DVC runs: python -m bias_audit.audit risk|empathy

Reads the `evaluate` stage's test-split predictions (ids, labels, outputs; no text), the
patients' sensitive features (`paths.interim/patients.parquet`), the language register of each
message where the cohort has it (`gold/message_meta`), and, for the report, the
de-identification report's name recall by name-origin group.

- Audit: Fairlearn MetricFrame per sensitive feature (`bias_audit.sensitive_features`) and,
  with `intersections`, per pair of features; bootstrap intervals; every value with its
  denominator; groups under `min_group_size` are "insufficient data" (bias_audit/metrics.py).
- Gate: `bias_audit.gate.<model>` (bias_audit/gate.py). A passing model version gets the MLflow
  alias `champion`; a failing one does not, and the stage says which check failed and by how
  much. A failing gate is a verdict, not a crash: the stage exits 0.
- Mitigation (risk): ThresholdOptimizer (bias_audit/mitigate.py), audited the same way, before
  and after side by side; registered as its own model version, which the gate also judges.
- Outputs: `paths.processed/bias_audit/<model>/` (audit.parquet, report.html, report.json,
  review_queue.csv, and for risk deid_review.csv) and `paths.reports/bias_audit_<model>.json`.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from bias_audit.gate import floor_checks, gap_check, verdict
from bias_audit.metrics import EMPATHY_METRICS, RISK_METRICS, GroupMetric, audit_table
from pipelines.core.errors import UserError
from pipelines.core.io import atomic_dir
from pipelines.core.params import BiasAuditParams
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten
from training.tasks import MECHANISMS, MODELS

log = logging.getLogger("carebridge.bias_audit")

URGENT = ("moderate", "high")


class AuditError(UserError):
    """An input of the audit is missing."""


# ---- inputs ----------------------------------------------------------------------------------
def load_frame(
    task: str, predictions: Path, interim: Path, features: Sequence[str]
) -> tuple[pl.DataFrame, tuple[str, ...]]:
    """Test predictions joined to the sensitive features; the features actually available."""
    if not predictions.is_file():
        raise AuditError(f"{predictions}: not found; run `dvc repro evaluate@{task}` first")
    patients = interim / "patients.parquet"
    if not patients.is_file():
        raise AuditError(f"{patients}: not found; run `dvc repro ingest` first")
    frame = pl.read_parquet(predictions)
    person = [f for f in features if f != "register"]
    frame = frame.join(
        pl.read_parquet(patients, columns=["patient_id", *person]), on="patient_id", how="left"
    )
    used = list(person)
    meta = interim / "gold" / "message_meta.parquet"
    if "register" in features:
        if meta.is_file():
            frame = frame.join(
                pl.read_parquet(meta, columns=["message_id", "register"]),
                on="message_id",
                how="left",
            )
            used.append("register")
        else:
            log.warning("no %s: the register feature is skipped", meta)
    if task == "risk":
        frame = frame.with_columns(pl.col("label").is_in(URGENT).alias("urgent"))
    return frame.with_columns(pl.col(used).cast(pl.String).fill_null("missing")), tuple(used)


def feature_sets(features: Sequence[str], intersections: bool) -> list[tuple[str, ...]]:
    """Each feature alone, then (if asked) every pair."""
    singles = [(f,) for f in features]
    return singles + (list(itertools.combinations(features, 2)) if intersections else [])


def task_metrics(task: str) -> tuple[dict[str, GroupMetric], dict[str, GroupMetric], str, str]:
    """(metrics for single features, metrics for intersections, y_true column, y_pred column)."""
    if task == "risk":
        return RISK_METRICS, {"recall": RISK_METRICS["recall"]}, "urgent", "alert"
    # empathy: y_true/y_pred are placeholders; each mechanism's columns go as sample params
    return EMPATHY_METRICS, EMPATHY_METRICS, "emotional_reactions_label", "emotional_reactions"


def audit(
    frame: pl.DataFrame,
    task: str,
    features: Sequence[str],
    bp: BiasAuditParams,
    seed: int,
    *,
    y_pred: str | None = None,
    singles_only: bool = False,
) -> pl.DataFrame:
    """The audit table over every feature set, feature sets computed in parallel."""
    from joblib import Parallel, delayed

    single_m, pair_m, yt, yp = task_metrics(task)
    yp = y_pred or yp
    sets = feature_sets(features, bp.intersections and not singles_only)
    jobs = [
        delayed(audit_table)(
            frame.select(*fs, *_needed(single_m if len(fs) == 1 else pair_m, yt, yp)),
            fs,
            single_m if len(fs) == 1 else pair_m,
            y_true=yt,
            y_pred=yp,
            min_group_size=bp.min_group_size,
            n_boot=bp.n_boot,
            ci=bp.ci_quantiles,
            seed=seed,
        )
        for fs in sets
    ]
    tables = Parallel(n_jobs=min(bp.n_jobs, len(jobs)))(jobs)
    return pl.concat(tables)


def _needed(metrics: dict[str, GroupMetric], yt: str, yp: str) -> list[str]:
    cols = {yt, yp}
    for m in metrics.values():
        cols.update(c for _, c in m.columns)
    return sorted(cols)


def gate(
    frame: pl.DataFrame,
    table: pl.DataFrame,
    task: str,
    features: Sequence[str],
    bp: BiasAuditParams,
    seed: int,
    *,
    y_pred: str | None = None,
) -> dict[str, Any]:
    """Every gate check of the task and the verdict."""
    single_m, _, yt, yp = task_metrics(task)
    yp = y_pred or yp
    if task == "risk":
        g = bp.gate.risk
        pairs = [("recall", g.min_group_recall, g.max_recall_gap)]
    else:
        g2 = bp.gate.empathy
        pairs = [(m, g2.min_group_macro_f1, g2.max_macro_f1_gap) for m in EMPATHY_METRICS]
    from joblib import Parallel, delayed

    checks: list[dict[str, Any]] = []
    gaps = []
    for metric, floor, max_gap in pairs:
        checks += floor_checks(table, metric, floor)
        gaps += [
            delayed(gap_check)(
                frame.select(f, *_needed({metric: single_m[metric]}, yt, yp)),
                table,
                f,
                metric,
                single_m[metric],
                max_gap,
                y_true=yt,
                y_pred=yp,
                n_boot=bp.n_boot,
                ci=bp.ci_quantiles,
                seed=seed,
            )
            for f in features
        ]
    checks += Parallel(n_jobs=min(bp.n_jobs, len(gaps)))(gaps)
    return {**verdict(checks), "checks": checks}


def deid_name_recall(report_path: Path, min_group_size: int, z: float = 1.959964) -> list[dict]:
    """Name recall by name-origin group from the de-identification report, Wilson intervals."""
    if not report_path.is_file():
        return []
    rep = json.loads(report_path.read_text())
    out = []
    for origin, r in sorted(rep.get("eval", {}).get("name_recall_by_origin", {}).items()):
        n, p = int(r["gold"]), float(r["recall"])
        centre = (p + z * z / (2 * n)) / (1 + z * z / n) if n else float("nan")
        half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) if n else 0
        out.append(
            {
                "group": origin,
                "recall": p,
                "ci_low": max(0.0, centre - half),
                "ci_high": min(1.0, centre + half),
                "n": n,
                "status": "judged" if n >= min_group_size else "insufficient data",
            }
        )
    return out


# ---- mitigation (risk) -----------------------------------------------------------------------
def mitigate(
    frame: pl.DataFrame, features: Sequence[str], bp: BiasAuditParams, seed: int
) -> dict[str, Any]:
    """Fit ThresholdOptimizer on half the test patients; audit before/after on the other half."""
    from bias_audit.mitigate import fit_threshold_optimizer, half_split, mitigated_alerts

    mp = bp.mitigation
    fit_half = half_split(frame["patient_id"], seed)
    fit, held = frame.filter(fit_half), frame.filter(~fit_half)
    opt = fit_threshold_optimizer(
        fit["p_urgent"].to_numpy(),
        fit["urgent"].to_numpy(),
        fit[mp.feature].to_numpy(),
        constraints=mp.constraints,
        objective=mp.objective,
    )
    held = held.with_columns(
        pl.Series(
            "alert_mitigated",
            mitigated_alerts(opt, held["p_urgent"].to_numpy(), held[mp.feature].to_numpy(), seed),
        )
    )
    # Before and after on the same held-out half, each feature alone (the heat map of
    # intersections is the main audit's).
    before = audit(held, "risk", features, bp, seed, singles_only=True)
    after = audit(held, "risk", features, bp, seed, y_pred="alert_mitigated", singles_only=True)
    gate_before = gate(held, before, "risk", features, bp, seed)
    gate_after = gate(held, after, "risk", features, bp, seed, y_pred="alert_mitigated")
    return {
        "optimizer": opt,
        "fit_messages": fit.height,
        "audit_messages": held.height,
        "before": before,
        "after": after,
        "gate_before": gate_before,
        "gate_after": gate_after,
    }


def gap_summary(g: dict[str, Any], metric: str = "recall") -> dict[str, dict[str, Any]]:
    """Per feature: the gap check's figure (for the before/after comparison)."""
    return {
        c["features"]: {k: c[k] for k in ("value", "ci_low", "ci_high", "status", "group")}
        for c in g["checks"]
        if c["kind"] == "gap" and c["metric"] == metric
    }


# ---- review queue ----------------------------------------------------------------------------
REVIEW_COLUMNS = ("reviewer_decision", "reviewer_id", "reviewed_at", "reviewer_notes")


def review_queue(frame: pl.DataFrame, task: str, features: Sequence[str]) -> pl.DataFrame:
    """Cases a reviewer should see, with empty decision columns.

    Risk: every urgent (moderate/high) message the model did not alert on, with its groups,
    worst first (lowest P(urgent)). Empathy: replies where any mechanism is off by 2 levels.
    """
    blank = [pl.lit(None, pl.String).alias(c) for c in REVIEW_COLUMNS]
    if task == "risk":
        missed = frame.filter(pl.col("urgent") & ~pl.col("alert"))
        return missed.select(
            "message_id",
            "patient_id",
            *features,
            pl.col("label").alias("current_label"),
            "risk_level",
            pl.col("p_urgent").round(4),
            *blank,
        ).sort("p_urgent")
    off = pl.any_horizontal([(pl.col(m) - pl.col(f"{m}_label")).abs() >= 2 for m in MECHANISMS])
    return frame.filter(off).select(
        "message_id",
        "patient_id",
        *features,
        *[pl.col(f"{m}_label") for m in MECHANISMS],
        *MECHANISMS,
        *blank,
    )


def deid_review(deid: Path, max_score: float) -> pl.DataFrame:
    """Low-confidence de-identification detections (positions and type only, never values)."""
    if not deid.is_file():
        return pl.DataFrame()
    return (
        pl.read_parquet(deid, columns=["message_id", "patient_id", "entities"])
        .explode("entities")
        .drop_nulls("entities")
        .unnest("entities")
        .filter(pl.col("score") < max_score)
        .select(
            "message_id",
            "patient_id",
            "start",
            "end",
            pl.col("type").alias("entity_type"),
            pl.col("score").round(3),
            *[pl.lit(None, pl.String).alias(c) for c in REVIEW_COLUMNS],
        )
        .sort("score")
    )


# ---- the stage -------------------------------------------------------------------------------
def _model_version(task: str) -> dict[str, Any]:
    run_file = MODELS / task / "run.json"
    if not run_file.is_file():
        raise AuditError(f"{run_file}: not found; run `dvc repro train@{task}` first")
    return json.loads(run_file.read_text())


def _mitigation_summary(mitigation: dict[str, Any], bp: BiasAuditParams) -> dict[str, Any]:
    """What report.json says of the ThresholdOptimizer: settings, halves, gates and gaps."""
    return {
        "feature": bp.mitigation.feature,
        "constraints": bp.mitigation.constraints,
        "objective": bp.mitigation.objective,
        "fit_messages": mitigation["fit_messages"],
        "audit_messages": mitigation["audit_messages"],
        "gate_before": {k: v for k, v in mitigation["gate_before"].items() if k != "checks"},
        "gate_after": {k: v for k, v in mitigation["gate_after"].items() if k != "checks"},
        "recall_gaps_before": gap_summary(mitigation["gate_before"]),
        "recall_gaps_after": gap_summary(mitigation["gate_after"]),
        "overall_before": _overall(mitigation["before"]),
        "overall_after": _overall(mitigation["after"]),
    }


def _try_mitigation(
    task: str, frame: pl.DataFrame, features: Sequence[str], bp: BiasAuditParams, seed: int,
    report: dict[str, Any],
) -> dict[str, Any] | None:  # fmt: skip
    """Fit and audit the mitigation for risk when enabled; a fit that fails is reported."""
    if task != "risk" or not bp.mitigation.enabled:
        return None
    log.info("bias_audit@risk: ThresholdOptimizer by %s", bp.mitigation.feature)
    try:
        mitigation = mitigate(frame, features, bp, seed)
    except ValueError as err:  # e.g. a group with only one class in the fitting half
        log.warning("mitigation skipped: ThresholdOptimizer could not be fitted (%s)", err)
        report["mitigation_skipped"] = str(err)
        return None
    report["mitigation"] = _mitigation_summary(mitigation, bp)
    return mitigation


def _write_outputs(
    tmp: Path, table: pl.DataFrame, mitigation: dict[str, Any] | None, queue: pl.DataFrame,
    deid_queue: pl.DataFrame, report: dict[str, Any], reports_dir: Path,
) -> None:  # fmt: skip
    """audit.parquet, mitigation.parquet, the review queues and the HTML/JSON report."""
    from bias_audit.report import write_report

    table.write_parquet(tmp / "audit.parquet")
    if mitigation is not None:
        pl.concat(
            [
                mitigation["before"].with_columns(pl.lit("before").alias("mitigation")),
                mitigation["after"].with_columns(pl.lit("after").alias("mitigation")),
            ]
        ).write_parquet(tmp / "mitigation.parquet")
    queue.write_csv(tmp / "review_queue.csv")
    if deid_queue.height:
        deid_queue.write_csv(tmp / "deid_review.csv")
    write_report(report, table, mitigation, tmp, reports_dir)


def _dvc_metrics(
    result: dict[str, Any], champion: dict[str, Any], report: dict[str, Any]
) -> dict[str, Any]:
    """The DVC metrics file: verdicts and every judged check. Registry version numbers stay
    out of it (a fresh clone numbers versions from 1); they are in report.json, the log and
    MLflow."""
    metrics = {
        "verdict": result["verdict"],
        "champion_assigned": champion.get("champion") is not None,
        "mitigated_verdict": champion.get("mitigated_verdict"),
        "checks": {
            f"{c['check']} [{c['features']}: {c['group']}]": {
                k: c[k] for k in ("value", "ci_low", "ci_high", "n", "status", "shortfall")
            }
            for c in result["checks"]
            if c["status"] != "insufficient data"
        },
        "checks_insufficient_data": result["checks_insufficient_data"],
    }
    if "mitigation" in report:
        metrics["mitigation"] = {
            k: report["mitigation"][k] for k in ("recall_gaps_before", "recall_gaps_after")
        }
    return metrics


@stage("bias_audit", items=("risk", "empathy"))
def main(run: StageRun) -> None:
    """Audit, gate, mitigate (risk), report, review queue, champion alias."""
    task, params = run.item, run.params
    bp, seed = params.bias_audit, params.seed
    version = _model_version(task)
    frame, features = load_frame(
        task,
        params.paths.processed / "predictions" / f"{task}.parquet",
        params.paths.interim,
        bp.sensitive_features,
    )
    log.info("bias_audit@%s: %d test messages, features %s", task, frame.height, features)
    table = audit(frame, task, features, bp, seed)
    result = gate(frame, table, task, features, bp, seed)
    report: dict[str, Any] = {
        "model": {"name": version["registered_model"], "version": version["version"]},
        "task": task,
        "test_messages": frame.height,
        "test_patients": frame["patient_id"].n_unique(),
        "features": list(features),
        "gate": result,
        "deid_name_recall": deid_name_recall(
            params.paths.reports / "deidentify.json", bp.min_group_size
        ),
    }
    mitigation = _try_mitigation(task, frame, features, bp, seed, report)
    queue = review_queue(frame, task, features)
    deid_queue = (
        deid_review(
            params.paths.processed / "deid" / "transcripts.parquet", bp.review_deid_max_score
        )
        if task == "risk"
        else pl.DataFrame()
    )
    report["review_queue"] = {"cases": queue.height, "deid_detections": deid_queue.height}
    out_dir = params.paths.processed / "bias_audit" / task
    with run.tracked(flatten("bias_audit", bp)) as mf:
        champion = _promote(task, version, result, mitigation, mf, bp, seed)
        report["champion"] = champion
        with atomic_dir(out_dir) as tmp:
            _write_outputs(tmp, table, mitigation, queue, deid_queue, report, params.paths.reports)
        for name in ("report.html", "report.json"):
            mf.log_artifact(str(out_dir / name))
        mf.log_metrics(
            {
                "gate_pass": float(result["verdict"] == "pass"),
                "checks_failed": result["checks_failed"],
                "checks_insufficient_data": result["checks_insufficient_data"],
            }
        )
    metrics_path = run.write_report(_dvc_metrics(result, champion, report), f"bias_audit_{task}")
    _say(task, version, result, report, champion)
    log.info(
        "bias_audit@%s in %.0f s: wrote %s/{audit.parquet,report.html,report.json,"
        "review_queue.csv} and %s",
        task,
        run.seconds(),
        out_dir,
        metrics_path,
    )


def _overall(table: pl.DataFrame) -> dict[str, float]:
    first = table.unique("metric", keep="first", maintain_order=True)
    return {r["metric"]: round(r["overall"], 4) for r in first.iter_rows(named=True)}


def _promote(task, version, result, mitigation, mf, bp, seed) -> dict[str, Any]:
    """Give `champion` to the first passing version (the model, then its mitigated version)."""
    from mlflow.tracking import MlflowClient

    client = MlflowClient()
    name = version["registered_model"]
    out: dict[str, Any] = {"model_version": version["version"], "verdict": result["verdict"]}
    client.set_model_version_tag(name, version["version"], "bias_audit", result["verdict"])
    if mitigation is not None:
        mitigated = _register(mitigation, bp, seed, task, mf)
        after = mitigation["gate_after"]["verdict"]
        client.set_model_version_tag(name, mitigated, "bias_audit", after)
        client.set_model_version_tag(name, mitigated, "mitigation_of", version["version"])
        out.update({"mitigated_version": mitigated, "mitigated_verdict": after})
    if result["verdict"] == "pass":
        client.set_registered_model_alias(name, "champion", version["version"])
        out["champion"] = version["version"]
    elif mitigation is not None and out["mitigated_verdict"] == "pass":
        client.set_registered_model_alias(name, "champion", out["mitigated_version"])
        out["champion"] = out["mitigated_version"]
    else:
        out["champion"] = None
    return out


def _register(
    mitigation: dict[str, Any], bp: BiasAuditParams, seed: int, task: str, mf: Any
) -> str:
    import tempfile

    from bias_audit.mitigate import register_mitigated
    from training.predict import weights_folder

    model_dir = MODELS / task / "model"
    weights = weights_folder(model_dir)
    if weights is None:
        raise AuditError(f"{model_dir}: no model weights; run `dvc repro train@{task}`")
    with tempfile.TemporaryDirectory(prefix="mitigation-") as work:
        return register_mitigated(
            mitigation["optimizer"], bp.mitigation.feature, seed, weights, Path(work), mf
        )


def _say(task: str, version: dict, result: dict, report: dict, champion: dict) -> None:
    name = f"{version['registered_model']} v{version['version']}"
    if result["verdict"] == "pass":
        log.info("gate PASSED for %s (%d checks judged)", name, result["checks_judged"])
    else:
        log.warning(
            "gate FAILED for %s: %d of %d judged checks failed (%d not judged: insufficient data)",
            name,
            result["checks_failed"],
            result["checks_judged"],
            result["checks_insufficient_data"],
        )
        for line in result["failed"][:10]:
            log.warning("  %s", line)
        if len(result["failed"]) > 10:
            log.warning("  ... and %d more (report.html)", len(result["failed"]) - 10)
    if "mitigation" in report:
        m = report["mitigation"]
        for feat, before in m["recall_gaps_before"].items():
            after = m["recall_gaps_after"].get(feat, {})
            if before.get("value") is not None and after.get("value") is not None:
                log.info(
                    "  mitigation, recall gap by %s: %.3f -> %.3f",
                    feat,
                    before["value"],
                    after["value"],
                )
    log.info("champion: %s", champion.get("champion") or "none (no version passed)")


if __name__ == "__main__":
    main()
