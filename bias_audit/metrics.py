"""Per-group metrics with bootstrap intervals, from Fairlearn's MetricFrame.

Each metric is a small numpy function of (y_true, y_pred[, prob]); MetricFrame splits the
rows by the sensitive features (one, or a pair for intersections), computes every metric per
group and overall, and bootstraps intervals (`n_boot`, `ci_quantiles`). Every value comes
with the number of messages it is computed over (its denominator), and a value over fewer
than `min_group_size` is marked insufficient: reported, never judged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import polars as pl

from training.tasks import MECHANISMS

N_BINS = 10


def _rate(num: np.ndarray, den: np.ndarray) -> float:
    d = int(den.sum())
    return float(num[den].mean()) if d else float("nan")


def recall(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """True positive rate: alerts among urgent messages."""
    y, p = np.asarray(y_true, bool), np.asarray(y_pred, bool)
    return _rate(p, y)


def false_negative_rate(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Missed urgent messages among urgent messages (1 - recall)."""
    y, p = np.asarray(y_true, bool), np.asarray(y_pred, bool)
    return _rate(~p, y)


def false_positive_rate(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Alerts among messages that are not urgent."""
    y, p = np.asarray(y_true, bool), np.asarray(y_pred, bool)
    return _rate(p, ~y)


def precision(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Urgent messages among alerts."""
    y, p = np.asarray(y_true, bool), np.asarray(y_pred, bool)
    return _rate(y, p)


def selection_rate(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Share of messages alerted."""
    p = np.asarray(y_pred, bool)
    return float(p.mean()) if p.size else float("nan")


def calibration_error(y_true: np.ndarray, y_pred: np.ndarray, prob: np.ndarray) -> float:
    """Expected calibration error of P(urgent) against urgency, 10 equal-width bins."""
    y, pr = np.asarray(y_true, float), np.asarray(prob, float)
    if not y.size:
        return float("nan")
    bins = np.minimum((pr * N_BINS).astype(int), N_BINS - 1)
    total = 0.0
    for b in np.unique(bins):
        m = bins == b
        total += m.sum() * abs(y[m].mean() - pr[m].mean())
    return float(total / y.size)


def macro_f1(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[int] = (0, 1, 2)) -> float:
    """Macro-F1 over the labels present in y_true or y_pred, as scikit-learn's f1_score
    (average="macro", zero_division=0) computes it, in numpy (it runs per bootstrap sample)."""
    t, p = np.asarray(y_true, int), np.asarray(y_pred, int)
    if not t.size:
        return float("nan")
    present = np.union1d(np.unique(t), np.unique(p))
    scores = []
    for c in present:
        tp = np.sum((t == c) & (p == c))
        denom = np.sum(t == c) + np.sum(p == c)
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def mechanism_f1(
    y_true: np.ndarray, y_pred: np.ndarray, *, truth: np.ndarray, pred: np.ndarray
) -> float:
    """Macro-F1 of one empathy mechanism (its labels passed as sample params)."""
    return macro_f1(truth, pred)


def positives(y_true: np.ndarray, y_pred: np.ndarray) -> int:
    return int(np.asarray(y_true, bool).sum())


def negatives(y_true: np.ndarray, y_pred: np.ndarray) -> int:
    return int((~np.asarray(y_true, bool)).sum())


def predicted_positives(y_true: np.ndarray, y_pred: np.ndarray) -> int:
    return int(np.asarray(y_pred, bool).sum())


def messages(y_true: np.ndarray, y_pred: np.ndarray) -> int:
    return len(y_true)


@dataclass(frozen=True)
class GroupMetric:
    """A metric, the count it is computed over, which direction is better, and any
    per-message columns it takes besides (y_true, y_pred) as {argument: column}."""

    fn: Callable[..., float]
    denominator: Callable[..., int]
    higher_is_better: bool
    columns: tuple[tuple[str, str], ...] = ()


RISK_METRICS: dict[str, GroupMetric] = {
    "recall": GroupMetric(recall, positives, True),
    "false_negative_rate": GroupMetric(false_negative_rate, positives, False),
    "false_positive_rate": GroupMetric(false_positive_rate, negatives, False),
    "precision": GroupMetric(precision, predicted_positives, True),
    "selection_rate": GroupMetric(selection_rate, messages, True),
    "calibration_error": GroupMetric(calibration_error, messages, False, (("prob", "p_urgent"),)),
}
EMPATHY_METRICS: dict[str, GroupMetric] = {
    f"{m}_macro_f1": GroupMetric(
        mechanism_f1, messages, True, (("truth", f"{m}_label"), ("pred", m))
    )
    for m in MECHANISMS
}


def metric_frames(
    frame: pl.DataFrame,
    features: tuple[str, ...],
    metrics: dict[str, GroupMetric],
    *,
    y_true: str,
    y_pred: str,
    n_boot: int,
    ci: tuple[float, float],
    seed: int,
) -> tuple[object, object]:
    """Two Fairlearn MetricFrames over `frame` split by `features`: the metrics with
    bootstrap intervals, and each metric's denominator count per group."""
    from fairlearn.metrics import MetricFrame

    yt, yp = frame[y_true].to_numpy(), frame[y_pred].to_numpy()
    sf = frame.select(features).to_pandas().astype(str)
    sample_params = {
        name: {arg: frame[col].to_numpy() for arg, col in m.columns}
        for name, m in metrics.items()
        if m.columns
    }
    values = MetricFrame(
        metrics={name: m.fn for name, m in metrics.items()},
        y_true=yt,
        y_pred=yp,
        sensitive_features=sf,
        sample_params=sample_params or None,
        n_boot=n_boot,
        ci_quantiles=list(ci),
        random_state=seed,
    )
    counts = MetricFrame(
        metrics={name: m.denominator for name, m in metrics.items()},
        y_true=yt,
        y_pred=yp,
        sensitive_features=sf,
    )
    return values, counts


def _label(index: object) -> str:
    return " & ".join(str(x) for x in index) if isinstance(index, tuple) else str(index)


def audit_table(
    frame: pl.DataFrame,
    features: tuple[str, ...],
    metrics: dict[str, GroupMetric],
    *,
    y_true: str,
    y_pred: str,
    min_group_size: int,
    n_boot: int,
    ci: tuple[float, float],
    seed: int,
) -> pl.DataFrame:
    """Long table for one feature set: a row per (group, metric) with value, interval,
    count, sufficiency, and disparities to the best sufficient group and to overall."""
    import warnings

    with warnings.catch_warnings():
        # bootstrap samples in which a small group has no urgent message give NaN quantiles
        warnings.simplefilter("ignore", RuntimeWarning)
        mf, counts = metric_frames(
            frame,
            features,
            metrics,
            y_true=y_true,
            y_pred=y_pred,
            n_boot=n_boot,
            ci=ci,
            seed=seed,
        )
    low, high = mf.by_group_ci  # type: ignore[attr-defined]
    o_low, o_high = mf.overall_ci  # type: ignore[attr-defined]
    rows = []
    for name, m in metrics.items():
        overall = float(mf.overall[name])  # type: ignore[attr-defined]
        by_group = mf.by_group[name]  # type: ignore[attr-defined]
        n_by_group = counts.by_group[name]  # type: ignore[attr-defined]
        sufficient = n_by_group.fillna(0) >= min_group_size
        judged = by_group[sufficient].dropna()
        best = (judged.max() if m.higher_is_better else judged.min()) if len(judged) else np.nan
        for idx, value in by_group.items():
            if pd.isna(n_by_group[idx]) or n_by_group[idx] == 0:
                continue  # an intersection with no messages
            v = float(value)
            rows.append(
                {
                    "features": " x ".join(features),
                    "group": _label(idx),
                    "metric": name,
                    "value": v,
                    "ci_low": float(low[name][idx]),
                    "ci_high": float(high[name][idx]),
                    "n": int(n_by_group[idx]),
                    "sufficient": bool(sufficient[idx]),
                    "status": "judged" if sufficient[idx] else "insufficient data",
                    "higher_is_better": m.higher_is_better,
                    "overall": overall,
                    "overall_ci_low": float(o_low[name]),
                    "overall_ci_high": float(o_high[name]),
                    "diff_to_best": v - best,
                    "ratio_to_best": v / best if best else np.nan,
                    "diff_to_overall": v - overall,
                    "ratio_to_overall": v / overall if overall else np.nan,
                }
            )
    return pl.DataFrame(rows).with_columns(pl.col(pl.Float64).fill_nan(None))
