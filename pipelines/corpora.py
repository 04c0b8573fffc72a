"""Read real labelled corpora and de-identify them.  DVC runs: python -m pipelines.corpora

For each corpus `params.yaml: corpora` names a folder for (EPITOME, Reddit C-SSRS, ESConv; all
unset by default, so the pipeline stays synthetic), reads it in its published format, runs
every text through the same de-identification engine and settings as the `deidentify` stage
(`params.yaml: deidentify`; a name found once is removed everywhere its author or thread
repeats it), assigns splits by group (seeker post, user, conversation) and writes only the
de-identified tables to `paths.processed/corpora/`. No raw corpus text is written anywhere; a
text that cannot be processed (too long, empty) is dropped and counted.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from pipelines.core.io import atomic_dir
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import dvc_hash, flatten
from pipelines.corpus.prepare import (
    MANIFEST,
    read_corpora,
    texts_of,
    with_clean_text,
    with_splits,
)


def _deidentify(run: StageRun, texts: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """(text_id, text) de-identified, and how many texts were quarantined and dropped."""
    from pipelines.deid.engine import build_analyzer, deidentify_frame

    p = run.params.deidentify
    if texts.is_empty():
        return texts, 0
    run.log.info("corpora: de-identifying %d texts on %d processes", texts.height, p.n_process)
    outcome = deidentify_frame(
        texts,
        p,
        source="corpora",
        id_column="text_id",
        group_column="group_id",
        engine=build_analyzer(components=p.spacy_components),
    )
    return outcome.frame.select("text_id", "text"), len(outcome.quarantined)


def _counts(tables: dict[str, pl.DataFrame]) -> dict[str, Any]:
    return {
        name: {s: int(n) for s, n in df["split"].value_counts().sort("split").iter_rows()}
        for name, df in tables.items()
    }


@stage("corpora")
def main(run: StageRun) -> None:
    """Write the de-identified, split corpora and reports/corpora.json."""
    params = run.params
    cp = params.corpora
    used = cp.used()
    tables = read_corpora(cp)
    texts = texts_of(tables)
    clean, dropped = _deidentify(run, texts)
    tables = with_splits(with_clean_text(tables, clean), cp, params.seed)
    out_dir = params.paths.processed / "corpora"
    hashes = {name: dvc_hash(folder) for name, folder in used.items()}
    with atomic_dir(out_dir) as tmp:
        for name, df in tables.items():
            df.write_parquet(tmp / f"{name}.parquet")
        (tmp / MANIFEST).write_text(json.dumps(hashes, indent=2, sort_keys=True))
    report = {
        "corpora": {name: {"md5": md5} for name, md5 in hashes.items()},
        "texts": texts.height,
        "texts_dropped_not_deidentifiable": dropped,
        "rows_by_split": _counts(tables),
    }
    report_path = run.write_report(report, "corpora")
    with run.tracked(flatten("corpora", cp)) as mlflow:
        mlflow.set_tags({f"corpus.{n}.md5": v["md5"] for n, v in report["corpora"].items()})
        mlflow.log_metrics({"texts": texts.height, "texts_dropped": dropped})
        mlflow.log_artifact(str(report_path))
    if not used:
        run.log.info(
            "corpora: none named in params.yaml (corpora.*): wrote an empty %s and %s",
            out_dir,
            report_path,
        )
    for name, counts in report["rows_by_split"].items():
        run.log.info("corpora: %s rows by split %s", name, counts)
    if tables:
        run.log.info("wrote %s/{%s}.parquet and %s", out_dir, ",".join(tables), report_path)


if __name__ == "__main__":
    main()
