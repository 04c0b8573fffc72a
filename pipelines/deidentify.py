"""De-identify transcripts with Presidio.  DVC runs: python -m pipelines.deidentify
CLI: carebridge deidentify INPUT OUTPUT

Records with an id and a text come out in the same order with the text de-identified and an
`entities` list (start, end, type, score on the original text; never the values). Detection
is Presidio's analyzer, built once from `pipelines/deid/conf/presidio.yaml` (spaCy NER plus the
recognizers in `pipelines/deid/recognizers/`), run in batches over every core. It is chat-aware:
an identifier found once is removed wherever it recurs in the same patient's messages, in
any case. Nothing is logged but ids, counts and types; a record that cannot be processed is
quarantined with its id and reason, never passed through raw.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from pipelines.core.io import atomic_dir, write_records
from pipelines.core.params import DeidentifyParams, Params
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten
from pipelines.deid.engine import (
    KEEP_TERMS,
    DeidError,
    Outcome,
    build_analyzer,
    deidentify_frame,
    write_quarantine,
)
from pipelines.deid.leakage import (
    distinctive_values,
    load_gold,
    residual_identifiers,
    scan_files,
)


def _anonymous_patients(interim: Path) -> frozenset[str]:
    """Patients who consented only to full anonymity: their identifiers become bare tags."""
    patients = interim / "patients.parquet"
    if not patients.exists():
        return frozenset()
    pt = pl.read_parquet(patients, columns=["patient_id", "consent_full_anonymity"])
    return frozenset(pt.filter(pl.col("consent_full_anonymity"))["patient_id"])


def _gold_report(
    original: dict[str, str], pred: dict[str, Any], gold: dict, splits: dict[str, str] | None,
    p: DeidentifyParams,
) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """Recall/precision and kept terms on the gated split, the other split beside it, and
    the gate's failures (none without gold spans)."""
    from evaluation.deid import evaluate, gate, keep_rate

    if splits is None:
        return {}, []
    report: dict[str, Any] = {}
    texts = {
        rid: text
        for rid, text in original.items()
        if p.eval_split == "all" or splits.get(rid) == p.eval_split
    }
    report["eval"] = evaluate(texts, gold, pred)
    report["eval"]["split"] = p.eval_split
    report["keep"] = keep_rate(texts, pred, gold, KEEP_TERMS)
    failures = gate(report["eval"], p.direct_identifiers, p.recall_floor)
    report["gate"] = {"passed": not failures, "floor": p.recall_floor, "failures": failures}
    # The other side of the phrasing split too, reported (not gated) as a second
    # estimate: rules tuned while looking at one side's misses score optimistically there.
    other = "seen" if p.eval_split == "heldout" else "heldout"
    other_texts = {rid: text for rid, text in original.items() if splits.get(rid) == other}
    if other_texts:
        report["eval_other_split"] = evaluate(other_texts, gold, pred)
        report["eval_other_split"]["split"] = other
        report["keep_other_split"] = keep_rate(other_texts, pred, gold, KEEP_TERMS)
    return report, failures


def _leaks(
    params: Params, original: dict[str, str], after: dict[str, str], gold: dict
) -> tuple[dict[str, int], dict[str, int]]:
    """Gold identifier values found in reports or MLflow files, and left in the records."""
    values = distinctive_values(original, gold)
    leaks = scan_files(
        [
            params.paths.reports,
            Path(params.mlflow.artifact_root),
            Path(params.mlflow.tracking_uri.removeprefix("sqlite:///")),
        ],
        values,
    )
    summary = {
        "files_with_identifiers": len(leaks),
        "values_checked": len(values),
        "residual_identifiers_in_records": residual_identifiers(original, after, gold),
    }
    return summary, leaks


def _outside_report(
    run: StageRun, engine: Any
) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """Recall per type and name origin, precision and kept clinical terms on each outside
    evaluation set (chats written apart from the recognizers), and the gate's failures on
    the sets named in `deidentify.outside_gate`."""
    from evaluation.chat_sets import ChatSetError, kept_share, load_chat_sets
    from evaluation.deid import evaluate, gate

    p = run.params.deidentify
    if p.outside_sets is None:
        return {}, []
    try:
        sets = load_chat_sets(p.outside_sets)
    except ChatSetError as err:
        raise DeidError(f"deidentify.outside_sets: {err}") from None
    unknown = sorted(set(p.outside_gate) - {s.name for s in sets})
    if unknown:
        raise DeidError(f"deidentify.outside_gate names sets not in {p.outside_sets}: {unknown}")
    report: dict[str, Any] = {}
    failures: list[str] = []
    for chat_set in sets:
        ids = list(chat_set.texts)
        frame = pl.DataFrame(
            {
                "id": ids,
                "group": [chat_set.groups[i] for i in ids],
                "text": [chat_set.texts[i] for i in ids],
            }
        )
        outcome = deidentify_frame(
            frame, p, source=chat_set.name, group_column="group", engine=engine
        )
        pred = dict(zip(ids, outcome.spans, strict=True))
        result = evaluate(chat_set.texts, chat_set.gold, pred)
        result["writers"] = list(chat_set.writers)
        result["keep"] = kept_share(chat_set.texts, pred, chat_set.keep)
        report[chat_set.name] = result
        run.log.info(
            "deidentify: outside set %s (%d messages): recall %.4f, precision %.4f, kept %.3f",
            chat_set.name,
            len(ids),
            result["overall"]["span_recall"],
            result["overall"]["span_precision"],
            result["keep"]["share"],
        )
        if chat_set.name in p.outside_gate:
            failures += [
                f"{chat_set.name} set: {f}"
                for f in gate(result, p.direct_identifiers, p.recall_floor)
            ]
    return report, failures


def _deidentify(run: StageRun, df: pl.DataFrame, src: Path, engine: Any) -> Outcome:
    """Run the engine over every message; refuse quarantined messages unless allowed."""
    p = run.params.deidentify
    outcome = deidentify_frame(
        df,
        p,
        source=str(src),
        id_column=p.id_column,
        group_column=p.group_column,
        engine=engine,
        tags_only=_anonymous_patients(run.params.paths.interim),
    )
    run.log.info(
        "deidentify: analysed %d messages in %.1f s (%.0f messages/s)",
        df.height,
        outcome.seconds,
        df.height / max(outcome.seconds, 1e-9),
    )
    if outcome.quarantined and not p.allow_quarantine:
        first = outcome.quarantined[0]
        raise DeidError(
            f"{len(outcome.quarantined)} message(s) quarantined (first: row "
            f"{first['row']}, id {first['id']}: {first['reason']}); set "
            "deidentify.allow_quarantine: true to continue without them"
        )
    return outcome


def _log_summary(run: StageRun, report: dict[str, Any]) -> None:
    """One line of the figures that matter: recall, precision, kept terms, residuals."""
    p = run.params.deidentify
    ev = report.get("eval", {}).get("overall", {})
    run.log.info(
        "deidentify: %d entities; %s recall %.4f, precision %.4f, F2 %.4f; kept %.3f of "
        "clinical/temporal terms; %d residual identifiers",
        report["entities"],
        p.eval_split,
        ev.get("span_recall", float("nan")),
        ev.get("span_precision", float("nan")),
        ev.get("span_f2", float("nan")),
        report.get("keep", {}).get("keep_rate", float("nan")),
        report["leaks"]["residual_identifiers_in_records"],
    )


@stage("deidentify")
def main(run: StageRun) -> None:
    """De-identify the cohort's transcripts, evaluate on gold spans of the held-out
    phrasings, gate on recall, check for leaks, log to MLflow."""
    params, p = run.params, run.params.deidentify
    src = params.paths.interim / "transcripts.parquet"
    out_dir = params.paths.processed / "deid"
    if not src.exists():
        raise DeidError(f"{src} not found: run `dvc repro ingest` first")
    df = pl.read_parquet(src)
    run.log.info("deidentify: %d messages from %s on %d processes", df.height, src, p.n_process)
    engine = build_analyzer(components=p.spacy_components)
    outcome = _deidentify(run, df, src, engine)

    ids = df[p.id_column].cast(pl.String).to_list()
    original = dict(zip(ids, df["text"].to_list(), strict=True))
    pred = dict(zip(ids, outcome.spans, strict=True))
    gold, splits = load_gold(params.paths.interim)
    report: dict[str, Any] = {
        "messages": df.height,
        "quarantined": len(outcome.quarantined),
        "entities": sum(len(s) for s in outcome.spans),
    }
    evaluated, failures = _gold_report(original, pred, gold, splits, p)
    report.update(evaluated)
    report["outside_sets"], outside_failures = _outside_report(run, engine)
    report_path = run.write_report(report, "deidentify")
    if failures or outside_failures:
        raise DeidError(
            f"recall gate failed (report in {report_path}):\n  "
            + "\n  ".join([f"{p.eval_split} split: {f}" for f in failures] + outside_failures)
        )

    with atomic_dir(out_dir) as tmp:
        write_records(outcome.frame, tmp / "transcripts.parquet")
        if outcome.quarantined:
            write_quarantine(outcome.quarantined, tmp / "quarantine.jsonl")
    texts_after = outcome.frame.select(pl.col(p.id_column).cast(pl.String), "text").rows()
    with run.tracked(flatten("deidentify", p)) as mlflow:
        flat = {
            k: v
            for k, v in flatten("", report).items()
            if isinstance(v, int | float) and not isinstance(v, bool)
        }
        mlflow.log_metrics({k.replace("/", "_"): float(v) for k, v in flat.items()})
        mlflow.log_metrics(
            {
                "seconds": outcome.seconds,  # timings: MLflow only
                "messages_per_s": df.height / max(outcome.seconds, 1e-9),
            }
        )
        mlflow.log_artifact(str(report_path))
        report["leaks"], leaks = _leaks(params, original, dict(texts_after), gold)
        mlflow.log_metrics(
            {
                "leaks.files_with_identifiers": float(len(leaks)),
                "leaks.residual_identifiers_in_records": float(
                    report["leaks"]["residual_identifiers_in_records"]
                ),
            }
        )
        run.write_report(report, "deidentify")
        mlflow.log_artifact(str(report_path))
    if leaks:
        raise DeidError(
            f"identifier values found in {len(leaks)} file(s) outside the "
            f"de-identified data: {', '.join(sorted(leaks))}"
        )
    _log_summary(run, report)
    run.log.info("wrote %s/transcripts.parquet, report to %s", out_dir, report_path)


if __name__ == "__main__":
    main()
