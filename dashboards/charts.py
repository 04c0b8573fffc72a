"""Charts for the dashboard: Altair (Vega-Lite) specs drawn to SVG on the server by
vl-convert, Vega's own renderer, and shown as images.

Why not `st.altair_chart`: the browser then loads and compiles Vega for every page it opens
and draws each chart itself, 0.4 s and more per page on this 2-core machine, which kept pages
over the 2 s first-render target (benchmarks/RESULTS.md). An SVG drawn here is cached per
chart and shows at once. What the interactive charts offered in tooltips is in the tables
next to them (and in the CSV downloads).
"""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import streamlit as st

WIDTH = 760  # px of the drawn chart; the image then scales to its column


@st.cache_data(show_spinner=False, max_entries=256)
def _svg(spec: str) -> str:
    import vl_convert as vlc

    return vlc.vegalite_to_svg(json.loads(spec))


def svg(chart: alt.TopLevelMixin, width: int = WIDTH) -> str:
    """The chart as an SVG document (cached by its spec, data included)."""
    spec: dict[str, Any] = chart.to_dict()
    spec.setdefault("width", width)
    return _svg(json.dumps(spec, sort_keys=True, default=str))


def show(chart: alt.TopLevelMixin, alt_text: str, where: Any = st, width: int = WIDTH) -> None:
    """Draw the chart into `where` (the page or a column), scaled to its width."""
    where.image(svg(chart, width), width="stretch", alt=alt_text)
