"""MLflow tracking on the SQLite backend in mlruns/, with provenance tags on every run.

Each run is tagged with the git commit (and whether the tree was dirty) and with the DVC-style
md5 of every input the stage read, so a number on a dashboard traces back to code and data.
Nothing here runs at import time; MLflow itself is imported only when a run starts.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pipelines.core.params import MlflowParams

TELEMETRY_OFF = {
    "MLFLOW_DISABLE_TELEMETRY": "true",
    "DO_NOT_TRACK": "1",
    "DVC_NO_ANALYTICS": "1",
}


def file_md5(path: Path) -> str:
    """md5 of a file's bytes, as DVC 3 records it for a file dependency."""
    digest = hashlib.md5(usedforsecurity=False)
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dvc_hash(path: Path) -> str:
    """The hash DVC 3 stores in dvc.lock for a file, or for a directory (`<md5>.dir`)."""
    path = Path(path)
    if path.is_file():
        return file_md5(path)
    entries = [
        {"md5": file_md5(p), "relpath": p.relative_to(path).as_posix()}
        for p in sorted(path.rglob("*"))
        if p.is_file()
    ]
    entries.sort(key=lambda e: e["relpath"])
    blob = json.dumps(entries, sort_keys=True).encode("utf-8")
    return hashlib.md5(blob, usedforsecurity=False).hexdigest() + ".dir"


def git_commit() -> tuple[str, bool]:
    """Current commit and whether the work tree has uncommitted changes ('unknown' outside git)."""
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = bool(
            subprocess.run(
                ["git", "status", "--porcelain", "--untracked-files=no"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown", False
    return sha, dirty


def flatten(prefix: str, value: Any) -> dict[str, Any]:
    """Flatten nested params into dotted keys (MLflow params are flat strings)."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, sub in value.items():
            out.update(flatten(f"{prefix}.{key}" if prefix else str(key), sub))
        return out
    return {prefix: value}


def configure(mp: MlflowParams) -> str:
    """Point MLflow at the SQLite store and make sure the experiment exists; return its id."""
    for key, val in TELEMETRY_OFF.items():
        os.environ.setdefault(key, val)
    import mlflow

    if mp.tracking_uri.startswith("sqlite:///"):
        db = Path(mp.tracking_uri.removeprefix("sqlite:///"))
        db.parent.mkdir(parents=True, exist_ok=True)
    mlflow.set_tracking_uri(mp.tracking_uri)
    exp = mlflow.get_experiment_by_name(mp.experiment)
    if exp is not None:
        return exp.experiment_id
    artifacts = Path(mp.artifact_root).resolve()
    artifacts.mkdir(parents=True, exist_ok=True)
    return mlflow.create_experiment(mp.experiment, artifact_location=artifacts.as_uri())


def stage_deps(
    stage: str, dvc_file: Path = Path("dvc.yaml"), params_file: Path = Path("params.yaml")
) -> list[Path]:
    """The dependency paths dvc.yaml lists for `stage`, with `${...}` params resolved.

    A `foreach` stage is named as DVC names it, `train@risk`; `${item}` resolves to the item.
    """
    import yaml

    name, _, item = stage.partition("@")
    spec = yaml.safe_load(dvc_file.read_text(encoding="utf-8"))["stages"][name]
    if "foreach" in spec:
        spec = spec["do"]
    values = yaml.safe_load(params_file.read_text(encoding="utf-8"))

    def resolve(match: re.Match[str]) -> str:
        if match.group(1) == "item":
            return item
        node: Any = values
        for part in match.group(1).split("."):
            node = node[part]
        return str(node)

    return [Path(re.sub(r"\$\{([\w.]+)\}", resolve, dep)) for dep in spec.get("deps", [])]


@contextlib.contextmanager
def stage_run(stage: str, mp: MlflowParams, *, params: Mapping[str, Any]) -> Iterator[Any]:
    """Start an MLflow run for a DVC stage with its params and provenance tags; yield mlflow.

    Tags: the git commit (and whether the tree was dirty) and, for every dependency dvc.yaml
    lists for the stage, the hash DVC records for it in dvc.lock (`dvc_dep.<path>`).
    """
    experiment_id = configure(mp)
    import mlflow

    sha, dirty = git_commit()
    tags = {"stage": stage, "git_commit": sha, "git_dirty": str(dirty).lower()}
    for path in stage_deps(stage):
        tags[f"dvc_dep.{path.as_posix()}"] = dvc_hash(path) if path.exists() else "missing"
    with mlflow.start_run(experiment_id=experiment_id, run_name=stage, tags=tags):
        flat = {k: v for k, v in params.items()}
        for start in range(0, len(flat), 100):
            mlflow.log_params(dict(list(flat.items())[start : start + 100]))
        yield mlflow
