"""The set-up every DVC stage shares, written once.

A stage module defines its body and wraps it:

    @stage("outcomes")
    def main(run: StageRun) -> None:
        ...

    if __name__ == "__main__":
        main()

`main(argv)` then configures logging, reads `params.yaml` (the one place a stage reads it),
checks the stage's argument (`python -m training.train risk|empathy`), times the run, and
turns a `UserError` into one clear log line and exit status 2 with nothing written. The body
gets a `StageRun`: the params, its item, a logger, and helpers to write the DVC metrics file
and to open the stage's MLflow run.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.core.errors import UserError, user_errors
from pipelines.core.io import write_json_atomic
from pipelines.core.params import DEFAULT_PARAMS, Params, load_params


@dataclass(frozen=True)
class StageRun:
    """One run of a stage: what its body needs besides its own inputs."""

    name: str
    params: Params
    item: str | None = None
    started: float = field(default_factory=time.perf_counter)

    @property
    def run_name(self) -> str:
        """The name DVC gives this run: `train@risk` for a foreach stage, else the stage's."""
        return f"{self.name}@{self.item}" if self.item else self.name

    @property
    def log(self) -> logging.Logger:
        """The stage's logger (`carebridge.<stage>`)."""
        return logging.getLogger(f"carebridge.{self.name}")

    def seconds(self) -> float:
        """Seconds since the stage started."""
        return time.perf_counter() - self.started

    def write_report(self, payload: Any, name: str) -> Path:
        """Write `paths.reports/<name>.json` atomically (the stage's DVC metrics file)."""
        return write_json_atomic(self.params.paths.reports / f"{name}.json", payload)

    @contextlib.contextmanager
    def tracked(self, mlflow_params: Mapping[str, Any]) -> Iterator[Any]:
        """The stage's MLflow run (params, commit and dependency-hash tags); yields mlflow."""
        from pipelines.core.tracking import stage_run

        with stage_run(self.run_name, self.params.mlflow, params=mlflow_params) as mlflow:
            yield mlflow


def _item(argv: Sequence[str], module: str, items: Sequence[str] | None) -> str | None:
    if items is None:
        if argv:
            raise UserError(f"usage: python -m {module} (it takes no arguments)")
        return None
    if len(argv) != 1 or argv[0] not in items:
        raise UserError(f"usage: python -m {module} {{{'|'.join(items)}}}")
    return argv[0]


def stage(
    name: str, *, items: Sequence[str] | None = None, params_file: Path = DEFAULT_PARAMS
) -> Callable[[Callable[[StageRun], None]], Callable[[Sequence[str] | None], None]]:
    """Wrap a stage body as the module's `main(argv=None)` (see the module docstring)."""

    def wrap(body: Callable[[StageRun], None]) -> Callable[[Sequence[str] | None], None]:
        @user_errors(name)
        def main(argv: Sequence[str] | None = None) -> None:
            logging.basicConfig(level=logging.INFO, format="%(message)s")
            args = list(sys.argv[1:] if argv is None else argv)
            item = _item(args, body.__module__, items)
            body(StageRun(name=name, params=load_params(params_file), item=item))

        main.__doc__ = body.__doc__
        main.__module__ = body.__module__
        return main

    return wrap
