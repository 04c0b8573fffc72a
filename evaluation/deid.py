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
from dataclasses import dataclass, field
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


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def _counter() -> defaultdict[str, int]:
    return defaultdict(int)


def _pair() -> defaultdict[str, list[int]]:
    return defaultdict(lambda: [0, 0])


@dataclass
class _Tally:
    """Counts `evaluate` accumulates over records, by gold or predicted type."""

    g_total: defaultdict[str, int] = field(default_factory=_counter)
    g_found: defaultdict[str, int] = field(default_factory=_counter)
    p_total: defaultdict[str, int] = field(default_factory=_counter)
    p_correct: defaultdict[str, int] = field(default_factory=_counter)
    origin_total: defaultdict[str, int] = field(default_factory=_counter)
    origin_found: defaultdict[str, int] = field(default_factory=_counter)
    tok: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fn": 0, "fp": 0})
    tok_type: defaultdict[str, list[int]] = field(default_factory=_pair)  # gold tokens, found
    tok_pred: defaultdict[str, list[int]] = field(default_factory=_pair)  # predicted, correct

    def add(self, text: str, gs: Sequence[GoldSpan], ps: Sequence[Any]) -> None:
        """Count one record's gold and predicted spans and its word tokens."""
        pmask, gmask = _mask(len(text), ps), _mask(len(text), gs)
        self.add_spans(text, gs, ps, pmask)
        self.add_tokens(text, gs, ps, gmask, pmask)

    def add_spans(
        self, text: str, gs: Sequence[GoldSpan], ps: Sequence[Any], pmask: list[bool]
    ) -> None:
        """Gold spans fully covered by predictions; predicted spans overlapping a gold span."""
        for g in gs:
            hit = _covered(text, g.start, g.end, pmask)
            self.g_total[g.type] += 1
            self.g_found[g.type] += hit
            if g.type == "PERSON" and g.origin:
                self.origin_total[g.origin] += 1
                self.origin_found[g.origin] += hit
        for p in ps:
            self.p_total[p.type] += 1
            self.p_correct[p.type] += any(g.start < p.end and p.start < g.end for g in gs)

    def add_tokens(
        self,
        text: str,
        gs: Sequence[GoldSpan],
        ps: Sequence[Any],
        gmask: list[bool],
        pmask: list[bool],
    ) -> None:
        """Word tokens inside gold spans, inside predicted spans, or both."""
        for m in TOKEN.finditer(text):
            in_g = any(gmask[m.start() : m.end()])
            in_p = any(pmask[m.start() : m.end()])
            self.tok["tp"] += in_g and in_p
            self.tok["fn"] += in_g and not in_p
            self.tok["fp"] += in_p and not in_g
            if in_g:
                gtype = next((g.type for g in gs if g.start < m.end() and m.start() < g.end), "?")
                self.tok_type[gtype][0] += 1
                self.tok_type[gtype][1] += in_p
            if in_p:
                ptype = next((q.type for q in ps if q.start < m.end() and m.start() < q.end), "?")
                self.tok_pred[ptype][0] += 1
                self.tok_pred[ptype][1] += in_g

    def type_report(self, t: str) -> dict[str, float]:
        """Span and token precision, recall and F2 of one type."""
        r = _ratio(self.g_found[t], self.g_total[t])
        p = _ratio(self.p_correct[t], self.p_total[t])
        out = {
            "span_recall": r,
            "span_precision": p,
            "span_f2": f_beta(p, r),
            "gold": self.g_total[t],
            "predicted": self.p_total[t],
            "token_recall": _ratio(self.tok_type[t][1], self.tok_type[t][0]),
            "token_precision": _ratio(self.tok_pred[t][1], self.tok_pred[t][0]),
        }
        out["token_f2"] = f_beta(out["token_precision"], out["token_recall"])
        return out

    def overall(self, records: int) -> dict[str, float]:
        """Span and token precision, recall and F2 over all types."""
        r_all = _ratio(sum(self.g_found.values()), sum(self.g_total.values()))
        p_all = _ratio(sum(self.p_correct.values()), sum(self.p_total.values()))
        t_r = _ratio(self.tok["tp"], self.tok["tp"] + self.tok["fn"])
        t_p = _ratio(self.tok["tp"], self.tok["tp"] + self.tok["fp"])
        return {
            "span_recall": r_all,
            "span_precision": p_all,
            "span_f2": f_beta(p_all, r_all),
            "token_recall": t_r,
            "token_precision": t_p,
            "token_f2": f_beta(t_p, t_r),
            "gold": sum(self.g_total.values()),
            "records": records,
        }


def evaluate(
    texts: Mapping[str, str],
    gold: Mapping[str, Sequence[GoldSpan]],
    pred: Mapping[str, Sequence[Any]],
) -> dict[str, Any]:
    """Span- and token-level precision, recall and F2 per type and overall, and name recall
    per origin group, over the records in `texts`."""
    tally = _Tally()
    for rid, text in texts.items():
        tally.add(text, gold.get(rid, ()), pred.get(rid, ()))
    types = sorted(set(tally.g_total) | set(tally.p_total))
    return {
        "overall": tally.overall(len(texts)),
        "per_type": {t: tally.type_report(t) for t in types},
        "name_recall_by_origin": {
            o: {"recall": _ratio(tally.origin_found[o], tally.origin_total[o]), "gold": n}
            for o, n in sorted(tally.origin_total.items())
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
