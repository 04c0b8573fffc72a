"""Streamlit dashboards; they read only what the pipeline stages wrote."""
