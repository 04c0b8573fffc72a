"""End to end in a real browser: the dashboard server on real stage outputs, every page opened
in headless Chromium (Debian's package, never a downloaded one), content checked, screenshots
saved to tests/artifacts/."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import ROOT
from tests.harness import CHROMIUM, launch_chromium, served
from tests.test_dashboard import _bias_workspace, _pages_workspace, _runs_workspace

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


TITLES = ["Program cohort", "Program outcomes", "Bias audit", "Model runs", "Clinician view"]


def _outcomes_answered(page, rep: dict) -> None:
    """Program lead: does AI-hybrid care do better than usual care, and by how much?"""
    for key, label in [
        ("wellbeing_increase", "Well-being"),
        ("crisis_reduction", "Fewer crisis interventions"),
        ("engagement_increase", "Therapy engagement"),
    ]:
        page.get_by_text(label).first.wait_for()
        published = rep["headline"][key]["published"]
        page.get_by_text(f"Published claim: {100 * published:.0f}%").first.wait_for()
        est = rep["headline"][key]["estimate"]
        if est is not None:
            text = f"{100 * est:.1f}% fewer" if key == "crisis_reduction" else f"{100 * est:+.1f}%"
            page.get_by_text(text).first.wait_for()
            lo = rep["headline"][key]["ci_low"]
            ci = f"{100 * lo:.1f}% fewer" if key == "crisis_reduction" else f"{100 * lo:+.1f}%"
            page.get_by_text(f"95% CI {ci} to").first.wait_for()
    with page.expect_download() as download:
        page.get_by_text("Download these aggregates (CSV)").click()
    header = download.value.path().read_text().splitlines()[0]
    assert {"dimension", "group", "arm", "estimate", "ci_low", "ci_high"} <= set(header.split(","))


def _bias_audit_answered(page, gate: dict) -> None:
    """Safety board: may this version be released, and if not, why not?"""
    page.get_by_text("risk-classifier v3").first.wait_for()
    page.get_by_text(gate["verdict"].upper(), exact=True).first.wait_for()
    failed = f"{gate['checks_failed']} of {gate['checks_judged']}"
    page.get_by_text(failed, exact=True).first.wait_for()
    if gate["failed"]:  # the worst failed check, named
        check = gate["failed"][0].split("[")[0].strip()  # markdown typesets <= as ≤
        check = check.replace("<=", "≤").replace(">=", "≥")
        page.get_by_text(check).first.wait_for()


def _model_runs_answered(page) -> None:
    """Data scientist: which versions exist, which is the candidate, what did runs do?"""
    page.get_by_text("Registry: versions, aliases and audit verdicts").wait_for()
    page.locator('[data-testid="stDataFrame"]').first.wait_for()
    page.get_by_text("De-identification (heldout split)").wait_for()


def _clinician_answered(page, feed) -> None:
    """Clinician: the alert feed, then one patient's pre-session summary."""
    pid = feed.sort("date", descending=True)["patient_id"][0]
    box = page.get_by_label("Patient id (pseudonymous)")
    box.fill(pid)
    box.press("Enter")
    page.get_by_text(f"Pre-session summary: {pid}").first.wait_for()
    page.screenshot(path=str(ARTIFACTS / "page_clinician_summary.png"), full_page=True)


def test_every_page_in_chromium(tmp_path, monkeypatch, params, cohort, tables):
    """Every page opened by its URL, and each user's main question answered on screen."""
    from playwright.sync_api import sync_playwright

    from pipelines.core.contract import ingest

    rep, feed, _ = _pages_workspace(tmp_path, monkeypatch, params, cohort, tables)
    shutil.copytree(cohort[0], tmp_path / "raw")
    (tmp_path / "reports" / "synthesize.json").write_text(json.dumps(cohort[1]))
    ing = ingest(tmp_path / "raw", tmp_path / "interim", 50)
    (tmp_path / "reports" / "ingest.json").write_text(json.dumps(ing))
    gate = _bias_workspace(tmp_path, params, tables)
    _runs_workspace(tmp_path, params)
    ARTIFACTS.mkdir(exist_ok=True)
    answered = {
        "": lambda page: page.get_by_text("Patients", exact=True).first.wait_for(),
        "outcomes": lambda page: _outcomes_answered(page, rep),
        "bias_audit": lambda page: _bias_audit_answered(page, gate),
        "model_runs": _model_runs_answered,
        "clinician": lambda page: _clinician_answered(page, feed),
    }
    with served(tmp_path) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        for path, title in PAGES.items():
            page.goto(f"{base}/{path}")
            page.get_by_text(title).first.wait_for(timeout=30_000)
            # the menu names the pages by title, whichever page was opened by its URL
            nav = page.locator('[data-testid="stSidebarNav"] a')
            nav.nth(len(TITLES) - 1).wait_for()
            assert nav.all_inner_texts() == TITLES
            page.wait_for_timeout(1500)  # let charts draw before the screenshot
            assert "Traceback" not in page.content()
            page.screenshot(path=str(ARTIFACTS / f"page_{path or 'cohort'}.png"), full_page=True)
            answered[path](page)
        browser.close()
