"""Validate a program's tables against the data contract (the `ingest` stage runs it).

Reads `<source_dir>/<table>.{parquet,csv,jsonl}` (gold tables from `<source_dir>/gold/`),
types every column, checks ranges, codes, keys, derived totals and cross-table references,
and writes typed Parquet to `paths.interim`. Any violation stops the stage with a list that
names file, row and column; nothing is written then (the output folder is swapped in whole).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.core.errors import UserError
from pipelines.core.io import InputError, atomic_dir, find_table, read_table
from pipelines.core.schemas import ROW, TABLES, Report, check_foreign_keys, validate_table

log = logging.getLogger("carebridge.ingest")


class ContractError(UserError):
    """Input tables violate the data contract; `str()` lists where."""

    def __init__(self, report: Report) -> None:
        self.report = report
        lines = [str(v) for v in report.violations]
        more = report.total - len(lines)
        if more > 0:
            lines.append(f"... and {more} more violations")
        super().__init__(
            f"input does not match the data contract ({report.total} violation"
            f"{'s' if report.total != 1 else ''}; see data/README.md):\n  " + "\n  ".join(lines)
        )


def load_tables(source: Path, max_errors: int) -> tuple[dict[str, pl.DataFrame], dict[str, Path]]:
    """Read and validate every table under `source`; raise ContractError listing violations."""
    source = Path(source)
    if not source.is_dir():
        raise InputError(f"{source}: source folder not found (params key ingest.source_dir)")
    report = Report(limit=max_errors)
    frames: dict[str, pl.DataFrame] = {}
    files: dict[str, Path] = {}
    for table in TABLES:
        folder = source / "gold" if table.gold else source
        path = find_table(folder, table.name) if folder.is_dir() else None
        if path is None:
            if table.required:
                report.add(
                    folder / f"{table.name}.parquet",
                    None,
                    None,
                    "required table is missing (.parquet, .csv or .jsonl)",
                )
            continue
        try:
            raw = read_table(path)
        except InputError as err:
            report.add(path, None, None, str(err).removeprefix(f"{path}: "))
            continue
        typed = validate_table(table, raw, path, report)
        if typed is not None:
            frames[table.name] = typed
            files[table.name] = path
    if not report:
        check_foreign_keys(frames, files, report)
        _check_label_speakers(frames, files, report)
    if report:
        raise ContractError(report)
    return {k: v.drop(ROW) for k, v in frames.items()}, files


def _check_label_speakers(
    frames: dict[str, pl.DataFrame], files: dict[str, Path], report: Report
) -> None:
    """Risk labels belong to patient messages; empathy labels to assistant replies."""
    tr = frames.get("transcripts")
    if tr is None:
        return
    speakers = tr.select("message_id", "speaker")
    for name, col, want in (
        ("risk_labels", "message_id", "patient"),
        ("empathy_labels", "message_id", "assistant"),
        ("empathy_labels", "seeker_message_id", "patient"),
    ):
        if name not in frames:
            continue
        bad = (
            frames[name]
            .join(speakers, left_on=col, right_on="message_id", how="inner")
            .filter(pl.col("speaker") != want)
        )
        if bad.height:
            report.add_rows(
                files[name], bad[ROW].sort().to_list(), col, f"must refer to a {want} message"
            )


def ingest(source: Path, out_dir: Path, max_errors: int) -> dict[str, Any]:
    """Validate `source` and write typed Parquet tables to `out_dir`; return row counts."""
    t0 = time.perf_counter()
    frames, files = load_tables(source, max_errors)
    with atomic_dir(out_dir) as tmp:
        (tmp / "gold").mkdir()
        for table in TABLES:
            if table.name in frames:
                folder = tmp / "gold" if table.gold else tmp
                frames[table.name].write_parquet(folder / f"{table.name}.parquet")
    return {
        "rows": {name: df.height for name, df in frames.items()},
        "tables": sorted(frames),
        "formats": {name: p.suffix.lstrip(".") for name, p in files.items()},
        "seconds": round(time.perf_counter() - t0, 2),
    }
