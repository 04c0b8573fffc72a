"""Program outcomes.  DVC runs: python -m pipelines.outcomes

Writes the patients, program, comparisons, retention and screening tables to
`paths.processed/outcomes/` and `paths.reports/outcomes.json`; every definition is in
`pipelines/clinical/outcomes.py`.
"""

from __future__ import annotations

from typing import Any

from pipelines.clinical.outcomes import compute, report, scan_inputs
from pipelines.core.io import atomic_dir
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten


def _log_headline(run: StageRun, headline: dict[str, Any]) -> None:
    for name, fig in headline.items():
        if fig["estimate"] is None:
            run.log.info("  %-40s suppressed (too few patients)", name)
        else:
            run.log.info(
                "  %-40s %+.1f%% (95%% CI %+.1f%% to %+.1f%%; published %.0f%%)",
                name,
                100 * fig["estimate"],
                100 * fig["ci_low"],
                100 * fig["ci_high"],
                100 * fig["published"],
            )


@stage("outcomes")
def main(run: StageRun) -> None:
    """Write paths.processed/outcomes/ and reports/outcomes.json."""
    params = run.params
    p = params.outcomes
    run.log.info("outcomes: reading %s", params.paths.interim)
    tables = compute(scan_inputs(params.paths.interim), p, params.screening)
    out_dir = params.paths.processed / "outcomes"
    written = [name for name in tables if not name.startswith("_")]
    with atomic_dir(out_dir) as tmp:
        for name in written:
            tables[name].write_parquet(tmp / f"{name}.parquet")
    summary = report(tables, p)
    report_path = run.write_report(summary, "outcomes")
    seconds = run.seconds()
    with run.tracked({**flatten("outcomes", p), **flatten("screening", params.screening)}) as mf:
        for name, fig in summary["headline"].items():
            if fig["estimate"] is not None:
                mf.log_metric(f"headline.{name}", fig["estimate"])
        mf.log_metric("seconds", seconds)
        mf.log_artifact(str(report_path))
    _log_headline(run, summary["headline"])
    run.log.info(
        "outcomes: %d patients in %.1f s; wrote %s/{%s}.parquet and %s",
        summary["patients"],
        seconds,
        out_dir,
        ",".join(written),
        report_path,
    )


if __name__ == "__main__":
    main()
