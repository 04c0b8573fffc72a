"""End to end in a real browser: the dashboard server on real stage outputs, every page opened
in headless Chromium (Debian's package, never a downloaded one), content checked, screenshots
saved to tests/artifacts/."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_dashboard import _pages_workspace

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)

# page path -> text that must appear on it
PAGES = {
    "": "CareBridge: program cohort",
    "outcomes": "Program outcomes: AI-hybrid vs usual care",
    "bias_audit": "Bias audit and release gate",
    "model_runs": "Model runs",
    "clinician": "Clinician view",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"the dashboard did not start: {url}")


def test_every_page_in_chromium(tmp_path, monkeypatch, params, cohort, tables):
    from playwright.sync_api import sync_playwright

    from pipelines.ingest import ingest

    rep, _, _ = _pages_workspace(tmp_path, monkeypatch, params, cohort, tables)
    shutil.copytree(cohort[0], tmp_path / "raw")
    (tmp_path / "reports" / "synthesize.json").write_text(json.dumps(cohort[1]))
    ing = ingest(tmp_path / "raw", tmp_path / "interim", 50)
    (tmp_path / "reports" / "ingest.json").write_text(json.dumps(ing))
    port = _free_port()
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "dashboards" / "app.py"),
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(f"http://127.0.0.1:{port}/_stcore/health")
        ARTIFACTS.mkdir(exist_ok=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for path, title in PAGES.items():
                page.goto(f"http://127.0.0.1:{port}/{path}")
                page.get_by_text(title).first.wait_for(timeout=30_000)
                page.wait_for_timeout(1500)  # let charts draw before the screenshot
                assert "Traceback" not in page.content()
                page.screenshot(
                    path=str(ARTIFACTS / f"page_{path or 'cohort'}.png"), full_page=True
                )
                if path == "outcomes":
                    page.get_by_text("Well-being").first.wait_for()
                    wb = rep["headline"]["wellbeing_increase"]["estimate"]
                    page.get_by_text(f"{100 * wb:+.1f}%").first.wait_for()
                if path == "":
                    page.get_by_text("Patients", exact=True).first.wait_for()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
