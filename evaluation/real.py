"""Real-text figures beside the synthetic test metrics: pure functions the evaluate stage calls.

When `python -m pipelines.corpora` has written de-identified corpora to
`paths.processed/corpora/`, `python -m evaluation.evaluate risk|empathy` adds a `real` section
to `reports/evaluate_<task>.json`, on each corpus's test split only:

- empathy (EPITOME): per-mechanism macro-F1 and accuracy of the model, of a TF-IDF baseline
  fitted on EPITOME's train split and of a majority-class guess, beside the published figure;
- risk (Reddit C-SSRS): user-level AUROC of at-risk (Ideation, Behavior, Attempt) against
  supportive users, a user's score being their highest window over all their posts, the
  share alerted in each group, and the same AUROC for a transparent keyword reference;
- risk (ESConv): the share alerted among ordinary seeker turns (turns the keyword reference
  flags as risk content left out and counted), among short turns, and among a fixed list
  of short check-ins written here.

Every figure carries its n. No text or identifier leaves these functions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import polars as pl

from training.tasks import MECHANISMS, urgent_probability
from training.windows import max_by, window_frame

log = logging.getLogger("carebridge.evaluate")

SPLIT = "test split of the development shares (groups held out by pipelines/corpora)"
# The files each corpus needs, per task.
CORPUS_FILES: dict[str, dict[str, tuple[str, ...]]] = {
    "empathy": {"epitome": ("epitome",)},
    "risk": {"cssrs": ("cssrs_users", "cssrs_posts"), "esconv": ("esconv",)},
}
PUBLISHED = {
    "epitome": {
        "mean_macro_f1": 0.70,
        "source": "Sharma et al. 2020, RoBERTa bi-encoder, about 0.63-0.75 per mechanism",
    },
    "cssrs": {"auroc": 0.78, "source": "Gaur et al., PLOS ONE 2021"},
}
AT_RISK_LEVELS = ("moderate", "high")
SHORT_TURN_WORDS = 4
# Short ordinary check-ins, written for this report (not corpus text).
CHECK_INS = (
    "ok",
    "thanks",
    "hey there",
    "fine",
    "yes",
    "good",
    "not bad",
    "same as usual",
    "thank you!",
    "i'm fine thanks",
)
# Keyword reference: (pattern, weight). Self-directed phrases weigh 1, bare risk words 0.5;
# figures of speech ("this exam is killing me") match nothing.
KEYWORDS: tuple[tuple[str, float], ...] = (
    (r"kill(ing)? myself", 1.0),
    (r"end(ing)? my (own )?life", 1.0),
    (r"take my (own )?life", 1.0),
    (r"(want|wanted|wanting|wanna) (to )?die", 1.0),
    (r"better off dead", 1.0),
    (r"no reason to (live|go on)", 1.0),
    (r"(cut|cutting|hurt|hurting|harm|harming|hang|hanging) myself", 1.0),
    (r"end it all", 1.0),
    (r"suicid(e|es|al)", 0.5),
    (r"overdos(e|ed|es|ing)", 0.5),
    (r"self[- ]?harm(ing)?", 0.5),
)
# A window without a first-person word counts half (talk about others, news, fiction).
OTHER_PERSON_FACTOR = 0.5
_KEYWORDS = tuple((re.compile(rf"\b(?:{p})\b"), w) for p, w in KEYWORDS)
_FIRST_PERSON = re.compile(r"\b(i|i'm|im|i've|i'd|i'll|me|my|myself|mine)\b")

Baseline = Callable[[tuple[list[str], np.ndarray], Sequence[list[str]], bool, int], list]


class Scorer(Protocol):
    """What these functions need of a predictor: calibrated probabilities and, for risk, the
    alert threshold."""

    alert_threshold: float | None

    def probabilities(
        self, first: list[str], second: list[str] | None = None
    ) -> list[np.ndarray]: ...


# ---- which corpora are there ---------------------------------------------------------------
def corpora_present(folder: Path, task: str) -> dict[str, dict[str, Path]]:
    """The task's corpora whose files all exist under `folder` (corpus -> table -> path)."""
    out = {}
    for corpus, tables in CORPUS_FILES[task].items():
        paths = {t: Path(folder) / f"{t}.parquet" for t in tables}
        if all(p.is_file() for p in paths.values()):
            out[corpus] = paths
    return out


# ---- keyword reference ---------------------------------------------------------------------
def keyword_score(text: str) -> float:
    """Keyword reference score in [0, 1]: matched weights summed (at most 1), halved when the
    text has no first-person word."""
    t = text.lower().replace("\u2019", "'")
    raw = min(1.0, sum(w for pattern, w in _KEYWORDS if pattern.search(t)))
    return raw if _FIRST_PERSON.search(t) else raw * OTHER_PERSON_FACTOR


# ---- scoring -------------------------------------------------------------------------------
def urgent_scores(predictor: Scorer, texts: list[str], chunk: int = 1024) -> np.ndarray:
    """P(moderate or high) of each text, in chunks (each one batched call) with a progress bar."""
    from tqdm.auto import tqdm

    out = np.zeros(len(texts))
    starts = range(0, len(texts), chunk)
    for s in tqdm(starts, desc="real-text windows", unit="chunk", disable=len(starts) < 2):
        out[s : s + chunk] = urgent_probability(predictor.probabilities(texts[s : s + chunk])[0])
    return out


def window_scores(
    predictor: Scorer, frame: pl.DataFrame, id_column: str, window_words: int
) -> pl.DataFrame:
    """Per id: `score` (model, highest window), `keyword` (reference, highest window) and
    `windows`, over every text of that id (a frame of `id_column`, `text`)."""
    win = window_frame(frame.select(id_column, "text"), id_column, window_words)
    texts = win["text"].to_list()
    model = max_by(win[id_column], urgent_scores(predictor, texts))
    keyword = max_by(win[id_column], np.array([keyword_score(t) for t in texts], dtype=float))
    counts = win.group_by(id_column).len("windows").rename({id_column: "id"})
    return (
        model.join(keyword.rename({"score": "keyword"}), on="id", maintain_order="left")
        .join(counts, on="id", maintain_order="left")
        .rename({"id": id_column})
    )


# ---- risk: C-SSRS users --------------------------------------------------------------------
def _share(mask: np.ndarray) -> float | None:
    return float(mask.mean()) if mask.size else None


def user_auroc(levels: Sequence[str], scores: np.ndarray) -> dict[str, Any]:
    """AUROC of at-risk (moderate, high) against supportive (none) users; `low` left out.
    None when either group is empty."""
    from sklearn.metrics import roc_auc_score

    lv = np.asarray(levels)
    keep = np.isin(lv, ("none", *AT_RISK_LEVELS))
    y = np.isin(lv[keep], AT_RISK_LEVELS)
    auc = float(roc_auc_score(y, np.asarray(scores)[keep])) if 0 < y.sum() < y.size else None
    return {"auroc": auc, "n": int(keep.sum())}


def alert_shares(levels: Sequence[str], scores: np.ndarray, threshold: float) -> dict:
    """Share alerted (score >= threshold) among at-risk and among supportive users, with n."""
    lv = np.asarray(levels)
    alert = np.asarray(scores) >= threshold
    groups = {"at_risk": np.isin(lv, AT_RISK_LEVELS), "supportive": lv == "none"}
    return {g: {"n": int(m.sum()), "alert_rate": _share(alert[m])} for g, m in groups.items()}


def cssrs_figures(
    users: pl.DataFrame, posts: pl.DataFrame, predictor: Scorer, window_words: int
) -> dict[str, Any]:
    """User-level AUROC (model and keyword reference) and alert shares on the test split."""
    test_users = users.filter(pl.col("split") == "test").select("user_id", "level")
    test_posts = posts.filter(pl.col("split") == "test").join(
        test_users.select("user_id"), on="user_id", how="semi"
    )
    scored = test_users.join(
        window_scores(predictor, test_posts, "user_id", window_words), on="user_id", how="inner"
    )
    levels = scored["level"].to_list()
    model, keyword = scored["score"].to_numpy(), scored["keyword"].to_numpy()
    out = {
        "users_scored": scored.height,
        "users_without_posts": test_users.height - scored.height,
        "posts": test_posts.height,
        "windows": int(scored["windows"].sum()),
        "indicator_users": int((scored["level"] == "low").sum()),
        "model": {
            **user_auroc(levels, model),
            **alert_shares(levels, model, _threshold(predictor)),
        },
        "keyword_reference": user_auroc(levels, keyword),
        "published": PUBLISHED["cssrs"],
    }
    m = out["model"]
    log.info(
        "real C-SSRS test (%d users, %d windows): AUROC %s (keyword reference %s, published "
        "0.78), alerted %s of %d at-risk and %s of %d supportive users",
        out["users_scored"], out["windows"], _fmt(m["auroc"]),
        _fmt(out["keyword_reference"]["auroc"]), _fmt(m["at_risk"]["alert_rate"]),
        m["at_risk"]["n"], _fmt(m["supportive"]["alert_rate"]), m["supportive"]["n"],
    )  # fmt: skip
    return out


def _threshold(predictor: Scorer) -> float:
    from pipelines.core.errors import UserError

    if predictor.alert_threshold is None:
        raise UserError("this risk model has no alert threshold (retrain it)")
    return float(predictor.alert_threshold)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


# ---- risk: ordinary turns ------------------------------------------------------------------
def ordinary_turn_figures(
    scores: np.ndarray, keyword: np.ndarray, words: np.ndarray, threshold: float
) -> dict[str, Any]:
    """Share alerted among turns the keyword reference does not flag (keyword score > 0 is
    risk content, left out and counted), and among the short ones (<= SHORT_TURN_WORDS)."""
    scores, words = np.asarray(scores), np.asarray(words)
    ordinary = np.asarray(keyword) <= 0
    alert = scores >= threshold
    short = ordinary & (words <= SHORT_TURN_WORDS)
    return {
        "turns": int(scores.size),
        "excluded_risk_content": int((~ordinary).sum()),
        "ordinary": {"n": int(ordinary.sum()), "alert_rate": _share(alert[ordinary])},
        "short": {
            "max_words": SHORT_TURN_WORDS,
            "n": int(short.sum()),
            "alert_rate": _share(alert[short]),
        },
    }


def esconv_figures(turns: pl.DataFrame, predictor: Scorer, window_words: int) -> dict[str, Any]:
    """Alert shares on ESConv's test-split seeker turns (see `ordinary_turn_figures`)."""
    seeker = (
        turns.filter((pl.col("split") == "test") & (pl.col("speaker") == "seeker"))
        .with_row_index("turn_id")
        .with_columns(pl.col("text").fill_null(""))
    )
    scored = seeker.select("turn_id", "text").join(
        window_scores(predictor, seeker, "turn_id", window_words), on="turn_id", how="left"
    )
    words = np.array([len(t.split()) for t in scored["text"]], dtype=int)
    out = {
        "conversations": seeker["conversation_id"].n_unique(),
        **ordinary_turn_figures(
            scored["score"].to_numpy(), scored["keyword"].to_numpy(), words, _threshold(predictor)
        ),
    }
    log.info(
        "real ESConv test (%d conversations, %d seeker turns, %d left out as risk content): "
        "alerted %s of %d ordinary turns, %s of %d short turns",
        out["conversations"], out["turns"], out["excluded_risk_content"],
        _fmt(out["ordinary"]["alert_rate"]), out["ordinary"]["n"],
        _fmt(out["short"]["alert_rate"]), out["short"]["n"],
    )  # fmt: skip
    return out


def check_in_figures(predictor: Scorer) -> dict[str, Any]:
    """Share of the fixed short check-ins (CHECK_INS) that raise an alert."""
    alert = urgent_scores(predictor, list(CHECK_INS)) >= _threshold(predictor)
    log.info("real check-ins: %d of %d short check-ins alerted", alert.sum(), alert.size)
    return {"n": len(CHECK_INS), "alerted": int(alert.sum()), "alert_rate": _share(alert)}


# ---- empathy: EPITOME ----------------------------------------------------------------------
def mechanism_scores(labels: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    """Macro-F1 over levels 0/1/2 and accuracy of one mechanism, with n."""
    from sklearn.metrics import accuracy_score, f1_score

    labels, pred = np.asarray(labels), np.asarray(pred)
    if labels.size == 0:
        return {"n": 0, "macro_f1": None, "accuracy": None}
    f1 = f1_score(labels, pred, labels=range(3), average="macro", zero_division=0)
    return {
        "n": int(labels.size),
        "macro_f1": float(f1),
        "accuracy": float(accuracy_score(labels, pred)),
    }


def empathy_scores(labels: dict[str, np.ndarray], preds: dict[str, np.ndarray]) -> dict:
    """`mechanism_scores` per mechanism and the mean of their macro-F1."""
    out: dict[str, Any] = {m: mechanism_scores(labels[m], preds[m]) for m in labels}
    f1s = [v["macro_f1"] for v in out.values() if v["macro_f1"] is not None]
    out["mean_macro_f1"] = float(np.mean(f1s)) if f1s else None
    return out


def _pair_text(frame: pl.DataFrame) -> list[str]:
    return [f"{s} [SEP] {r}" for s, r in zip(frame["seeker"], frame["response"], strict=True)]


def epitome_figures(
    pairs: pl.DataFrame, predictor: Scorer, baseline: Baseline, seed: int
) -> dict[str, Any]:
    """Model, TF-IDF baseline (fitted on the train split) and majority guess on the test split;
    a pair without a level for a mechanism is left out of that mechanism only."""
    pairs = pairs.with_columns(pl.col("seeker", "response").fill_null(""))
    train, test = (pairs.filter(pl.col("split") == s) for s in ("train", "test"))
    probs = predictor.probabilities(test["seeker"].to_list(), test["response"].to_list())
    labels, model, tfidf, majority = {}, {}, {}, {}
    test_text = np.array(_pair_text(test), dtype=object)
    train_text = np.array(_pair_text(train), dtype=object)
    for i, m in enumerate(MECHANISMS):
        keep = test[m].is_not_null().to_numpy()
        fit = train[m].is_not_null().to_numpy()
        y_train = train[m].to_numpy()[fit].astype(int)
        labels[m] = test[m].to_numpy()[keep].astype(int)
        model[m] = probs[i].argmax(axis=1)[keep]
        (p,) = baseline(
            (train_text[fit].tolist(), y_train), [test_text[keep].tolist()], True, seed
        )
        tfidf[m] = p.argmax(axis=1)
        majority[m] = np.full(keep.sum(), np.bincount(y_train, minlength=3).argmax())
    out = {
        "pairs": test.height,
        "train_pairs": train.height,
        "model": empathy_scores(labels, model),
        "tfidf_baseline": empathy_scores(labels, tfidf),
        "majority": empathy_scores(labels, majority),
        "published": PUBLISHED["epitome"],
    }
    log.info(
        "real EPITOME test (%d pairs): mean macro-F1 %s (TF-IDF %s, majority %s, published 0.70)",
        out["pairs"], _fmt(out["model"]["mean_macro_f1"]),
        _fmt(out["tfidf_baseline"]["mean_macro_f1"]), _fmt(out["majority"]["mean_macro_f1"]),
    )  # fmt: skip
    return out


# ---- the section ---------------------------------------------------------------------------
def real_section(
    task: str,
    folder: Path,
    predictor: Scorer,
    *,
    window_words: int,
    baseline: Baseline,
    seed: int,
) -> dict[str, Any] | None:
    """The `real` section of `evaluate_<task>.json`, or None when none of the task's corpora
    are under `folder`."""
    present = corpora_present(folder, task)
    if not present:
        return None
    out: dict[str, Any] = {"split": SPLIT}
    if "epitome" in present:
        pairs = pl.read_parquet(present["epitome"]["epitome"])
        out["epitome"] = epitome_figures(pairs, predictor, baseline, seed)
    if "cssrs" in present:
        users = pl.read_parquet(present["cssrs"]["cssrs_users"])
        posts = pl.read_parquet(present["cssrs"]["cssrs_posts"])
        out["cssrs"] = cssrs_figures(users, posts, predictor, window_words)
    if "esconv" in present:
        turns = pl.read_parquet(present["esconv"]["esconv"])
        out["esconv"] = esconv_figures(turns, predictor, window_words)
    if task == "risk":
        out["alert_threshold"] = _threshold(predictor)
        out["check_ins"] = check_in_figures(predictor)
    return out
