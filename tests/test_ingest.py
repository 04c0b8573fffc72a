"""The data contract: valid input passes in every format; bad input fails clearly, atomically."""

from __future__ import annotations

import json
import shutil

import polars as pl
import pytest

from pipelines.core.contract import ContractError, ingest, load_tables
from pipelines.core.io import InputError
from pipelines.core.schemas import TABLES, TABLES_BY_NAME


def _copy(cohort, tmp_path):
    folder, _ = cohort
    dst = tmp_path / "src"
    shutil.copytree(folder, dst)
    return dst


def _to_format(src, name, fmt, mutate=None):
    """Rewrite table `name` under src as csv/jsonl, optionally mutating the frame first."""
    gold = TABLES_BY_NAME[name].gold
    folder = src / "gold" if gold else src
    path = folder / f"{name}.parquet"
    df = pl.read_parquet(path)
    if mutate is not None:
        df = mutate(df)
    path.unlink()
    out = folder / f"{name}.{fmt}"
    if fmt == "csv":
        df.write_csv(out)
    elif fmt == "jsonl":
        df.write_ndjson(out)
    else:
        df.write_parquet(out)
    return out


def test_valid_cohort_ingests(cohort, tmp_path):
    folder, report = cohort
    out = tmp_path / "interim"
    rep = ingest(folder, out, 50)
    assert rep["rows"]["patients"] == 300
    for t in TABLES:
        sub = out / "gold" if t.gold else out
        assert (sub / f"{t.name}.parquet").exists()
    typed = pl.read_parquet(out / "weekly_measures.parquet")
    assert typed.schema["date"] == pl.Date
    assert rep["rows"]["transcripts"] == report["rows"]["transcripts"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_give_the_same_typed_tables(cohort, tmp_path, fmt):
    src = _copy(cohort, tmp_path)
    for name in ("patients", "weekly_measures", "transcripts", "crisis_events"):
        _to_format(src, name, fmt)
    frames, files = load_tables(src, 50)
    reference, _ = load_tables(cohort[0], 50)
    assert files["patients"].suffix == f".{fmt}"
    for name in ("patients", "weekly_measures", "transcripts", "crisis_events"):
        assert frames[name].equals(reference[name]), name


def _errors(src, tmp_path):
    out = tmp_path / "out"
    with pytest.raises((ContractError, InputError)) as info:
        ingest(src, out, 50)
    assert not out.exists(), "a failed ingest must write nothing"
    return str(info.value)


def test_missing_column_names_file_and_column(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    path = _to_format(src, "weekly_measures", "csv", lambda d: d.drop("gad7_total"))
    msg = _errors(src, tmp_path)
    assert f"{path}, column 'gad7_total': required column is missing" in msg


def test_unknown_column_suggests_the_right_name(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    _to_format(src, "patients", "csv", lambda d: d.rename({"insurance": "insurence"}))
    assert "column 'insurence': unknown column (did you mean 'insurance'?)" in _errors(
        src, tmp_path
    )


def test_wrong_type_names_row_and_column_without_echoing_the_value(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    _to_format(
        src,
        "weekly_measures",
        "csv",
        lambda d: d.with_columns(
            pl.when(pl.int_range(pl.len()) == 6)
            .then(pl.lit("SECRETVALUE"))
            .otherwise(pl.col("wemwbs").cast(pl.String))
            .alias("wemwbs")
        ),
    )
    msg = _errors(src, tmp_path)
    assert "weekly_measures.csv, row 7, column 'wemwbs': expected int" in msg
    assert "SECRETVALUE" not in msg


def test_out_of_range_score_and_bad_total(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    _to_format(
        src,
        "weekly_measures",
        "parquet",
        lambda d: d.with_columns(
            pl.when(pl.int_range(pl.len()) == 2)
            .then(4)
            .otherwise(pl.col("phq9_3"))
            .alias("phq9_3")
        ),
    )
    msg = _errors(src, tmp_path)
    assert "row 3, column 'phq9_3': must be at most 3" in msg
    assert "row 3, column 'phq9_total, phq9_1" in msg and "must equal the sum" in msg


def test_duplicate_id_lists_rows(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    _to_format(src, "patients", "jsonl", lambda d: pl.concat([d, d.head(1)]))
    msg = _errors(src, tmp_path)
    assert "row 1, column 'patient_id': duplicate patient_id" in msg
    assert "row 301, column 'patient_id': duplicate patient_id" in msg


def test_orphan_reference_is_reported(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    _to_format(
        src,
        "crisis_events",
        "csv",
        lambda d: d.with_columns(
            pl.when(pl.int_range(pl.len()) == 0)
            .then(pl.lit("pt-unknown"))
            .otherwise(pl.col("patient_id"))
            .alias("patient_id")
        ),
    )
    assert "row 1, column 'patient_id': refers to a patients row that does not exist" in _errors(
        src, tmp_path
    )


def test_non_utf8_text_names_the_line(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    path = _to_format(src, "transcripts", "csv")
    data = path.read_bytes().split(b"\n")
    data[4] = data[4] + b"\xff\xfe"
    path.write_bytes(b"\n".join(data))
    msg = _errors(src, tmp_path)
    assert f"{path}: line 5: not valid UTF-8" in msg


def test_unreadable_and_malformed_files(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    (src / "patients.parquet").write_bytes(b"this is not parquet")
    assert "patients.parquet: cannot be read as parquet" in _errors(src, tmp_path)
    src2 = tmp_path / "src2"
    shutil.copytree(cohort[0], src2)
    path = _to_format(src2, "engagement", "jsonl")
    lines = path.read_text().splitlines()
    lines[2] = lines[2][:-3]
    path.write_text("\n".join(lines) + "\n")
    assert f"{path}: line 3: invalid JSON" in _errors(src2, tmp_path / "b")


def test_missing_table_and_missing_values(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    (src / "engagement.parquet").unlink()
    _to_format(
        src,
        "patients",
        "csv",
        lambda d: d.with_columns(
            pl.when(pl.int_range(pl.len()) == 9).then(None).otherwise(pl.col("arm")).alias("arm")
        ),
    )
    msg = _errors(src, tmp_path)
    assert "engagement.parquet: required table is missing" in msg
    assert "row 10, column 'arm': value is missing" in msg


def test_transcript_text_never_appears_in_errors(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    texts = pl.read_parquet(src / "transcripts.parquet")["text"].to_list()
    _to_format(
        src,
        "transcripts",
        "jsonl",
        lambda d: d.with_columns(
            pl.col("turn").cast(pl.String) + "x", pl.col("speaker").str.to_uppercase()
        ),
    )
    msg = _errors(src, tmp_path)
    assert "expected int" in msg and "must be one of: patient, assistant" in msg
    assert not any(t in msg for t in texts if len(t) > 8)


def test_failed_ingest_keeps_previous_output(cohort, tmp_path):
    out = tmp_path / "interim"
    ingest(cohort[0], out, 50)
    before = sorted(p.name for p in out.iterdir())
    src = _copy(cohort, tmp_path)
    _to_format(src, "patients", "csv", lambda d: d.drop("site"))
    with pytest.raises(ContractError):
        ingest(src, out, 50)
    assert sorted(p.name for p in out.iterdir()) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".interim")]


def test_labels_must_point_at_the_right_speaker(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    replies = pl.read_parquet(src / "empathy_labels.parquet")["message_id"]
    _to_format(
        src,
        "risk_labels",
        "parquet",
        lambda d: d.with_columns(
            pl.when(pl.int_range(pl.len()) == 0)
            .then(pl.lit(replies[0]))
            .otherwise(pl.col("message_id"))
            .alias("message_id")
        ),
    )
    assert "row 1, column 'message_id': must refer to a patient message" in _errors(src, tmp_path)


def test_error_list_is_capped(cohort, tmp_path):
    src = _copy(cohort, tmp_path)
    _to_format(
        src,
        "weekly_measures",
        "csv",
        lambda d: d.with_columns(
            pl.lit("x").alias("wemwbs"), pl.lit("y").alias("gad7_1"), pl.lit("z").alias("week")
        ),
    )
    with pytest.raises(ContractError) as info:
        ingest(src, tmp_path / "o", 4)
    assert "more violations" in str(info.value)
    assert json.dumps(str(info.value))  # plain text, serialisable for logs


def test_write_records_csv_encodes_nested_columns_as_json(tmp_path):
    import json

    from pipelines.core.io import write_records

    df = pl.DataFrame(
        {
            "id": ["a"],
            "entities": [[{"start": 0, "end": 4, "type": "PERSON", "score": 0.9}]],
            "probs": [{"none": 0.7, "high": 0.3}],
        }
    )
    write_records(df, tmp_path / "o.csv")
    back = pl.read_csv(tmp_path / "o.csv")
    assert json.loads(back["entities"][0]) == [
        {"start": 0, "end": 4, "type": "PERSON", "score": 0.9}
    ]
    assert json.loads(back["probs"][0]) == {"none": 0.7, "high": 0.3}


def test_an_empty_json_lines_file_says_it_holds_no_records(tmp_path):
    from pipelines.core.io import InputError, read_table

    for name, content in (("empty.jsonl", ""), ("blank.jsonl", "\n  \n")):
        path = tmp_path / name
        path.write_text(content)
        with pytest.raises(InputError, match=f"{path}: holds no records"):
            read_table(path)
