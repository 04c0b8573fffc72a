"""What `carebridge status` shows, declared once: each output folder and each stage report line.

A stage report line is a template over the report's keys (`{rows.patients}`, with a format
spec where needed: `{model.macro_f1:.3f}`), plus the few values derived from several keys.
A key the report lacks renders as the line's default for it, or `?`. Reports are only read.
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pipelines.core.params import Params

Root = Literal["raw", "interim", "processed", "reports"]
Report = Mapping[str, Any]


@dataclass(frozen=True)
class Folder:
    """An output folder: under one of `paths` (or the working directory when `root` is None)."""

    label: str
    root: Root | None
    sub: str = ""

    def path(self, p: Params) -> Path:
        """The folder's path under the configured paths."""
        return (Path() if self.root is None else getattr(p.paths, self.root)) / self.sub


@dataclass(frozen=True)
class ReportLine:
    """One status line from one stage report in `paths.reports` (skipped when it is absent)."""

    report: str
    template: str
    default: Any = None
    defaults: Mapping[str, Any] = field(default_factory=dict)
    derived: Mapping[str, Callable[[Report], Any]] = field(default_factory=dict)


class _Unknown:
    """A value the report lacks and the line gives no default for: shown as `?`."""

    def __format__(self, spec: str) -> str:
        return "?"


class _ReportFormatter(string.Formatter):
    """Resolves `{a.b.c}` as nested keys of the report, falling back to the line's defaults."""

    def __init__(self, line: ReportLine) -> None:
        self.line = line

    def get_field(self, field_name: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        value: Any = kwargs
        for key in field_name.split("."):
            if not isinstance(value, Mapping) or key not in value:
                return self._missing(field_name), field_name
            value = value[key]
        return value, field_name

    def _missing(self, field_name: str) -> Any:
        if field_name in self.line.defaults:
            return self.line.defaults[field_name]
        return _Unknown() if self.line.default is None else self.line.default


FOLDERS: tuple[Folder, ...] = (
    Folder("cohort tables (raw, identifiable text)", "raw"),
    Folder("validated tables", "interim"),
    Folder("de-identified transcripts", "processed", "deid"),
    Folder("de-identified real corpora (if named in params)", "processed", "corpora"),
    Folder("model datasets (tokenized splits)", "processed", "datasets"),
    Folder("trained models (MLflow pyfunc)", None, "data/models"),
    Folder("test-split predictions", "processed", "predictions"),
    Folder("risk scores of every patient message", "processed", "scores"),
    Folder("program outcomes and screening", "processed", "outcomes"),
    Folder("clinician summaries and alert feed", "processed", "summaries"),
    Folder("bias audit reports and review queues", "processed", "bias_audit"),
    Folder("stage reports (dvc metrics show)", "reports"),
)

HEADLINE_FIGURES: tuple[tuple[str, str], ...] = (
    ("wellbeing_increase", "well-being"),
    ("crisis_reduction", "fewer crises"),
    ("engagement_increase", "engagement"),
)


def _headline(rep: Report) -> str:
    """The AI-hybrid vs usual-care headline figures that are not suppressed, in percent."""
    figs = []
    for key, label in HEADLINE_FIGURES:
        f = rep["headline"][key]
        if f["estimate"] is not None:
            figs.append(
                f"{label} {100 * f['estimate']:+.0f}% (CI {100 * f['ci_low']:+.0f}% to "
                f"{100 * f['ci_high']:+.0f}%; published {100 * f['published']:.0f}%)"
            )
    return "; ".join(figs) or "suppressed"


def _bias_audit_line(task: str) -> ReportLine:
    """The bias-audit gate verdict of one task's model."""
    return ReportLine(
        f"bias_audit_{task}.json",
        "bias audit, {task}: gate {verdict_upper} ({failed} of {judged} judged checks failed; "
        "{checks_insufficient_data} not judged); champion {champion} "
        "(report: {paths.processed}/bias_audit/{task}/report.html)",
        derived={
            "task": lambda r: task,
            "verdict_upper": lambda r: r["verdict"].upper(),
            "failed": lambda r: sum(c["status"] == "fail" for c in r["checks"].values()),
            "judged": lambda r: len(r["checks"]),
            "champion": lambda r: "assigned" if r["champion_assigned"] else "not assigned",
        },
    )


REPORT_LINES: tuple[ReportLine, ...] = (
    ReportLine(
        "synthesize.json",
        "cohort: {rows.patients} patients, {rows.weekly_measures} weekly measures, "
        "{rows.transcripts} messages; distinct-3 {diversity.distinct_3:.3f}, held-out phrasing "
        "unseen {diversity.heldout_core_phrasing_unseen_share:.2f}",
        default=0,
    ),
    ReportLine(
        "deidentify.json",
        "de-identification: {messages} messages, {eval.split} recall "
        "{eval.overall.span_recall:.4f}, precision {eval.overall.span_precision:.4f}; recall "
        "gate {gate_verdict}{outside}",
        defaults={
            "messages": 0,
            "eval.split": "?",
            "eval.overall.span_recall": float("nan"),
            "eval.overall.span_precision": float("nan"),
        },
        derived={
            "gate_verdict": lambda r: "passed" if r.get("gate", {}).get("passed") else "FAILED",
            "outside": lambda r: "".join(
                f"; {name} chat set recall {figures['overall']['span_recall']:.3f}"
                for name, figures in r.get("outside_sets", {}).items()
            ),
        },
    ),
    ReportLine(
        "corpora.json",
        "real corpora: {texts} texts de-identified, {texts_dropped_not_deidentifiable} dropped "
        "({names})",
        derived={"names": lambda r: ", ".join(r.get("corpora", {})) or "none named"},
    ),
    ReportLine(
        "evaluate_risk.json",
        "risk model (held-out test, {test_records} messages): macro-F1 {model.macro_f1:.3f} "
        "(TF-IDF baseline {baseline.macro_f1:.3f}); alert recall {model.alert_recall:.3f}, "
        "alert rate on none {model.alert_rate_none:.3f}, ECE {model.ece:.3f}",
    ),
    ReportLine(
        "evaluate_empathy.json",
        "empathy model (held-out test, {test_records} pairs): mean macro-F1 "
        "{model.mean_macro_f1:.3f} (TF-IDF baseline {baseline.mean_macro_f1:.3f})",
    ),
    ReportLine(
        "outcomes.json",
        "outcomes, AI-hybrid vs usual care: {headline_figures}",
        derived={"headline_figures": _headline},
    ),
    _bias_audit_line("risk"),
    _bias_audit_line("empathy"),
    ReportLine(
        "summaries.json",
        "clinician summaries as of {as_of}: {patients} patients, {alerts} alerts in the feed "
        "(`carebridge summary PATIENT_ID`)",
    ),
)

NEXT_STEPS: tuple[str, ...] = (
    "make dashboard   open the dashboard on http://127.0.0.1:8501",
    "make mlflow      open MLflow's UI on http://127.0.0.1:5000",
    ".venv/bin/dvc metrics show    the stages' numbers",
)


def folder_line(folder: Folder, p: Params) -> str:
    """A folder's label, path, and file count and size (or how to create it)."""
    path = folder.path(p)
    files = sorted(x for x in path.rglob("*") if x.is_file()) if path.exists() else []
    size = sum(f.stat().st_size for f in files) / 1e6
    state = f"{len(files)} files, {size:.1f} MB" if files else "missing: run `make run`"
    return f"{folder.label:<40} {path}/  ({state})"


def report_line(line: ReportLine, rep: Report, p: Params) -> str:
    """One stage report rendered through its line's template."""
    values = {**rep, "paths": p.paths.model_dump()}
    values.update({name: derive(rep) for name, derive in line.derived.items()})
    return _ReportFormatter(line).vformat(line.template, (), values)


def render(p: Params) -> str:
    """The whole status text: folders, one line per stage report present, MLflow, next steps."""
    lines = ["", "CareBridge pipeline outputs:"]
    lines += [f"  {folder_line(folder, p)}" for folder in FOLDERS]
    for line in REPORT_LINES:
        path = p.paths.reports / line.report
        if path.exists():
            lines.append(f"  {report_line(line, json.loads(path.read_text()), p)}")
    lines += [
        f"  MLflow runs: {p.mlflow.tracking_uri} (artifacts in {p.mlflow.artifact_root}/); "
        "registered models risk-classifier and empathy-classifier (alias candidate)",
        "",
        "Next:",
        *[f"  {step}" for step in NEXT_STEPS],
    ]
    return "\n".join(lines)
