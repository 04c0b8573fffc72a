"""CareBridge dashboard (read-only).  Run: make dashboard  (http://127.0.0.1:8501)

A multipage Streamlit app over what the pipeline's stages wrote; it never reads raw data.
Pages: the program cohort, program outcomes (program leads), the bias audit (safety board),
model runs (data scientists) and the clinician view.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

HERE = Path(__file__).parent

st.set_page_config(page_title="CareBridge", layout="wide")
pages = [
    st.Page(HERE / "pages" / "cohort.py", title="Program cohort", default=True),
    st.Page(HERE / "pages" / "outcomes.py", title="Program outcomes"),
    st.Page(HERE / "pages" / "bias_audit.py", title="Bias audit"),
    st.Page(HERE / "pages" / "model_runs.py", title="Model runs"),
    st.Page(HERE / "pages" / "clinician.py", title="Clinician view"),
]
st.navigation(pages).run()
