"""Reading tables by extension and writing outputs atomically (temp file + rename)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.core.errors import UserError

TABLE_SUFFIXES = (".parquet", ".csv", ".jsonl")


class InputError(UserError):
    """A user-supplied file cannot be read; the message names the file (and line if known)."""


class OutputError(UserError):
    """An output path the user named cannot be written (unsupported format)."""


def find_table(directory: Path, name: str) -> Path | None:
    """Return `directory/name.{parquet,csv,jsonl}` if exactly one exists, else None."""
    found = [
        directory / f"{name}{s}" for s in TABLE_SUFFIXES if (directory / f"{name}{s}").exists()
    ]
    if len(found) > 1:
        raise InputError(
            f"{directory}: table '{name}' is given more than once "
            f"({', '.join(p.name for p in found)}); keep one file per table"
        )
    return found[0] if found else None


def _check_utf8(path: Path) -> None:
    data = path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            f"{path}: line {line}: not valid UTF-8 (byte offset {err.start}); "
            "re-export the file as UTF-8"
        ) from None


def _locate_bad_json_line(path: Path) -> str:
    records = 0
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            records += 1
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                return f"line {lineno}: invalid JSON ({err.msg} at column {err.colno})"
            if not isinstance(obj, dict):
                return f"line {lineno}: expected a JSON object per line"
    if not records:
        return "holds no records (expected one JSON object per line; the file is empty)"
    return "could not be parsed as JSON lines"


def scan_checked(
    path: Path, columns: Iterable[str], *, hint: str, error: type[UserError] = InputError
) -> pl.LazyFrame:
    """A lazy scan of the Parquet table at `path`, or `error` naming the file and what is
    wrong: not there (with `hint`, the stage to run) or missing some of `columns`."""
    if not path.is_file():
        raise error(f"{path}: not found; {hint}")
    lf = pl.scan_parquet(path)
    have = lf.collect_schema().names()
    missing = [c for c in columns if c not in have]
    if missing:
        raise error(f"{path}: missing column(s) {', '.join(missing)}")
    return lf


def read_table(path: Path) -> pl.DataFrame:
    """Read Parquet, CSV or JSONL by extension; CSV columns are read as text (typed later)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise InputError(f"{path}: unsupported format '{suffix}' (use .parquet, .csv or .jsonl)")
    if not path.is_file():
        raise InputError(f"{path}: file not found")
    try:
        if suffix == ".parquet":
            return pl.read_parquet(path)
        _check_utf8(path)
        if suffix == ".csv":
            return pl.read_csv(path, infer_schema=False)
        try:
            return pl.read_ndjson(path, infer_schema_length=None)
        except (pl.exceptions.ComputeError, pl.exceptions.SchemaError, ValueError):
            raise InputError(f"{path}: {_locate_bad_json_line(path)}") from None
    except InputError:
        raise
    except (OSError, pl.exceptions.PolarsError) as err:
        kind = type(err).__name__
        raise InputError(f"{path}: cannot be read as {suffix[1:]} ({kind})") from None


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary sibling path; move it onto `target` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


@contextlib.contextmanager
def atomic_dir(target: Path) -> Iterator[Path]:
    """Yield an empty temporary directory that replaces `target` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield tmp
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_json_atomic(path: Path, payload: Any) -> Path:
    """Write JSON (sorted keys, trailing newline) atomically."""
    with atomic_path(Path(path)) as tmp:
        tmp.write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n")
    return Path(path)


def write_parquet_atomic(df: pl.DataFrame, path: Path) -> Path:
    """Write one Parquet file atomically."""
    with atomic_path(Path(path)) as tmp:
        df.write_parquet(tmp)
    return Path(path)


def check_output_suffix(path: Path) -> str:
    """The output format of `path` (.parquet, .csv or .jsonl), or a clear error."""
    suffix = Path(path).suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise OutputError(f"{path}: unsupported output format (use .parquet, .csv or .jsonl)")
    return suffix


def _json_cell(value: Any) -> str:
    return json.dumps(value.to_list() if isinstance(value, pl.Series) else value)


def write_records(df: pl.DataFrame, path: Path) -> None:
    """Write records atomically in the format the extension names.

    CSV has no nested values: list and struct columns are written as JSON strings.
    """
    path = Path(path)
    suffix = check_output_suffix(path)
    with atomic_path(path) as tmp:
        if suffix == ".parquet":
            df.write_parquet(tmp)
        elif suffix == ".jsonl":
            df.write_ndjson(tmp)
        else:
            nested = [c for c, t in df.schema.items() if isinstance(t, pl.List | pl.Struct)]
            df.with_columns(
                pl.col(c).map_elements(_json_cell, return_dtype=pl.String) for c in nested
            ).write_csv(tmp)
