"""What each model predicts: its heads, their classes and the dataset columns they read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipelines.core.vocab import EMPATHY_LEVELS, RISK_LEVELS
from pipelines.core.vocab import EMPATHY_MECHANISMS as MECHANISMS

MODELS = Path("data/models")  # data/models/<task>: what the train stage writes


@dataclass(frozen=True)
class Head:
    """One classification head: the output field, its class names and its label column."""

    name: str
    classes: tuple[str, ...]
    label_column: str


@dataclass(frozen=True)
class Task:
    """A model is configuration: which heads, which text inputs, which registry name."""

    name: str
    heads: tuple[Head, ...]
    inputs: tuple[str, ...]
    registered_name: str


TASKS: dict[str, Task] = {
    "risk": Task(
        name="risk",
        heads=(Head("risk_level", RISK_LEVELS, "label"),),
        inputs=("text",),
        registered_name="risk-classifier",
    ),
    "empathy": Task(
        name="empathy",
        heads=tuple(Head(m, EMPATHY_LEVELS, m) for m in MECHANISMS),
        inputs=("seeker", "response"),
        registered_name="empathy-classifier",
    ),
}


def urgent_probability(probs: np.ndarray) -> np.ndarray:
    """P(moderate or high) from (records, 4) risk probabilities: what the alert thresholds."""
    return probs[:, 2] + probs[:, 3]


def empathy_score(probs: Sequence[np.ndarray]) -> np.ndarray:
    """Expected sum of the three mechanism levels (0-6) from their (records, 3) probabilities."""
    return sum(p @ np.arange(3.0) for p in probs)
