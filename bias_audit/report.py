"""The audit report: one self-contained HTML page per model version and its JSON twin.

Sections: model card (intended use, data, training, metrics, limitations, ethical
considerations, from the model card and the stage reports), the gate verdict with each check,
per-group tables with intervals and group sizes, plots (per-group error bars, an intersectional
heat map; PNGs embedded), the mitigation comparison, de-identification name recall by origin,
the review queue's size, and fields for reviewers' sign-off. The JSON holds the same numbers.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import polars as pl

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
    return "-" if x is None else f"{x:.{nd}f}" if isinstance(x, float) else html.escape(str(x))


def _table(rows: list[dict[str, Any]], cols: list[str]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join(
        "<tr"
        + (
            ' class="fail"'
            if r.get("status") == "fail"
            else ' class="na"'
            if r.get("status") == "insufficient data"
            else ""
        )
        + ">"
        + "".join(f"<td>{_fmt(r.get(c))}</td>" for c in cols)
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _md(text: str) -> str:
    """Just enough Markdown for the model card: paragraphs, bullets, code, bold."""
    out = html.escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return "".join(f"<p>{p.replace(chr(10), ' ')}</p>" for p in out.split("\n\n"))


def write_report(
    report: dict[str, Any],
    table: pl.DataFrame,
    mitigation: dict[str, Any] | None,
    folder: Path,
    reports: Path,
) -> None:
    """report.json and report.html (self-contained) into `folder`."""
    task = report["task"]
    card = card_sections()
    ev_path = reports / f"evaluate_{task}.json"
    tr_path = reports / f"train_{task}.json"
    report = {
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
    (folder / "report.json").write_text(json.dumps(report, indent=2, sort_keys=True, default=str))
    plots = [p for m in PRIMARY[task] for p in error_bar_plots(table, m)]
    heat = [h for m in PRIMARY[task] if (h := heat_map(table, m)) is not None]
    g = report["gate"]
    model = report["model"]
    title = f"{html.escape(model['name'])} version {html.escape(str(model['version']))}"
    parts = [
        f"<h1>Bias audit: {title}</h1>",
        f"<p>Test split: {report['test_messages']} messages from {report['test_patients']} "
        f"patients (held-out phrasings). Sensitive features: {', '.join(report['features'])}. "
        "Intervals are 95% bootstrap intervals (Fairlearn MetricFrame); n is the number of "
        "messages the value is computed over (urgent messages for recall).</p>",
        f'<h2>Gate verdict: <span class="{g["verdict"]}">{g["verdict"].upper()}</span></h2>',
        f"<p>{g['checks_judged']} checks judged, {g['checks_failed']} failed, "
        f"{g['checks_insufficient_data']} not judged (insufficient data). Champion: "
        f"{_fmt(report['champion'].get('champion')) if report.get('champion') else '-'}.</p>",
        "<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in g["failed"]) + "</ul>",
        "<h3>Every check</h3>",
        _table(
            g["checks"],
            [
                "check",
                "features",
                "group",
                "value",
                "ci_low",
                "ci_high",
                "n",
                "status",
                "shortfall",
            ],
        ),
        "<h2>Per-group metrics</h2>",
        *[f'<h3>{html.escape(t)}</h3><img src="data:image/png;base64,{b}"/>' for t, b in plots],
        *[
            f'<h3>Intersection {html.escape(t)}</h3><img src="data:image/png;base64,{b}"/>'
            for t, b in heat
        ],
        _table(
            table.filter(~pl.col("features").str.contains(" x ")).to_dicts(),
            ["features", "group", "metric", *GROUP_COLUMNS, "ratio_to_overall"],
        ),
    ]
    if mitigation is not None:
        m = report["mitigation"]
        rows = []
        for feat, before in m["recall_gaps_before"].items():
            after = m["recall_gaps_after"].get(feat, {})
            rows.append(
                {
                    "feature": feat,
                    "gap_before": before.get("value"),
                    "ci_before": f"{_fmt(before.get('ci_low'))}-{_fmt(before.get('ci_high'))}",
                    "gap_after": after.get("value"),
                    "ci_after": f"{_fmt(after.get('ci_low'))}-{_fmt(after.get('ci_high'))}",
                }
            )
        parts += [
            "<h2>Mitigation: ThresholdOptimizer</h2>",
            f"<p>{html.escape(m['constraints'])} by {html.escape(m['feature'])} (objective "
            f"{html.escape(m['objective'])}), fitted on {m['fit_messages']} messages of half "
            f"the test patients, audited on the other {m['audit_messages']}; before and after "
            "on the same messages. Gate before: "
            f"{m['gate_before']['verdict']}, after: {m['gate_after']['verdict']}. "
            f"Mitigated model version: {_fmt(report['champion'].get('mitigated_version'))}.</p>",
            _table(
                [
                    {"metric": k, "before": v, "after": m["overall_after"].get(k)}
                    for k, v in m["overall_before"].items()
                ],
                ["metric", "before", "after"],
            ),
            "<h3>Largest recall gap per feature (groups with enough data)</h3>",
            _table(rows, ["feature", "gap_before", "ci_before", "gap_after", "ci_after"]),
        ]
        for t, b in error_bar_plots(mitigation["after"], "recall"):
            parts.append(
                f"<h3>After mitigation: {html.escape(t)}</h3>"
                f'<img src="data:image/png;base64,{b}"/>'
            )
    if report["deid_name_recall"]:
        parts += [
            "<h2>De-identification: name recall by name origin</h2>",
            _table(
                report["deid_name_recall"], ["group", "recall", "ci_low", "ci_high", "n", "status"]
            ),
        ]
    mc = report["model_card"]
    parts += [
        "<h2>Model card</h2>",
        "<h3>Intended use</h3>",
        _md(mc["intended_use"]),
        "<h3>Data</h3>",
        _md(mc["data"]),
        "<h3>Training</h3>",
        f"<pre>{html.escape(json.dumps(mc['training'], indent=1)[:3000])}</pre>",
        "<h3>Metrics (test split)</h3>",
        f"<pre>{html.escape(json.dumps(mc['metrics'], indent=1)[:3000])}</pre>",
        "<h3>Limitations</h3>",
        _md(mc["limitations"]),
        "<h3>Ethical considerations</h3>",
        _md(mc["ethical_considerations"]),
        f"<h2>Review queue</h2><p>{report['review_queue']['cases']} cases in review_queue.csv"
        f"; {report['review_queue']['deid_detections']} low-confidence de-identification "
        "detections in deid_review.csv.</p>",
        "<h2>Sign-off</h2><form>",
        *[
            f'<p><label>{lab}: <input name="{n}" size="40"/></label></p>'
            for lab, n in (
                ("Reviewer 1 (name, role)", "r1"),
                ("Reviewer 2 (name, role)", "r2"),
                ("Date", "date"),
                ("Conditions", "conditions"),
            )
        ],
        '<p><label>Decision: <select name="decision"><option>release</option>'
        "<option>release with conditions</option><option>do not release</option></select>"
        "</label></p></form>",
    ]
    style = (
        "body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:"
        "collapse;font-size:12px;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px}"
        "tr.fail{background:#fde0dc}tr.na{color:#888}.pass{color:#2e7d32}.fail{color:#c62828}"
    )
    page = (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Bias audit {title}</title>"
        f"<style>{style}</style></head><body>" + "\n".join(parts) + "</body></html>"
    )
    (folder / "report.html").write_text(page, encoding="utf-8")
