"""Earlier turns of a conversation, given to a risk model trained to read them."""

from __future__ import annotations

import polars as pl


def with_context(transcripts: pl.DataFrame, turns: int) -> pl.DataFrame:
    """Add `context`: the `turns` messages before each one in its conversation, oldest first."""
    ordered = transcripts.sort("conversation_id", "turn")
    if turns == 0:
        return ordered.with_columns(context=pl.lit(""))
    shifted = [
        pl.col("text").shift(k).over("conversation_id").fill_null("") for k in range(turns, 0, -1)
    ]
    return ordered.with_columns(
        context=pl.concat_str(shifted, separator="\n").str.strip_chars("\n")
    )
