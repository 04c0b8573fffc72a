"""What every dashboard page shares: params, cached reads of stage outputs, and the message
that says which stage to run when an output is missing. Pages never read raw data."""

from __future__ import annotations

import json
import logging
import runpy
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from pipelines.core.params import DEFAULT_PARAMS, Params, load_params

log = logging.getLogger("carebridge.dashboard")


@st.cache_resource(show_spinner=False, max_entries=4)
def _params(path: str, mtime: float) -> Params:
    return load_params(path)


def params() -> Params:
    """params.yaml of the working directory (the paths of every stage output), read again
    only when the file changes: parsing and validating it took 0.04 s of every page run."""
    path = Path(DEFAULT_PARAMS)
    if not path.exists():
        return load_params(path)  # its error says what is missing
    return _params(str(path.resolve()), path.stat().st_mtime)


# a resource, not data: st.cache_data would hand every page run its own copy, unpickled
# (0.09 s for the 100,000-patient alert feed, on each clinician visit); pages only read a
# frame (polars operations return new frames), so one shared frame serves them all
@st.cache_resource(show_spinner=False, max_entries=32)
def _parquet(path: str, mtime: float) -> pl.DataFrame:
    return pl.read_parquet(path)


@st.cache_data(show_spinner=False)
def _json(path: str, mtime: float) -> Any:
    return json.loads(Path(path).read_text())


def parquet(path: Path) -> pl.DataFrame:
    """A stage's Parquet output, cached until the file changes."""
    return _parquet(str(path), path.stat().st_mtime)


def report(path: Path) -> Any:
    """A stage's JSON report, cached until the file changes."""
    return _json(str(path), path.stat().st_mtime)


def require(paths: list[Path], stage: str) -> bool:
    """True when every output exists; otherwise say which stage writes them, and stop."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        st.warning(
            f"No output of the `{stage}` stage yet ({missing[0]}): run `dvc repro {stage}` "
            "(or `make run` for the whole pipeline)."
        )
        return False
    return True


def _store_stamp(uri: str) -> tuple[int, ...]:
    """What changes when the MLflow store does: for a SQLite store, the modification times of
    its file and write-ahead log (every logged run or alias change writes one of them); for
    any other store, the current 30 s period (it is asked again at most every 30 s)."""
    if uri.startswith("sqlite:///"):
        db = Path(uri.removeprefix("sqlite:///"))
        files = (db, db.with_name(db.name + "-wal"))
        return tuple(f.stat().st_mtime_ns for f in files if f.exists())
    import time

    return (int(time.time() // 30),)


def mlflow_runs(uri: str, experiment: str) -> pl.DataFrame:
    """The experiment's runs (params, metrics, tags), as MLflow lists them; cached until the
    store changes (listing them takes 0.2-0.4 s here)."""
    return _mlflow_runs(uri, experiment, _store_stamp(uri))


def mlflow_registry(uri: str) -> pl.DataFrame:
    """Every registered model version with its alias and bias-audit tags, newest first per
    model; cached until the store changes."""
    return _mlflow_registry(uri, _store_stamp(uri))


@st.cache_data(show_spinner=False, max_entries=4)
def _mlflow_runs(uri: str, experiment: str, stamp: tuple[int, ...]) -> pl.DataFrame:
    import mlflow

    mlflow.set_tracking_uri(uri)
    df = mlflow.search_runs(experiment_names=[experiment], max_results=500)
    return pl.from_pandas(df) if len(df) else pl.DataFrame()


@st.cache_data(show_spinner=False, max_entries=4)
def _mlflow_registry(uri: str, stamp: tuple[int, ...]) -> pl.DataFrame:
    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=uri)
    rows = []
    for model in client.search_registered_models():
        aliases = {v: k for k, v in (model.aliases or {}).items()}
        for v in client.search_model_versions(f"name='{model.name}'"):
            rows.append(
                {
                    "model": model.name,
                    "version": int(v.version),
                    "alias": aliases.get(v.version, ""),
                    "bias_audit": v.tags.get("bias_audit", ""),
                    "mitigation_of": v.tags.get("mitigation_of", ""),
                    "run_id": v.run_id,
                }
            )
    return (
        pl.DataFrame(rows).sort("model", "version", descending=[False, True])
        if rows
        else pl.DataFrame()
    )


@st.cache_data(show_spinner=False)
def _summary_offsets(path: str, mtime: float) -> dict[str, int]:
    from pipelines.clinical.summary import summary_offsets

    return summary_offsets(Path(path))


def summary(folder: Path, patient_id: str) -> dict[str, Any]:
    """One patient's pre-session summary from the `summaries` stage, read at its offset in
    the file (indexed once, cached until the file changes); a UserError for an unknown id."""
    from pipelines.clinical.summary import load_summary

    path = Path(folder) / "summaries.jsonl"
    offsets = _summary_offsets(str(path), path.stat().st_mtime) if path.is_file() else None
    return load_summary(folder, patient_id, offsets)


def outputs(p: Params) -> dict[str, Path]:
    """The stage reports and tables the pages read, by name. The pages look them up here and
    `warm` loads all of them at server start, so the two lists cannot drift apart. (The
    evaluation plots' small CSVs and the bias audit's HTML report and review queue are read
    only when a page shows them.)"""
    from pipelines.clinical.summary import SUMMARY_DIR

    r, proc = p.paths.reports, p.paths.processed
    out = {
        "synthesize": r / "synthesize.json",
        "ingest": r / "ingest.json",
        "patients": p.paths.interim / "patients.parquet",
        "outcomes": r / "outcomes.json",
        "program": proc / "outcomes" / "program.parquet",
        "retention": proc / "outcomes" / "retention.parquet",
        "deidentify": r / "deidentify.json",
        "alerts": proc / SUMMARY_DIR / "alerts.parquet",
        "summaries": proc / SUMMARY_DIR / "summaries.jsonl",
    }
    for task in ("risk", "empathy"):
        out[f"bias_audit@{task}"] = proc / "bias_audit" / task / "report.json"
        out[f"bias_table@{task}"] = proc / "bias_audit" / task / "audit.parquet"
    return out


def warm(p: Params) -> list[str]:
    """Load every output the pages read (`outputs`) into the caches above, those that only a
    view chosen on a page shows included (the empathy model's audit). Run once at server
    start (dashboards/server.py), before `draw_pages_once`, which draws the default views and
    with them imports the pages' libraries, starts the SVG renderer and lists the MLflow store.
    Returns what it loaded; a missing output is skipped (its page says which stage to run)."""
    loaded = []
    for path in outputs(p).values():  # (imports the summary renderer too: 1 s)
        if not path.exists():
            continue
        if path.suffix == ".json":
            report(path)
        elif path.suffix == ".parquet":
            parquet(path)
        else:  # summaries.jsonl: indexed by patient
            _summary_offsets(str(path), path.stat().st_mtime)
        loaded.append(str(path))
    return loaded


VIEWS = Path(__file__).with_name("views")  # the pages app.py lists


def draw_pages_once() -> list[str]:
    """Run every page once, outside any browser session, and return the pages that ran.

    Outside a session Streamlit runs a script in "bare mode": its elements go nowhere and each
    widget returns its default, which is what a first visit shows. So the charts of each
    page's default view are rendered into the SVG cache here, not on the first visit (0.1-0.4 s
    of rendering per page, measured). A page that fails here is logged by name and left to show
    its own error on its first visit; the server starts either way.
    """
    ran = []
    logging.disable(logging.WARNING)  # bare mode warns on every element; nothing else runs yet
    try:
        for page in sorted(VIEWS.glob("*.py")):
            try:
                runpy.run_path(str(page), run_name="__main__")
            except Exception as err:  # the page shows its error to its first visitor
                log.error("dashboard: warming %s failed (%s)", page.name, type(err).__name__)
            else:
                ran.append(page.stem)
    finally:
        logging.disable(logging.NOTSET)
    return ran
