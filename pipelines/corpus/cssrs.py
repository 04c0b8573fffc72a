"""The Reddit C-SSRS suicide dataset (Gaur et al., WWW 2019): one row per user, `User, Post,
Label`, where `Post` is a Python-list literal of the user's posts and `Label` the user's
clinician-adjudicated C-SSRS level (Supportive, Indicator, Ideation, Behavior, Attempt)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import polars as pl

from pipelines.corpus.common import CorpusError, first_bad_row, read_csv, require_file

# C-SSRS levels onto CareBridge's risk levels (the corpus README's mapping).
LEVEL_OF_LABEL = {
    "Supportive": "none",
    "Indicator": "low",
    "Ideation": "moderate",
    "Behavior": "high",
    "Attempt": "high",
}
# Between two items of a list literal: a closing quote, a comma, an opening quote.
_ITEM_BREAK = re.compile(r"""(?<=['"]),\s*(?=['"])""")


def parse_posts(cell: str) -> list[str] | None:
    """The posts in a `Post` cell. A cell whose quotes break a plain literal parse, or that was
    cut off at a spreadsheet's cell limit (no closing bracket), is split on the separators
    between items instead; None when it is not a list at all."""
    text = cell.strip()
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        value = None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v for v in value if v.strip()]
    if not text.startswith("["):
        return None
    inner = text[1:].removesuffix("]").strip()
    items = [s.strip() for s in _ITEM_BREAK.split(inner)] if inner else []
    posts = [s[1:] if s[:1] in ("'", '"') else s for s in items]
    posts = [s[:-1] if s[-1:] in ("'", '"') else s for s in posts]
    return [p.replace("\\'", "'").replace('\\"', '"') for p in posts if p.strip()]


def read_cssrs(folder: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(users, posts): users with user_id, label and risk level; one row per post with
    user_id, post_index and text."""
    path = require_file(folder, "*.csv", "cssrs")
    df = read_csv(path, ("User", "Post", "Label"))
    bad = first_bad_row(
        df, ~pl.col("Label").is_in(list(LEVEL_OF_LABEL)) | pl.col("Label").is_null()
    )
    if bad is not None:
        raise CorpusError(
            f"{path}: row {bad}, column 'Label': must be one of {', '.join(LEVEL_OF_LABEL)}"
        )
    bad = first_bad_row(df, pl.col("User").is_null() | pl.col("User").is_duplicated())
    if bad is not None:
        raise CorpusError(f"{path}: row {bad}, column 'User': empty or repeated user")
    posts: list[tuple[str, int, str]] = []
    for row, (user, cell) in enumerate(zip(df["User"], df["Post"], strict=True), 1):
        parsed = parse_posts(cell or "")
        if not parsed:
            raise CorpusError(f"{path}: row {row}, column 'Post': not a list of posts")
        posts.extend((user, i, text) for i, text in enumerate(parsed))
    users = df.select(
        pl.concat_str(pl.lit("cssrs:"), "User").alias("user_id"),
        pl.col("Label").alias("label"),
        pl.col("Label").replace_strict(LEVEL_OF_LABEL).alias("level"),
    )
    post_frame = pl.DataFrame(
        posts, schema={"user_id": pl.String, "post_index": pl.Int64, "text": pl.String},
        orient="row",
    ).with_columns(pl.concat_str(pl.lit("cssrs:"), "user_id").alias("user_id"))  # fmt: skip
    return users, post_frame
