"""The generator's word banks: `banks/<name>.yaml` and `banks/<name>.csv` next to this module.

Each accessor reads its bank once (cached), checks the shape it expects with
`pipelines.core.banks` (a malformed bank raises BankError naming the file and key) and returns
it in the file's order: positions are template ids and draw order, so editing a bank means
appending to it. Mappings come back read-only.

    banks.word_lists("phrases")                 # key -> alternatives
    banks.words("identifiers", "street_names")  # one list of a file
    banks.shares("cohort", "gender", labels=GENDERS)
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pipelines.core import banks as core
from pipelines.core.banks import BankError

FOLDER = Path(__file__).with_name("banks")
NAME_PARTS = ("first", "last")


def _section(name: str, keys: tuple[str, ...], folder: Path) -> tuple[Any, str]:
    """The value at `keys` inside YAML bank `name`, and its location for messages."""
    where = f"{name}.yaml"
    value = load(name, folder=folder)
    for key in keys:
        value = core.section(value, key, where)
        where = core.at(where, key)
    return value, where


@cache
def load(name: str, *, folder: Path = FOLDER) -> Any:
    """YAML bank `name` as parsed, unchecked (the other accessors check its parts)."""
    return core.read_yaml(folder / f"{name}.yaml")


@cache
def word_lists(name: str, *keys: str, folder: Path = FOLDER) -> Mapping[str, tuple[str, ...]]:
    """A mapping of keys to non-empty lists of texts: a whole bank, or the part at `keys`."""
    return MappingProxyType(core.word_lists(*_section(name, keys, folder)))


@cache
def words(name: str, *keys: str, folder: Path = FOLDER) -> tuple[str, ...]:
    """The non-empty list of texts at `keys` of bank `name`."""
    return core.words(*_section(name, keys, folder))


@cache
def shares(
    name: str, *keys: str, labels: tuple[str, ...] | None = None, folder: Path = FOLDER
) -> Mapping[str, float]:
    """Probabilities by label at `keys` of bank `name`; they sum to 1 and, given `labels`,
    name exactly those."""
    return MappingProxyType(core.shares(*_section(name, keys, folder), labels=labels))


@cache
def shares_by_group(
    name: str, *keys: str, labels: tuple[str, ...] | None = None, folder: Path = FOLDER
) -> Mapping[str, Mapping[str, float]]:
    """A mapping of groups to probabilities by label (each summing to 1) at `keys`; given
    `labels`, every label must be one of them."""
    value, where = _section(name, keys, folder)
    if not isinstance(value, dict) or not value:
        raise BankError(f"word bank {where}: expected a mapping of groups to probabilities")
    out = {}
    for group, probabilities in value.items():
        out[group] = MappingProxyType(core.shares(probabilities, core.at(where, group)))
        unknown = [x for x in out[group] if labels is not None and x not in labels]
        if unknown:
            raise BankError(f"word bank {core.at(where, group)}: unknown {', '.join(unknown)}")
    return MappingProxyType(out)


@cache
def texts(name: str, *keys: str, folder: Path = FOLDER) -> Mapping[str, str]:
    """A mapping of texts to texts at `keys` of bank `name`."""
    value, where = _section(name, keys, folder)
    if not isinstance(value, dict) or not value:
        raise BankError(f"word bank {where}: expected a mapping of texts to texts")
    for key, text in value.items():
        if not isinstance(key, str) or not isinstance(text, str) or not text.strip():
            raise BankError(f"word bank {core.at(where, key)}: expected text")
    return MappingProxyType(dict(value))


@cache
def table(
    name: str, columns: tuple[str, ...], *, folder: Path = FOLDER
) -> tuple[tuple[str, ...], ...]:
    """Rows of CSV bank `name` as tuples of `columns` (the header must start with them)."""
    return core.read_csv(folder / f"{name}.csv", columns)


@cache
def names(*, folder: Path = FOLDER) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    """First and last names per origin group (`names.csv`), groups in order of appearance."""
    groups: dict[str, dict[str, list[str]]] = {}
    for line, (origin, part, name) in enumerate(
        table("names", ("origin", "part", "name"), folder=folder), start=2
    ):
        if part not in NAME_PARTS:
            raise BankError(
                f"word bank names.csv, line {line}: part must be first or last, not {part!r}"
            )
        groups.setdefault(origin, {p: [] for p in NAME_PARTS})[part].append(name)
    for origin, parts in groups.items():
        if not all(parts.values()):
            raise BankError(f"word bank names.csv: origin {origin!r} needs first and last names")
    return MappingProxyType(
        {
            o: MappingProxyType({p: tuple(v) for p, v in parts.items()})
            for o, parts in groups.items()
        }
    )


@cache
def cities(*, folder: Path = FOLDER) -> tuple[tuple[str, str, str], ...]:
    """(city, state abbreviation, 3-digit ZIP prefix) rows of `cities.csv`."""
    rows = tuple(
        (city, state, zip3)
        for city, state, zip3 in table("cities", ("city", "state", "zip3"), folder=folder)
    )
    for line, (_city, _state, zip3) in enumerate(rows, start=2):
        if not (len(zip3) == 3 and zip3.isdigit()):
            raise BankError(f"word bank cities.csv, line {line}: zip3 must be 3 digits")
    return rows
