"""Long texts scored in windows: a post is cut into runs of whole sentences of at most
`max_words` words (a longer sentence is cut by words), each window is scored, and the text's
P(urgent) is the highest window's. Nothing is lost to truncation at the token limit, and
one urgent sentence inside a long post still counts."""

from __future__ import annotations

import re

import numpy as np
import polars as pl

# A sentence ends at . ! ? or a line break (runs of them), followed by space.
_SENTENCE_END = re.compile(r"(?<=[.!?\n])\s+|\n+")


def sentences(text: str) -> list[str]:
    """The text's sentences, stripped, empty ones dropped."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def windows(text: str, max_words: int) -> list[str]:
    """Consecutive sentences packed into windows of at most `max_words` words (at least one
    window, even for an empty text)."""
    out: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in sentences(text):
        words = sentence.split()
        while len(words) > max_words:  # a sentence longer than a window: cut by words
            if current:
                out.append(" ".join(current))
                current, count = [], 0
            out.append(" ".join(words[:max_words]))
            words = words[max_words:]
        if count + len(words) > max_words and current:
            out.append(" ".join(current))
            current, count = [], 0
        current.append(" ".join(words))
        count += len(words)
    if current:
        out.append(" ".join(current))
    return out or [text.strip()]


def window_frame(frame: pl.DataFrame, id_column: str, max_words: int) -> pl.DataFrame:
    """One row per window of each text: `id_column`, `window` (0-based) and `text`."""
    rows = [
        (rid, i, w)
        for rid, text in zip(frame[id_column], frame["text"], strict=True)
        for i, w in enumerate(windows(text or "", max_words))
    ]
    schema = {id_column: frame.schema[id_column], "window": pl.Int64, "text": pl.String}
    return pl.DataFrame(rows, schema=schema, orient="row")


def max_by(ids: pl.Series, scores: np.ndarray) -> pl.DataFrame:
    """The highest score per id (a text's windows, or a user's posts), in first-seen order."""
    return (
        pl.DataFrame({"id": ids, "score": scores})
        .group_by("id", maintain_order=True)
        .agg(pl.col("score").max())
    )
