"""Dashboard page: the program cohort the pipeline ingested (sizes, sites, arms, labels)."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from dashboards.charts import show
from dashboards.data import params, parquet, report


def main() -> None:
    """Render the cohort overview page."""
    p = params()
    st.title("CareBridge: program cohort")
    syn = p.paths.reports / "synthesize.json"
    ing = p.paths.reports / "ingest.json"
    patients = p.paths.interim / "patients.parquet"
    if not (ing.exists() and patients.exists()):
        st.warning("No validated cohort yet: run `make run` (stages `synthesize` and `ingest`).")
        return
    rows = report(ing)["rows"]
    cols = st.columns(4)
    cols[0].metric("Patients", f"{rows.get('patients', 0):,}")
    cols[1].metric("Weekly measures", f"{rows.get('weekly_measures', 0):,}")
    cols[2].metric("Chat messages", f"{rows.get('transcripts', 0):,}")
    cols[3].metric("Crisis events", f"{rows.get('crisis_events', 0):,}")
    by = parquet(patients).group_by("site", "arm").len().sort("site", "arm")
    st.subheader("Patients by site and arm")
    show(
        alt.Chart(by.to_pandas())
        .mark_bar()
        .encode(x=alt.X("site:N"), y=alt.Y("len:Q", title="patients"), color="arm:N"),
        "Patients per site, stacked by arm",
    )
    if syn.exists():
        rep = report(syn)
        st.subheader("Synthetic cohort: labels and language")
        c1, c2 = st.columns(2)
        for col, key in ((c1, "risk_level"), (c2, "register")):
            shares = pl.DataFrame(
                {key: list(rep["shares"][key]), "share": list(rep["shares"][key].values())}
            )
            show(
                alt.Chart(shares.to_pandas())
                .mark_bar()
                .encode(x=alt.X(f"{key}:N", sort=None), y="share:Q"),
                f"Shares by {key} in the synthetic cohort",
                where=col,
                width=360,
            )
        st.json(rep["diversity"], expanded=False)


main()
