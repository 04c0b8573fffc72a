"""The dashboard's server: Streamlit's ASGI app with a start-up step that warms the caches.

Run: make dashboard   (that is: streamlit run dashboards/server.py --server.port 8501 ...)

Before the server takes its first connection, `dashboards.data.warm` loads every stage
output the pages read into Streamlit's data cache, and `draw_pages_once` runs every page with
its widgets at their defaults, which imports the pages' libraries (Altair, MLflow) and caches
what a first visit draws (charts rendered to SVG, the MLflow listing). So the first visit to
any page renders as fast as later ones instead of paying 2-4 s of imports and reads
(benchmarks/RESULTS.md). The pages themselves are in app.py.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st

log = logging.getLogger("carebridge.dashboard")


@asynccontextmanager
async def warm_caches(_app: object) -> AsyncIterator[None]:
    """Warm the caches in a worker thread; the server starts listening when it is done."""
    from dashboards.data import draw_pages_once, params, warm

    t = time.perf_counter()
    loaded = await asyncio.to_thread(warm, params())
    drawn = await asyncio.to_thread(draw_pages_once)
    log.warning(
        "dashboard: %d stage outputs cached, libraries imported and %d pages drawn in %.1f s",
        len(loaded),
        len(drawn),
        time.perf_counter() - t,
    )
    yield


app = st.App(Path(__file__).with_name("app.py"), lifespan=warm_caches)
