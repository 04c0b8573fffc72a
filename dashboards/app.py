"""CareBridge dashboard (read-only).  Run: make dashboard  (http://127.0.0.1:8501)

A multipage Streamlit app over what the pipeline's stages wrote; it never reads raw data.
st.navigation over dashboards/views/ (a folder named pages/ would also be listed by
Streamlit's older file-based navigation whenever a page is opened by its own URL). Pages: the
program cohort, program outcomes (program leads), the bias audit (safety board), model runs
(data scientists) and the clinician view. dashboards/server.py serves it and warms the data
caches at start-up.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent

st.set_page_config(page_title="CareBridge", layout="wide")
pages = [
    st.Page(HERE / "views" / "cohort.py", title="Program cohort", default=True),
    st.Page(HERE / "views" / "outcomes.py", title="Program outcomes"),
    st.Page(HERE / "views" / "bias_audit.py", title="Bias audit"),
    st.Page(HERE / "views" / "model_runs.py", title="Model runs"),
    st.Page(HERE / "views" / "clinician.py", title="Clinician view"),
]
st.navigation(pages).run()
