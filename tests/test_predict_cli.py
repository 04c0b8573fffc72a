"""`carebridge predict`: the file contract, de-identification first, clear errors."""

from __future__ import annotations

import json

import polars as pl
import pytest
from typer.testing import CliRunner

from pipelines.cli import app


@pytest.fixture(scope="module")
def risk_model(tiny_encoder, tmp_path_factory):
    """A tiny untrained risk model folder (the contract, not the quality, is under test)."""
    from tests.test_training import _predictor

    return _predictor(tiny_encoder, "risk").save(tmp_path_factory.mktemp("m") / "risk")


@pytest.fixture(scope="module")
def empathy_model(tiny_encoder, tmp_path_factory):
    from tests.test_training import _predictor

    return _predictor(tiny_encoder, "empathy").save(tmp_path_factory.mktemp("m") / "empathy")


def _run(*args: str):
    return CliRunner().invoke(app, ["predict", *args])


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_every_record_gets_a_risk_prediction(risk_model, tmp_path, suffix):
    src = tmp_path / "in.jsonl"
    rows = [{"id": str(i), "text": t} for i, t in enumerate(["fine", "bad day", "no hope"])]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dst = tmp_path / f"out{suffix}"
    result = _run("risk", str(src), str(dst), "--model", str(risk_model), "--no-deidentify")
    assert result.exit_code == 0, result.output
    if suffix == ".jsonl":
        out = [json.loads(line) for line in dst.read_text().splitlines()]
        assert [r["id"] for r in out] == ["0", "1", "2"]
        assert set(out[0]["risk_probs"]) == {"none", "low", "moderate", "high"}
        assert isinstance(out[0]["alert"], bool)
    elif suffix == ".csv":
        out = pl.read_csv(dst)
        assert out.height == 3
        assert json.loads(out["risk_probs"][0]).keys() == {"none", "low", "moderate", "high"}
    else:
        out = pl.read_parquet(dst)
        assert out["id"].to_list() == ["0", "1", "2"]
        assert out["risk_level"].is_in(["none", "low", "moderate", "high"]).all()


def test_empathy_contract(empathy_model, tmp_path):
    src = tmp_path / "in.csv"
    pl.DataFrame(
        {"id": ["a"], "seeker": ["I'm scared"], "response": ["That sounds hard."]}
    ).write_csv(src)
    dst = tmp_path / "out.jsonl"
    result = _run("empathy", str(src), str(dst), "--model", str(empathy_model), "--no-deidentify")
    assert result.exit_code == 0, result.output
    row = json.loads(dst.read_text())
    for mech in ("emotional_reactions", "interpretations", "explorations"):
        assert row[mech] in (0, 1, 2)
    assert 0 <= row["empathy_score"] <= 6


def test_input_is_deidentified_before_it_is_written_or_scored(risk_model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Hi, this is Margaret Okafor, call 555-201-7788."}) + "\n"
    )
    dst = tmp_path / "out.jsonl"
    result = _run("risk", str(src), str(dst), "--model", str(risk_model))
    assert result.exit_code == 0, result.output
    text = json.loads(dst.read_text())["text"]
    assert "Okafor" not in text and "7788" not in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a"}\n', "missing column(s) text"),
        ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', "rows 1 and 2, column 'id'"),
        ('{"id": "a", "text": "x"}\n{"id": "b", "text": null}\n', "row 2, column 'text'"),
        ('{"id": "a", "text": "x"\n', "line 1"),
    ],
)
def test_bad_input_is_a_clear_error_and_nothing_is_written(risk_model, tmp_path, content, message):
    src = tmp_path / "in.jsonl"
    src.write_text(content)
    dst = tmp_path / "out.jsonl"
    result = _run("risk", str(src), str(dst), "--model", str(risk_model), "--no-deidentify")
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not dst.exists()


def test_wrong_model_kind_and_missing_model(risk_model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "seeker": "x", "response": "y"}\n')
    result = _run("empathy", str(src), str(tmp_path / "o.jsonl"), "--model", str(risk_model))
    assert result.exit_code == 2
    assert "is a risk model, not empathy" in result.output
    src.write_text('{"id": "a", "text": "x"}\n')
    result = _run("risk", str(src), str(tmp_path / "o.jsonl"), "--model", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "not a model folder or MLflow URI" in result.output


def test_a_champion_that_no_version_earned_is_explained(tmp_path, monkeypatch):
    from mlflow.tracking import MlflowClient

    from pipelines.core.params import load_params
    from tests.harness import write_workspace_params

    write_workspace_params(tmp_path)
    (tmp_path / "mlruns").mkdir()
    monkeypatch.chdir(tmp_path)
    client = MlflowClient(tracking_uri=load_params().mlflow.tracking_uri)
    client.create_registered_model("risk-classifier")
    version = client.create_model_version("risk-classifier", str(tmp_path / "model"))
    client.set_registered_model_alias("risk-classifier", "candidate", version.version)
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x"}\n')
    out = tmp_path / "o.jsonl"
    result = _run("risk", str(src), str(out), "--model", "models:/risk-classifier@champion")
    assert result.exit_code == 2 and not out.exists()
    assert "sets `champion` only on a version that passes its release gate" in result.output


@pytest.mark.parametrize("precision", ["bf16", "int8"])
def test_faster_precisions_keep_the_contract(risk_model, tmp_path, precision):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "bad day"}\n{"id": "b", "text": "fine"}\n')
    dst = tmp_path / "out.parquet"
    args = ("--model", str(risk_model), "--no-deidentify")
    assert _run("risk", str(src), str(tmp_path / "ref.parquet"), *args).exit_code == 0
    result = _run("risk", str(src), str(dst), *args, "--precision", precision)
    assert result.exit_code == 0, result.output
    out, ref = pl.read_parquet(dst), pl.read_parquet(tmp_path / "ref.parquet")
    assert out.columns == ref.columns and out["id"].to_list() == ["a", "b"]


def test_unknown_precision_is_a_clear_error_and_nothing_is_written(risk_model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x"}\n')
    dst = tmp_path / "out.jsonl"
    result = _run("risk", str(src), str(dst), "--model", str(risk_model), "--precision", "fp8")
    assert result.exit_code == 2
    assert "--precision fp8: use fp32, bf16, int8" in result.output
    assert not dst.exists()


def test_unsupported_output_format_fails_before_scoring(risk_model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "x"}\n')
    result = _run("risk", str(src), str(tmp_path / "out.xlsx"), "--model", str(risk_model))
    assert result.exit_code == 2
    assert "unsupported output format" in result.output
    assert not (tmp_path / "out.xlsx").exists()


def test_a_file_with_no_records_gives_an_empty_output_with_the_contract_columns(
    risk_model, tmp_path
):
    src = tmp_path / "in.csv"
    src.write_text("id,text\n")
    dst = tmp_path / "out.parquet"
    result = _run("risk", str(src), str(dst), "--model", str(risk_model))
    assert result.exit_code == 0, result.output
    out = pl.read_parquet(dst)
    assert out.height == 0
    assert out.columns == ["id", "text", "risk_level", "risk_probs", "alert"]


@pytest.fixture(scope="module")
def context_model(tiny_encoder, tmp_path_factory):
    """A tiny risk model trained, as far as its folder says, with the 2 turns before each
    message (datasets.risk_context_turns: 2)."""
    from tests.test_training import _predictor

    predictor = _predictor(tiny_encoder, "risk")
    predictor.context_turns = 2
    return predictor.save(tmp_path_factory.mktemp("m") / "risk-context")


def test_a_context_model_needs_the_context_column(context_model, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "bad day"}\n')
    dst = tmp_path / "out.jsonl"
    result = _run("risk", str(src), str(dst), "--model", str(context_model), "--no-deidentify")
    assert result.exit_code == 2
    assert "missing column context" in result.output and "2 turns" in result.output
    assert "Traceback" not in result.output
    assert not dst.exists()


def test_a_context_model_reads_the_context_de_identified(context_model, tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "bad day", "context": "Hi, Margaret Okafor here.\nHow are you?"},
        {"id": "b", "text": "bad day", "context": ""},  # a conversation's first message
        {"id": "c", "text": "bad day", "context": None},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dst = tmp_path / "out.jsonl"
    result = _run("risk", str(src), str(dst), "--model", str(context_model))
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in dst.read_text().splitlines()]
    assert [r["id"] for r in out] == ["a", "b", "c"]
    assert "Okafor" not in out[0]["context"]
    # the same message with other earlier turns is scored differently: the context is read
    assert out[0]["risk_probs"] != out[1]["risk_probs"]
    assert out[1]["risk_probs"] == out[2]["risk_probs"]  # no context = empty context


def test_other_text_columns_are_deidentified_unless_kept(risk_model, tmp_path):
    """Fields besides the model's inputs reach the output, so their text is de-identified too;
    numbers pass through, empty cells stay empty, and `--keep` copies a column as it is."""
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": "ok", "note": "Ask Margaret Okafor", "pid": "Okafor-7", "n": 3},
        {"id": "b", "text": "fine", "note": None, "pid": "Okafor-8", "n": 4},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    dst = tmp_path / "out.jsonl"
    result = _run("risk", str(src), str(dst), "--model", str(risk_model), "--keep", "pid")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in dst.read_text().splitlines()]
    assert "Okafor" not in out[0]["note"] and "<PERSON>" in out[0]["note"]
    assert out[1]["note"] is None
    assert [r["pid"] for r in out] == ["Okafor-7", "Okafor-8"]
    assert [r["n"] for r in out] == [3, 4]


@pytest.mark.parametrize(
    ("extra", "keep", "message"),
    [
        ({"tags": ["Margaret Okafor"]}, [], "column 'tags' holds nested text"),
        ({"meta": {"who": "Margaret Okafor"}}, [], "column 'meta' holds nested text"),
        ({}, ["--keep", "text"], "'text' is read by the model"),
        ({}, ["--keep", "site"], "has no column 'site'"),
    ],
)
def test_text_that_cannot_be_deidentified_is_refused(risk_model, tmp_path, extra, keep, message):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "ok", **extra}) + "\n")
    dst = tmp_path / "out.jsonl"
    result = _run("risk", str(src), str(dst), "--model", str(risk_model), *keep)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Okafor" not in result.output and "Traceback" not in result.output
    assert not dst.exists()
