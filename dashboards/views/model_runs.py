"""Dashboard page for data scientists: MLflow runs, registry versions, model and
de-identification metrics.

Reads the MLflow store (read-only client), the evaluate stage's plot tables and the
de-identification report.
"""

from __future__ import annotations

from pathlib import Path

import altair as alt
import polars as pl
import streamlit as st

from dashboards.charts import show
from dashboards.data import mlflow_registry, mlflow_runs, outputs, params, report, require


def compared(chosen: pl.DataFrame) -> pl.DataFrame:
    """Runs side by side, as MLflow's own comparison shows them: one row per metric or param
    that any of them logged (test metrics first, then the other metrics, then params, each
    by name), one column per run (newest first, named by start time and run id); metrics to
    4 significant figures."""
    keep = sorted(
        (
            c
            for c in chosen.columns
            if c.startswith(("metrics.", "params.")) and chosen[c].null_count() < chosen.height
        ),
        key=lambda c: (c.startswith("params."), not c.startswith("metrics.test."), c),
    )
    runs = (
        chosen["start_time"].dt.strftime("%Y-%m-%d %H:%M") + " " + chosen["run_id"].str.slice(0, 8)
    ).to_list()
    if len(set(runs)) < len(runs):  # two runs started in the same minute with one id prefix
        runs = [f"{r} ({i})" for i, r in enumerate(runs, start=1)]
    if not keep:  # runs that logged nothing yet: their columns, no rows
        return pl.DataFrame(schema=dict.fromkeys(["kind", "name", *runs], pl.String))
    values = chosen.select(
        [
            (pl.col(c).round_sig_figs(4) if chosen[c].dtype.is_float() else pl.col(c)).cast(
                pl.String
            )
            for c in keep
        ]
    ).transpose(column_names=runs)
    kind, _, name = zip(*(c.partition(".") for c in keep), strict=True)
    return pl.DataFrame({"kind": [k.removesuffix("s") for k in kind], "name": list(name)}).hstack(
        values
    )


def main() -> None:
    """Render the model runs page."""
    p = params()
    st.title("Model runs")
    db = Path(p.mlflow.tracking_uri.removeprefix("sqlite:///"))
    if not require([db], "train@risk"):
        return
    uri = p.mlflow.tracking_uri
    st.subheader("Registry: versions, aliases and audit verdicts")
    # a grid, not a table: the registry gains a version with every run, and the grid draws
    # only the rows in view
    st.dataframe(mlflow_registry(uri).to_pandas(), hide_index=True, width="stretch", height=248)
    runs = mlflow_runs(uri, p.mlflow.experiment)
    if runs.height:
        st.subheader("Runs compared")
        stages = runs["tags.mlflow.runName"].unique().sort().to_list()
        # the risk model's training run: the evaluate stage logs its test metrics there too
        stage = st.selectbox(
            "Stage",
            stages,
            index=stages.index("train@risk") if "train@risk" in stages else 0,
        )
        chosen = runs.filter(pl.col("tags.mlflow.runName") == stage).sort(
            "start_time", descending=True
        )
        st.dataframe(compared(chosen), hide_index=True, width="stretch")
    task = st.radio("Model", ["risk", "empathy"], horizontal=True)
    plots = p.paths.reports / "plots" / task
    if require([plots / "confusion.csv"], f"evaluate@{task}"):
        conf = pl.read_csv(plots / "confusion.csv", infer_schema_length=0)
        if "mechanism" in conf.columns:
            mech = st.selectbox("Mechanism", conf["mechanism"].unique().sort().to_list())
            conf = conf.filter(pl.col("mechanism") == mech)
        counts = conf.group_by("actual", "predicted").len().sort("actual", "predicted")
        st.subheader("Confusion matrix (held-out test split)")
        cells = alt.Chart(counts.to_pandas()).encode(x="predicted:N", y="actual:N")
        show(
            cells.mark_rect().encode(color="len:Q") + cells.mark_text().encode(text="len:Q"),
            f"Confusion matrix of the {task} model on the held-out test split, with counts",
        )
    if (plots / "calibration.csv").exists():
        cal = pl.read_csv(plots / "calibration.csv").to_pandas()
        st.subheader("Calibration (after temperature scaling)")
        line = (
            alt.Chart(pl.DataFrame({"x": [0.0, 1.0]}).to_pandas())
            .mark_line(strokeDash=[4, 4], color="grey")
            .encode(x="x:Q", y="x:Q")
        )
        show(
            line + alt.Chart(cal).mark_line(point=True).encode(x="confidence:Q", y="accuracy:Q"),
            f"Calibration of the {task} model: accuracy against confidence, diagonal = perfect",
        )
    deid = outputs(p)["deidentify"]
    if require([deid], "deidentify"):
        ev = report(deid)["eval"]
        st.subheader(f"De-identification ({ev['split']} split)")
        c1, c2 = st.columns(2)
        c1.table(
            pl.DataFrame([{"type": k, **v} for k, v in ev["per_type"].items()]).to_pandas(),
            hide_index=True,
        )
        c2.table(
            pl.DataFrame(
                [{"name origin": k, **v} for k, v in ev["name_recall_by_origin"].items()]
            ).to_pandas(),
            hide_index=True,
        )


main()
