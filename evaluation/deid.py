"""De-identification metrics: pure functions over texts, gold spans and predicted spans.

Span level: a gold span is recalled when predicted spans cover every one of its word
characters (a partial cover leaks the rest); a predicted span is correct when it overlaps a
gold span. Recall is type-agnostic (what matters is that the identifier is gone), reported
per gold type; precision per predicted type. Token level: word tokens inside gold vs inside
predicted spans. F2 weights recall four times as much as precision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import regex

TOKEN = regex.compile(r"\w+")


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    type: str
    origin: str | None = None


def f_beta(precision: float, recall: float, beta: float = 2.0) -> float:
    """F-beta; 0 when both are 0."""
    b2 = beta * beta
    denom = b2 * precision + recall
    return (1 + b2) * precision * recall / denom if denom else 0.0


def _covered(text: str, start: int, end: int, mask: list[bool]) -> bool:
    return all(mask[i] for i in range(start, end) if text[i].isalnum())


def _mask(n: int, spans: Sequence[Any]) -> list[bool]:
    m = [False] * n
    for s in spans:
        for i in range(max(0, s.start), min(n, s.end)):
            m[i] = True
    return m


def evaluate(
    texts: Mapping[str, str],
    gold: Mapping[str, Sequence[GoldSpan]],
    pred: Mapping[str, Sequence[Any]],
) -> dict[str, Any]:
    """Span- and token-level precision, recall and F2 per type and overall, and name recall
    per origin group, over the records in `texts`."""
    g_total: dict[str, int] = defaultdict(int)
    g_found: dict[str, int] = defaultdict(int)
    p_total: dict[str, int] = defaultdict(int)
    p_correct: dict[str, int] = defaultdict(int)
    origin_total: dict[str, int] = defaultdict(int)
    origin_found: dict[str, int] = defaultdict(int)
    tok = {"tp": 0, "fn": 0, "fp": 0}
    tok_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # gold tokens, found
    tok_pred: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # predicted tokens, correct
    for rid, text in texts.items():
        gs, ps = gold.get(rid, ()), pred.get(rid, ())
        pmask, gmask = _mask(len(text), ps), _mask(len(text), gs)
        for g in gs:
            hit = _covered(text, g.start, g.end, pmask)
            g_total[g.type] += 1
            g_found[g.type] += hit
            if g.type == "PERSON" and g.origin:
                origin_total[g.origin] += 1
                origin_found[g.origin] += hit
        for p in ps:
            p_total[p.type] += 1
            p_correct[p.type] += any(g.start < p.end and p.start < g.end for g in gs)
        for m in TOKEN.finditer(text):
            in_g = any(gmask[m.start() : m.end()])
            in_p = any(pmask[m.start() : m.end()])
            tok["tp"] += in_g and in_p
            tok["fn"] += in_g and not in_p
            tok["fp"] += in_p and not in_g
            if in_g:
                gtype = next((g.type for g in gs if g.start < m.end() and m.start() < g.end), "?")
                tok_type[gtype][0] += 1
                tok_type[gtype][1] += in_p
            if in_p:
                ptype = next((q.type for q in ps if q.start < m.end() and m.start() < q.end), "?")
                tok_pred[ptype][0] += 1
                tok_pred[ptype][1] += in_g

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    per_type: dict[str, dict[str, float]] = {}
    for t in sorted(set(g_total) | set(p_total)):
        r = ratio(g_found[t], g_total[t])
        p = ratio(p_correct[t], p_total[t])
        per_type[t] = {
            "span_recall": r,
            "span_precision": p,
            "span_f2": f_beta(p, r),
            "gold": g_total[t],
            "predicted": p_total[t],
            "token_recall": ratio(tok_type[t][1], tok_type[t][0]),
            "token_precision": ratio(tok_pred[t][1], tok_pred[t][0]),
        }
        per_type[t]["token_f2"] = f_beta(
            per_type[t]["token_precision"], per_type[t]["token_recall"]
        )
    r_all = ratio(sum(g_found.values()), sum(g_total.values()))
    p_all = ratio(sum(p_correct.values()), sum(p_total.values()))
    t_r = ratio(tok["tp"], tok["tp"] + tok["fn"])
    t_p = ratio(tok["tp"], tok["tp"] + tok["fp"])
    return {
        "overall": {
            "span_recall": r_all,
            "span_precision": p_all,
            "span_f2": f_beta(p_all, r_all),
            "token_recall": t_r,
            "token_precision": t_p,
            "token_f2": f_beta(t_p, t_r),
            "gold": sum(g_total.values()),
            "records": len(texts),
        },
        "per_type": per_type,
        "name_recall_by_origin": {
            o: {"recall": ratio(origin_found[o], origin_total[o]), "gold": origin_total[o]}
            for o in sorted(origin_total)
        },
    }


def keep_rate(
    texts: Mapping[str, str],
    pred: Mapping[str, Sequence[Any]],
    gold: Mapping[str, Sequence[GoldSpan]],
    pattern: regex.Pattern[str],
) -> dict[str, float]:
    """Share of clinical/temporal terms (outside gold identifiers) left intact."""
    total = kept = 0
    for rid, text in texts.items():
        pmask = _mask(len(text), pred.get(rid, ()))
        gmask = _mask(len(text), gold.get(rid, ()))
        for m in pattern.finditer(text):
            if any(gmask[m.start() : m.end()]):
                continue
            total += 1
            kept += not any(pmask[m.start() : m.end()])
    return {"terms": total, "kept": kept, "keep_rate": kept / total if total else 1.0}


def gate(report: Mapping[str, Any], direct: Sequence[str], floor: float) -> list[str]:
    """Direct identifier types whose span recall is under the floor, with the shortfall."""
    failures = []
    for t in direct:
        stats = report["per_type"].get(t)
        if stats is None or not stats["gold"]:
            continue
        if stats["span_recall"] < floor:
            failures.append(
                f"{t}: recall {stats['span_recall']:.4f} < floor {floor:.4f} "
                f"(short by {floor - stats['span_recall']:.4f}; "
                f"{stats['gold']} gold spans)"
            )
    return failures
