"""Model metrics: pure functions over labels and calibrated probabilities (numpy in, dicts out).

Risk levels are 0 none, 1 low, 2 moderate, 3 high. "Flagged" means any risk (level >= 1);
"urgent" means moderate or high (level >= 2), which is what the alert is for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_curve

from training.tasks import RISK_LEVELS, empathy_score, urgent_probability


def _confidence_bins(
    probs: np.ndarray, labels: np.ndarray, bins: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Top-label confidence, correctness and equal-width bin index of each record."""
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == labels
    edges = np.linspace(0.0, 1.0, bins + 1)
    return conf, correct, np.clip(np.digitize(conf, edges[1:-1]), 0, bins - 1)


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = 15) -> float:
    """Top-label ECE with equal-width confidence bins (Guo et al. 2017)."""
    conf, correct, which = _confidence_bins(probs, labels, bins)
    ece = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            ece += mask.mean() * abs(correct[mask].mean() - conf[mask].mean())
    return float(ece)


def _binary_f1(truth: np.ndarray, pred: np.ndarray) -> float:
    return float(f1_score(truth, pred, zero_division=0))


def risk_metrics(labels: np.ndarray, probs: np.ndarray, threshold: float) -> dict[str, Any]:
    """Macro/flagged/urgent F1, alert recall/precision, none-alert rate, ECE, confusion matrix."""
    labels = np.asarray(labels)
    pred = probs.argmax(axis=1)
    urgent_prob = urgent_probability(probs)
    alert = urgent_prob >= threshold
    urgent = labels >= 2
    none = labels == 0
    per_class = f1_score(labels, pred, labels=range(4), average=None, zero_division=0)
    return {
        "records": len(labels),
        "macro_f1": float(
            f1_score(labels, pred, labels=range(4), average="macro", zero_division=0)
        ),
        "f1_by_level": {lv: float(v) for lv, v in zip(RISK_LEVELS, per_class, strict=True)},
        "flagged_f1": _binary_f1(labels >= 1, pred >= 1),
        "urgent_f1": _binary_f1(urgent, pred >= 2),
        "alert_recall": float(alert[urgent].mean()) if urgent.any() else float("nan"),
        "alert_precision": float(urgent[alert].mean()) if alert.any() else 0.0,
        "alert_rate_none": float(alert[none].mean()) if none.any() else float("nan"),
        "alert_rate": float(alert.mean()),
        "alert_threshold": float(threshold),
        "ece": expected_calibration_error(probs, labels),
        "confusion": confusion_matrix(labels, pred, labels=range(4)).tolist(),
    }


def urgent_pr_curve(labels: np.ndarray, probs: np.ndarray) -> list[dict[str, float]]:
    """Precision-recall points of the alert score P(moderate or high) against urgent labels."""
    precision, recall, thresholds = precision_recall_curve(
        np.asarray(labels) >= 2, urgent_probability(probs)
    )
    return [
        {"threshold": float(t), "precision": float(p), "recall": float(r)}
        for p, r, t in zip(precision[:-1], recall[:-1], thresholds, strict=True)
    ]


def calibration_points(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> list[dict]:
    """Reliability diagram points: mean confidence vs accuracy per confidence bin."""
    conf, correct, which = _confidence_bins(probs, labels, bins)
    return [
        {
            "bin": b,
            "confidence": float(conf[which == b].mean()),
            "accuracy": float(correct[which == b].mean()),
            "records": int((which == b).sum()),
        }
        for b in range(bins)
        if (which == b).any()
    ]


def empathy_metrics(
    labels: np.ndarray, probs: Sequence[np.ndarray], mechanisms: Sequence[str]
) -> dict[str, Any]:
    """Accuracy and macro-F1 per mechanism, their mean, and the empathy score's error."""
    labels = np.asarray(labels)
    out: dict[str, Any] = {"records": len(labels)}
    f1s = []
    for i, (mech, p) in enumerate(zip(mechanisms, probs, strict=True)):
        pred = p.argmax(axis=1)
        f1 = float(f1_score(labels[:, i], pred, labels=range(3), average="macro", zero_division=0))
        f1s.append(f1)
        out[mech] = {
            "accuracy": float(accuracy_score(labels[:, i], pred)),
            "macro_f1": f1,
            "confusion": confusion_matrix(labels[:, i], pred, labels=range(3)).tolist(),
        }
    out["mean_macro_f1"] = float(np.mean(f1s))
    score = empathy_score(probs)
    true_score = labels.sum(axis=1)
    out["empathy_score_mae"] = float(np.abs(score - true_score).mean())
    out["empathy_score_pearson"] = (
        float(np.corrcoef(score, true_score)[0, 1]) if np.std(score) > 0 else 0.0
    )
    return out
