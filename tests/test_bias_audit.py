"""Bias audit on small fixed arrays (checked against scikit-learn on masked subgroups), the gate
(pass, fail, insufficient data), mitigation, the report and the review read-back."""

from __future__ import annotations

import json

import numpy as np
import polars as pl
import pytest
from sklearn.metrics import confusion_matrix, f1_score, precision_score, recall_score

from bias_audit.gate import floor_checks, gap_check, verdict
from bias_audit.metrics import EMPATHY_METRICS, RISK_METRICS, audit_table, macro_f1
from bias_audit.review import ReviewError, apply_decisions

RNG = np.random.default_rng(3)
N = 600


def risk_frame(recall_b: float = 0.6, n: int = N) -> pl.DataFrame:
    """Two groups; group b's urgent messages are alerted less often."""
    group = np.where(np.arange(n) % 3 == 0, "b", "a")
    urgent = RNG.random(n) < 0.3
    hit = np.where(group == "a", 0.95, recall_b)
    alert = np.where(urgent, RNG.random(n) < hit, RNG.random(n) < 0.1)
    score = np.clip(np.where(alert, 0.6, 0.2) + RNG.normal(0, 0.15, n), 0, 1)
    return pl.DataFrame({"g": group, "urgent": urgent, "alert": alert, "p_urgent": score})


def table_of(frame, min_group_size=20, n_boot=30):
    return audit_table(
        frame,
        ("g",),
        RISK_METRICS,
        y_true="urgent",
        y_pred="alert",
        min_group_size=min_group_size,
        n_boot=n_boot,
        ci=(0.025, 0.975),
        seed=0,
    )


def test_risk_metrics_match_sklearn_on_masked_subgroups():
    frame = risk_frame()
    t = table_of(frame)
    for g in ("a", "b"):
        m = (frame["g"] == g).to_numpy()
        y, p = frame["urgent"].to_numpy()[m], frame["alert"].to_numpy()[m]
        tn, fp, fn, tp = confusion_matrix(y, p).ravel()
        got = {r["metric"]: r for r in t.filter(pl.col("group") == g).iter_rows(named=True)}
        assert got["recall"]["value"] == pytest.approx(recall_score(y, p))
        assert got["false_negative_rate"]["value"] == pytest.approx(fn / (fn + tp))
        assert got["false_positive_rate"]["value"] == pytest.approx(fp / (fp + tn))
        assert got["precision"]["value"] == pytest.approx(precision_score(y, p))
        assert got["selection_rate"]["value"] == pytest.approx(p.mean())
        assert got["recall"]["n"] == y.sum() and got["false_positive_rate"]["n"] == (~y).sum()
        low, high = got["recall"]["ci_low"], got["recall"]["ci_high"]
        assert low <= got["recall"]["value"] <= high


def test_empathy_macro_f1_matches_sklearn():
    truth = RNG.integers(0, 3, 200)
    pred = np.where(RNG.random(200) < 0.7, truth, RNG.integers(0, 3, 200))
    assert macro_f1(truth, pred) == pytest.approx(
        f1_score(truth, pred, average="macro", zero_division=0)
    )
    assert macro_f1(np.array([0, 0]), np.array([0, 1])) == pytest.approx(
        f1_score([0, 0], [0, 1], average="macro", zero_division=0)
    )
    frame = pl.DataFrame({"g": np.where(np.arange(200) < 100, "x", "y")}).with_columns(
        **{
            f"{m}_label": pl.Series(truth)
            for m in ("emotional_reactions", "interpretations", "explorations")
        },
        **{m: pl.Series(pred) for m in ("emotional_reactions", "interpretations", "explorations")},
    )
    t = audit_table(
        frame,
        ("g",),
        EMPATHY_METRICS,
        y_true="emotional_reactions_label",
        y_pred="emotional_reactions",
        min_group_size=10,
        n_boot=20,
        ci=(0.025, 0.975),
        seed=0,
    )
    row = t.filter(pl.col("group") == "y", pl.col("metric") == "explorations_macro_f1").row(
        0, named=True
    )
    assert row["value"] == pytest.approx(
        f1_score(truth[100:], pred[100:], average="macro", zero_division=0)
    )


def test_small_groups_are_insufficient_never_passed():
    frame = risk_frame()
    t = table_of(frame, min_group_size=10_000)
    assert set(t["status"]) == {"insufficient data"}
    checks = floor_checks(t, "recall", 0.5)
    assert {c["status"] for c in checks} == {"insufficient data"}
    v = verdict(checks)
    assert v["verdict"] == "fail" and v["checks_judged"] == 0  # nothing judged: cannot pass


def _gate(frame, t, floor, max_gap):
    checks = floor_checks(t, "recall", floor)
    checks.append(
        gap_check(
            frame,
            t,
            "g",
            "recall",
            RISK_METRICS["recall"],
            max_gap,
            y_true="urgent",
            y_pred="alert",
            n_boot=50,
            ci=(0.025, 0.975),
            seed=0,
        )
    )
    return checks, verdict(checks)


def test_gate_fails_on_a_disparity_and_says_by_how_much():
    frame = risk_frame(recall_b=0.5)
    checks, v = _gate(frame, table_of(frame), 0.9, 0.05)
    assert v["verdict"] == "fail"
    gap = next(c for c in checks if c["kind"] == "gap")
    assert gap["status"] == "fail" and gap["value"] > 0.3
    assert gap["shortfall"] == pytest.approx(gap["ci_high"] - 0.05, abs=1e-4)
    b = next(c for c in checks if c["group"] == "b")
    assert b["status"] == "fail" and b["shortfall"] == pytest.approx(0.9 - b["value"], abs=1e-4)
    assert any("misses by" in line for line in v["failed"])


def test_gate_passes_when_every_group_with_data_is_good():
    n = 900
    frame = pl.DataFrame(
        {
            "g": np.where(np.arange(n) % 2 == 0, "a", "b"),
            "urgent": np.arange(n) % 3 == 0,
        }
    ).with_columns(alert=pl.col("urgent"), p_urgent=pl.col("urgent").cast(pl.Float64))
    checks, v = _gate(frame, table_of(frame), 0.9, 0.05)
    assert v["verdict"] == "pass", v
    assert all(c["status"] == "pass" for c in checks)


def test_threshold_optimizer_narrows_the_recall_gap():
    from bias_audit.mitigate import fit_threshold_optimizer, mitigated_alerts

    n = 4000
    g = np.where(np.arange(n) % 2 == 0, "a", "b")
    y = RNG.random(n) < 0.3
    # group b's urgent messages get lower scores: one threshold misses more of them
    score = np.clip(
        np.where(y, np.where(g == "a", 0.7, 0.45), 0.25) + RNG.normal(0, 0.12, n), 0, 1
    )
    base = score >= 0.5
    fit = np.arange(n) < n // 2
    opt = fit_threshold_optimizer(
        score[fit],
        y[fit],
        g[fit],
        constraints="true_positive_rate_parity",
        objective="balanced_accuracy_score",
    )
    after = mitigated_alerts(opt, score[~fit], g[~fit], seed=0)

    def gap(pred):
        r = [pred[(g[~fit] == k) & y[~fit]].mean() for k in ("a", "b")]
        return abs(r[0] - r[1])

    assert gap(base[~fit]) > 0.3
    assert gap(after) < gap(base[~fit]) / 2


def test_review_decisions_become_contract_valid_labels(tmp_path):
    base = tmp_path / "risk_labels.csv"
    pl.DataFrame(
        {"message_id": ["m1", "m2", "m3"], "risk_level": ["none", "low", "none"]}
    ).write_csv(base)
    queue = tmp_path / "review_queue.csv"
    pl.DataFrame(
        {
            "message_id": ["m1", "m3", "m2"],
            "reviewer_decision": ["High", "", "low"],
            "reviewer_id": ["r1", None, "r1"],
        }
    ).write_csv(queue)
    out = tmp_path / "new_labels.csv"
    res = apply_decisions(queue, base, out)
    assert res == {"decisions": 2, "changed": 1, "labels": 3}
    got = pl.read_csv(out).sort("message_id")
    assert got["risk_level"].to_list() == ["high", "low", "none"]
    pl.DataFrame({"message_id": ["m1"], "reviewer_decision": ["urgent!"]}).write_csv(queue)
    with pytest.raises(ReviewError, match=r"rows 2: column 'reviewer_decision' must be one of"):
        apply_decisions(queue, base, tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def _report_of(frame: pl.DataFrame, t: pl.DataFrame) -> dict:
    checks = floor_checks(t, "recall", 0.9)
    return {
        "model": {"name": "risk-classifier", "version": "7"},
        "task": "risk",
        "test_messages": frame.height,
        "test_patients": 40,
        "features": ["g"],
        "gate": {**verdict(checks), "checks": checks},
        "deid_name_recall": [],
        "review_queue": {"cases": 3, "deid_detections": 0},
        "champion": {"champion": None},
    }


def test_report_is_self_contained_with_sign_off(tmp_path):
    from bias_audit.report import write_report

    frame = risk_frame()
    t = table_of(frame)
    write_report(_report_of(frame, t), t, None, tmp_path, tmp_path)
    page = (tmp_path / "report.html").read_text()
    assert "data:image/png;base64," in page and "<script" not in page and "http" not in page
    assert "Sign-off" in page and "do not release" in page
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["sign_off"]["decision"] is None and data["gate"]["verdict"] == "fail"
    assert {g["group"] for g in data["groups"]} == {"a", "b"}


def test_report_escapes_what_the_data_says(tmp_path):
    """Group, feature and model names reach the page as text, never as markup."""
    from bias_audit.report import write_report

    evil = "<script>alert(1)</script>"
    frame = risk_frame().with_columns(pl.col("g").replace("b", evil))
    t = table_of(frame)
    report = _report_of(frame, t)
    report["model"]["name"] = 'risk "A&B"'
    report["features"] = ["g<i>"]
    report["deid_name_recall"] = [
        {"group": evil, "recall": 0.5, "ci_low": None, "ci_high": 0.9, "n": 4, "status": "fail"}
    ]
    write_report(report, t, None, tmp_path, tmp_path)
    page = (tmp_path / "report.html").read_text()
    assert "<script" not in page and "<i>" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3  # checks, groups, de-id
    assert "<title>Bias audit risk &quot;A&amp;B&quot; version 7</title>" in page
    assert "Sensitive features: g&lt;i&gt;." in page
    assert '<tr class="fail"><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>0.500</td>' in page
