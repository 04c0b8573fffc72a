"""User-facing errors: a bad file, row, column or param key, reported without a traceback."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
EXIT_USER_ERROR = 2


class UserError(Exception):
    """A mistake in the user's input or configuration; the message says where and what."""


def user_errors(stage: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Turn a UserError raised by a stage into one clear log line and exit status 2."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return fn(*args, **kwargs)
            except UserError as err:
                logging.getLogger(f"carebridge.{stage}").error(
                    "%s failed, nothing written: %s", stage, err
                )
                raise SystemExit(EXIT_USER_ERROR) from None

        return inner

    return wrap
