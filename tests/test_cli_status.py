"""`carebridge status`: output folders and one line per stage report, from the reports alone."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from pipelines.cli import app
from pipelines.core.status import FOLDERS, REPORT_LINES, report_line
from tests.conftest import ROOT


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty working directory with the project's params.yaml (relative data/ paths)."""
    shutil.copy(ROOT / "params.yaml", tmp_path / "params.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(workdir, name: str, payload: dict) -> None:
    reports = workdir / "data" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / name).write_text(json.dumps(payload))


def _status() -> list[str]:
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


HEADLINES = ("wellbeing_increase", "crisis_reduction", "engagement_increase")


def _figure(estimate, low, high, published):
    return {"estimate": estimate, "ci_low": low, "ci_high": high, "published": published}


def test_nothing_produced_yet(workdir):
    out = _status()
    assert out[1] == "CareBridge pipeline outputs:"
    assert (
        "  validated tables                         data/interim/cohort/  "
        "(missing: run `make run`)" in out
    )
    models = "  trained models (MLflow pyfunc)           data/models/  (missing: run `make run`)"
    assert models in out
    assert not any(line.startswith(("  cohort:", "  outcomes,")) for line in out)
    assert out[-4:] == [
        "Next:",
        "  make dashboard   open the dashboard on http://127.0.0.1:8501",
        "  make mlflow      open MLflow's UI on http://127.0.0.1:5000",
        "  .venv/bin/dvc metrics show    the stages' numbers",
    ]


def test_folder_counts_files_and_size(workdir):
    folder = workdir / "data" / "processed" / "outcomes"
    folder.mkdir(parents=True)
    (folder / "a.parquet").write_bytes(b"\0" * 150_000)
    (folder / "b.parquet").write_bytes(b"\0" * 100_000)
    assert (
        "  program outcomes and screening           data/processed/outcomes/  "
        "(2 files, 0.2 MB)" in _status()
    )


def test_stage_report_lines_in_pipeline_order(workdir):
    _write(
        workdir,
        "synthesize.json",
        {
            "rows": {"patients": 3, "weekly_measures": 40, "transcripts": 12},
            "diversity": {"distinct_3": 0.25, "heldout_core_phrasing_unseen_share": 1.0},
        },
    )
    _write(
        workdir,
        "deidentify.json",
        {
            "messages": 12,
            "eval": {"split": "heldout", "overall": {"span_recall": 0.98, "span_precision": 0.7}},
            "gate": {"passed": True},
        },
    )
    _write(
        workdir,
        "evaluate_risk.json",
        {
            "test_records": 5,
            "model": {"macro_f1": 0.8, "alert_recall": 1.0, "alert_rate_none": 0.25, "ece": 0.02},
            "baseline": {"macro_f1": 0.7},
        },
    )
    _write(
        workdir,
        "outcomes.json",
        {
            "headline": {
                "wellbeing_increase": _figure(0.28, 0.17, 0.4, 0.85),
                "crisis_reduction": _figure(None, None, None, 0.6),
                "engagement_increase": _figure(0.06, 0.02, 0.1, 0.4),
            }
        },
    )
    _write(
        workdir,
        "bias_audit_empathy.json",
        {
            "verdict": "fail",
            "checks": {"a": {"status": "fail"}, "b": {"status": "pass"}, "c": {"status": "fail"}},
            "checks_insufficient_data": 4,
            "champion_assigned": False,
        },
    )
    _write(workdir, "summaries.json", {"as_of": "2026-01-02", "patients": 3, "alerts": 7})
    out = _status()
    assert out[-6].startswith("  MLflow runs: sqlite:///mlruns/mlflow.db")
    assert out[2 + len(FOLDERS) : -6] == [
        "  cohort: 3 patients, 40 weekly measures, 12 messages; distinct-3 0.250, held-out "
        "phrasing unseen 1.00",
        "  de-identification: 12 messages, heldout recall 0.9800, precision 0.7000; recall "
        "gate passed",
        "  risk model (held-out test, 5 messages): macro-F1 0.800 (TF-IDF baseline 0.700); "
        "alert recall 1.000, alert rate on none 0.250, ECE 0.020",
        "  outcomes, AI-hybrid vs usual care: well-being +28% (CI +17% to +40%; published 85%); "
        "engagement +6% (CI +2% to +10%; published 40%)",
        "  bias audit, empathy: gate FAIL (2 of 3 judged checks failed; 4 not judged); champion "
        "not assigned (report: data/processed/bias_audit/empathy/report.html)",
        "  clinician summaries as of 2026-01-02: 3 patients, 7 alerts in the feed "
        "(`carebridge summary PATIENT_ID`)",
    ]


def test_deidentify_line_names_each_outside_chat_set(workdir):
    sets = {
        "development": {"overall": {"span_recall": 0.9716}},
        "heldout": {"overall": {"span_recall": 0.9571}},
    }
    _write(workdir, "deidentify.json", {"messages": 9, "outside_sets": sets})
    deid = (
        "  de-identification: 9 messages, ? recall nan, precision nan; recall gate FAILED; "
        "development chat set recall 0.972; heldout chat set recall 0.957"
    )
    assert deid in _status()


def test_deidentify_without_gold_spans_and_all_figures_suppressed(workdir):
    _write(workdir, "deidentify.json", {"messages": 9})
    _write(
        workdir,
        "outcomes.json",
        {"headline": {k: _figure(None, None, None, 0.5) for k in HEADLINES}},
    )
    out = _status()
    deid = "  de-identification: 9 messages, ? recall nan, precision nan; recall gate FAILED"
    assert deid in out
    assert "  outcomes, AI-hybrid vs usual care: suppressed" in out


def test_partial_synthesize_report_shows_zeros(workdir):
    _write(workdir, "synthesize.json", {"rows": {"patients": 3}})
    assert (
        "  cohort: 3 patients, 0 weekly measures, 0 messages; distinct-3 0.000, held-out "
        "phrasing unseen 0.00" in _status()
    )


def test_a_key_without_default_renders_as_unknown_not_a_crash(params):
    line = next(x for x in REPORT_LINES if x.report == "evaluate_empathy.json")
    got = report_line(line, {"test_records": 4, "model": {"mean_macro_f1": 0.5}}, params)
    assert got == "empathy model (held-out test, 4 pairs): mean macro-F1 0.500 (TF-IDF baseline ?)"
