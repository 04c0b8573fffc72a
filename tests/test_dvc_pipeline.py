"""The real DVC pipeline in a scratch copy: runs, is a no-op when nothing changed, and re-runs
only the stages whose params changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path) -> str:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def _no_identifiers_downstream(repo: Path, log: str) -> None:
    """No gold identifier value in reports, MLflow, the stage log, or (beyond the misses the
    recall report counts) the de-identified records."""
    import polars as pl

    from pipelines.deid.leakage import (
        distinctive_values,
        load_gold,
        residual_identifiers,
        scan_files,
    )

    t = pl.read_parquet(repo / "data/interim/cohort/transcripts.parquet")
    original = dict(zip(t["message_id"], t["text"], strict=True))
    gold, _ = load_gold(repo / "data/interim/cohort")
    values = distinctive_values(original, gold)
    assert values
    downstream = ["data/reports", "mlruns", "data/processed/scores", "data/processed/outcomes",
                  "data/processed/summaries"]  # fmt: skip
    assert scan_files([repo / d for d in downstream], values) == {}
    assert not [v for v in values if v in log.lower()]
    d = pl.read_parquet(repo / "data/processed/deid/transcripts.parquet")
    after = dict(zip(d["message_id"], d["text"], strict=True))
    report = json.loads((repo / "data/reports/deidentify.json").read_text())
    assert report["leaks"]["files_with_identifiers"] == 0
    assert (
        residual_identifiers(original, after, gold)
        == report["leaks"]["residual_identifiers_in_records"]
    )


def _set(repo: Path, section: str, key: str, value: object) -> None:
    path = repo / "params.yaml"
    raw = yaml.safe_load(path.read_text())
    raw[section][key] = value
    path.write_text(yaml.safe_dump(raw, sort_keys=False))


def test_repro_noop_and_param_granularity(tmp_path):
    repo = tmp_path / "repo"
    files = _run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], ROOT)
    for rel in files.splitlines():
        if (ROOT / rel).is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, repo / rel)
    (repo / "dvc.lock").unlink(missing_ok=True)
    _set(repo, "synthesize", "n_patients", 300)
    _set(repo, "deidentify", "recall_floor", 0.0)  # mechanics here; recall is gated elsewhere
    raw = yaml.safe_load((repo / "params.yaml").read_text())
    for task in ("risk", "empathy"):  # mechanics here; model quality is measured by make run
        raw["train"]["profiles"]["fast"][task].update(max_epochs=1, trainable_layers=1)
    (repo / "params.yaml").write_text(yaml.safe_dump(raw, sort_keys=False))
    _run(["git", "init", "-q"], repo)
    _run(["git", "add", "-A"], repo)
    _run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"], repo)

    out = _run(["dvc", "repro"], repo)
    for stage in (
        "synthesize", "ingest", "deidentify", "build_datasets",
        "train@risk", "train@empathy", "evaluate@risk", "evaluate@empathy",
        "score", "outcomes", "summaries", "bias_audit@risk", "bias_audit@empathy",
    ):  # fmt: skip
        assert f"Running stage '{stage}'" in out
    assert "up to date" in _run(["dvc", "repro"], repo)
    _no_identifiers_downstream(repo, out)
    metrics = json.loads(_run(["dvc", "metrics", "show", "--json"], repo))
    assert metrics  # both stages' reports are registered as DVC metrics

    _set(repo, "ingest", "max_errors", 7)
    status = json.loads(_run(["dvc", "status", "--json"], repo))
    assert set(status) == {"ingest"}
    out = _run(["dvc", "repro"], repo)
    assert "Stage 'synthesize' didn't change" in out and "Running stage 'ingest'" in out

    _set(repo, "outcomes", "min_cell", 5)
    status = json.loads(_run(["dvc", "status", "--json"], repo))
    assert set(status) == {"outcomes"}
    _set(repo, "summaries", "window_weeks", 3)
    status = json.loads(_run(["dvc", "status", "--json"], repo))
    assert set(status) == {"outcomes", "summaries"}
    out = _run(["dvc", "repro"], repo)
    assert "Running stage 'outcomes'" in out and "Running stage 'summaries'" in out
    assert "Running stage 'score'" not in out

    _set(repo, "synthesize", "n_sites", 3)
    status = json.loads(_run(["dvc", "status", "--json"], repo))
    assert "synthesize" in status
