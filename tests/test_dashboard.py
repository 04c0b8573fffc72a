"""The dashboard renders from stage outputs, and says which stage to run when they are missing."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.core.contract import ingest
from tests.conftest import ROOT
from tests.harness import write_workspace_params

APP = str(ROOT / "dashboards" / "app.py")


def _workspace(tmp_path, monkeypatch, params):
    write_workspace_params(tmp_path)
    monkeypatch.chdir(tmp_path)


def test_dashboard_says_what_to_run_when_outputs_are_missing(tmp_path, monkeypatch, params):
    _workspace(tmp_path, monkeypatch, params)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert "make run" in at.warning[0].value


def test_dashboard_params_follow_edits_of_params_yaml(tmp_path, monkeypatch, params):
    import os

    import yaml

    from dashboards.data import params as dashboard_params

    _workspace(tmp_path, monkeypatch, params)
    first = dashboard_params()
    assert str(first.paths.processed) == "processed"
    raw = yaml.safe_load((tmp_path / "params.yaml").read_text())
    raw["paths"]["processed"] = "elsewhere"
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(raw))
    st = (tmp_path / "params.yaml").stat()
    os.utime(tmp_path / "params.yaml", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert str(dashboard_params().paths.processed) == "elsewhere"
    assert dashboard_params() is dashboard_params()  # read once per change, not per page run


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
    counts = next(m.value for m in at.markdown if m.value.startswith("| Patients |"))
    header, _, values = counts.splitlines()
    shown = dict(
        zip(header.strip("| ").split(" | "), values.strip("| ").split(" | "), strict=True)
    )
    assert shown["Patients"] == "**300**"
    assert shown["Chat messages"] == f"**{rep['rows']['transcripts']:,}**"
    assert any("templates used" in m.value for m in at.markdown)
    assert not at.warning


def _pages_workspace(tmp_path, monkeypatch, params, cohort, tables):
    """Run the real outcomes and summaries stage functions on the session cohort."""
    import json

    import polars as pl

    from pipelines.clinical.outcomes import compute, report, scan_inputs
    from pipelines.clinical.summary import build

    _workspace(tmp_path, monkeypatch, params)
    out = tmp_path / "processed" / "outcomes"
    out.mkdir(parents=True)
    res = compute(scan_inputs(cohort[0]), params.outcomes, params.screening)
    for name, df in res.items():
        if not name.startswith("_"):
            df.write_parquet(out / f"{name}.parquet")
    (tmp_path / "reports").mkdir()
    rep = report(res, params.outcomes)
    (tmp_path / "reports" / "outcomes.json").write_text(json.dumps(rep))
    t = {n: tables[n].lazy() for n in ("patients", "weekly_measures", "engagement")}
    t["messages"] = tables["transcripts"].lazy()  # stands in for de-identified text here
    t["wearables"] = tables["daily_wearables"].lazy()
    t["scores"] = None
    summaries, feed, _ = build(t, params.summaries)
    folder = tmp_path / "processed" / "summaries"
    folder.mkdir(parents=True)
    feed.write_parquet(folder / "alerts.parquet")
    (folder / "summaries.jsonl").write_text(
        "".join(json.dumps(s, default=str) + "\n" for s in summaries)
    )
    return rep, feed, pl


def test_outcomes_page_shows_the_headline_figures(tmp_path, monkeypatch, params, cohort, tables):
    rep, _, _ = _pages_workspace(tmp_path, monkeypatch, params, cohort, tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/outcomes.py").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    wb = rep["headline"]["wellbeing_increase"]["estimate"]
    assert metrics["Well-being"] == ("suppressed" if wb is None else f"{100 * wb:+.1f}%")
    assert set(metrics) == {"Well-being", "Fewer crisis interventions", "Therapy engagement"}
    (button,) = at.get("download_button")
    assert button.proto.label == "Download these aggregates (CSV)"
    assert button.proto.url.endswith(".csv")


def test_clinician_page_shows_feed_and_summary(tmp_path, monkeypatch, params, cohort, tables):
    _, feed, _ = _pages_workspace(tmp_path, monkeypatch, params, cohort, tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/clinician.py").run()
    assert not at.exception
    assert at.title[0].value == "Clinician view"
    pid = feed.sort("date", descending=True)["patient_id"][0]
    at.text_input[0].set_value(pid).run()
    assert any(f"Pre-session summary: {pid}" in m.value for m in at.markdown)
    at.text_input[0].set_value("pt-unknown").run()
    assert "no summary" in at.error[0].value and not at.exception


def test_pages_say_which_stage_to_run(tmp_path, monkeypatch, params):
    _workspace(tmp_path, monkeypatch, params)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/outcomes.py").run()
    assert not at.exception and "dvc repro outcomes" in at.warning[0].value
    at.switch_page("views/clinician.py").run()
    assert not at.exception and "dvc repro summaries" in at.warning[0].value


def _bias_workspace(tmp_path, params, tables) -> dict:
    """Run the real bias-audit functions on made-up risk predictions for the cohort."""
    import numpy as np
    import polars as pl

    from bias_audit.audit import audit, gate
    from bias_audit.report import write_report

    rng = np.random.default_rng(0)
    pts = tables["patients"].select("patient_id", "age_band", "gender")
    frame = (
        pl.concat([pts] * 4)
        .with_columns(
            urgent=pl.Series(rng.random(pts.height * 4) < 0.4),
            p_urgent=pl.Series(rng.random(pts.height * 4)),
        )
        .with_columns(alert=pl.col("p_urgent") > 0.3)
    )
    bp = params.bias_audit.model_copy(update={"n_boot": 20, "n_jobs": 1})
    table = audit(frame, "risk", ("age_band", "gender"), bp, 0)
    result = gate(frame, table, "risk", ("age_band", "gender"), bp, 0)
    folder = tmp_path / "processed" / "bias_audit" / "risk"
    folder.mkdir(parents=True)
    table.write_parquet(folder / "audit.parquet")
    rep = {
        "model": {"name": "risk-classifier", "version": "3"},
        "task": "risk",
        "test_messages": frame.height,
        "test_patients": pts.height,
        "features": ["age_band", "gender"],
        "gate": result,
        "deid_name_recall": [],
        "review_queue": {"cases": 0, "deid_detections": 0},
        "champion": {"champion": None},
    }
    (tmp_path / "reports").mkdir(exist_ok=True)
    write_report(rep, table, None, folder, tmp_path / "reports")
    return result


def test_bias_audit_page_shows_verdict_and_groups(tmp_path, monkeypatch, params, tables):
    _workspace(tmp_path, monkeypatch, params)
    result = _bias_workspace(tmp_path, params, tables)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/bias_audit.py").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Gate verdict"] == result["verdict"].upper()
    assert metrics["Checks failed"] == f"{result['checks_failed']} of {result['checks_judged']}"
    assert metrics["Model version"] == "risk-classifier v3"
    at.radio[0].set_value("empathy").run()
    assert "dvc repro bias_audit@empathy" in at.warning[0].value


def _runs_workspace(tmp_path, params) -> None:
    """An MLflow run, evaluation plots and de-identification metrics, as the stages write them."""
    import json

    from pipelines.core.params import load_params
    from pipelines.core.tracking import stage_run

    params = load_params(tmp_path / "params.yaml")
    (tmp_path / "dvc.yaml").write_text((ROOT / "dvc.yaml").read_text())
    (tmp_path / "mlruns").mkdir()
    with stage_run("outcomes", params.mlflow, params={"x": 1}) as mlflow:
        mlflow.log_metric("seconds", 1.5)
    with stage_run("train@risk", params.mlflow, params={"x": 1}) as mlflow:
        mlflow.log_metric("test.macro_f1", 0.8)  # as the evaluate stage logs into this run
        run_id = mlflow.active_run().info.run_id
    client = mlflow.tracking.MlflowClient(tracking_uri=params.mlflow.tracking_uri)
    client.create_registered_model("risk-classifier")
    version = client.create_model_version("risk-classifier", str(tmp_path / "model"), run_id)
    client.set_registered_model_alias("risk-classifier", "candidate", version.version)
    client.set_model_version_tag("risk-classifier", version.version, "bias_audit", "fail")
    plots = tmp_path / "reports" / "plots" / "risk"
    plots.mkdir(parents=True)
    (plots / "confusion.csv").write_text("actual,predicted\nnone,none\nhigh,low\nhigh,high\n")
    (tmp_path / "reports" / "deidentify.json").write_text(
        json.dumps(
            {
                "eval": {
                    "split": "heldout",
                    "per_type": {"PERSON": {"span_recall": 0.99, "gold": 10}},
                    "name_recall_by_origin": {"anglo": {"recall": 1.0, "gold": 5}},
                }
            }
        )
    )


def test_model_runs_page(tmp_path, monkeypatch, params):
    _workspace(tmp_path, monkeypatch, params)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/model_runs.py").run()
    assert not at.exception and "dvc repro train@risk" in at.warning[0].value
    _runs_workspace(tmp_path, params)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/model_runs.py").run()
    assert not at.exception and not at.warning
    assert len(at.dataframe) == 2  # the registry and the runs compared, in scrollable grids
    assert at.selectbox[0].value == "train@risk"  # training and test metrics of the risk model
    runs = at.dataframe[1].value
    assert runs.iloc[0, :2].tolist() == ["metric", "test.macro_f1"]  # test metrics first
    assert runs.iloc[0, 2:].tolist() == ["0.8"]  # one column per run
    assert runs.iloc[-1, :2].tolist() == ["param", "x"]
    assert len(at.table) == 2  # de-identification by type and by name origin
    assert "candidate" in at.dataframe[0].value["alias"].tolist()
    assert at.get("image")  # the confusion matrix, drawn on the server
    # a new run and a new alias show on the next visit: the listing follows the store
    from pipelines.core.params import load_params
    from pipelines.core.tracking import stage_run

    store = load_params(tmp_path / "params.yaml").mlflow
    with stage_run("train@risk", store, params={"x": 2}) as mlflow:
        mlflow.log_metric("test.macro_f1", 0.7)
    client = mlflow.tracking.MlflowClient(tracking_uri=store.tracking_uri)
    client.set_registered_model_alias("risk-classifier", "champion", "1")
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/model_runs.py").run()
    assert at.dataframe[1].value.iloc[0, 2:].tolist() == ["0.7", "0.8"]  # newest first
    assert "champion" in at.dataframe[0].value["alias"].tolist()


def test_pages_drawn_at_server_start_leave_no_chart_to_draw_on_a_first_visit(
    tmp_path, monkeypatch, params, cohort, tables
):
    import streamlit as st
    import vl_convert

    from dashboards.data import VIEWS, draw_pages_once

    _pages_workspace(tmp_path, monkeypatch, params, cohort, tables)
    _runs_workspace(tmp_path, params)
    drawn = []
    render = vl_convert.vegalite_to_svg
    monkeypatch.setattr(
        vl_convert, "vegalite_to_svg", lambda spec, **kw: drawn.append(spec) or render(spec, **kw)
    )
    pages = sorted(p.stem for p in VIEWS.glob("*.py"))

    def charts_drawn_by_first_visits() -> int:
        drawn.clear()
        at = AppTest.from_file(APP, default_timeout=60).run()
        for page in pages:
            at.switch_page(f"views/{page}.py").run()
            assert not at.exception
        return len(drawn)

    st.cache_data.clear()
    assert charts_drawn_by_first_visits() >= 5  # outcomes 3, model runs, clinician
    st.cache_data.clear()
    assert draw_pages_once() == pages
    assert charts_drawn_by_first_visits() == 0


def test_warm_up_loads_the_outputs_and_summaries_are_found_by_offset(
    tmp_path, monkeypatch, params, cohort, tables
):
    from dashboards import data
    from pipelines.clinical.summary import SummaryError, load_summary, summary_offsets
    from pipelines.core.params import load_params

    _workspace(tmp_path, monkeypatch, params)
    assert data.warm(load_params()) == []  # nothing to load yet, and no error
    _, feed, _ = _pages_workspace(tmp_path, monkeypatch, params, cohort, tables)
    loaded = data.warm(load_params())
    assert any(f.endswith("program.parquet") for f in loaded)
    assert any(f.endswith("summaries.jsonl") for f in loaded)
    folder = tmp_path / "processed" / "summaries"
    for pid in feed["patient_id"].unique().to_list():
        assert data.summary(folder, pid) == load_summary(folder, pid)
    with pytest.raises(SummaryError, match="no summary"):
        data.summary(folder, "pt-unknown")
    # an index that no longer matches the file: the line is found by reading the file
    offsets = summary_offsets(folder / "summaries.jsonl")
    later = next(pid for pid, pos in offsets.items() if pos > 0)
    assert load_summary(folder, later, {later: 0}) == load_summary(folder, later)


def test_runs_that_logged_nothing_compare_as_an_empty_table():
    import datetime as dt

    import polars as pl

    # the page module without its last line (`main()`), for its `compared`
    source = (ROOT / "dashboards" / "views" / "model_runs.py").read_text()
    page = {}
    exec(compile(source.removesuffix("main()\n"), "model_runs.py", "exec"), page)
    runs = pl.DataFrame(
        {
            "start_time": [dt.datetime(2026, 1, 2), dt.datetime(2026, 1, 1)],
            "run_id": ["b" * 32, "a" * 32],
            "metrics.loss": [None, None],
        }
    )
    table = page["compared"](runs)
    assert table.height == 0
    assert table.columns == [
        "kind",
        "name",
        "2026-01-02 00:00 bbbbbbbb",
        "2026-01-01 00:00 aaaaaaaa",
    ]


def test_dashboard_server_sets_tcp_nodelay_on_the_connections_it_accepts():
    """The server `make dashboard` starts answers kept-alive requests without Nagle's wait:
    with TCP_NODELAY off (as on the socket `streamlit run` binds), every response after the
    first on a connection waited ~40 ms for the browser's delayed ACK, 60-120 times per first
    visit (benchmarks/RESULTS.md, 2026-12-02)."""
    import http.client
    import socket
    import threading
    import time

    import uvicorn

    from dashboards.server import uvicorn_config
    from tests.harness import free_port

    async def ok(scope, receive, send):
        if scope["type"] != "http":  # lifespan: this app needs none
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    port = free_port()
    server = uvicorn.Server(uvicorn_config(ok, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        for _ in range(2):  # the same kept-alive connection
            client.request("GET", "/")
            assert client.getresponse().read() == b"ok"
        accepted = [c.transport.get_extra_info("socket") for c in server.server_state.connections]
        assert accepted
        assert all(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) for s in accepted)
        client.close()
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_dashboard_server_says_when_its_port_is_taken():
    """A taken port is named in one line before the seconds-long warm-up, not a traceback."""
    import socket

    from dashboards.server import main

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit, match=f"cannot listen on 127.0.0.1:{port}: .*--port"):
            main(["--port", str(port)])
