"""CareBridge dashboard (read-only).  Run: make dashboard  (http://127.0.0.1:8501)

A multipage Streamlit app over what the pipeline's stages wrote; it never reads raw data.
Pages: the program cohort, program outcomes (program leads), the bias audit (safety board),
model runs (data scientists) and the clinician view.
"""

from __future__ import annotations

import threading
from pathlib import Path

import streamlit as st

from dashboards.data import params, warm_mlflow_store

HERE = Path(__file__).parent

st.set_page_config(page_title="CareBridge", layout="wide")


@st.cache_resource
def _warm_mlflow() -> threading.Thread:
    """Import MLflow and open its store once per server, in the background: it takes about
    2.5 s on 2 cores, which would otherwise land on the first visit to Model runs."""

    p = params()
    thread = threading.Thread(
        target=warm_mlflow_store,
        args=(p.mlflow.tracking_uri, p.mlflow.experiment),
        name="warm-mlflow",
        daemon=True,
    )
    thread.start()
    return thread


_warm_mlflow()
pages = [
    st.Page(HERE / "pages" / "cohort.py", title="Program cohort", default=True),
    st.Page(HERE / "pages" / "outcomes.py", title="Program outcomes"),
    st.Page(HERE / "pages" / "bias_audit.py", title="Bias audit"),
    st.Page(HERE / "pages" / "model_runs.py", title="Model runs"),
    st.Page(HERE / "pages" / "clinician.py", title="Clinician view"),
]
st.navigation(pages).run()
