"""The dashboard's server: Streamlit's ASGI app, served by uvicorn, with a start-up step that
warms the caches.

Run: make dashboard   (that is: python -m dashboards.server --host 127.0.0.1 --port 8501)

Before the server takes its first connection, `dashboards.data.warm` loads every stage
output the pages read into Streamlit's data cache, and `draw_pages_once` runs every page with
its widgets at their defaults, which imports the pages' libraries (Altair, MLflow) and caches
what a first visit draws (charts rendered to SVG, the MLflow listing). So the first visit to
any page renders as fast as later ones instead of paying 2-4 s of imports and reads
(benchmarks/RESULTS.md). The pages themselves are in app.py; Streamlit's options for them
(no usage statistics, the viewer's toolbar, log level warning) are in .streamlit/config.toml
beside it.

Why uvicorn and not `streamlit run`: `st.App` is an ASGI app, and Streamlit documents serving
it with uvicorn. `streamlit run` serves it through uvicorn too, but on a socket it binds
itself without naming the TCP protocol, so asyncio never sets TCP_NODELAY on the connections
it accepts: every response after the first on a kept-alive connection then waits about 40 ms
for the browser's delayed ACK (Nagle's algorithm). A page's first visit fetches 60-120 script
files over the browser's 6 connections, and those waits were most of its load time
(benchmarks/RESULTS.md, 2026-12-02). uvicorn binds its own socket, and asyncio sets
TCP_NODELAY on it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
import uvicorn

log = logging.getLogger("carebridge.dashboard")

APP = Path(__file__).with_name("app.py")


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


# the dashboard as an ASGI app (`uvicorn dashboards.server:app` serves it too)
app = st.App(APP, lifespan=warm_caches)


def uvicorn_config(asgi_app: object, host: str, port: int) -> uvicorn.Config:
    """How the dashboard is served: uvicorn binds its own socket (so its connections get
    TCP_NODELAY), with the web socket implementation Streamlit's own server picks for this
    uvicorn. access_log=False alone does not silence the access log: Streamlit's start-up
    re-attaches a handler to it, which the warning log level in .streamlit/config.toml
    mutes."""
    return uvicorn.Config(
        asgi_app,
        host=host,
        port=port,
        ws="websockets-sansio",
        access_log=False,
        log_level="warning",
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Serve the dashboard (or, with --script, another Streamlit script) until stopped."""
    ap = argparse.ArgumentParser(
        prog="python -m dashboards.server",
        description="Serve the CareBridge dashboard with uvicorn (make dashboard).",
    )
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8501)
    ap.add_argument(
        "--script",
        type=Path,
        help="serve this Streamlit script instead of the dashboard, without its warm-up "
        "(the dashboard benchmark's empty reference page)",
    )
    args = ap.parse_args(argv)
    try:  # before the warm-up, which takes seconds: is the address free?
        socket.create_server((args.host, args.port)).close()
    except OSError as err:
        sys.exit(
            f"dashboard: cannot listen on {args.host}:{args.port}: {err.strerror}. "
            "Stop the server that uses it, or choose another --port or --host."
        )
    served = st.App(args.script.resolve()) if args.script else app
    print(f"dashboard: serving on http://{args.host}:{args.port} (Ctrl+C stops)", flush=True)
    uvicorn.Server(uvicorn_config(served, args.host, args.port)).run()


if __name__ == "__main__":
    main()
