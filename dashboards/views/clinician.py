"""Dashboard page for clinicians: the alert feed and a patient's pre-session summary.

Reads the `summaries` stage's outputs only (pseudonymous ids; no message text anywhere).
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import polars as pl
import streamlit as st

from dashboards.charts import show
from dashboards.data import outputs, params, parquet, require, summary
from pipelines.clinical.summary import render_markdown
from pipelines.core.errors import UserError


def main() -> None:
    """Render the clinician view."""
    p = params()
    f = outputs(p)
    st.title("Clinician view")
    if not require([f["alerts"], f["summaries"]], "summaries"):
        return
    feed = parquet(f["alerts"])
    st.subheader("Alert feed")
    last = feed["date"].max() if feed.height else dt.date.today()
    c1, c2, c3 = st.columns(3)
    weeks = c1.number_input("Last weeks", min_value=1, max_value=104, value=4)
    rules = c2.multiselect(
        "Rules", sorted(feed["rule"].unique()), default=sorted(feed["rule"].unique())
    )
    sites = c3.multiselect(
        "Sites", sorted(feed["site"].unique()), default=sorted(feed["site"].unique())
    )
    recent = feed.filter(
        pl.col("date") > last - dt.timedelta(weeks=int(weeks)),
        pl.col("rule").is_in(rules),
        pl.col("site").is_in(sites),
    )
    st.caption(
        f"{recent.height} alerts for {recent['patient_id'].n_unique()} patients up to {last}."
    )
    st.dataframe(
        recent.select("date", "patient_id", "site", "arm", "rule", "reason").to_pandas(),
        hide_index=True,
        width="stretch",
        column_config={"date": st.column_config.DateColumn("date", format="YYYY-MM-DD")},
    )
    st.subheader("Pre-session summary")
    choices = recent["patient_id"].unique(maintain_order=True).to_list()
    typed = st.text_input("Patient id (pseudonymous)", value=choices[0] if choices else "")
    if not typed:
        return
    try:
        found = summary(f["summaries"].parent, typed.strip())
    except UserError as err:  # a mistyped id: say so, no traceback
        st.error(str(err))
        return
    traj = pl.DataFrame(found["mood"]["trajectory"])
    if traj.height:
        long = traj.unpivot(index="week", on=["phq9_total", "gad7_total"], variable_name="scale")
        show(
            alt.Chart(long.to_pandas())
            .mark_line(point=True)
            .encode(x="week:O", y=alt.Y("value:Q", title="score"), color="scale:N"),
            "PHQ-9 and GAD-7 by program week (the table in the summary below)",
        )
    st.markdown(render_markdown(found))


main()
