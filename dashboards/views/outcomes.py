"""Dashboard page for program leads: outcomes of AI-hybrid vs usual care, with intervals.

Reads the `outcomes` stage's outputs only. Headline figures are the program's own versions
of the published claims (defined in the README); every figure shows its 95% interval, and a
cell over fewer than `outcomes.min_cell` patients shows as suppressed, never as a number.
"""

from __future__ import annotations

import altair as alt
import polars as pl
import streamlit as st

from dashboards.charts import show
from dashboards.data import outputs, params, parquet, report, require

LABELS = {
    "wellbeing_increase": ("Well-being", "mean WEMWBS change, AI-hybrid / usual care - 1"),
    "crisis_reduction": ("Fewer crisis interventions", "1 - crisis rate ratio, same follow-up"),
    "engagement_increase": ("Therapy engagement", "share attending >= 6 sessions, ratio - 1"),
}
ARM_COLOURS = alt.Scale(domain=["ai_hybrid", "usual_care"], range=["#1f77b4", "#ff7f0e"])


def _pct(x: float | None, reduction: bool = False) -> str:
    if x is None:
        return "suppressed"
    return f"{100 * x:.1f}% fewer" if reduction else f"{100 * x:+.1f}%"


def headline(rep: dict) -> None:
    """The three published claims next to this program's figures."""
    cols = st.columns(3)
    for col, (key, (label, definition)) in zip(cols, LABELS.items(), strict=True):
        f = rep["headline"][key]
        red = key == "crisis_reduction"
        col.metric(label, _pct(f["estimate"], red), help=f"{definition}.")
        ci = (
            f"95% CI {_pct(f['ci_low'], red)} to {_pct(f['ci_high'], red)}"
            if f["estimate"] is not None
            else "too few patients to report"
        )
        col.caption(f"{ci}. Published claim: {100 * f['published']:.0f}%.")
    pre = rep["headline"]
    st.caption(
        "Against the 12 weeks before enrolment, AI-hybrid care had "
        f"{_pct(pre['crisis_reduction_vs_pre.ai_hybrid']['estimate'], True)} crises, but usual "
        f"care also had {_pct(pre['crisis_reduction_vs_pre.usual_care']['estimate'], True)} "
        "(patients enrol at a peak: regression to the mean); beyond usual care: "
        f"{_pct(pre['crisis_reduction_vs_pre.beyond_usual_care']['estimate'], True)}."
    )


def by_group(program: pl.DataFrame, arms: list[str], min_cell: int) -> pl.DataFrame:
    """The chosen metric by the chosen dimension, as an error-bar chart and a table."""
    dims = [d for d in program["dimension"].unique().sort().to_list() if d != "calendar_month"]
    c1, c2 = st.columns(2)
    dim = c1.selectbox("Break down by", dims, index=dims.index("site") if "site" in dims else 0)
    metrics = program.filter(pl.col("dimension") == dim)["metric"].unique().sort().to_list()
    metric = c2.selectbox(
        "Metric",
        metrics,
        index=metrics.index("recovery_rate") if "recovery_rate" in metrics else 0,
    )
    rows = program.filter(
        pl.col("dimension") == dim, pl.col("metric") == metric, pl.col("arm").is_in(arms)
    )
    groups = rows["group"].unique().sort().to_list()
    if dim == "site":
        groups = st.multiselect("Sites", groups, default=groups)
        rows = rows.filter(pl.col("group").is_in(groups))
    shown = rows.filter(~pl.col("suppressed")).to_pandas()
    base = alt.Chart(shown).encode(
        y=alt.Y("group:N", title=dim),
        color=alt.Color("arm:N", scale=ARM_COLOURS),
        yOffset="arm:N",
    )
    chart = base.mark_point(filled=True).encode(
        x=alt.X("estimate:Q", title=f"{metric} (95% CI)")
    ) + base.mark_rule().encode(x="ci_low:Q", x2="ci_high:Q")
    show(chart, f"{metric} by {dim} and arm, with 95% intervals (values in the CSV download)")
    suppressed = rows.filter(pl.col("suppressed"))
    if suppressed.height:
        st.caption(
            f"Suppressed (fewer than {min_cell} patients): "
            + ", ".join(
                f"{g} ({a})" for g, a in zip(suppressed["group"], suppressed["arm"], strict=True)
            )
        )
    return rows


def trends(program: pl.DataFrame, arms: list[str]) -> None:
    """Calendar-month trends per arm, with a date range."""
    month = program.filter(pl.col("dimension") == "calendar_month", pl.col("arm").is_in(arms))
    if month.is_empty():
        return
    months = month["group"].unique().sort().to_list()
    c1, c2 = st.columns(2)
    metric = c1.selectbox("Trend", month["metric"].unique().sort().to_list())
    start, end = c2.select_slider("Months", options=months, value=(months[0], months[-1]))
    rows = month.filter(
        pl.col("metric") == metric,
        pl.col("group") >= start,
        pl.col("group") <= end,
        ~pl.col("suppressed"),
    ).to_pandas()
    base = alt.Chart(rows).encode(
        x=alt.X("group:O", title="month"), color=alt.Color("arm:N", scale=ARM_COLOURS)
    )
    show(
        base.mark_area(opacity=0.2).encode(y="ci_low:Q", y2="ci_high:Q")
        + base.mark_line(point=True).encode(y=alt.Y("estimate:Q", title=metric)),
        f"{metric} by calendar month and arm, with 95% bands",
    )


def main() -> None:
    """Render the program outcomes page."""
    p = params()
    f = outputs(p)
    st.title("Program outcomes: AI-hybrid vs usual care")
    if not require([f["outcomes"], f["program"], f["retention"]], "outcomes"):
        return
    rep = report(f["outcomes"])
    program = parquet(f["program"])
    headline(rep)
    arms = st.multiselect("Arms", ["ai_hybrid", "usual_care"], default=["ai_hybrid", "usual_care"])
    st.subheader("Recovery and reliable improvement (NHS Talking Therapies definitions)")
    overall = program.filter(
        pl.col("dimension") == "overall",
        pl.col("metric").is_in(
            [
                "recovery_rate",
                "reliable_improvement_rate",
                "reliable_deterioration_rate",
                "reliable_recovery_rate_itt",
                "wemwbs_change",
                "crisis_per_1000_pw",
                "weekly_active_rate",
            ]
        ),
        pl.col("arm").is_in(arms),
    ).select("metric", "arm", "estimate", "ci_low", "ci_high", "n_patients")
    st.table(overall.to_pandas(), hide_index=True)
    st.subheader("By site, month of enrolment and demographic group")
    rows = by_group(program, arms, p.outcomes.min_cell)
    st.download_button(
        "Download these aggregates (CSV)",
        rows.write_csv(),
        file_name="carebridge_outcomes.csv",
        mime="text/csv",
    )
    st.subheader("Trends by calendar month")
    trends(program, arms)
    st.subheader("Retention")
    ret = parquet(f["retention"]).filter(pl.col("arm").is_in(arms), ~pl.col("suppressed"))
    show(
        alt.Chart(ret.to_pandas())
        .mark_line(point=True)
        .encode(
            x=alt.X("week:Q", title="program week"),
            y=alt.Y("estimate:Q", title="share still in the program"),
            color=alt.Color("arm:N", scale=ARM_COLOURS),
        ),
        "Share of patients still in the program by program week, per arm",
    )


main()
