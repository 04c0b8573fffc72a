"""Finding encoders offline: a model folder re-published on PyPI as a split zip."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from training.encoder import SPLIT, EncoderError, SplitEncoder, join_parts, resolve_encoder


def _split_zip(tmp_path, files: dict[str, bytes], n_parts: int = 3):
    """A zip of `files` cut into `n_parts` byte ranges, like the PyPI parts."""
    whole = tmp_path / "whole.zip"
    with zipfile.ZipFile(whole, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    data = whole.read_bytes()
    cut = len(data) // n_parts + 1
    parts = []
    for i in range(n_parts):
        part = tmp_path / f"model.zip.{i + 1:03d}"
        part.write_bytes(data[i * cut : (i + 1) * cut])
        parts.append(part)
    return parts


WEIGHTS = b"not really safetensors, but bytes with a known hash" * 1000


def _spec(weights: bytes = WEIGHTS) -> SplitEncoder:
    return SplitEncoder(
        parts=("p1", "p2", "p3"),
        folder="enc",
        weights_sha256=hashlib.sha256(weights).hexdigest(),
        install="make encoder-x",
    )


def test_parts_are_joined_checked_and_unpacked(tmp_path):
    files = {"enc/model.safetensors": WEIGHTS, "enc/config.json": b"{}",
             "enc/desktop.ini": b"x", "elsewhere.txt": b"y"}  # fmt: skip
    folder = join_parts(_split_zip(tmp_path, files), _spec(), tmp_path / "root")
    assert folder == tmp_path / "root" / "enc"
    assert (folder / "model.safetensors").read_bytes() == WEIGHTS
    assert sorted(p.name for p in folder.iterdir()) == ["config.json", "model.safetensors"]
    assert [p.name for p in (tmp_path / "root").iterdir()] == ["enc"]  # no temporary left


def test_weights_with_another_hash_are_refused_and_nothing_is_left(tmp_path):
    files = {"enc/model.safetensors": WEIGHTS + b"tampered", "enc/config.json": b"{}"}
    with pytest.raises(EncoderError, match=r"SHA-256 \w+, not the published"):
        join_parts(_split_zip(tmp_path, files), _spec(), tmp_path / "root")
    assert list((tmp_path / "root").iterdir()) == []


def test_parts_in_the_wrong_order_give_a_clear_error_and_nothing_is_left(tmp_path):
    parts = _split_zip(tmp_path, {"enc/model.safetensors": WEIGHTS})
    with pytest.raises(EncoderError, match=r"cannot unpack the joined parts|SHA-256"):
        join_parts(parts[::-1], _spec(), tmp_path / "root")
    assert list((tmp_path / "root").iterdir()) == []


def test_a_split_encoder_whose_parts_are_missing_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.prefix", str(tmp_path))  # nothing unpacked here
    spec = SplitEncoder(("carebridge-test-absent-part-001",), "absent", "0" * 64, "make x")
    monkeypatch.setitem(SPLIT, "absent-encoder", spec)
    with pytest.raises(
        EncoderError, match=r"needs package 'carebridge-test-absent-part-001' \(make x\)"
    ):
        resolve_encoder("absent-encoder")


def test_the_mpnet_parts_are_pinned_in_order_in_their_lock_file():
    from pathlib import Path

    lock = Path(__file__).parents[1] / "requirements-mpnet.lock"
    pinned = [line.split("==")[0] for line in lock.read_text().splitlines()
              if line and not line.startswith("#")]  # fmt: skip
    assert tuple(pinned) == SPLIT["all-mpnet-base-v2"].parts
    assert all("--hash=sha256:" in line for line in lock.read_text().splitlines()
               if line and not line.startswith("#"))  # fmt: skip
