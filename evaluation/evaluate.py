"""Score a trained model on the test split, beside a TF-IDF baseline.

DVC runs: python -m evaluation.evaluate risk|empathy

The test split is patients written with held-out phrasings (see build_datasets). The baseline
is TF-IDF (word 1-2-grams) with logistic regression, trained on the same train split, its
alert threshold chosen on the same validation split for the same target recall. Writes
`reports/evaluate_<task>.json` (DVC metrics), `reports/plots/` (DVC plots: precision-recall,
confusion, calibration), the test predictions for the bias audit in
`processed/predictions/<task>.parquet` (ids, labels, predictions; no text), and logs the
test metrics and figures to the model's training run in MLflow. When `pipelines.corpora` has
written real corpora, the report gains a `real` section on their test splits (evaluation/real.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from evaluation.metrics import (
    calibration_points,
    empathy_metrics,
    risk_metrics,
    urgent_pr_curve,
)
from pipelines.core.errors import UserError
from pipelines.core.io import atomic_dir, write_parquet_atomic
from pipelines.core.params import Params
from pipelines.core.stage import StageRun, stage
from training.tasks import (
    MECHANISMS,
    MODELS,
    RISK_LEVELS,
    TASKS,
    Task,
    empathy_score,
    urgent_probability,
)

log = logging.getLogger("carebridge.evaluate")


def baseline_probs(
    train: tuple[list[str], np.ndarray], others: Sequence[list[str]], balanced: bool, seed: int
) -> list[np.ndarray]:
    """TF-IDF + logistic regression fitted on `train`; probabilities for each of `others`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, y = train
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(
        max_iter=2000, C=4.0, class_weight="balanced" if balanced else None, random_state=seed
    ).fit(x, y)
    out = []
    for t in others:
        p = np.zeros((len(t), int(y.max()) + 1))
        p[:, clf.classes_] = clf.predict_proba(vec.transform(t))
        out.append(p)
    return out


def _join(first: list[str], second: list[str] | None) -> list[str]:
    return first if second is None else [f"{a} || {b}" for a, b in zip(first, second, strict=True)]


def evaluate(task: Task, params: Params, model_dir: Path) -> dict[str, Any]:
    """Metrics of the model and the baseline on the test split, plus plot rows and predictions."""
    from datasets import load_from_disk

    from training.calibration import alert_threshold
    from training.datamodule import labels_of, split_inputs
    from training.predict import load_predictor

    ds_path = params.paths.processed / "datasets" / task.name
    if not ds_path.exists():
        raise UserError(f"{ds_path} not found: run the build_datasets stage first")
    dd = load_from_disk(str(ds_path))
    predictor = load_predictor(model_dir)
    context = task.name == "risk" and params.datasets.risk_context_turns > 0
    test = dd["test"]
    y = labels_of(test, task).numpy()
    first, second = split_inputs(test, task, context)
    probs = predictor.probabilities(first, second)
    y_train = labels_of(dd["train"], task).numpy()
    y_val = labels_of(dd["validation"], task).numpy()
    tr_text = _join(*split_inputs(dd["train"], task, context))
    va_text = _join(*split_inputs(dd["validation"], task, context))
    te_text = _join(first, second)
    result: dict[str, Any] = {"task": task.name, "test_records": len(y)}
    pred = pl.DataFrame({"message_id": test["message_id"], "patient_id": test["patient_id"]})
    if task.name == "risk":
        p = probs[0]
        result["model"] = risk_metrics(y[:, 0], p, predictor.alert_threshold)
        b_val, b_test = baseline_probs(
            (tr_text, y_train[:, 0]), [va_text, te_text], True, params.seed
        )
        b_thr = alert_threshold(
            urgent_probability(b_val),
            y_val[:, 0] >= 2,
            params.train.risk.target_recall,
            params.train.risk.recall_confidence,
        )
        result["baseline"] = risk_metrics(y[:, 0], b_test, b_thr)
        keys = ("macro_f1", "flagged_f1", "urgent_f1", "alert_recall", "alert_rate_none")
        result["lift"] = {k: result["model"][k] - result["baseline"][k] for k in keys}
        result["plots"] = {
            "pr_curve": urgent_pr_curve(y[:, 0], p),
            "calibration": calibration_points(p, y[:, 0]),
            "confusion": [
                {"actual": RISK_LEVELS[a], "predicted": RISK_LEVELS[b]}
                for a, b in zip(y[:, 0], p.argmax(1), strict=True)
            ],
        }
        pred = pred.with_columns(
            label=pl.Series(np.asarray(RISK_LEVELS)[y[:, 0]].tolist()),
            risk_level=pl.Series(np.asarray(RISK_LEVELS)[p.argmax(1)].tolist()),
            p_urgent=pl.Series(urgent_probability(p)),
            alert=pl.Series(urgent_probability(p) >= predictor.alert_threshold),
            **{f"p_{lv}": pl.Series(p[:, i]) for i, lv in enumerate(RISK_LEVELS)},
        )
    else:
        result["model"] = empathy_metrics(y, probs, MECHANISMS)
        base = [
            baseline_probs((tr_text, y_train[:, i]), [te_text], False, params.seed)[0]
            for i in range(len(MECHANISMS))
        ]
        result["baseline"] = empathy_metrics(y, base, MECHANISMS)
        result["lift"] = {
            "mean_macro_f1": result["model"]["mean_macro_f1"] - result["baseline"]["mean_macro_f1"]
        }
        result["plots"] = {
            "confusion": [
                {"mechanism": m, "actual": int(a), "predicted": int(b)}
                for i, m in enumerate(MECHANISMS)
                for a, b in zip(y[:, i], probs[i].argmax(1), strict=True)
            ]
        }
        pred = pred.with_columns(
            **{f"{m}_label": pl.Series(y[:, i]) for i, m in enumerate(MECHANISMS)},
            **{m: pl.Series(probs[i].argmax(1)) for i, m in enumerate(MECHANISMS)},
            empathy_score=pl.Series(empathy_score(probs)),
        )
    result["predictions"] = pred
    return result | _real(task, params, predictor)


def _real(task: Task, params: Params, predictor: Any) -> dict[str, Any]:
    """`{"real": ...}` figures on the corpora's test splits, or {} when none are configured."""
    from evaluation.real import real_section

    section = real_section(
        task.name,
        params.paths.processed / "corpora",
        predictor,
        window_words=params.datasets.window_words,
        baseline=baseline_probs,
        seed=params.seed,
    )
    return {} if section is None else {"real": section}


def _figures(task: Task, result: dict[str, Any], plots: dict, folder: Path) -> list[Path]:
    """Confusion matrix and reliability diagram as PNG files (for MLflow)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    paths = []
    model = result["model"]
    if task.name == "risk":
        mats = {"risk_level": (np.array(model["confusion"]), RISK_LEVELS)}
    else:
        mats = {m: (np.array(model[m]["confusion"]), ("0", "1", "2")) for m in MECHANISMS}
    for name, (mat, labels) in mats.items():
        fig, ax = plt.subplots(figsize=(4.5, 4))
        ConfusionMatrixDisplay(mat, display_labels=labels).plot(ax=ax, colorbar=False)
        ax.set_title(f"{task.name}: {name} (test)")
        path = folder / f"confusion_{task.name}_{name}.png"
        fig.savefig(path, dpi=100, bbox_inches="tight")
        plt.close(fig)
        paths.append(path)
    if task.name == "risk":
        pts = plots["calibration"]
        fig, ax = plt.subplots(figsize=(4, 4))
        ax.plot([0, 1], [0, 1], "--", color="grey")
        ax.plot([p["confidence"] for p in pts], [p["accuracy"] for p in pts], "o-")
        ax.set_xlabel("confidence")
        ax.set_ylabel("accuracy")
        ax.set_title(f"risk calibration (test), ECE {model['ece']:.3f}")
        path = folder / "calibration_risk.png"
        fig.savefig(path, dpi=100, bbox_inches="tight")
        plt.close(fig)
        paths.append(path)
    return paths


def _flat_metrics(prefix: str, metrics: dict[str, Any]) -> dict[str, float]:
    out = {}
    for k, v in metrics.items():
        if isinstance(v, dict):
            out.update(_flat_metrics(f"{prefix}.{k}", v))
        elif isinstance(v, float | int) and not isinstance(v, bool) and np.isfinite(v):
            out[f"{prefix}.{k}"] = float(v)
    return out


def _training_run(task: Task, params: Params) -> dict[str, Any]:
    """The model's `run.json`, checked against the MLflow store before anything is written:
    the test metrics go to the model's training run."""
    from mlflow.exceptions import MlflowException
    from mlflow.tracking import MlflowClient

    from pipelines.core.tracking import configure

    run_file = MODELS / task.name / "run.json"
    if not run_file.exists():
        raise UserError(f"{run_file} not found: run the train stage for {task.name} first")
    registered = json.loads(run_file.read_text())
    configure(params.mlflow)
    try:
        MlflowClient().get_run(registered["run_id"])
    except MlflowException:
        raise UserError(
            f"{run_file}: the model's training run is not in {params.mlflow.tracking_uri} "
            f"(models copied from another checkout?); re-run the train stage for {task.name}"
        ) from None
    return registered


def _log_to_training_run(
    task: Task, registered: dict[str, Any], result: dict[str, Any], plots: dict, report: Path
) -> None:
    """Test metrics, the report and the figures into the training run; the headline figure
    as a tag on the registered version."""
    import tempfile

    import mlflow
    from mlflow.tracking import MlflowClient

    with mlflow.start_run(run_id=registered["run_id"]):
        mlflow.log_metrics(
            {
                **_flat_metrics("test", result["model"]),
                **_flat_metrics("baseline", result["baseline"]),
                **_flat_metrics("lift", result["lift"]),
                **_flat_metrics("real", result.get("real", {})),
            }
        )
        mlflow.log_artifact(str(report))
        with tempfile.TemporaryDirectory() as tmp:
            for fig in _figures(task, result, plots, Path(tmp)):
                mlflow.log_artifact(str(fig), artifact_path="figures")
    headline = "macro_f1" if task.name == "risk" else "mean_macro_f1"
    MlflowClient().set_model_version_tag(
        registered["registered_model"], registered["version"], f"test_{headline}",
        f"{result['model'][headline]:.4f}",
    )  # fmt: skip


@stage("evaluate", items=tuple(TASKS))
def main(run: StageRun) -> None:
    """Evaluate `python -m evaluation.evaluate risk|empathy` on its test split."""
    task, params = TASKS[run.item], run.params
    registered = _training_run(task, params)
    result = evaluate(task, params, MODELS / task.name / "model")
    predictions = result.pop("predictions")
    plots = result.pop("plots")
    plot_dir = params.paths.reports / "plots" / task.name
    with atomic_dir(plot_dir) as tmp_dir:
        for name, rows in plots.items():
            pl.DataFrame(rows).write_csv(tmp_dir / f"{name}.csv")
    pred_path = params.paths.processed / "predictions" / f"{task.name}.parquet"
    pred_path.parent.mkdir(parents=True, exist_ok=True)
    write_parquet_atomic(predictions, pred_path)
    report_path = run.write_report(result, f"evaluate_{task.name}")
    _log_to_training_run(task, registered, result, plots, report_path)
    m, b = result["model"], result["baseline"]
    if task.name == "risk":
        run.log.info(
            "risk test (%d messages): macro-F1 %.3f (baseline %.3f), alert recall %.3f, "
            "alert rate on none %.3f, ECE %.3f",
            len(predictions), m["macro_f1"], b["macro_f1"], m["alert_recall"],
            m["alert_rate_none"], m["ece"],
        )  # fmt: skip
    else:
        run.log.info(
            "empathy test (%d pairs): mean macro-F1 %.3f (baseline %.3f)",
            len(predictions), m["mean_macro_f1"], b["mean_macro_f1"],
        )  # fmt: skip
    run.log.info("wrote %s, plots in %s, predictions in %s", report_path, plot_dir, pred_path)


if __name__ == "__main__":
    main()
