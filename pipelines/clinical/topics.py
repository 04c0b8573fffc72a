"""Trigger topics in de-identified patient messages, by word lists (one regex per topic).

A topic is mentioned when any of its words occurs as a whole word, in any case. Identifier
tags (`<PERSON>`) never match. The word lists are `data/topics.yaml`: written from general
clinical knowledge of what patients bring to sessions, not fitted to the synthetic cohort;
how well they agree with the generator's topic labels is measured by the `summaries` stage
(held-out side).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import polars as pl

from pipelines.core.banks import check_labels, read_yaml, word_lists
from pipelines.core.vocab import TOPICS

__all__ = ["TOPICS", "topic_flags", "topic_pattern", "topic_words"]

TOPIC_FILE = Path(__file__).with_name("data") / "topics.yaml"


@cache
def topic_words() -> dict[str, tuple[str, ...]]:
    """Each topic's words, topics in `TOPICS` order (checked against `data/topics.yaml`)."""
    words = word_lists(read_yaml(TOPIC_FILE), TOPIC_FILE.name)
    check_labels(words, TOPICS, TOPIC_FILE.name)
    return {topic: words[topic] for topic in TOPICS}


def topic_pattern(words: tuple[str, ...]) -> str:
    """A case-insensitive whole-word regex for any of `words`."""
    alternatives = "|".join(sorted((w.replace(" ", r"\s+") for w in words), key=len, reverse=True))
    return rf"(?i)\b(?:{alternatives})\b"


def topic_flags(text: pl.Expr) -> list[pl.Expr]:
    """One boolean expression per topic: the text mentions it."""
    return [
        text.str.contains(topic_pattern(words)).fill_null(False).alias(topic)
        for topic, words in topic_words().items()
    ]
