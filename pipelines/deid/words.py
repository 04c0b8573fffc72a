"""Word lists of the recognizers and the engine, read once from `conf/words.yaml`.

Each key of the file holds a non-empty list of strings, kept in the order written. A missing
key, a value that is not such a list, or an item that is not a string (YAML reads `no`, `on`
and `988` as other types unless quoted) raises `DeidError` naming the file and the key.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pipelines.core.banks import BankError, read_yaml
from pipelines.deid.errors import DeidError

WORDS_FILE = Path(__file__).parent / "conf" / "words.yaml"


@cache
def _read(path: Path) -> dict[str, Any]:
    """The parsed file (the project's one bank reader: a doubled key is refused too), read
    once per process and path."""
    if not path.is_file():
        raise DeidError(f"{path}: word lists cannot be read (no such file)")
    try:
        data = read_yaml(path)
    except BankError as err:
        raise DeidError(f"{path}: word lists are not valid YAML ({err})") from None
    if not isinstance(data, dict):
        raise DeidError(f"{path}: expected a mapping from list names to lists of words")
    return data


def word_list(key: str, path: Path = WORDS_FILE) -> tuple[str, ...]:
    """The strings listed under `key`, in file order."""
    data = _read(path)
    if key not in data:
        raise DeidError(f"{path}: word list '{key}' is missing")
    items = data[key]
    if not isinstance(items, list) or not items:
        raise DeidError(f"{path}: '{key}' must be a non-empty list of strings")
    seen: set[str] = set()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, str) or not item or item != item.strip():
            raise DeidError(
                f"{path}: '{key}' item {number} ({item!r}) is not a word: write text without "
                "surrounding spaces, and quote numbers, yes/no and on/off"
            )
        if item in seen:
            raise DeidError(f"{path}: '{key}' lists '{item}' twice (item {number})")
        seen.add(item)
    return tuple(items)


def word_set(key: str, path: Path = WORDS_FILE) -> frozenset[str]:
    """The words under `key` as a set; they must be lower case (they are compared with
    lower-cased text)."""
    items = word_list(key, path)
    upper = [number for number, item in enumerate(items, start=1) if item != item.lower()]
    if upper:
        raise DeidError(f"{path}: '{key}' item {upper[0]} is not lower case")
    return frozenset(items)


def alternation(*keys: str, flags: str = "", path: Path = WORDS_FILE) -> str:
    """One regex group of the entries under `keys`, tried in file order: `(?:a|b|c)`, or
    `(?-i:a|b|c)` with `flags="-i"`."""
    return f"(?{flags}:{'|'.join(item for key in keys for item in word_list(key, path))})"
