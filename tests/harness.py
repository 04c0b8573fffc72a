"""Test harness: start the dashboard on a free local port for a workspace, and headless Chromium.

Shared by the dashboard tests and the first-render benchmark (benchmarks/bench_dashboard.py,
run from the repository root as `python -m benchmarks.bench_dashboard`). The browser is
Debian's chromium package (never one a test tool downloads), headless and sandbox-free.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def write_workspace_params(folder: Path) -> None:
    """params.yaml for a workspace whose stage outputs live in `folder` (raw/, interim/,
    processed/, reports/ and an MLflow store in mlruns/): this project's parameters, those
    paths. The store's URI is absolute: MLflow keeps one open store per URI in a process."""
    import yaml

    raw = yaml.safe_load((Path(__file__).parents[1] / "params.yaml").read_text())
    raw["paths"] = {d: d for d in ("raw", "interim", "processed", "reports")}
    raw["mlflow"]["tracking_uri"] = f"sqlite:///{Path(folder).resolve() / 'mlruns' / 'mlflow.db'}"
    (Path(folder) / "params.yaml").write_text(yaml.safe_dump(raw))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(
    workspace: Path, timeout: float = 60, cpus: set[int] | None = None, script: Path | None = None
) -> Iterator[str]:
    """Run the dashboard's server as `make dashboard` does (dashboards/server.py; with
    `script`, that Streamlit script instead) in `workspace`; yield its base URL. `cpus`: the
    cores the server may run on (Linux), e.g. to keep it off a browser's."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dashboards.server", "--port", str(port)]
        + (["--script", str(script)] if script else []),
        cwd=workspace,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        end = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > end or server.poll() is not None:
                    raise RuntimeError(f"the dashboard did not start in {workspace}") from None
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def launch_chromium(playwright: object) -> object:
    """Debian's headless chromium through playwright."""
    return playwright.chromium.launch(  # type: ignore[attr-defined]
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
    )
