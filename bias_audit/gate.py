"""The release gate: checks over the audit table, each with its figure and verdict.

- floor: every group with enough data (single features and intersections) must reach the
  minimum (alert recall for risk, macro-F1 per mechanism for empathy). Judged on the point
  estimate; the interval is reported beside it.
- gap: within each single sensitive feature, the largest gap between groups with enough data,
  taking the interval into account: the check passes only when the upper bound of the
  bootstrap interval of the gap (Fairlearn's `difference_ci`) is within the maximum, so a gap
  the data cannot rule out is not passed.
- A group, or a feature with fewer than two groups, with too little data is reported as
  "insufficient data": never a pass, never a fail. The verdict is "pass" only when every
  judged check passes (and at least one check was judged).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from bias_audit.metrics import GroupMetric, metric_frames


def floor_checks(table: pl.DataFrame, metric: str, minimum: float) -> list[dict[str, Any]]:
    """One check per group of `metric`: value >= minimum (insufficient groups not judged)."""
    out = []
    for r in table.filter(pl.col("metric") == metric).iter_rows(named=True):
        judged = r["sufficient"] and r["value"] is not None
        passed = bool(judged and r["value"] >= minimum)
        out.append(
            {
                "check": f"{metric} >= {minimum}",
                "kind": "floor",
                "metric": metric,
                "features": r["features"],
                "group": r["group"],
                "value": r["value"],
                "ci_low": r["ci_low"],
                "ci_high": r["ci_high"],
                "n": r["n"],
                "threshold": minimum,
                "status": ("pass" if passed else "fail") if judged else "insufficient data",
                "shortfall": None if not judged or passed else round(minimum - r["value"], 4),
            }
        )
    return out


def gap_check(
    frame: pl.DataFrame,
    table: pl.DataFrame,
    feature: str,
    name: str,
    metric: GroupMetric,
    maximum: float,
    *,
    y_true: str,
    y_pred: str,
    n_boot: int,
    ci: tuple[float, float],
    seed: int,
) -> dict[str, Any]:
    """Largest gap in `name` between the sufficient groups of `feature`, with its interval."""
    rows = table.filter(
        pl.col("metric") == name, pl.col("features") == feature, pl.col("sufficient")
    )
    groups = rows["group"].to_list()
    base = {
        "check": f"{name} gap <= {maximum}",
        "kind": "gap",
        "metric": name,
        "features": feature,
        "group": " vs ".join(groups),
        "threshold": maximum,
        "n": int(rows["n"].sum()) if rows.height else 0,
    }
    if len(groups) < 2:
        return {
            **base,
            "value": None,
            "ci_low": None,
            "ci_high": None,
            "status": "insufficient data",
            "shortfall": None,
        }
    subset = frame.filter(pl.col(feature).cast(pl.String).is_in(groups))
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        mf, _ = metric_frames(
            subset,
            (feature,),
            {name: metric},
            y_true=y_true,
            y_pred=y_pred,
            n_boot=n_boot,
            ci=ci,
            seed=seed,
        )
    gap = float(mf.difference()[name])  # type: ignore[attr-defined]
    low, high = (float(x[name]) for x in mf.difference_ci())  # type: ignore[attr-defined]
    passed = bool(np.isfinite(high) and high <= maximum)
    worst = rows.sort("value")
    return {
        **base,
        "group": f"{worst['group'][0]} vs {worst['group'][-1]}",
        "value": gap,
        "ci_low": low,
        "ci_high": high,
        "status": "pass" if passed else "fail",
        "shortfall": None if passed else round(high - maximum, 4),
    }


def verdict(checks: list[dict[str, Any]]) -> dict[str, Any]:
    """pass when every judged check passes; the failing checks, worst first."""
    judged = [c for c in checks if c["status"] in ("pass", "fail")]
    failed = sorted(
        (c for c in judged if c["status"] == "fail"), key=lambda c: -(c["shortfall"] or 0)
    )
    ok = bool(judged) and not failed
    return {
        "verdict": "pass" if ok else "fail",
        "checks_judged": len(judged),
        "checks_failed": len(failed),
        "checks_insufficient_data": sum(c["status"] == "insufficient data" for c in checks),
        "failed": [
            f"{c['check']} [{c['features']}: {c['group']}] = {c['value']:.3f} "
            f"(95% CI {c['ci_low']:.3f}-{c['ci_high']:.3f}, n={c['n']}); "
            f"misses by {c['shortfall']:.3f}"
            for c in failed
        ],
    }
