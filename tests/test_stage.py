"""The stage runner: one set-up for every stage main (params, argument, errors, report)."""

from __future__ import annotations

import json
import logging
import shutil

import pytest

from pipelines.core.errors import EXIT_USER_ERROR, UserError
from pipelines.core.stage import StageRun, stage
from tests.conftest import ROOT


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A folder holding the project's params.yaml, as DVC runs stages from the repo root."""
    shutil.copy(ROOT / "params.yaml", tmp_path / "params.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_body_gets_params_item_and_writes_its_report(workspace):
    seen: list[StageRun] = []

    @stage("demo", items=("risk", "empathy"))
    def main(run: StageRun) -> None:
        seen.append(run)
        run.write_report({"item": run.item}, f"demo_{run.item}")

    main(["empathy"])
    (run,) = seen
    assert (run.item, run.run_name, run.params.seed) == (
        "empathy",
        "demo@empathy",
        run.params.seed,
    )
    assert run.log.name == "carebridge.demo"
    written = workspace / run.params.paths.reports / "demo_empathy.json"
    assert json.loads(written.read_text()) == {"item": "empathy"}


@pytest.mark.parametrize(
    ("items", "argv", "usage"),
    [
        (("risk", "empathy"), ["bogus"], "{risk|empathy}"),
        (("risk", "empathy"), [], "{risk|empathy}"),
        (None, ["extra"], "takes no arguments"),
    ],
)
def test_a_wrong_argument_is_a_usage_error_not_a_traceback(workspace, caplog, items, argv, usage):
    @stage("demo", items=items)
    def main(run: StageRun) -> None:
        raise AssertionError("the body must not run")

    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == EXIT_USER_ERROR
    assert usage in caplog.text
    assert "demo failed, nothing written" in caplog.text


def test_a_user_error_in_the_body_exits_2_with_one_line(workspace, caplog):
    @stage("demo")
    def main(run: StageRun) -> None:
        raise UserError("data/interim/x.parquet not found: run ingest first")

    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as exit_:
        main([])
    assert exit_.value.code == EXIT_USER_ERROR
    assert "x.parquet not found" in caplog.text
    assert "Traceback" not in caplog.text


def test_a_bad_params_file_names_the_key(workspace, caplog):
    (workspace / "params.yaml").write_text(
        (workspace / "params.yaml").read_text().replace("seed:", "sede:", 1)
    )

    @stage("demo")
    def main(run: StageRun) -> None:
        raise AssertionError("the body must not run")

    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit):
        main([])
    assert "sede" in caplog.text
