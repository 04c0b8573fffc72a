"""The audit report: one self-contained HTML page per model version and its JSON twin.

Sections: model card (intended use, data, training, metrics, limitations, ethical
considerations, from the model card and the stage reports), the gate verdict with each check,
per-group tables with intervals and group sizes, plots (per-group error bars, an intersectional
heat map; PNGs embedded), the mitigation comparison, de-identification name recall by origin,
the review queue's size, and fields for reviewers' sign-off. The JSON holds the same numbers.
The page is laid out by templates/report.html.j2 (Jinja2, every value escaped); this module
prepares what it shows: figures as text, tables as rows of cells, plots as base64 PNGs.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from training.tasks import MECHANISMS

MODEL_CARD = Path("training/MODEL_CARD.md")
# one group's figures, in the order the report and the dashboard show them
GROUP_COLUMNS = (
    "value",
    "ci_low",
    "ci_high",
    "n",
    "status",
    "diff_to_best",
    "ratio_to_best",
    "diff_to_overall",
)
PRIMARY = {"risk": ["recall"], "empathy": [f"{m}_macro_f1" for m in MECHANISMS]}
CHECK_COLUMNS = (
    "check",
    "features",
    "group",
    "value",
    "ci_low",
    "ci_high",
    "n",
    "status",
    "shortfall",
)
DEID_COLUMNS = ("group", "recall", "ci_low", "ci_high", "n", "status")
TEMPLATE = "report.html.j2"  # in bias_audit/templates/


def card_sections(path: Path = MODEL_CARD) -> dict[str, str]:
    """The model card's sections by heading (Markdown text)."""
    if not path.is_file():
        return {}
    parts = re.split(r"^## (.+)$", path.read_text(encoding="utf-8"), flags=re.M)
    return {parts[i].strip(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def error_bar_plots(table: pl.DataFrame, metric: str) -> list[tuple[str, str]]:
    """One error-bar plot per single feature: value and interval per group."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = []
    singles = table.filter(pl.col("metric") == metric, ~pl.col("features").str.contains(" x "))
    for feature in singles["features"].unique(maintain_order=True).to_list():
        rows = singles.filter(pl.col("features") == feature).sort("group")
        fig, ax = plt.subplots(figsize=(6, 0.35 * rows.height + 1.2))
        for i, r in enumerate(rows.iter_rows(named=True)):
            colour = "#1f77b4" if r["sufficient"] else "#bbbbbb"
            if r["value"] is None:
                continue
            lo = r["value"] - (r["ci_low"] if r["ci_low"] is not None else r["value"])
            hi = (r["ci_high"] if r["ci_high"] is not None else r["value"]) - r["value"]
            ax.errorbar(
                r["value"], i, xerr=[[max(lo, 0)], [max(hi, 0)]], fmt="o", color=colour, capsize=3
            )
        ax.set_yticks(range(rows.height))
        ax.set_yticklabels([f"{g} (n={n})" for g, n in zip(rows["group"], rows["n"], strict=True)])
        overall = rows["overall"][0]
        ax.axvline(overall, color="#555555", linestyle="--", linewidth=1)
        ax.set_xlim(0, 1.02)
        ax.set_xlabel(f"{metric} (95% CI; grey = insufficient data; dashed = overall)")
        ax.set_title(f"{metric} by {feature}")
        out.append((f"{metric} by {feature}", _png(fig)))
    return out


def heat_map(table: pl.DataFrame, metric: str) -> tuple[str, str] | None:
    """The intersection with the most judged cells, as a heat map (blank = insufficient)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    pairs = table.filter(pl.col("metric") == metric, pl.col("features").str.contains(" x "))
    if pairs.is_empty():
        return None
    best = (
        pairs.group_by("features").agg(pl.col("sufficient").sum().alias("k")).sort("k").row(-1)[0]
    )
    rows = pairs.filter(pl.col("features") == best)
    a_name, b_name = best.split(" x ")
    split = (
        rows["group"].str.split_exact(" & ", 1).struct.rename_fields(["a", "b"]).struct.unnest()
    )
    rows = rows.with_columns(split)
    a_levels, b_levels = sorted(rows["a"].unique()), sorted(rows["b"].unique())
    grid = np.full((len(a_levels), len(b_levels)), np.nan)
    for r in rows.iter_rows(named=True):
        if r["sufficient"] and r["value"] is not None:
            grid[a_levels.index(r["a"]), b_levels.index(r["b"])] = r["value"]
    fig, ax = plt.subplots(figsize=(1.1 * len(b_levels) + 2, 0.5 * len(a_levels) + 1.5))
    im = ax.imshow(grid, vmin=0, vmax=1, cmap="RdYlGn", aspect="auto")
    ax.set_xticks(range(len(b_levels)), b_levels, rotation=45, ha="right")
    ax.set_yticks(range(len(a_levels)), a_levels)
    for i in range(len(a_levels)):
        for j in range(len(b_levels)):
            if np.isfinite(grid[i, j]):
                ax.text(j, i, f"{grid[i, j]:.2f}", ha="center", va="center", fontsize=8)
    ax.set_xlabel(b_name)
    ax.set_ylabel(a_name)
    ax.set_title(f"{metric}: {a_name} x {b_name} (blank = insufficient data)")
    fig.colorbar(im, ax=ax)
    return f"{metric}: {best}", _png(fig)


def _fmt(x: Any, nd: int = 3) -> str:
    """A table cell or figure as text: floats to `nd` places, missing as '-'."""
    return "-" if x is None else f"{x:.{nd}f}" if isinstance(x, float) else str(x)


def _table(rows: list[dict[str, Any]], cols: Sequence[str]) -> dict[str, Any]:
    """The columns and each row's cells as text; failed and insufficient rows get a class."""
    css = {"fail": "fail", "insufficient data": "na"}
    return {
        "columns": list(cols),
        "rows": [
            {"css": css.get(r.get("status"), ""), "cells": [_fmt(r.get(c)) for c in cols]}
            for r in rows
        ],
    }


def _escape(value: Any) -> Markup:
    """Autoescaping with the standard library's entities (html.escape, quotes included)."""
    return value if isinstance(value, Markup) else Markup(html.escape(str(value)))


def _md(text: str) -> Markup:
    """Just enough Markdown for the model card: paragraphs, bullets, code, bold."""
    out = html.escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return Markup("".join(f"<p>{p.replace(chr(10), ' ')}</p>" for p in out.split("\n\n")))


@cache
def _templates() -> Environment:
    """The report's Jinja2 environment: autoescaped, and an unknown name is an error."""
    env = Environment(
        loader=PackageLoader("bias_audit", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_escape,
    )
    env.filters["md"] = _md
    return env


def _with_card(report: dict[str, Any], table: pl.DataFrame, reports: Path) -> dict[str, Any]:
    """The report with its model card (from MODEL_CARD.md and the stage reports), every
    group's figures and empty sign-off fields."""
    task = report["task"]
    card = card_sections()
    ev_path = reports / f"evaluate_{task}.json"
    tr_path = reports / f"train_{task}.json"
    return {
        **report,
        "model_card": {
            "intended_use": card.get("Intended use", ""),
            "data": card.get("Data", ""),
            "training": json.loads(tr_path.read_text()) if tr_path.is_file() else {},
            "metrics": json.loads(ev_path.read_text()).get("model", {})
            if ev_path.is_file()
            else {},
            "limitations": card.get("Known failures", ""),
            "ethical_considerations": card.get("Fairness", ""),
        },
        "groups": table.to_dicts(),
        "sign_off": {
            "reviewers": [],
            "decision": None,
            "decision_options": ["release", "release with conditions", "do not release"],
            "conditions": None,
            "signed_at": None,
        },
    }


def _mitigation_view(report: dict[str, Any], mitigation: dict[str, Any]) -> dict[str, Any]:
    """The mitigation section's figures: overall before and after, and each feature's
    largest recall gap before and after, with intervals."""
    m = report["mitigation"]
    gaps = []
    for feat, before in m["recall_gaps_before"].items():
        after = m["recall_gaps_after"].get(feat, {})
        gaps.append(
            {
                "feature": feat,
                "gap_before": before.get("value"),
                "ci_before": f"{_fmt(before.get('ci_low'))}-{_fmt(before.get('ci_high'))}",
                "gap_after": after.get("value"),
                "ci_after": f"{_fmt(after.get('ci_low'))}-{_fmt(after.get('ci_high'))}",
            }
        )
    overall = [
        {"metric": k, "before": v, "after": m["overall_after"].get(k)}
        for k, v in m["overall_before"].items()
    ]
    shown = ("constraints", "feature", "objective", "fit_messages", "audit_messages")
    return {
        **{k: m[k] for k in shown},
        "gate_before": m["gate_before"]["verdict"],
        "gate_after": m["gate_after"]["verdict"],
        "version": _fmt(report["champion"].get("mitigated_version")),
        "overall": _table(overall, ["metric", "before", "after"]),
        "gaps": _table(gaps, ["feature", "gap_before", "ci_before", "gap_after", "ci_after"]),
        "plots": error_bar_plots(mitigation["after"], "recall"),
    }


def _page(
    report: dict[str, Any], table: pl.DataFrame, mitigation: dict[str, Any] | None
) -> dict[str, Any]:
    """What the HTML template lays out: figures as text, tables as rows of cells, plots."""
    primary = PRIMARY[report["task"]]
    mc = report["model_card"]
    champion = report.get("champion")
    shown = ("model", "test_messages", "test_patients", "features", "gate", "review_queue")
    return {
        **{k: report[k] for k in shown},
        "champion": _fmt(champion.get("champion")) if champion else "-",
        "checks": _table(report["gate"]["checks"], CHECK_COLUMNS),
        "plots": [p for m in primary for p in error_bar_plots(table, m)],
        "heat_maps": [h for m in primary if (h := heat_map(table, m)) is not None],
        "groups": _table(
            table.filter(~pl.col("features").str.contains(" x ")).to_dicts(),
            ["features", "group", "metric", *GROUP_COLUMNS, "ratio_to_overall"],
        ),
        "mitigation": None if mitigation is None else _mitigation_view(report, mitigation),
        "deid": _table(report["deid_name_recall"], DEID_COLUMNS)
        if report["deid_name_recall"]
        else None,
        "card": {
            **mc,
            "training": json.dumps(mc["training"], indent=1)[:3000],
            "metrics": json.dumps(mc["metrics"], indent=1)[:3000],
        },
        "decision_options": report["sign_off"]["decision_options"],
    }


def write_report(
    report: dict[str, Any],
    table: pl.DataFrame,
    mitigation: dict[str, Any] | None,
    folder: Path,
    reports: Path,
) -> None:
    """report.json and report.html (self-contained) into `folder`."""
    report = _with_card(report, table, reports)
    (folder / "report.json").write_text(json.dumps(report, indent=2, sort_keys=True, default=str))
    page = _templates().get_template(TEMPLATE).render(_page(report, table, mitigation))
    (folder / "report.html").write_text(page, encoding="utf-8")
