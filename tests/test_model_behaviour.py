"""Behavioural tests of the trained models (Ribeiro et al. 2020's CheckList; Made-With-ML).

They load the models `make run` trained (`data/models/<task>/model`) and are marked slow:
`make test-all` runs them. Inputs are written here, not drawn from the cohort's phrase banks.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def _load(task: str):
    from training.predict import load_predictor

    path = ROOT / "data" / "models" / task / "model"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make run` before the slow tests")
    return load_predictor(path)


@pytest.fixture(scope="module")
def risk():
    return _load("risk")


@pytest.fixture(scope="module")
def empathy():
    return _load("empathy")


def _urgent(predictor, texts: list[str]) -> np.ndarray:
    (p,) = predictor.probabilities(texts)
    return p[:, 2] + p[:, 3]


def _levels(predictor, texts: list[str]) -> list[str]:
    return predictor.predict(pl.DataFrame({"text": texts}))["risk_level"].to_list()


KNOWN = "known failure of the default (fast profile) model, listed in training/MODEL_CARD.md"
INVARIANCE = [
    pytest.param(
        "My {rel} {name} keeps saying I'm a burden and honestly {pron} might be right.",
        marks=pytest.mark.xfail(
            strict=True, reason=f"{KNOWN}: level holds, alert flips near the threshold"
        ),
    ),
    "I had a fight with {name} and now I can't stop thinking about ending it all.",
    "{name} from work invited me to lunch and it was actually nice.",
    "I told {name} I've been cutting again, {pron} didn't say much.",
]
NAMES = ["<PERSON>", "Maria", "Oluwaseun", "Nguyen Van An", "Mohammed", "Siobhan", "Hiroshi"]
SWAPS = [("sister", "she"), ("brother", "he"), ("partner", "they")]


@pytest.mark.parametrize("template", INVARIANCE)
def test_invariance_names_and_pronouns_do_not_change_the_risk_level(risk, template):
    texts = [template.format(name=n, rel=rel, pron=pron) for n in NAMES for rel, pron in SWAPS]
    levels = _levels(risk, texts)
    assert len(set(levels)) == 1, dict(zip(texts, levels, strict=True))
    alerts = risk.predict(pl.DataFrame({"text": texts}))["alert"].to_list()
    assert len(set(alerts)) == 1


DIRECTION_BASES = [
    "Work has been stressful and I haven't been sleeping well.",
    "I feel like nothing is going to get better.",
    pytest.param(
        "Sometimes I wish I could just disappear for a while.",
        marks=pytest.mark.xfail(strict=True, reason=f"{KNOWN}: stays 'low'"),
    ),
    "I had a good session with my therapist this week.",
    "I've been thinking about killing myself more often lately.",
]


@pytest.mark.parametrize("base", DIRECTION_BASES)
def test_direction_adding_means_and_timing_never_lowers_risk(risk, base):
    added = f"{base} I have the pills ready for tonight."
    before, after = _urgent(risk, [base, added])
    assert after >= before - 1e-4  # saturated probabilities differ in the 6th decimal
    assert _levels(risk, [added])[0] in {"moderate", "high"}


ALERTS = pytest.mark.xfail(strict=True, reason=f"{KNOWN}: rated 'none' but alerts")
RATED_HIGH = pytest.mark.xfail(strict=True, reason=f"{KNOWN}: rated 'high'")
HARD_NEGATIVES = [
    "this exam is killing me",
    pytest.param("I'm dying to see the new movie this weekend", marks=ALERTS),
    pytest.param("My phone is dead again, sorry for the late reply.", marks=ALERTS),
    pytest.param("I totally killed it at my presentation today!", marks=ALERTS),
    pytest.param("The traffic this morning was murder.", marks=ALERTS),
    pytest.param("My feet are killing me after the hike.", marks=ALERTS),
    # Ordinary questions about medication: in the training split, medication words are in
    # 10% of `high` messages (overdose plans) and 7% of `none` ones.
    pytest.param(
        "I forgot my antidepressant this morning. Is it okay to take it at lunch?", marks=ALERTS
    ),
    pytest.param(
        "The pharmacy was out of my prescription, can I pick it up tomorrow instead?",
        marks=RATED_HIGH,
    ),
    pytest.param("Should I take my sleeping pill before or after dinner?", marks=RATED_HIGH),
    "My doctor raised my dose to 100mg, when will I notice a difference?",
    "I keep forgetting my tablets, is there an app that reminds you?",
    "Does the new medication make anyone else feel sleepy?",
]


# Short check-in replies: common in real chats, absent from the synthetic cohort (2 of its
# 8,693 risk messages have four words or fewer: one low, one high).
SHORT_ALERTS = pytest.mark.xfail(
    strict=True, reason=f"{KNOWN}: rated 'none' but alerts (no short replies in the cohort)"
)
SHORT_REPLIES = [
    *(pytest.param(t, marks=SHORT_ALERTS) for t in ("ok", "fine", "thanks", "Thank you!")),
    *(pytest.param(t, marks=SHORT_ALERTS) for t in ("yes", "good", "I'm fine thanks")),
    pytest.param("Sounds good, see you Thursday.", marks=SHORT_ALERTS),
    pytest.param("Same as usual.", marks=SHORT_ALERTS),
    pytest.param("All good here.", marks=SHORT_ALERTS),
    "not bad",
    "tired",
    "Doing okay today.",
]


@pytest.mark.parametrize("text", [*HARD_NEGATIVES, *SHORT_REPLIES])
def test_minimum_functionality_hard_negatives_raise_no_alert(risk, text):
    out = risk.predict(pl.DataFrame({"text": [text]}))
    assert not out["alert"][0], out.select("risk_level", "alert").to_dicts()
    assert out["risk_level"][0] in {"none", "low"}


def test_minimum_functionality_short_urgent_messages_alert(risk):
    """The other side of the short replies: a fix for their alerts must keep these."""
    texts = [
        "I'm done.",
        "Goodbye everyone.",
        "I can't do this anymore.",
        "I'm not safe tonight.",
        "I want to die.",
        "I have the pills.",
        "This is my last message.",
    ]
    out = risk.predict(pl.DataFrame({"text": texts}))
    assert out["alert"].all(), dict(zip(texts, out["alert"].to_list(), strict=True))


def test_minimum_functionality_explicit_plans_alert(risk):
    texts = [
        "I've written my goodbye letters and I'm going to jump off the bridge tonight.",
        "I bought a rope today. I know exactly where I'll do it.",
    ]
    assert risk.predict(pl.DataFrame({"text": texts}))["alert"].all()


def test_empathy_exploring_reply_scores_above_a_dismissive_one(empathy):
    seeker = "I lost my job today and I don't know how to tell my family."
    frame = pl.DataFrame(
        {
            "seeker": [seeker, seeker],
            "response": [
                "I'm so sorry, that sounds really frightening. What worries you most about "
                "telling them?",
                "Ok.",
            ],
        }
    )
    out = empathy.predict(frame)
    assert out["empathy_score"][0] > out["empathy_score"][1]
    assert out["explorations"][0] >= 1
    assert out["explorations"][1] == 0
