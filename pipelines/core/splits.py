"""Stable, seeded assignment of groups (patients, authors, conversations) to data splits."""

from __future__ import annotations

import hashlib


def stable_unit(seed: int, salt: str, key: str) -> float:
    """A stable pseudo-random number in [0, 1) for a key (same on every machine and run)."""
    digest = hashlib.sha256(f"{seed}:{salt}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def group_split(key: str, seed: int, test_share: float, validation_share: float) -> str:
    """train, validation or test for a whole group: everything with one key lands together."""
    if stable_unit(seed, "test", key) < test_share:
        return "test"
    if stable_unit(seed, "validation", key) < validation_share:
        return "validation"
    return "train"
