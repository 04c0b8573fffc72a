"""Dashboard page for the safety board: the bias audit of each model version.

Reads the `bias_audit` stage's outputs (audit.parquet, report.json, report.html, the review
queue) and the registry's tags. Every figure has its interval and group size; groups with
too little data are marked, never shown as passing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import altair as alt
import polars as pl
import streamlit as st

from bias_audit.report import GROUP_COLUMNS
from dashboards.charts import show
from dashboards.data import outputs, params, parquet, report, require

PRIMARY = {"risk": "recall", "empathy": "emotional_reactions_macro_f1"}


def verdict(rep: dict[str, Any]) -> None:
    """The version, the gate's verdict and the worst failed checks."""
    g = rep["gate"]
    champ = rep.get("champion") or {}
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])  # room for the whole model name
    c1.metric("Model version", f"{rep['model']['name']} v{rep['model']['version']}")
    c2.metric("Gate verdict", g["verdict"].upper())
    c3.metric("Checks failed", f"{g['checks_failed']} of {g['checks_judged']}")
    c4.metric("Champion", champ.get("champion") or "none")
    st.caption(
        f"{g['checks_insufficient_data']} checks not judged (insufficient data). Test split: "
        f"{rep['test_messages']} messages, {rep['test_patients']} patients."
    )
    for line in g["failed"][:5]:
        st.error(line)


def per_group(table: pl.DataFrame, task: str) -> str:
    """One metric by one feature: values with intervals, then the table; the metric chosen."""
    st.subheader("Per-group metrics with 95% intervals")
    metrics = table["metric"].unique().sort().to_list()
    metric = st.selectbox("Metric", metrics, index=metrics.index(PRIMARY[task]))
    singles = table.filter(pl.col("metric") == metric, ~pl.col("features").str.contains(" x "))
    feature = st.selectbox("Feature", singles["features"].unique(maintain_order=True).to_list())
    rows = (
        singles.filter(pl.col("features") == feature)
        .with_columns(
            pl.when(pl.col("sufficient"))
            .then(pl.lit("enough data"))
            .otherwise(pl.lit("insufficient data"))
            .alias("data")
        )
        .to_pandas()
    )
    base = alt.Chart(rows).encode(
        y=alt.Y("group:N"),
        color=alt.Color(
            "data:N",
            scale=alt.Scale(
                domain=["enough data", "insufficient data"], range=["#1f77b4", "#bbbbbb"]
            ),
        ),
    )
    show(
        # the axis spans the intervals, not 0-1: recalls near 1 would otherwise sit in one dot
        base.mark_rule().encode(
            x=alt.X("ci_low:Q", title=metric, scale=alt.Scale(zero=False)), x2="ci_high:Q"
        )
        + base.mark_point(filled=True).encode(x="value:Q"),
        f"{metric} by {feature}, with 95% intervals (values in the table below)",
    )
    st.table(
        singles.filter(pl.col("features") == feature).select("group", *GROUP_COLUMNS).to_pandas(),
        hide_index=True,
    )
    return metric


def intersections(table: pl.DataFrame, metric: str) -> None:
    """A heat map of the metric over one pair of features, cells with enough data only."""
    pairs = table.filter(pl.col("metric") == metric, pl.col("features").str.contains(" x "))
    if not pairs.height:
        return
    st.subheader("Intersections")
    pair = st.selectbox("Pair", pairs["features"].unique().sort().to_list())
    cells = pairs.filter(pl.col("features") == pair, pl.col("sufficient"))
    a, b = pair.split(" x ")
    cells = cells.with_columns(
        pl.col("group").str.split_exact(" & ", 1).struct.rename_fields([a, b])
    ).unnest("group")
    heat = alt.Chart(cells.to_pandas()).encode(x=f"{b}:N", y=f"{a}:N")
    show(
        heat.mark_rect().encode(
            color=alt.Color("value:Q", scale=alt.Scale(domain=[0, 1], scheme="redyellowgreen"))
        )
        + heat.mark_text().encode(text=alt.Text("value:Q", format=".2f")),
        f"{metric} for every {a} and {b} pair with enough data",
    )
    st.caption("Only cells with enough data are drawn.")


def mitigation(rep: dict[str, Any]) -> None:
    """ThresholdOptimizer's effect: the gate before and after, each feature's recall gap."""
    if "mitigation" not in rep:
        return
    m = rep["mitigation"]
    champ = rep.get("champion") or {}
    st.subheader("Mitigation: ThresholdOptimizer")
    st.write(
        f"{m['constraints']} by {m['feature']}; fitted on {m['fit_messages']} messages, "
        f"audited on {m['audit_messages']}. Gate before: {m['gate_before']['verdict']}, "
        f"after: {m['gate_after']['verdict']}. Mitigated version: "
        f"{champ.get('mitigated_version', '-')}."
    )
    st.table(
        pl.DataFrame(
            [
                {
                    "feature": f,
                    "recall gap before": b.get("value"),
                    "recall gap after": m["recall_gaps_after"].get(f, {}).get("value"),
                }
                for f, b in m["recall_gaps_before"].items()
            ]
        ).to_pandas(),
        hide_index=True,
    )


def report_and_queue(folder: Path, task: str) -> None:
    """The HTML report to download and how much of the review queue is decided."""
    st.subheader("Report and review queue")
    html = folder / "report.html"
    if html.exists():
        st.download_button(
            "Download the audit report (HTML)",
            html.read_bytes(),
            file_name=f"bias_audit_{task}.html",
            mime="text/html",
        )
    queue_path = folder / "review_queue.csv"
    if queue_path.exists():
        queue = pl.read_csv(queue_path, infer_schema_length=0)
        decided = queue.filter(pl.col("reviewer_decision").fill_null("") != "").height
        st.metric("Review queue", f"{decided} of {queue.height} decided")


def main() -> None:
    """Render the bias audit page."""
    p = params()
    st.title("Bias audit and release gate")
    task = st.radio("Model", ["risk", "empathy"], horizontal=True)
    f = outputs(p)
    rep_path, table_path = f[f"bias_audit@{task}"], f[f"bias_table@{task}"]
    if not require([rep_path, table_path], f"bias_audit@{task}"):
        return
    rep = report(rep_path)
    table = parquet(table_path)
    verdict(rep)
    metric = per_group(table, task)
    intersections(table, metric)
    mitigation(rep)
    report_and_queue(rep_path.parent, task)  # the report's folder also holds the queue


main()
