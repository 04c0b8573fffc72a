"""EPITOME (Sharma et al., EMNLP 2020): Reddit seeker posts and replies, each reply rated 0/1/2
on three empathy mechanisms, one CSV per mechanism:
`{emotional-reactions,interpretations,explorations}-reddit.csv` with columns
`sp_id, rp_id, seeker_post, response_post, level, rationales`."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.core.vocab import EMPATHY_MECHANISMS
from pipelines.corpus.common import CorpusError, first_bad_row, read_csv

FILES = {
    "emotional_reactions": "emotional-reactions-reddit.csv",
    "interpretations": "interpretations-reddit.csv",
    "explorations": "explorations-reddit.csv",
}
COLUMNS = ("sp_id", "rp_id", "seeker_post", "response_post", "level")


def _mechanism(folder: Path, mechanism: str) -> pl.DataFrame:
    path = folder / FILES[mechanism]
    if not path.is_file():
        raise CorpusError(f"corpora.epitome: {path} not found (EPITOME's Reddit CSV)")
    df = read_csv(path, COLUMNS)
    bad = first_bad_row(df, ~pl.col("level").is_in(["0", "1", "2"]) | pl.col("level").is_null())
    if bad is not None:
        raise CorpusError(f"{path}: row {bad}, column 'level': must be 0, 1 or 2")
    bad = first_bad_row(df, pl.any_horizontal(pl.col(COLUMNS[:4]).is_null()))
    if bad is not None:
        raise CorpusError(f"{path}: row {bad}: empty id or text")
    # The published files repeat some pairs; a repeat with another level is ambiguous and
    # left out, an exact repeat counts once.
    pair = ["sp_id", "rp_id"]
    consistent = pl.col("level").n_unique().over(pair) == 1
    return (
        df.filter(consistent)
        .unique(pair, keep="first", maintain_order=True)
        .select(*pair, "seeker_post", "response_post", pl.col("level").cast(pl.Int64))
        .rename({"level": mechanism})
    )


def read_epitome(folder: Path) -> pl.DataFrame:
    """One row per (seeker post, reply) rated on all three mechanisms: pair_id, group_id (the
    seeker post: replies to one post share a split), seeker, response and the three levels.
    Pairs rated on only some mechanisms are left out."""
    frames = [_mechanism(folder, m) for m in EMPATHY_MECHANISMS]
    joined = frames[0]
    for other in frames[1:]:
        joined = joined.join(
            other.drop("seeker_post", "response_post"), on=["sp_id", "rp_id"], how="inner"
        )
    return joined.select(
        pl.concat_str(pl.lit("epitome:"), "sp_id", pl.lit(":"), "rp_id").alias("pair_id"),
        pl.concat_str(pl.lit("epitome:"), "sp_id").alias("group_id"),
        pl.col("seeker_post").alias("seeker"),
        pl.col("response_post").alias("response"),
        *EMPATHY_MECHANISMS,
    ).sort("pair_id")
