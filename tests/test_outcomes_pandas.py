"""The pandas reference of the benchmark computes exactly what the polars stage computes."""

from __future__ import annotations

import importlib.util

import numpy as np
import polars as pl

from pipelines.clinical.outcomes import (
    PATIENT_METRICS,
    patient_outcomes,
    program_table,
    scan_inputs,
)
from tests.conftest import ROOT


def _reference():
    spec = importlib.util.spec_from_file_location(
        "outcomes_pandas", ROOT / "benchmarks" / "outcomes_pandas.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pandas_reference_matches_the_stage(cohort, params):
    ref = _reference()
    folder, _ = cohort
    p = params.outcomes
    pl_pts = patient_outcomes(scan_inputs(folder), p).collect()
    pd_pts = ref.patient_outcomes_pd(folder, p)
    for col in ("recovery", "reliable_improvement", "reliable_deterioration",
                "reliable_recovery", "reliable_recovery_itt", "crisis_followup", "crisis_pre",
                "active_weeks", "weeks_in_program", "phq9_change"):  # fmt: skip
        a = pl_pts[col].to_list()
        b = [None if v is None or v is pd_na() or v != v else v for v in pd_pts[col].tolist()]
        assert a == b, col
    got = pl.from_pandas(ref.program_table_pd(pd_pts, p))
    want = program_table(pl_pts.lazy(), p, PATIENT_METRICS)
    keys = ["dimension", "group", "arm", "metric"]
    j = want.join(got, on=keys, suffix="_pd", how="full", coalesce=True)
    assert j.height == want.height == got.height
    assert (j["n_patients"] == j["n_patients_pd"]).all()
    for c in ("estimate", "se"):
        np.testing.assert_allclose(
            j[c].to_numpy().astype(float), j[f"{c}_pd"].to_numpy().astype(float), rtol=1e-9
        )


def pd_na():
    import pandas as pd

    return pd.NA
