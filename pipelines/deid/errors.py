"""The error the de-identification library raises for configuration and input problems."""

from __future__ import annotations

from pipelines.core.errors import UserError


class DeidError(UserError):
    """Configuration or input problem of the de-identification stage."""
