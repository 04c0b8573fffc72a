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
    return proc.stdout


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
    _set(repo, "synthesize", "n_patients", 120)
    _run(["git", "init", "-q"], repo)
    _run(["git", "add", "-A"], repo)
    _run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x"], repo)

    out = _run(["dvc", "repro"], repo)
    assert "Running stage 'synthesize'" in out and "Running stage 'ingest'" in out
    assert "up to date" in _run(["dvc", "repro"], repo)
    metrics = json.loads(_run(["dvc", "metrics", "show", "--json"], repo))
    assert metrics  # both stages' reports are registered as DVC metrics

    _set(repo, "ingest", "max_errors", 7)
    status = json.loads(_run(["dvc", "status", "--json"], repo))
    assert set(status) == {"ingest"}
    out = _run(["dvc", "repro"], repo)
    assert "Stage 'synthesize' didn't change" in out and "Running stage 'ingest'" in out

    _set(repo, "synthesize", "n_sites", 3)
    status = json.loads(_run(["dvc", "status", "--json"], repo))
    assert "synthesize" in status
