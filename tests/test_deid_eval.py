"""De-identification metrics on tiny hand-computed cases, the gate, and the leak scanners."""

from __future__ import annotations

import pytest

from evaluation.deid import GoldSpan, evaluate, f_beta, gate, keep_rate
from pipelines.deid.engine import KEEP_TERMS, Span
from pipelines.deid.leakage import residual_identifiers, scan_files


def test_f2_weights_recall():
    assert f_beta(1.0, 0.5) == pytest.approx(5 * 0.5 / (4 + 0.5))
    assert f_beta(0.0, 0.0) == 0.0


def test_span_and_token_metrics_by_hand():
    texts = {"m1": "call Ana at 555-0182 today", "m2": "Dr Li Wei said hi"}
    gold = {
        "m1": [GoldSpan(5, 8, "PERSON", "anglo"), GoldSpan(12, 20, "PHONE_NUMBER")],
        "m2": [GoldSpan(3, 9, "PERSON", "east_asian")],
    }
    pred = {
        "m1": [Span(5, 8, "PERSON", 0.9), Span(21, 26, "DATE", 0.5)],  # phone missed, FP
        "m2": [Span(3, 5, "PERSON", 0.9)],  # "Li" only: "Wei" leaks, so not recalled
    }
    rep = evaluate(texts, gold, pred)
    assert rep["per_type"]["PERSON"]["span_recall"] == 0.5
    assert rep["per_type"]["PHONE_NUMBER"]["span_recall"] == 0.0
    assert rep["per_type"]["DATE"]["span_precision"] == 0.0
    assert rep["overall"]["span_recall"] == pytest.approx(1 / 3)
    assert rep["overall"]["span_precision"] == pytest.approx(2 / 3)
    # tokens: gold Ana, 555, 0182, Li, Wei (5); predicted Ana, today, Li (3); tp = 2
    assert rep["overall"]["token_recall"] == pytest.approx(2 / 5)
    assert rep["overall"]["token_precision"] == pytest.approx(2 / 3)
    # per type: PERSON gold tokens Ana, Li, Wei -> 2 found; predicted PERSON tokens Ana, Li
    assert rep["per_type"]["PERSON"]["token_recall"] == pytest.approx(2 / 3)
    assert rep["per_type"]["PERSON"]["token_precision"] == 1.0
    assert rep["per_type"]["DATE"]["token_precision"] == 0.0
    assert rep["name_recall_by_origin"] == {
        "anglo": {"recall": 1.0, "gold": 1},
        "east_asian": {"recall": 0.0, "gold": 1},
    }


def test_gate_names_type_and_shortfall():
    rep = {
        "per_type": {
            "PERSON": {"span_recall": 0.97, "gold": 100},
            "URL": {"span_recall": 1.0, "gold": 10},
            "US_SSN": {"span_recall": 0.0, "gold": 0},
        }
    }
    failures = gate(rep, ["PERSON", "URL", "US_SSN"], 0.99)
    assert failures == ["PERSON: recall 0.9700 < floor 0.9900 (short by 0.0200; 100 gold spans)"]
    assert gate(rep, ["URL"], 0.99) == []


def test_keep_rate_counts_clinical_terms_outside_identifiers():
    texts = {"m": "I'm going to do it tonight, sertraline 50mg since two weeks ago"}
    pred = {"m": [Span(28, 38, "PERSON", 0.5)]}  # "sertraline" wrongly removed
    rep = keep_rate(texts, pred, {}, KEEP_TERMS)
    assert rep["terms"] == 4 and rep["kept"] == 3


def test_leak_scanners(tmp_path):
    (tmp_path / "run.json").write_text('{"param": "patient Ngozi Okafor 212-555-0182"}')
    (tmp_path / "clean.json").write_text('{"recall": 0.99}')
    (tmp_path / "model.safetensors").write_bytes(b"\x00ngozi okafor\x00")  # tensors: skipped
    (tmp_path / "params.txt").write_text("ngozi okafor")  # any other text file: scanned
    hits = scan_files([tmp_path], {"ngozi okafor", "212-555-0182"})
    assert hits == {str(tmp_path / "run.json"): 2, str(tmp_path / "params.txt"): 1}
    original = {"m": "call Ngozi at home"}
    gold = {"m": [GoldSpan(5, 10, "PERSON")]}
    assert residual_identifiers(original, {"m": "call <PERSON> at home"}, gold) == 0
    assert residual_identifiers(original, {"m": "call ngozi at home"}, gold) == 1
