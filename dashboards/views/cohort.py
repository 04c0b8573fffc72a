"""Dashboard page: the program cohort the pipeline ingested (sizes, sites, arms, labels)."""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from dashboards.charts import show
from dashboards.data import outputs, params, parquet, report


def _number(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A markdown table, numbers right-aligned."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def main() -> None:
    """Render the cohort overview page."""
    p = params()
    st.title("CareBridge: program cohort")
    f = outputs(p)
    syn, ing, patients = f["synthesize"], f["ingest"], f["patients"]
    if not (ing.exists() and patients.exists()):
        st.warning("No validated cohort yet: run `make run` (stages `synthesize` and `ingest`).")
        return
    rows = report(ing)["rows"]
    # Plain markdown tables, here and below: the browser already has their renderer, while
    # st.metric and st.json each load scripts of their own on this first page (drawn about
    # 0.15-0.2 s later in a fresh browser, side by side: benchmarks/RESULTS.md).
    counts = {
        "Patients": rows.get("patients", 0),
        "Weekly measures": rows.get("weekly_measures", 0),
        "Chat messages": rows.get("transcripts", 0),
        "Crisis events": rows.get("crisis_events", 0),
    }
    st.markdown(_table(list(counts), [[f"**{v:,}**" for v in counts.values()]]))
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
        st.markdown(
            _table(
                ["language measure (synthetic transcripts)", "value"],
                [[k.replace("_", " "), _number(v)] for k, v in rep["diversity"].items()],
            )
        )


main()
