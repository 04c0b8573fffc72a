"""What every dashboard page shares: params, cached reads of stage outputs, and the message
that says which stage to run when an output is missing. Pages never read raw data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import streamlit as st

from pipelines.params import Params, load_params


def params() -> Params:
    """params.yaml of the working directory (the paths of every stage output)."""
    return load_params()


@st.cache_data(show_spinner=False)
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


def warm_mlflow_store(tracking_uri: str, experiment: str) -> None:
    """Import MLflow and open its tracking store (no Streamlit calls: runs in a thread)."""
    if not Path(tracking_uri.removeprefix("sqlite:///")).exists():
        return
    import mlflow
    from mlflow.tracking import MlflowClient

    MlflowClient(tracking_uri=tracking_uri).search_registered_models()
    mlflow.set_tracking_uri(tracking_uri)
    mlflow.search_runs(experiment_names=[experiment], max_results=1)
