"""Dashboard page: the program cohort the pipeline ingested (sizes, sites, arms, labels)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import streamlit as st

from pipelines.params import load_params


@st.cache_data
def _report(path: str, mtime: float) -> dict:
    return json.loads(Path(path).read_text())


@st.cache_data
def _patients(path: str, mtime: float) -> pl.DataFrame:
    return pl.read_parquet(path)


def main() -> None:
    """Render the cohort overview page."""
    params = load_params()
    st.title("CareBridge: program cohort")
    syn = params.paths.reports / "synthesize.json"
    ing = params.paths.reports / "ingest.json"
    patients = params.paths.interim / "patients.parquet"
    if not (ing.exists() and patients.exists()):
        st.warning("No validated cohort yet: run `make run` (stages `synthesize` and `ingest`).")
        return
    rows = _report(str(ing), ing.stat().st_mtime)["rows"]
    cols = st.columns(4)
    cols[0].metric("Patients", f"{rows.get('patients', 0):,}")
    cols[1].metric("Weekly measures", f"{rows.get('weekly_measures', 0):,}")
    cols[2].metric("Chat messages", f"{rows.get('transcripts', 0):,}")
    cols[3].metric("Crisis events", f"{rows.get('crisis_events', 0):,}")
    p = _patients(str(patients), patients.stat().st_mtime)
    by = (
        p.group_by("site", "arm")
        .len()
        .sort("site", "arm")
        .pivot(on="arm", index="site", values="len")
    )
    st.subheader("Patients by site and arm")
    st.bar_chart(by.to_pandas().set_index("site"))
    if syn.exists():
        rep = _report(str(syn), syn.stat().st_mtime)
        st.subheader("Synthetic cohort: labels and language")
        c1, c2 = st.columns(2)
        c1.bar_chart(
            pl.DataFrame(
                {
                    "risk_level": list(rep["shares"]["risk_level"]),
                    "share": list(rep["shares"]["risk_level"].values()),
                }
            )
            .to_pandas()
            .set_index("risk_level")
        )
        c2.bar_chart(
            pl.DataFrame(
                {
                    "register": list(rep["shares"]["register"]),
                    "share": list(rep["shares"]["register"].values()),
                }
            )
            .to_pandas()
            .set_index("register")
        )
        st.json(rep["diversity"], expanded=False)


main()
