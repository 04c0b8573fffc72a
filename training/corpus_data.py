"""Training rows from the de-identified real corpora (`paths.processed/corpora`, written by
the corpora stage): only their train and validation splits, so a corpus's test groups stay
unseen by training, early stopping, calibration and the alert threshold.

- Empathy: EPITOME pairs, as they are.
- Risk, ordinary chat: ESConv seeker turns are `none`, except turns with explicit risk
  language (the corpus is unlabelled for risk), which are left out.
- Risk, C-SSRS: labels belong to users, not posts (multiple-instance data). A supportive
  user's windows are `none` (they write about suicide to help others: the hard negatives).
  An at-risk user's label is given to their `top_windows` windows with the most explicit risk
  language (a positive bag holds at least one positive instance); their other windows, which
  may well be ordinary, are not used.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.core.vocab import EMPATHY_MECHANISMS, RISK_LEVELS
from training.risk_lexicon import risk_score
from training.windows import window_frame

FIT_SPLITS = ("train", "validation")
NONE_WINDOWS_PER_USER = 20


def _read(folder: Path, name: str) -> pl.DataFrame | None:
    path = folder / f"{name}.parquet"
    if not path.is_file():
        return None
    return pl.read_parquet(path).filter(pl.col("split").is_in(FIT_SPLITS))


def empathy_rows(folder: Path) -> pl.DataFrame | None:
    """EPITOME pairs in the empathy frame's columns plus split and source."""
    pairs = _read(folder, "epitome")
    if pairs is None or pairs.is_empty():
        return None
    return pairs.select(
        pl.col("pair_id").alias("message_id"),
        pl.col("group_id").alias("patient_id"),
        "seeker",
        "response",
        *EMPATHY_MECHANISMS,
        "split",
        source=pl.lit("epitome"),
    )


def _ordinary_turns(folder: Path) -> pl.DataFrame | None:
    turns = _read(folder, "esconv")
    if turns is None:
        return None
    seeker = turns.filter(pl.col("speaker") == "seeker")
    explicit = seeker["text"].map_elements(risk_score, return_dtype=pl.Float64) > 0
    return seeker.filter(~explicit).select(
        pl.concat_str("conversation_id", pl.lit(":"), pl.col("turn").cast(pl.String)).alias(
            "message_id"
        ),
        pl.col("conversation_id").alias("patient_id"),
        "text",
        "split",
        label=pl.lit(0, dtype=pl.Int64),
        source=pl.lit("esconv"),
    )


def _cssrs_windows(folder: Path, window_words: int, top_windows: int) -> pl.DataFrame | None:
    users, posts = _read(folder, "cssrs_users"), _read(folder, "cssrs_posts")
    if users is None or posts is None:
        return None
    posts = posts.with_columns(
        pl.concat_str("user_id", pl.lit(":"), pl.col("post_index").cast(pl.String)).alias("pid")
    )
    win = window_frame(posts, "pid", window_words).join(posts.select("pid", "user_id"), on="pid")
    win = win.join(users.select("user_id", "level", "split"), on="user_id").with_columns(
        score=pl.col("text").map_elements(risk_score, return_dtype=pl.Float64),
        message_id=pl.concat_str("pid", pl.lit(":w"), pl.col("window").cast(pl.String)),
    )
    ranked = win.sort("user_id", "score", "message_id", descending=[False, True, False])
    keep = (
        pl.when(pl.col("level") == "none")
        .then(pl.int_range(pl.len()).over("user_id") < NONE_WINDOWS_PER_USER)
        .otherwise(pl.int_range(pl.len()).over("user_id") < top_windows)
    )
    return ranked.filter(keep).select(
        "message_id",
        pl.col("user_id").alias("patient_id"),
        "text",
        "split",
        label=pl.col("level").replace_strict(
            {lv: i for i, lv in enumerate(RISK_LEVELS)}, return_dtype=pl.Int64
        ),
        source=pl.lit("cssrs"),
    )


def risk_rows(folder: Path, window_words: int, top_windows: int = 3) -> pl.DataFrame | None:
    """ESConv ordinary turns and C-SSRS windows in the risk frame's columns (context empty)
    plus split and source; None when neither corpus is there."""
    parts = [
        p
        for p in (_ordinary_turns(folder), _cssrs_windows(folder, window_words, top_windows))
        if p is not None and not p.is_empty()
    ]
    if not parts:
        return None
    rows = pl.concat(parts)
    return rows.select(
        "message_id",
        "patient_id",
        pl.lit("").alias("context"),
        pl.exclude("message_id", "patient_id"),
    )
