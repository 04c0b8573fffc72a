"""The corpora a user named, read, split by group and ready for de-identification.

Every text gets a `text_id` and the `group_id` it is split and de-identified by (EPITOME: the
seeker post; C-SSRS: the user; ESConv: the conversation), so nothing of one author or thread
lands on both sides of a split, and a name found once is removed wherever that group repeats
it."""

from __future__ import annotations

import polars as pl

from pipelines.core.params import CorporaParams
from pipelines.core.splits import group_split
from pipelines.corpus.common import MANIFEST as MANIFEST
from pipelines.corpus.cssrs import read_cssrs
from pipelines.corpus.epitome import read_epitome
from pipelines.corpus.esconv import read_esconv

TEXT_SCHEMA = {"text_id": pl.String, "group_id": pl.String, "text": pl.String}


def read_corpora(cp: CorporaParams) -> dict[str, pl.DataFrame]:
    """The tables of every corpus that names a folder: epitome, cssrs_users, cssrs_posts,
    esconv."""
    used = cp.used()
    tables: dict[str, pl.DataFrame] = {}
    if "epitome" in used:
        tables["epitome"] = read_epitome(used["epitome"])
    if "cssrs" in used:
        tables["cssrs_users"], tables["cssrs_posts"] = read_cssrs(used["cssrs"])
    if "esconv" in used:
        tables["esconv"] = read_esconv(used["esconv"])
    return tables


def texts_of(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Every corpus text as (text_id, group_id, text), the input of de-identification."""
    parts = [pl.DataFrame(schema=TEXT_SCHEMA)]
    if "epitome" in tables:
        e = tables["epitome"]
        for side in ("seeker", "response"):
            parts.append(
                e.select(
                    pl.concat_str("pair_id", pl.lit(f":{side}")).alias("text_id"),
                    "group_id",
                    pl.col(side).alias("text"),
                )
            )
    if "cssrs_posts" in tables:
        parts.append(
            tables["cssrs_posts"].select(
                pl.concat_str("user_id", pl.lit(":"), pl.col("post_index").cast(pl.String)).alias(
                    "text_id"
                ),
                pl.col("user_id").alias("group_id"),
                "text",
            )
        )
    if "esconv" in tables:
        parts.append(
            tables["esconv"].select(
                pl.concat_str(
                    "conversation_id", pl.lit(":"), pl.col("turn").cast(pl.String)
                ).alias("text_id"),
                pl.col("conversation_id").alias("group_id"),
                "text",
            )
        )
    return pl.concat(parts)


def _replace(frame: pl.DataFrame, key: pl.Expr, column: str, clean: pl.DataFrame) -> pl.DataFrame:
    """`column` replaced by its de-identified text; rows whose text was quarantined dropped."""
    return (
        frame.with_columns(key.alias("text_id"))
        .join(clean.rename({"text": f"{column}__clean"}), on="text_id", how="inner")
        .with_columns(pl.col(f"{column}__clean").alias(column))
        .drop("text_id", f"{column}__clean")
    )


def with_clean_text(tables: dict[str, pl.DataFrame], clean: pl.DataFrame) -> dict:
    """The tables with every text replaced by its de-identified version (text_id, text)."""
    clean = clean.select("text_id", "text")
    out = dict(tables)
    if "epitome" in out:
        for side in ("seeker", "response"):
            key = pl.concat_str("pair_id", pl.lit(f":{side}"))
            out["epitome"] = _replace(out["epitome"], key, side, clean)
    if "cssrs_posts" in out:
        key = pl.concat_str("user_id", pl.lit(":"), pl.col("post_index").cast(pl.String))
        out["cssrs_posts"] = _replace(out["cssrs_posts"], key, "text", clean)
    if "esconv" in out:
        key = pl.concat_str("conversation_id", pl.lit(":"), pl.col("turn").cast(pl.String))
        out["esconv"] = _replace(out["esconv"], key, "text", clean)
    return out


def with_splits(tables: dict[str, pl.DataFrame], cp: CorporaParams, seed: int) -> dict:
    """A `split` column on each table, drawn per group (seeker post, user, conversation)."""
    group_of = {
        "epitome": "group_id",
        "cssrs_users": "user_id",
        "cssrs_posts": "user_id",
        "esconv": "conversation_id",
    }

    def split(key: str) -> str:
        return group_split(key, seed, cp.test_share, cp.validation_share)

    return {
        name: df.with_columns(
            pl.col(group_of[name]).map_elements(split, return_dtype=pl.String).alias("split")
        )
        for name, df in tables.items()
    }
