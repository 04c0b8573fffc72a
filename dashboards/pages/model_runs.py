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

from dashboards.data import params, report, require


@st.cache_data(show_spinner=False, ttl=30)
def _runs(uri: str, experiment: str) -> pl.DataFrame:
    import mlflow

    mlflow.set_tracking_uri(uri)
    df = mlflow.search_runs(experiment_names=[experiment], max_results=500)
    return pl.from_pandas(df) if len(df) else pl.DataFrame()


@st.cache_data(show_spinner=False, ttl=30)
def _registry(uri: str) -> pl.DataFrame:
    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=uri)
    rows = []
    for model in client.search_registered_models():
        aliases = {v: k for k, v in (model.aliases or {}).items()}
        for v in client.search_model_versions(f"name='{model.name}'"):
            rows.append(
                {
                    "model": model.name,
                    "version": int(v.version),
                    "alias": aliases.get(v.version, ""),
                    "bias_audit": v.tags.get("bias_audit", ""),
                    "mitigation_of": v.tags.get("mitigation_of", ""),
                    "run_id": v.run_id,
                }
            )
    return pl.DataFrame(rows).sort("model", "version") if rows else pl.DataFrame()


def main() -> None:
    """Render the model runs page."""
    p = params()
    st.title("Model runs")
    db = Path(p.mlflow.tracking_uri.removeprefix("sqlite:///"))
    if not require([db], "train@risk"):
        return
    uri = p.mlflow.tracking_uri
    st.subheader("Registry: versions, aliases and audit verdicts")
    st.dataframe(_registry(uri).to_pandas(), hide_index=True, width="stretch")
    runs = _runs(uri, p.mlflow.experiment)
    if runs.height:
        st.subheader("Runs compared")
        stages = runs["tags.mlflow.runName"].unique().sort().to_list()
        stage = st.selectbox(
            "Stage",
            stages,
            index=stages.index("evaluate@risk") if "evaluate@risk" in stages else 0,
        )
        chosen = runs.filter(pl.col("tags.mlflow.runName") == stage)
        keep = [
            c
            for c in chosen.columns
            if c.startswith(("metrics.", "params.")) and chosen[c].null_count() < chosen.height
        ]
        st.dataframe(
            chosen.select("start_time", "run_id", *keep)
            .sort("start_time", descending=True)
            .to_pandas(),
            hide_index=True,
            width="stretch",
        )
    task = st.radio("Model", ["risk", "empathy"], horizontal=True)
    plots = p.paths.reports / "plots" / task
    if require([plots / "confusion.csv"], f"evaluate@{task}"):
        conf = pl.read_csv(plots / "confusion.csv", infer_schema_length=0)
        if "mechanism" in conf.columns:
            mech = st.selectbox("Mechanism", conf["mechanism"].unique().sort().to_list())
            conf = conf.filter(pl.col("mechanism") == mech)
        counts = conf.group_by("actual", "predicted").len()
        st.subheader("Confusion matrix (held-out test split)")
        st.altair_chart(
            alt.Chart(counts.to_pandas())
            .mark_rect()
            .encode(
                x="predicted:N",
                y="actual:N",
                color="len:Q",
                tooltip=["actual", "predicted", "len"],
            )
            + alt.Chart(counts.to_pandas())
            .mark_text()
            .encode(x="predicted:N", y="actual:N", text="len:Q"),
            width="stretch",
        )
    if (plots / "calibration.csv").exists():
        cal = pl.read_csv(plots / "calibration.csv").to_pandas()
        st.subheader("Calibration (after temperature scaling)")
        line = (
            alt.Chart(pl.DataFrame({"x": [0.0, 1.0]}).to_pandas())
            .mark_line(strokeDash=[4, 4], color="grey")
            .encode(x="x:Q", y="x:Q")
        )
        st.altair_chart(
            line + alt.Chart(cal).mark_line(point=True).encode(x="confidence:Q", y="accuracy:Q"),
            width="stretch",
        )
    deid = p.paths.reports / "deidentify.json"
    if require([deid], "deidentify"):
        ev = report(deid)["eval"]
        st.subheader(f"De-identification ({ev['split']} split)")
        c1, c2 = st.columns(2)
        c1.dataframe(
            pl.DataFrame([{"type": k, **v} for k, v in ev["per_type"].items()]).to_pandas(),
            hide_index=True,
        )
        c2.dataframe(
            pl.DataFrame(
                [{"name origin": k, **v} for k, v in ev["name_recall_by_origin"].items()]
            ).to_pandas(),
            hide_index=True,
        )


main()
