"""dvc.yaml wiring, the CLI, and the documented data contract stay in step with the code."""

from __future__ import annotations

import importlib
import re

import pytest
import yaml
from typer.testing import CliRunner

from pipelines.cli import app
from pipelines.core.schemas import schema_markdown
from pipelines.core.tracking import dvc_hash, flatten
from tests.conftest import ROOT

DVC = yaml.safe_load((ROOT / "dvc.yaml").read_text())["stages"]


@pytest.mark.parametrize("name", sorted(DVC))
def test_stage_module_imports_and_is_a_dependency(name):
    """Each stage runs `python -m` on a module with a main, listed in its deps (the modules it
    imports are checked in test_layers)."""
    stage = DVC[name]["do"] if "foreach" in DVC[name] else DVC[name]
    m = re.fullmatch(r"python -m ([\w.]+)( .*)?", stage["cmd"])
    assert m, f"stage {name}: cmd must be 'python -m package.module'"
    module = importlib.import_module(m.group(1))
    assert callable(module.main)
    path = m.group(1).replace(".", "/") + ".py"
    assert any(path == d or path.startswith(d + "/") for d in stage["deps"])
    own = name if name in yaml.safe_load((ROOT / "params.yaml").read_text()) else None
    if own:
        assert own in stage["params"]


def test_cli_lists_its_commands():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for cmd in ("synthesize", "ingest", "deidentify", "predict", "summary", "schema", "status"):
        assert cmd in result.output


def test_cli_reports_bad_input_without_traceback(tmp_path):
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "source folder not found" in result.output
    assert "Traceback" not in result.output


def test_data_readme_documents_the_contract():
    readme = (ROOT / "data" / "README.md").read_text()
    assert schema_markdown() in readme, "run `carebridge schema` and paste it into data/README.md"


def test_dvc_hash_matches_dvc_for_files_and_folders(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text("alpha\n")
    (tmp_path / "d" / "sub" / "b.bin").write_bytes(b"\x00\x01")
    from dvc_data.hashfile.build import build
    from dvc_data.hashfile.db import HashFileDB
    from dvc_objects.fs.local import LocalFileSystem

    fs = LocalFileSystem()
    odb = HashFileDB(fs, str(tmp_path / "odb"))
    _, _, obj = build(odb, str(tmp_path / "d"), fs, "md5")
    assert dvc_hash(tmp_path / "d") == obj.hash_info.value
    _, _, fobj = build(odb, str(tmp_path / "d" / "a.txt"), fs, "md5")
    assert dvc_hash(tmp_path / "d" / "a.txt") == fobj.hash_info.value


def test_flatten_params(params):
    flat = flatten("synthesize", params.synthesize)
    assert flat["synthesize.transcripts.indirect_risk_share.older_formal"] == 0.4
    assert all(not isinstance(v, dict) for v in flat.values())


def test_stage_run_tags_commit_and_dvc_hashes(tmp_path, monkeypatch, params):
    from pipelines.core.params import MlflowParams
    from pipelines.core.tracking import stage_deps, stage_run

    monkeypatch.chdir(ROOT)
    deps = stage_deps("ingest")
    assert params.ingest.source_dir in deps and "${" not in str(deps)
    mp = MlflowParams(
        tracking_uri=f"sqlite:///{tmp_path / 'mlflow.db'}",
        artifact_root=tmp_path / "artifacts",
        experiment="test",
    )
    with stage_run("ingest", mp, params={"ingest.max_errors": 7}) as mlflow:
        mlflow.log_metric("rows.patients", 3.0)
        run_id = mlflow.active_run().info.run_id
    run = mlflow.get_run(run_id)
    assert run.data.params == {"ingest.max_errors": "7"}
    commit = run.data.tags["git_commit"]
    assert commit == "unknown" or re.fullmatch(r"[0-9a-f]{40}", commit)
    assert run.data.tags["dvc_dep.pipelines/ingest.py"] == dvc_hash(ROOT / "pipelines/ingest.py")
    assert run.info.artifact_uri.startswith((tmp_path / "artifacts").as_uri())
