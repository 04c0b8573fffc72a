"""The `carebridge` command. Subcommands grow with the stages; heavy imports stay inside them."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated

import typer

from pipelines.core.errors import EXIT_USER_ERROR, UserError

app = typer.Typer(
    help="CareBridge: clinical analytics and model-training workbench.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
ParamsOpt = Annotated[Path, typer.Option("--params", help="params file to read")]


def _fail(err: UserError) -> None:
    typer.secho(f"error: {err}", fg=typer.colors.RED, err=True)
    raise typer.Exit(EXIT_USER_ERROR)


@app.command()
def check_params(params: ParamsOpt = Path("params.yaml")) -> None:
    """Validate params.yaml and print the resolved configuration."""
    from pipelines.core.params import load_params

    try:
        p = load_params(params)
    except UserError as err:
        _fail(err)
    typer.echo(json.dumps(p.model_dump(mode="json"), indent=2))


@app.command()
def synthesize(
    out: Annotated[Path, typer.Option(help="folder for the cohort's tables")] = Path(
        "data/raw/cohort"
    ),
    patients: Annotated[int | None, typer.Option(help="override synthesize.n_patients")] = None,
    seed: Annotated[int | None, typer.Option(help="override seed")] = None,
    params: ParamsOpt = Path("params.yaml"),
) -> None:
    """Generate a synthetic program cohort (the DVC stage uses params.yaml as is)."""
    from pipelines.core.params import load_params
    from pipelines.synth.generate import synthesize as run

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        p = load_params(params)
    except UserError as err:
        _fail(err)
    sp = p.synthesize.model_copy(update={"n_patients": patients} if patients else {})
    report = run(sp, p.seed if seed is None else seed, out)
    typer.echo(
        f"wrote {report['rows'].get('patients', 0)} patients and "
        f"{report['rows'].get('transcripts', 0)} messages to {out} "
        f"in {report['seconds']} s"
    )


@app.command()
def ingest(
    source: Annotated[Path, typer.Argument(help="folder with <table>.parquet|csv|jsonl files")],
    out: Annotated[Path, typer.Option(help="folder for the validated tables")] = Path(
        "data/interim/cohort"
    ),
    max_errors: Annotated[int, typer.Option(help="violations to list before stopping")] = 50,
) -> None:
    """Validate a program's tables against the data contract and write typed Parquet."""
    from pipelines.core.contract import ingest as run

    try:
        report = run(source, out, max_errors)
    except UserError as err:
        _fail(err)
    rows = ", ".join(f"{k} {v}" for k, v in report["rows"].items())
    typer.echo(f"valid: {rows}\nwrote typed tables to {out}")


@app.command()
def deidentify(
    input: Annotated[
        Path, typer.Argument(help="records with id and text (.jsonl, .csv, .parquet)")
    ],
    output: Annotated[Path, typer.Argument(help="where to write them (format by extension)")],
    id_column: Annotated[str, typer.Option(help="the record id column")] = "id",
    group_column: Annotated[
        str, typer.Option(help="records sharing this column's value are one patient")
    ] = "patient_id",
    operator: Annotated[str, typer.Option(help="tag (<PERSON>) or surrogate")] = "",
    date_shift: Annotated[bool, typer.Option(help="shift dates per patient")] = False,
    allow_quarantine: Annotated[
        bool, typer.Option(help="write the others when some records are quarantined")
    ] = False,
    params: ParamsOpt = Path("params.yaml"),
) -> None:
    """De-identify transcripts: same records, same order, text de-identified, `entities` added."""
    from pipelines.core.params import load_params
    from pipelines.deid.engine import deidentify_file

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        p = load_params(params).deidentify
        update: dict[str, object] = {
            "date_shift": date_shift or p.date_shift,
            "allow_quarantine": allow_quarantine or p.allow_quarantine,
        }
        if operator:
            if operator not in ("tag", "surrogate"):
                raise typer.BadParameter("--operator must be tag or surrogate")
            update["operator"] = operator
        p = p.model_copy(update=update)
        outcome = deidentify_file(input, output, p, id_column=id_column, group_column=group_column)
    except UserError as err:
        _fail(err)
    n = outcome.frame.height
    typer.echo(
        f"de-identified {n} records ({sum(len(s) for s in outcome.spans)} identifiers) "
        f"in {outcome.seconds:.1f} s; wrote {output}"
        + (
            f"; {len(outcome.quarantined)} quarantined (ids and reasons in "
            f"{output}.quarantine.jsonl)"
            if outcome.quarantined
            else ""
        )
    )


@app.command()
def predict(
    model_name: Annotated[str, typer.Argument(metavar="MODEL", help="risk or empathy")],
    input: Annotated[
        Path,
        typer.Argument(
            help="records (.jsonl, .csv, .parquet): id + text (+ context, for a risk model "
            "trained on earlier turns), or id + seeker + response"
        ),
    ],
    output: Annotated[Path, typer.Argument(help="where to write them (format by extension)")],
    model: Annotated[
        str,
        typer.Option(
            "--model",
            help="a model folder or MLflow URI (models:/risk-classifier@champion); "
            "default: data/models/<MODEL>/model from the last dvc repro",
        ),
    ] = "",
    deidentify: Annotated[
        bool,
        typer.Option(
            "--deidentify/--no-deidentify",
            help="de-identify input text first (--no-deidentify only for text that already is)",
        ),
    ] = True,
    keep: Annotated[
        list[str] | None,
        typer.Option(
            "--keep",
            help="copy this text column unchanged, not de-identified (repeatable; only for "
            "columns free of identifiers, such as a pseudonymous patient id)",
        ),
    ] = None,
    precision: Annotated[
        str,
        typer.Option(
            "--precision",
            help="fp32 (default, exact); bf16 (2.2-2.9x faster on CPUs with AVX512-BF16 or "
            "AMX, slower elsewhere); int8 (portable, 1.6-1.9x, costs about 2 macro-F1 points)",
        ),
    ] = "fp32",
    params: ParamsOpt = Path("params.yaml"),
) -> None:
    """Score records with the risk or empathy model; every input record gets an output record."""
    from transformers.utils import logging as hf_logging

    from pipelines.core.params import load_params
    from training.batch import predict_file

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    hf_logging.disable_progress_bar()  # a bar per weight file read, not progress on the records
    try:
        n = predict_file(
            model_name,
            input,
            output,
            model or Path("data/models") / model_name / "model",
            load_params(params),
            deidentify=deidentify,
            keep=tuple(keep or ()),
            precision=precision,
        )
    except UserError as err:
        _fail(err)
    typer.echo(f"scored {n} records with the {model_name} model; wrote {output}")


@app.command()
def summary(
    patient_id: Annotated[str, typer.Argument(help="the patient's pseudonymous id (pt-...)")],
    as_json: Annotated[
        bool, typer.Option("--json", help="print JSON instead of Markdown")
    ] = False,
    output: Annotated[
        Path | None, typer.Option("--out", help="write to this file instead of printing")
    ] = None,
    params: ParamsOpt = Path("params.yaml"),
) -> None:
    """A patient's pre-session summary (mood, topics, sleep/activity, alerts) from the
    `summaries` stage."""
    from pipelines.clinical.summary import SUMMARY_DIR, load_summary, render_markdown
    from pipelines.core.io import atomic_path
    from pipelines.core.params import load_params

    try:
        p = load_params(params)
        found = load_summary(p.paths.processed / SUMMARY_DIR, patient_id)
    except UserError as err:
        _fail(err)
    text = json.dumps(found, indent=2, sort_keys=True) if as_json else render_markdown(found)
    if output is None:
        typer.echo(text)
        return
    with atomic_path(output) as tmp:
        tmp.write_text(text + "\n", encoding="utf-8")
    typer.echo(f"wrote the summary of {patient_id} to {output}")


@app.command("review-import")
def review_import(
    reviewed: Annotated[Path, typer.Argument(help="the audit's review_queue.csv, decided")],
    base_labels: Annotated[Path, typer.Argument(help="the risk_labels table to update")],
    output: Annotated[Path, typer.Argument(help="where to write the updated risk_labels")],
) -> None:
    """Apply reviewers' decisions from a bias-audit review queue to a risk_labels table."""
    from bias_audit.review import apply_decisions

    try:
        res = apply_decisions(reviewed, base_labels, output)
    except UserError as err:
        _fail(err)
    typer.echo(
        f"{res['decisions']} decisions ({res['changed']} changed a label); wrote "
        f"{res['labels']} labels to {output} (the risk_labels contract; ingest it next)"
    )


@app.command()
def schema() -> None:
    """Print the data contract (every table's columns) as Markdown."""
    from pipelines.core.schemas import schema_markdown

    typer.echo(schema_markdown())


@app.command()
def status(params: ParamsOpt = Path("params.yaml")) -> None:
    """Summarise what the pipeline produced, where, and how to look at it."""
    from pipelines.core.params import load_params
    from pipelines.core.status import render

    try:
        p = load_params(params)
    except UserError as err:
        _fail(err)
    typer.echo(render(p))


if __name__ == "__main__":
    app()
