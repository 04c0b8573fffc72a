"""End to end in a real browser: the dashboard server on real stage outputs, every page opened
in headless Chromium (Debian's package, never a downloaded one), content checked, screenshots
saved to tests/artifacts/."""

from __future__ import annotations

import json
import shutil

import pytest

from dashboards.serve import CHROMIUM, launch_chromium, served
from tests.conftest import ROOT
from tests.test_dashboard import _pages_workspace

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


def test_every_page_in_chromium(tmp_path, monkeypatch, params, cohort, tables):
    from playwright.sync_api import sync_playwright

    from pipelines.ingest import ingest

    rep, _, _ = _pages_workspace(tmp_path, monkeypatch, params, cohort, tables)
    shutil.copytree(cohort[0], tmp_path / "raw")
    (tmp_path / "reports" / "synthesize.json").write_text(json.dumps(cohort[1]))
    ing = ingest(tmp_path / "raw", tmp_path / "interim", 50)
    (tmp_path / "reports" / "ingest.json").write_text(json.dumps(ing))
    ARTIFACTS.mkdir(exist_ok=True)
    with served(tmp_path) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for path, title in PAGES.items():
            page.goto(f"{base}/{path}")
            page.get_by_text(title).first.wait_for(timeout=30_000)
            page.wait_for_timeout(1500)  # let charts draw before the screenshot
            assert "Traceback" not in page.content()
            page.screenshot(path=str(ARTIFACTS / f"page_{path or 'cohort'}.png"), full_page=True)
            if path == "outcomes":
                page.get_by_text("Well-being").first.wait_for()
                wb = rep["headline"]["wellbeing_increase"]["estimate"]
                page.get_by_text(f"{100 * wb:+.1f}%").first.wait_for()
            if path == "":
                page.get_by_text("Patients", exact=True).first.wait_for()
        browser.close()
