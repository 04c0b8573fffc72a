"""Word banks kept as data files (YAML, CSV): read them and check their shape.

Packages keep their word lists next to their code (e.g. `pipelines/synth/banks/*.yaml`) and
read them through these helpers, so a malformed bank fails with the file and key at fault.
Lists come back as tuples and mappings in the file's order: positions in a bank can be ids.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from pipelines.core.errors import UserError

SHARE_TOLERANCE = 1e-9


class BankError(UserError):
    """A word bank file is missing or malformed; the message names the file and the key."""


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe YAML loader (libyaml's when installed) that refuses a key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Any:
    """The parsed YAML file; a missing file, bad syntax or a doubled key raises BankError."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise BankError(f"word bank {path}: cannot be read ({err.strerror})") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # a safe loader: plain data only
    except yaml.MarkedYAMLError as err:
        line = f", line {err.problem_mark.line + 1}" if err.problem_mark else ""
        raise BankError(f"word bank {path.name}{line}: {err.problem}") from None
    except yaml.YAMLError as err:
        raise BankError(f"word bank {path.name}: not valid YAML ({err})") from None


def read_csv(path: Path, columns: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Rows of a CSV file with a header, as tuples of the named columns (all non-empty).

    The header must start with `columns`; further columns (notes) are allowed and dropped."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
    except OSError as err:
        raise BankError(f"word bank {path}: cannot be read ({err.strerror})") from None
    if not rows or tuple(rows[0][: len(columns)]) != tuple(columns):
        found = ", ".join(rows[0]) if rows else "nothing"
        raise BankError(
            f"word bank {path.name}: the header must start with {', '.join(columns)}; "
            f"found {found}"
        )
    out = []
    for line, row in enumerate(rows[1:], start=2):
        values = tuple(row[: len(columns)])
        missing = [c for i, c in enumerate(columns) if i >= len(values) or not values[i].strip()]
        if missing:
            raise BankError(f"word bank {path.name}, line {line}: no {', '.join(missing)}")
        out.append(values)
    if not out:
        raise BankError(f"word bank {path.name}: no rows below the header")
    return tuple(out)


def at(where: str, key: Any) -> str:
    """The location of `key` inside `where` (a file name or a location), for messages."""
    return f"{where}, key {key!r}"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false (YAML reads yes/no/on/off unquoted as true/false: quote it)"
    if isinstance(value, int | float):
        return "a number (quote it to make it text)"
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text"}.get(type(value), type(value).__name__)


def section(data: Any, key: str, where: str) -> Any:
    """`data[key]` of a bank that must be a mapping, or BankError naming the missing key."""
    if not isinstance(data, dict):
        raise BankError(f"word bank {where}: expected a mapping of keys, found {_kind(data)}")
    if key not in data:
        raise BankError(f"word bank {where}: no key {key!r}")
    return data[key]


def words(value: Any, where: str) -> tuple[str, ...]:
    """A non-empty list of non-empty texts, as a tuple in file order."""
    if not isinstance(value, list) or not value:
        problem = "an empty list" if value == [] else _kind(value)
        raise BankError(f"word bank {where}: expected a non-empty list of texts, found {problem}")
    for i, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            found = "empty text" if isinstance(item, str) else _kind(item)
            raise BankError(f"word bank {where}, item {i}: expected text, found {found}")
    return tuple(value)


def word_lists(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    """A non-empty mapping of text keys to non-empty lists of texts, in file order."""
    if not isinstance(value, dict) or not value:
        problem = "an empty mapping" if value == {} else _kind(value)
        raise BankError(f"word bank {where}: expected a mapping of keys to lists, found {problem}")
    out = {}
    for key, items in value.items():
        if not isinstance(key, str):
            raise BankError(f"word bank {at(where, key)}: the key must be text, not {_kind(key)}")
        out[key] = words(items, at(where, key))
    return out


def shares(value: Any, where: str, labels: Iterable[str] | None = None) -> dict[str, float]:
    """A mapping of labels to probabilities that sum to 1, in file order.

    With `labels`, the mapping must name exactly those labels (in any order)."""
    if not isinstance(value, dict) or not value:
        problem = "an empty mapping" if value == {} else _kind(value)
        raise BankError(
            f"word bank {where}: expected a mapping of labels to probabilities, found {problem}"
        )
    for label, p in value.items():
        if not isinstance(label, str):
            raise BankError(f"word bank {at(where, label)}: the label must be text")
        if isinstance(p, bool) or not isinstance(p, int | float) or not 0 <= p <= 1:
            raise BankError(
                f"word bank {at(where, label)}: expected a probability between 0 and 1, "
                f"found {p!r}"
            )
    total = math.fsum(value.values())
    if abs(total - 1) > SHARE_TOLERANCE:
        raise BankError(f"word bank {where}: the probabilities sum to {total:.6g}, not 1")
    if labels is not None:
        check_labels(value, labels, where)
    return {label: float(p) for label, p in value.items()}


def check_labels(found: Iterable[str], expected: Iterable[str], where: str) -> None:
    """Raise BankError unless `found` names exactly the `expected` labels (in any order)."""
    found, expected = list(found), list(expected)
    missing = [x for x in expected if x not in found]
    extra = [x for x in found if x not in expected]
    if missing or extra:
        raise BankError(
            f"word bank {where}: the keys must be {', '.join(expected)}"
            + (f"; missing {', '.join(missing)}" if missing else "")
            + (f"; unknown {', '.join(extra)}" if extra else "")
        )
