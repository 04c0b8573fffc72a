"""Real corpora as training data: windows, multiple-instance rows, the alert policy."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from training.calibration import alert_policy, budget_threshold
from training.corpus_data import empathy_rows, risk_rows
from training.risk_lexicon import risk_score
from training.windows import max_by, windows


def test_windows_keep_every_word_in_order_and_respect_the_size():
    text = "I slept badly. " * 5 + "Then a very long sentence " + "word " * 30 + "ends here."
    out = windows(text, 12)
    assert all(len(w.split()) <= 12 for w in out)
    assert " ".join(out).split() == text.split()
    assert windows("ok", 12) == ["ok"]


def test_a_post_scores_as_its_most_urgent_window():
    ids = pl.Series(["a", "a", "b", "a"])
    got = max_by(ids, np.array([0.1, 0.9, 0.2, 0.3]))
    assert got.rows() == [("a", 0.9), ("b", 0.2)]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I want to die tonight", True),
        ("thinking about ending my life", True),
        ("this exam is killing me", False),
        ("hey there, work has been so stressful", False),
    ],
)
def test_the_lexicon_flags_explicit_risk_language_only(text, flagged):
    assert (risk_score(text) > 0) == flagged


def test_budget_threshold_alerts_at_most_the_budget():
    ordinary = np.linspace(0, 1, 101)
    t = budget_threshold(ordinary, 0.05)
    assert (ordinary >= t).mean() <= 0.05
    assert (ordinary >= np.nextafter(t, -np.inf) - 0.011).mean() > 0.05


def test_alert_policy_keeps_both_when_it_can():
    urgent_prob = np.array([0.9, 0.8, 0.85, 0.1, 0.2])
    urgent = np.array([1, 1, 1, 0, 0])
    ordinary = np.full(100, 0.05)
    got = alert_policy(urgent_prob, urgent, ordinary, 1.0, 0.0, 0.05)
    assert got["kept"] == "both"
    assert got["threshold"] == 0.8
    assert got["ordinary_alert_share_validation"] == 0.0


def test_alert_policy_keeps_recall_and_reports_the_budget_overrun():
    urgent_prob = np.array([0.9, 0.3, 0.85])
    urgent = np.array([1, 1, 1])
    ordinary = np.array([0.5] * 20 + [0.1] * 80)  # 20% of ordinary turns score over 0.3
    got = alert_policy(urgent_prob, urgent, ordinary, 1.0, 0.0, 0.05)
    assert got["threshold"] == 0.3
    assert got["kept"] == "recall"
    assert got["ordinary_alert_share_validation"] == 0.2
    assert got["budget_overrun"] == pytest.approx(0.15)


def test_alert_policy_says_when_the_budget_was_not_checked():
    got = alert_policy(np.array([0.9, 0.1]), np.array([1, 0]), None, 1.0, 0.0, 0.05)
    assert got["kept"].startswith("recall (no ordinary real chat")


@pytest.fixture
def corpora(tmp_path):
    """De-identified corpus tables as the corpora stage writes them."""
    folder = tmp_path / "corpora"
    folder.mkdir()
    pl.DataFrame(
        {
            "user_id": ["cssrs:u1", "cssrs:u2", "cssrs:u3"],
            "label": ["Supportive", "Ideation", "Attempt"],
            "level": ["none", "moderate", "high"],
            "split": ["train", "train", "test"],
        }
    ).write_parquet(folder / "cssrs_users.parquet")
    pl.DataFrame(
        {
            "user_id": ["cssrs:u1", "cssrs:u2", "cssrs:u2", "cssrs:u3"],
            "post_index": [0, 0, 1, 0],
            "text": [
                "Please stay, suicide is never the answer. We are here for you.",
                "Work was long. I cooked dinner. The weather was grey.",
                "I went to the shop. Honestly I want to die and I think about suicide a lot.",
                "I took an overdose last year.",
            ],
            "split": ["train", "train", "train", "test"],
        }
    ).write_parquet(folder / "cssrs_posts.parquet")
    pl.DataFrame(
        {
            "conversation_id": ["esconv:0"] * 3 + ["esconv:1"],
            "turn": [0, 1, 2, 0],
            "speaker": ["seeker", "supporter", "seeker", "seeker"],
            "text": ["hey there", "Hi! How can I help?", "I want to die", "ok thanks"],
            "problem_type": ["job crisis"] * 4,
            "split": ["validation", "validation", "validation", "test"],
        }
    ).write_parquet(folder / "esconv.parquet")
    return folder


def test_risk_rows_learn_from_the_right_instances_and_never_the_test_split(corpora):
    rows = risk_rows(corpora, window_words=8, top_windows=1)
    assert set(rows["split"]) <= {"train", "validation"}
    assert "cssrs:u3" not in set(rows["patient_id"])  # a test user
    esconv = rows.filter(pl.col("source") == "esconv")
    assert esconv["text"].to_list() == ["hey there"]  # explicit risk turn and supporter out
    assert (esconv["label"] == 0).all()
    u1 = rows.filter(pl.col("patient_id") == "cssrs:u1")
    assert u1.height >= 2 and (u1["label"] == 0).all()  # supportive: every window is none
    u2 = rows.filter(pl.col("patient_id") == "cssrs:u2")
    assert u2.height == 1 and u2["label"].to_list() == [2]  # its most explicit window
    assert "want to die" in u2["text"][0]
    assert rows.columns[:3] == ["message_id", "patient_id", "context"]


def test_no_corpora_no_rows(tmp_path):
    assert risk_rows(tmp_path, 60) is None
    assert empathy_rows(tmp_path) is None


class _KeywordPredictor:
    """A stand-in model: P(high) = 0.9 for a text that says "plan", else P(none) = 0.9."""

    window_words = 5

    def probabilities(self, texts):
        self.seen = list(texts)
        rows = [[0.02, 0.02, 0.06, 0.9] if "plan" in t else [0.9, 0.05, 0.03, 0.02] for t in texts]
        return [np.array(rows)]


def test_a_long_message_is_scored_by_its_most_urgent_window_and_a_short_one_as_is():
    from training.predict import Predictor

    fake = _KeywordPredictor()
    long = "Work was fine today. The bus was late again. I have a plan for tonight. Bye."
    probs = Predictor.windowed_risk(fake, ["ok thanks", long])
    assert probs.shape == (2, 4)
    assert probs[0].argmax() == 0 and probs[1].argmax() == 3
    assert fake.seen[0] == "ok thanks"  # a short text is scored exactly as given
    assert len(fake.seen) > 2  # the long one in several windows
    assert Predictor.windowed_risk(fake, []).shape == (0, 4)


def test_a_registered_version_is_tagged_with_the_data_it_learned_from(tmp_path, monkeypatch):
    import json

    import mlflow.tracking

    from training.train import _tag_training_data

    version_tags: dict[str, str] = {}

    class Client:
        def set_model_version_tag(self, name, version, key, value):
            assert (name, version) == ("risk-classifier", "3")
            version_tags[key] = value

    class Run:
        def set_tags(self, tags):
            self.tags = tags

    monkeypatch.setattr(mlflow.tracking, "MlflowClient", Client)
    (tmp_path / "manifest.json").write_text(json.dumps({"cssrs": "abc", "esconv": "def"}))
    run = Run()
    registry = {"registered_model": "risk-classifier", "version": "3"}
    _tag_training_data(run, registry, ["cohort", "cssrs", "esconv"], tmp_path)
    expected = {
        "training_data": "cohort+cssrs+esconv",
        "corpus.cssrs.md5": "abc",
        "corpus.esconv.md5": "def",
    }
    assert run.tags == expected and version_tags == expected
