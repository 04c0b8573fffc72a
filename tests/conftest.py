"""Shared fixtures: offline settings and one small synthetic cohort per test session."""

from __future__ import annotations

import os

for _key, _val in {
    "HF_HUB_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "MLFLOW_DISABLE_TELEMETRY": "true",
    "DO_NOT_TRACK": "1",
    "DVC_NO_ANALYTICS": "1",
}.items():
    os.environ[_key] = _val

from pathlib import Path  # noqa: E402

import polars as pl  # noqa: E402
import pytest  # noqa: E402

from pipelines.params import SynthesizeParams, load_params  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def params():
    return load_params(ROOT / "params.yaml")


def small(sp: SynthesizeParams, n: int) -> SynthesizeParams:
    """The default generator settings for `n` patients, in chunks to exercise chunking."""
    return sp.model_copy(update={"n_patients": n, "chunk_size": max(1, n // 2)})


@pytest.fixture(scope="session")
def cohort(tmp_path_factory, params):
    """A 300-patient cohort written by the real stage function; returns (folder, report)."""
    from pipelines.synthesize import synthesize

    out = tmp_path_factory.mktemp("cohort") / "cohort"
    report = synthesize(small(params.synthesize, 300), params.seed, out)
    return out, report


@pytest.fixture(scope="session")
def tables(cohort):
    folder, _ = cohort
    frames = {p.stem: pl.read_parquet(p) for p in folder.glob("*.parquet")}
    frames.update({p.stem: pl.read_parquet(p) for p in (folder / "gold").glob("*.parquet")})
    return frames
