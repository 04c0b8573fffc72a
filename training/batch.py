"""Score a file of records for `carebridge predict`: check them, de-identify their text
(Presidio, the project's settings), score them and write one output record per input."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import polars as pl

from pipelines.core.params import DeidentifyParams, Params
from training.predict import PredictError, check_precision, load_predictor
from training.tasks import TASKS


def _check_records(df: pl.DataFrame, columns: tuple[str, ...], source: str) -> None:
    """Every required column present and textual, no empty ids or text, ids unique."""
    missing = [c for c in ("id", *columns) if c not in df.columns]
    if missing:
        raise PredictError(
            f"{source}: missing column(s) {', '.join(missing)} (needs id, {', '.join(columns)})"
        )
    for col in columns:
        if df.schema[col] != pl.String and df.height:
            raise PredictError(f"{source}: column '{col}' must hold text")
        nulls = df.with_row_index("row", 1).filter(pl.col(col).is_null())["row"]
        if nulls.len():
            raise PredictError(f"{source}: row {nulls[0]}, column '{col}': empty value")
    ids = df["id"].cast(pl.String)
    if ids.null_count():
        row = int(ids.is_null().arg_max()) + 1  # type: ignore[operator]
        raise PredictError(f"{source}: row {row}, column 'id': empty id")
    dup = df.with_row_index("row", 1).filter(pl.col("id").is_duplicated())["row"]
    if dup.len():
        raise PredictError(f"{source}: rows {dup[0]} and {dup[1]}, column 'id': duplicate id")


def _holds_text(dtype: pl.DataType) -> bool:
    """True for text, categories, and lists or structs with text anywhere inside."""
    if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
        return True
    if isinstance(dtype, (pl.List, pl.Array)):
        return _holds_text(dtype.inner)
    if isinstance(dtype, pl.Struct):
        return any(_holds_text(f.dtype) for f in dtype.fields)
    return False


def _text_to_deidentify(
    df: pl.DataFrame, inputs: tuple[str, ...], keep: Sequence[str], source: str
) -> list[str]:
    """The model's inputs and every other text column except `id` and those in `keep`.

    A record's other fields reach the output file, so free text in them (a note, a subject
    line) would carry names past de-identification. Nested text (a JSON list or object) has
    no single text to scan, so it is refused rather than copied.
    """
    for col in keep:
        if col not in df.columns:
            raise PredictError(f"--keep {col}: {source} has no column '{col}'")
        if col in inputs:
            raise PredictError(
                f"--keep {col}: '{col}' is read by the model and is always de-identified "
                "(use --no-deidentify for text that already is)"
            )
    out = []
    for col, dtype in df.schema.items():
        if col == "id" or col in keep or not _holds_text(dtype):
            continue
        if dtype.is_nested():
            raise PredictError(
                f"{source}: column '{col}' holds nested text, which is not de-identified: "
                "flatten it into text columns or leave it out (or pass --no-deidentify "
                "for text that already is)"
            )
        out.append(col)
    return out


def _deidentify_columns(
    df: pl.DataFrame, columns: Sequence[str], source: str, deid: DeidentifyParams
) -> pl.DataFrame:
    """Replace each text column by its de-identified version (Presidio, `deid`'s settings).

    Empty cells stay empty (the model's own inputs were checked to have none).
    """
    from pipelines.deid.engine import build_analyzer, deidentify_frame

    p = deid.model_copy(update={"allow_quarantine": False})
    engine = build_analyzer(components=p.spacy_components)
    out = df
    for col in columns:
        text = pl.col(col).cast(pl.String)
        frame = df.select(pl.col("id").cast(pl.String), text=text.fill_null(""))
        outcome = deidentify_frame(frame, p, source=f"{source} column '{col}'", engine=engine)
        if outcome.quarantined:
            q = outcome.quarantined[0]
            raise PredictError(
                f"{source}: row {q['row']}, column '{col}': cannot be de-identified "
                f"({q['reason']}); nothing written"
            )
        clean = outcome.frame["text"]
        out = out.with_columns(pl.when(text.is_null()).then(None).otherwise(clean).alias(col))
    return out


def predict_file(
    task_name: str,
    src: Path,
    dst: Path,
    model: str | Path,
    params: Params,
    *,
    deidentify: bool = True,
    keep: Sequence[str] = (),
    precision: str = "fp32",
) -> int:
    """`carebridge predict`: read records, de-identify, score, write one output per input."""
    from pipelines.core.io import InputError, check_output_suffix, read_table, write_records

    if task_name not in TASKS:
        raise PredictError(f"unknown model '{task_name}' (use {' or '.join(TASKS)})")
    task = TASKS[task_name]
    if Path(dst).resolve() == Path(src).resolve():
        raise PredictError(f"{dst}: output would overwrite the input")
    check_output_suffix(Path(dst))  # before the slow part, not after it
    try:
        df = read_table(Path(src))
    except InputError as err:
        raise PredictError(str(err)) from None
    _check_records(df, task.inputs, str(src))
    check_precision(precision)  # before the model is loaded
    predictor = load_predictor(model, params.mlflow)
    if predictor.task.name != task.name:
        raise PredictError(f"--model {model} is a {predictor.task.name} model, not {task.name}")
    predictor = predictor.with_precision(precision)
    predictor.check_context_column(df.columns, str(src))  # before the slow de-identification
    inputs = predictor.input_columns
    texts = _text_to_deidentify(df, inputs, keep, str(src)) if deidentify else []
    if predictor.context_turns:
        if df.schema["context"] not in (pl.String, pl.Null) and df.height:
            raise PredictError(f"{src}: column 'context' must hold text")
        df = df.with_columns(pl.col("context").cast(pl.String).fill_null(""))  # empty: none
    if deidentify and df.height:
        df = _deidentify_columns(
            df, texts, str(src), params.deidentify
        )  # the inputs and every other text
    out = predictor.predict(df)
    if out.height != df.height:  # pragma: no cover - guarded by construction
        raise PredictError("internal error: an input record has no prediction")
    write_records(out, Path(dst))
    return out.height
