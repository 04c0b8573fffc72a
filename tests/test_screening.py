"""Stepped-care suggestions at every rule's edge, with the rules that made them."""

from __future__ import annotations

import polars as pl
import pytest

from pipelines.clinical.screening import with_step


def step_of(params, phq9, gad7, pcptsd5=0, item9=0, sp=None):
    frame = pl.DataFrame(
        {"phq9_total": [phq9], "gad7_total": [gad7], "pcptsd5_total": [pcptsd5],
         "phq9_item9": [item9]},
        schema={c: pl.Int64 for c in ("phq9_total", "gad7_total", "pcptsd5_total", "phq9_item9")},
    )  # fmt: skip
    row = with_step(frame.lazy(), sp or params.screening).collect().row(0, named=True)
    return row["step"], row["reasons"]


@pytest.mark.parametrize(
    ("scores", "step"),
    [
        ((9, 9, 3, 0), "self_guided"),
        ((10, 0, 0, 0), "assistant_plus_therapist"),  # PHQ-9 10: moderate depression
        ((19, 0, 0, 0), "assistant_plus_therapist"),
        ((20, 0, 0, 0), "urgent_referral"),  # severe depression
        ((5, 10, 0, 0), "assistant_plus_therapist"),  # GAD-7 10
        ((5, 21, 0, 0), "assistant_plus_therapist"),  # GAD-7 alone never makes it urgent
        ((5, 5, 4, 0), "assistant_plus_therapist"),  # positive PC-PTSD-5
        ((3, 2, 0, 1), "urgent_referral"),  # any PHQ-9 item 9 answer above 0
    ],
)
def test_step_edges(params, scores, step):
    assert step_of(params, *scores)[0] == step


def test_reasons_name_every_rule_reached(params):
    step, reasons = step_of(params, 22, 3, 0, 2)
    assert step == "urgent_referral"
    assert reasons == "PHQ-9 >= 20; PHQ-9 item 9 >= 1"
    _, reasons = step_of(params, 12, 11, 5)
    assert reasons == "PHQ-9 >= 10; GAD-7 >= 10; PC-PTSD-5 >= 4"


def test_no_measures_gives_no_step(params):
    assert step_of(params, None, None) == (None, "no PHQ-9/GAD-7 measures")


def test_rules_come_from_params(params):
    rule = params.screening.urgent_referral.model_copy(update={"phq9_item9": None})
    sp = params.screening.model_copy(update={"urgent_referral": rule})
    assert step_of(params, 3, 2, 0, 1, sp=sp)[0] == "self_guided"
