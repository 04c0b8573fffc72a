"""The dashboard renders from stage outputs, and says which stage to run when they are missing."""

from __future__ import annotations

import shutil

import yaml
from streamlit.testing.v1 import AppTest

from pipelines.ingest import ingest
from tests.conftest import ROOT

APP = str(ROOT / "dashboards" / "app.py")


def _workspace(tmp_path, monkeypatch, params):
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    raw["paths"] = {
        "raw": "raw",
        "interim": "interim",
        "processed": "processed",
        "reports": "reports",
    }
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(raw))
    monkeypatch.chdir(tmp_path)


def test_dashboard_says_what_to_run_when_outputs_are_missing(tmp_path, monkeypatch, params):
    _workspace(tmp_path, monkeypatch, params)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "make run" in at.warning[0].value


def test_dashboard_shows_cohort_numbers(tmp_path, monkeypatch, params, cohort):
    import json

    _workspace(tmp_path, monkeypatch, params)
    shutil.copytree(cohort[0], tmp_path / "raw")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "synthesize.json").write_text(json.dumps(cohort[1]))
    rep = ingest(tmp_path / "raw", tmp_path / "interim", 50)
    (tmp_path / "reports" / "ingest.json").write_text(json.dumps(rep))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Patients"] == "300"
    assert metrics["Chat messages"] == f"{rep['rows']['transcripts']:,}"
    assert not at.warning
