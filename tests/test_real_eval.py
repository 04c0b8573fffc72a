"""Real-text figures (evaluation/real.py) on tiny hand-made records with hand-computed answers."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from evaluation.real import (
    CHECK_INS,
    SPLIT,
    check_in_figures,
    corpora_present,
    cssrs_figures,
    epitome_figures,
    esconv_figures,
    keyword_score,
    mechanism_scores,
    ordinary_turn_figures,
    real_section,
    urgent_scores,
    user_auroc,
)
from training.tasks import MECHANISMS


class FakeRisk:
    """P(urgent) 0.9 for a text with "danger", 0.4 with "worry", else 0.05; records calls."""

    alert_threshold = 0.3

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def probabilities(self, first: list[str], second: list[str] | None = None) -> list:
        self.calls.append(list(first))
        p = np.array([0.9 if "danger" in t else 0.4 if "worry" in t else 0.05 for t in first])
        return [np.column_stack([1 - p, np.zeros_like(p), p / 2, p / 2])]


class FakeEmpathy:
    """Predicts, for every mechanism, the digit the response ends with."""

    alert_threshold = None

    def probabilities(self, first: list[str], second: list[str] | None = None) -> list:
        level = np.array([int(r[-1]) for r in second or []])
        return [np.eye(3)[level] for _ in MECHANISMS]


def _baseline_always_one(train, others, balanced, seed):
    return [np.tile([0.1, 0.8, 0.1], (len(t), 1)) for t in others]


# ---- C-SSRS users --------------------------------------------------------------------------
USERS = pl.DataFrame(
    {
        "user_id": ["u1", "u2", "u3", "u4", "u5", "u6"],
        "label": ["Ideation", "Supportive", "Attempt", "Supportive", "Indicator", "Behavior"],
        "level": ["moderate", "none", "high", "none", "low", "moderate"],
        "split": ["test", "test", "test", "test", "test", "train"],
    }
)
LONG = "We went out for a walk today. The park was busy and loud. There is danger tonight."
POSTS = pl.DataFrame(
    {
        "user_id": ["u1", "u1", "u2", "u3", "u4", "u5", "u6"],
        "post_index": [0, 1, 0, 0, 0, 0, 0],
        "text": [
            "Nice day.",
            LONG,
            "All good here.",
            "I worry a lot.",
            "A worry.",
            "Hm.",
            "danger",
        ],
        "split": ["test", "test", "test", "test", "test", "test", "train"],
    }
)


def test_a_users_score_is_their_highest_window_over_all_posts():
    fake = FakeRisk()
    out = cssrs_figures(USERS, POSTS, fake, window_words=8)
    assert len(fake.calls) == 1  # every window of every post in one batched call
    assert all(len(w.split()) <= 8 for w in fake.calls[0])
    assert "danger" not in " ".join(fake.calls[0][:1])  # the danger sits in a later window
    assert out["posts"] == 6 and out["windows"] == len(fake.calls[0]) == 8
    # user scores: u1 0.9 (long post's last window), u2 0.05, u3 0.4, u4 0.4; u5 (low) out.
    # at-risk {0.9, 0.4} vs supportive {0.05, 0.4}: (1 + 1 + 1 + 0.5) / 4
    assert out["model"]["auroc"] == pytest.approx(0.875)
    assert out["model"]["n"] == 4
    assert out["indicator_users"] == 1
    assert out["model"]["at_risk"] == {"n": 2, "alert_rate": 1.0}
    assert out["model"]["supportive"] == {"n": 2, "alert_rate": 0.5}
    assert out["users_scored"] == 5 and out["users_without_posts"] == 0
    assert out["published"]["auroc"] == 0.78


def test_chunked_scoring_keeps_the_input_order():
    fake = FakeRisk()
    texts = ["a", "danger", "b", "worry", "danger"]
    scores = urgent_scores(fake, texts, chunk=2)
    assert [len(c) for c in fake.calls] == [2, 2, 1]
    assert scores == pytest.approx([0.05, 0.9, 0.05, 0.4, 0.9])


def test_user_auroc_leaves_indicator_users_out_and_needs_both_groups():
    levels = ["moderate", "none", "low", "high", "none"]
    scores = np.array([0.8, 0.3, 0.99, 0.2, 0.1])
    # at-risk {0.8, 0.2} vs none {0.3, 0.1}: 0.8 beats both, 0.2 beats 0.1 only -> 3/4
    assert user_auroc(levels, scores) == {"auroc": 0.75, "n": 4}
    assert user_auroc(["none", "low"], np.array([0.1, 0.9])) == {"auroc": None, "n": 1}


# ---- keyword reference ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want to die", 1.0),
        ("I have been thinking about suicide", 0.5),
        ("The news covered a suicide", 0.25),  # no first person: halved
        ("He said he wanted to die", 0.5),
        ("I keep thinking about suicide and I want to die", 1.0),  # capped at 1
        ("Honestly I feel like ending my life", 1.0),
        ("I don\u2019t want to hurt myself again", 1.0),
        ("this exam is killing me", 0.0),
        ("I could kill for a coffee", 0.0),
        ("my boss is killing me with these deadlines", 0.0),
        ("I'm dying to see the new film", 0.0),
        ("", 0.0),
    ],
)
def test_keyword_reference(text, expected):
    assert keyword_score(text) == pytest.approx(expected)


def test_first_person_raises_the_keyword_score():
    assert keyword_score("my overdose last year") > keyword_score("an overdose last year") > 0


# ---- ordinary turns ------------------------------------------------------------------------
def test_ordinary_turn_share_leaves_risk_content_out():
    scores = np.array([0.9, 0.1, 0.5, 0.2, 0.8])
    keyword = np.array([0.0, 0.0, 1.0, 0.0, 0.25])
    words = np.array([3, 10, 2, 4, 5])
    out = ordinary_turn_figures(scores, keyword, words, threshold=0.5)
    assert out["turns"] == 5 and out["excluded_risk_content"] == 2
    assert out["ordinary"] == {"n": 3, "alert_rate": pytest.approx(1 / 3)}
    assert out["short"] == {"max_words": 4, "n": 2, "alert_rate": 0.5}


def test_esconv_figures_count_test_seeker_turns_only():
    turns = pl.DataFrame(
        {
            "conversation_id": ["c1", "c1", "c1", "c2", "c3"],
            "turn": [0, 1, 2, 0, 0],
            "speaker": ["seeker", "supporter", "seeker", "seeker", "seeker"],
            "text": ["hi, worry here", "danger", "I want to die", "ok then", "danger"],
            "problem_type": ["x"] * 5,
            "split": ["test", "test", "test", "test", "train"],
        }
    )
    out = esconv_figures(turns, FakeRisk(), window_words=60)
    assert out["conversations"] == 2 and out["turns"] == 3
    assert out["excluded_risk_content"] == 1
    assert out["ordinary"] == {"n": 2, "alert_rate": 0.5}  # "worry" alerts, "ok then" not
    assert out["short"]["n"] == 2


def test_check_ins_are_scored_together():
    fake = FakeRisk()
    out = check_in_figures(fake)
    assert out == {"n": len(CHECK_INS), "alerted": 0, "alert_rate": 0.0}
    assert fake.calls == [list(CHECK_INS)]


# ---- EPITOME -------------------------------------------------------------------------------
def test_mechanism_macro_f1_and_accuracy():
    # level 0: P 1, R 1/2 -> F1 2/3; level 1: P 1/2, R 1 -> 2/3; level 2: 1 -> macro 7/9
    out = mechanism_scores(np.array([0, 0, 1, 2]), np.array([0, 1, 1, 2]))
    assert out == {"n": 4, "macro_f1": pytest.approx(7 / 9), "accuracy": 0.75}
    assert mechanism_scores(np.array([]), np.array([]))["macro_f1"] is None


def test_epitome_figures_model_baselines_and_missing_levels():
    pairs = pl.DataFrame(
        {
            "pair_id": [f"p{i}" for i in range(6)],
            "group_id": [f"g{i}" for i in range(6)],
            "seeker": ["s"] * 6,
            "response": ["r0", "r0", "r2", "r0", "r1", "r2"],
            "emotional_reactions": [0, 0, 2, 0, 1, 2],
            "interpretations": [0, 0, 0, 0, 1, None],
            "explorations": [2, 2, 0, 0, 2, 0],
            "split": ["train", "train", "train", "test", "test", "test"],
        },
        schema_overrides={m: pl.Int64 for m in MECHANISMS},
    )
    out = epitome_figures(pairs, FakeEmpathy(), _baseline_always_one, seed=0)
    assert out["pairs"] == 3 and out["train_pairs"] == 3
    er = out["model"]["emotional_reactions"]
    assert er == {"n": 3, "macro_f1": 1.0, "accuracy": 1.0}
    assert out["model"]["interpretations"]["n"] == 2  # the pair without a level is left out
    # explorations: truth [0, 2, 0], model [0, 1, 2] -> level 0 F1 2/3, 1 and 2 F1 0
    assert out["model"]["explorations"]["macro_f1"] == pytest.approx(2 / 9)
    # majority of train: emotional_reactions 0 -> truth [0, 1, 2] -> F1 (0.5, 0, 0)
    assert out["majority"]["emotional_reactions"]["macro_f1"] == pytest.approx(1 / 6)
    # explorations' train majority is 2 -> accuracy 1/3 on truth [0, 2, 0]
    assert out["majority"]["explorations"]["accuracy"] == pytest.approx(1 / 3)
    assert out["tfidf_baseline"]["emotional_reactions"]["accuracy"] == pytest.approx(1 / 3)
    mean = np.mean([out["model"][m]["macro_f1"] for m in MECHANISMS])
    assert out["model"]["mean_macro_f1"] == pytest.approx(mean)
    assert out["published"]["mean_macro_f1"] == 0.70


# ---- when there is a section ---------------------------------------------------------------
def _section(task, folder, predictor, window_words=60):
    return real_section(task, folder, predictor, window_words=window_words, baseline=None, seed=0)


def test_no_corpora_files_no_real_section(tmp_path):
    assert _section("risk", tmp_path, FakeRisk()) is None
    assert _section("empathy", tmp_path / "absent", FakeEmpathy()) is None


def test_a_corpus_needs_all_its_files(tmp_path):
    USERS.write_parquet(tmp_path / "cssrs_users.parquet")
    assert corpora_present(tmp_path, "risk") == {}
    assert _section("risk", tmp_path, FakeRisk()) is None
    POSTS.write_parquet(tmp_path / "cssrs_posts.parquet")
    assert set(corpora_present(tmp_path, "risk")) == {"cssrs"}
    assert corpora_present(tmp_path, "empathy") == {}
    out = _section("risk", tmp_path, FakeRisk(), window_words=8)
    assert out["split"] == SPLIT
    assert set(out) == {"split", "cssrs", "alert_threshold", "check_ins"}
    assert out["cssrs"]["model"]["auroc"] == pytest.approx(0.875)


def test_evaluate_adds_no_real_key_without_corpora(tmp_path):
    from types import SimpleNamespace

    from evaluation.evaluate import _real
    from training.tasks import TASKS

    params = SimpleNamespace(
        paths=SimpleNamespace(processed=tmp_path),
        datasets=SimpleNamespace(window_words=60),
        seed=0,
    )
    assert _real(TASKS["risk"], params, FakeRisk()) == {}
    (tmp_path / "corpora").mkdir()
    USERS.write_parquet(tmp_path / "corpora" / "cssrs_users.parquet")
    POSTS.write_parquet(tmp_path / "corpora" / "cssrs_posts.parquet")
    assert _real(TASKS["empathy"], params, FakeEmpathy()) == {}
    assert set(_real(TASKS["risk"], params, FakeRisk())) == {"real"}
