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


def _spec() -> SplitEncoder:
    return SplitEncoder(
        parts=("p1", "p2", "p3"),
        folder="enc",
        files={"model.safetensors": _sha(WEIGHTS), "1_Pooling/config.json": _sha(b"{}")},
        install="make encoder-x",
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_parts_are_joined_checked_and_unpacked(tmp_path):
    files = {"enc/model.safetensors": WEIGHTS, "enc/1_Pooling/config.json": b"{}",
             "enc/desktop.ini": b"x", "enc/README.md": b"r", "elsewhere.txt": b"y"}  # fmt: skip
    folder = join_parts(_split_zip(tmp_path, files), _spec(), tmp_path / "root")
    assert folder == tmp_path / "root" / "enc"
    assert (folder / "model.safetensors").read_bytes() == WEIGHTS
    unpacked = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    assert unpacked == ["1_Pooling/config.json", "model.safetensors"]  # only the pinned files
    assert [p.name for p in (tmp_path / "root").iterdir()] == ["enc"]  # no temporary left


def test_weights_with_another_hash_are_refused_and_nothing_is_left(tmp_path):
    files = {"enc/model.safetensors": WEIGHTS, "enc/1_Pooling/config.json": b"{ }"}
    with pytest.raises(EncoderError, match=r"1_Pooling/config.json has SHA-256 \w+, not the"):
        join_parts(_split_zip(tmp_path, files), _spec(), tmp_path / "root")
    assert list((tmp_path / "root").iterdir()) == []


def test_parts_without_a_pinned_file_are_refused(tmp_path):
    with pytest.raises(EncoderError, match=r"the parts lack \['enc/1_Pooling/config.json'\]"):
        join_parts(_split_zip(tmp_path, {"enc/model.safetensors": WEIGHTS}), _spec(), tmp_path)
    assert list(tmp_path.glob("enc*")) == []


def test_parts_in_the_wrong_order_give_a_clear_error_and_nothing_is_left(tmp_path):
    files = {"enc/model.safetensors": WEIGHTS, "enc/1_Pooling/config.json": b"{}"}
    parts = _split_zip(tmp_path, files)
    with pytest.raises(EncoderError, match=r"cannot unpack the joined parts|SHA-256|lack"):
        join_parts(parts[::-1], _spec(), tmp_path / "root")
    assert list((tmp_path / "root").iterdir()) == []


def test_a_split_encoder_whose_parts_are_missing_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr("sys.prefix", str(tmp_path))  # nothing unpacked here
    spec = SplitEncoder(("carebridge-test-absent-part-001",), "absent", {"m": "0" * 64}, "make x")
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


def test_an_incomplete_folder_left_in_place_is_named_not_overwritten(tmp_path):
    (tmp_path / "enc").mkdir()
    (tmp_path / "enc" / "model.safetensors").write_bytes(b"partial")
    files = {"enc/model.safetensors": WEIGHTS, "enc/1_Pooling/config.json": b"{}"}
    with pytest.raises(EncoderError, match=r"exists but is incomplete; remove it"):
        join_parts(_split_zip(tmp_path, files), _spec(), tmp_path)
    assert (tmp_path / "enc" / "model.safetensors").read_bytes() == b"partial"
