"""What the corpus adapters share: the error type and file checks."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.core.errors import UserError

MANIFEST = "manifest.json"  # corpus name -> md5 of its source folder, beside the tables


class CorpusError(UserError):
    """A corpus file is missing or not in its published format."""


def require_file(folder: Path, pattern: str, corpus: str) -> Path:
    """The one file in `folder` matching `pattern` (e.g. `*.csv`), or a clear error."""
    if not folder.is_dir():
        raise CorpusError(f"corpora.{corpus}: folder {folder} not found")
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        raise CorpusError(
            f"corpora.{corpus}: expected one file matching {pattern} in {folder}, "
            f"found {len(found)}"
        )
    return found[0]


def read_csv(path: Path, columns: tuple[str, ...]) -> pl.DataFrame:
    """A CSV with at least `columns` (all read as text), or an error naming file and column."""
    try:
        df = pl.read_csv(path, infer_schema=False)
    except (pl.exceptions.PolarsError, UnicodeDecodeError) as err:
        raise CorpusError(f"{path}: not a readable UTF-8 CSV ({type(err).__name__})") from None
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}")
    return df.select(columns)


def first_bad_row(df: pl.DataFrame, bad: pl.Expr) -> int | None:
    """The 1-based data row (header not counted) of the first row where `bad` holds."""
    rows = df.with_row_index("__row", 1).filter(bad)["__row"]
    return int(rows[0]) if rows.len() else None
