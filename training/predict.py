"""Load a trained model and score records: the `carebridge predict` contract.

    carebridge predict risk INPUT OUTPUT       # id, text -> risk_level, risk_probs, alert
    carebridge predict empathy INPUT OUTPUT    # id, seeker, response -> the three EPITOME
                                               # mechanisms (0-2) and empathy_score (0-6)

A model is a folder (`data/models/<task>`, an MLflow pyfunc model) or an MLflow model URI
(`models:/risk-classifier@champion`). Probabilities are temperature-scaled on validation;
the alert threshold on P(moderate or high) was chosen on validation for a target recall.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import torch

from pipelines.core.errors import UserError
from pipelines.core.params import MlflowParams
from training.tasks import (
    MECHANISMS,
    RISK_LEVELS,
    TASKS,
    Task,
    empathy_score,
    urgent_probability,
)

CONFIG_FILE = "carebridge.json"
PRECISIONS = ("fp32", "bf16", "int8")


class PredictError(UserError):
    """Input records or the model cannot be used for prediction."""


def check_precision(precision: str) -> None:
    """Refuse a `--precision` other than fp32, bf16 or int8, naming the choices."""
    if precision not in PRECISIONS:
        raise PredictError(f"--precision {precision}: use {', '.join(PRECISIONS)}")


@dataclass
class Predictor:
    """A trained EncoderClassifier, its tokenizer and its calibration."""

    model: Any
    tokenizer: Any
    task: Task
    max_length: int
    temperatures: list[float] = field(default_factory=list)
    alert_threshold: float | None = None
    batch_size: int = 64
    info: dict[str, Any] = field(default_factory=dict)
    bf16: bool = False  # run the encoder under bfloat16 autocast (see `bfloat16`)
    # risk only: the model reads the conversation's earlier turns (datasets.risk_context_turns
    # when it was trained) as a first segment, so its inputs need a `context` column
    context_turns: int = 0
    # risk only: a message longer than this many words is scored in sentence windows and
    # gets its most urgent window's probabilities (datasets.window_words; 0 = never)
    window_words: int = 0

    # ---- persistence -------------------------------------------------------------------
    def save(self, folder: Path) -> Path:
        """Write encoder (HF format), tokenizer, heads and calibration into `folder`."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.model.encoder.save_pretrained(folder / "encoder")
        self.tokenizer.save_pretrained(folder / "encoder")
        torch.save(self.model.heads.state_dict(), folder / "heads.pt")
        config = {
            "task": self.task.name,
            "trainable_layers": self.model.trainable_layers,
            "dropout": float(self.model.hparams.get("dropout", 0.1)),
            "max_length": self.max_length,
            "temperatures": self.temperatures,
            "alert_threshold": self.alert_threshold,
            "context_turns": self.context_turns,
            "window_words": self.window_words,
            "info": self.info,
        }
        (folder / CONFIG_FILE).write_text(json.dumps(config, indent=2, sort_keys=True))
        return folder

    @classmethod
    def load(cls, folder: Path) -> Predictor:
        """Rebuild a predictor from a folder written by `save` (offline)."""
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from transformers import AutoModel, AutoTokenizer

        from training.module import EncoderClassifier

        folder = Path(folder)
        if not (folder / CONFIG_FILE).is_file():
            raise PredictError(f"{folder} is not a CareBridge model (no {CONFIG_FILE})")
        cfg = json.loads((folder / CONFIG_FILE).read_text())
        task = TASKS[cfg["task"]]
        encoder = AutoModel.from_pretrained(folder / "encoder")
        model = EncoderClassifier(
            encoder, task=task, trainable_layers=cfg["trainable_layers"], dropout=cfg["dropout"]
        )
        model.heads.load_state_dict(torch.load(folder / "heads.pt", weights_only=True))
        model.eval()
        return cls(
            model=model,
            tokenizer=AutoTokenizer.from_pretrained(folder / "encoder"),
            task=task,
            max_length=cfg["max_length"],
            temperatures=cfg["temperatures"],
            alert_threshold=cfg["alert_threshold"],
            info=cfg.get("info", {}),
            context_turns=cfg.get("context_turns", 0),  # models saved before it: none
            window_words=cfg.get("window_words", 0),
        )

    def quantized(self) -> Predictor:
        """A copy whose encoder layers run int8 (dynamic, per-channel weights) on CPU.

        Per-channel weight scales lost 0.3-1 macro-F1 point on the earlier models where
        per-tensor scales lost 3-4; on the current models they lose 2-2.5 points
        (benchmarks/RESULTS.md), so `bfloat16` is the fast path where the CPU supports it.
        The heads stay fp32 (they are tiny).
        """
        import copy

        from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

        model = copy.deepcopy(self.model).cpu().eval()
        spec = {torch.nn.Linear: per_channel_dynamic_qconfig}
        layers = torch.nn.ModuleList(quantize_dynamic(layer, spec) for layer in model.layers)
        model.layers = layers
        model.encoder.encoder.layer = layers
        return dataclasses.replace(self, model=model)

    def bfloat16(self) -> Predictor:
        """A copy that runs the model under bfloat16 autocast (`torch.autocast`).

        Fast where the CPU multiplies bf16 natively (AVX512-BF16 or AMX, as
        `torch.ops.mkldnn._is_mkldnn_bf16_supported()` reports) and on GPUs; elsewhere
        slower than fp32 (benchmarks/RESULTS.md). Logits are returned in fp32.
        """
        return dataclasses.replace(self, bf16=True)

    def with_precision(self, precision: str) -> Predictor:
        """This predictor (`fp32`), its bfloat16 copy (`bf16`) or its int8 copy (`int8`)."""
        check_precision(precision)
        if precision == "bf16":
            return self.bfloat16()
        return self.quantized() if precision == "int8" else self

    # ---- scoring -----------------------------------------------------------------------
    def logits(self, first: list[str], second: list[str] | None = None) -> list[np.ndarray]:
        """Raw logits per head, batched by length (dynamic padding), in input order."""
        from training.datamodule import pad_tokens

        n = len(first)
        heads = [np.zeros((n, len(h.classes)), dtype=np.float32) for h in self.task.heads]
        if n == 0:
            return heads
        enc = self.tokenizer(
            first, second, truncation="longest_first" if second else True,
            max_length=self.max_length,
        )  # fmt: skip
        keys = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in enc]
        order = np.argsort([len(x) for x in enc["input_ids"]], kind="stable")
        device = torch.device(
            next(self.model.parameters()).device if _has_params(self.model) else "cpu"
        )
        self.model.eval()
        autocast = torch.autocast(device.type, dtype=torch.bfloat16, enabled=self.bf16)
        with torch.inference_mode(), autocast:
            for start in range(0, n, self.batch_size):
                idx = order[start : start + self.batch_size]
                rows = [{k: enc[k][int(i)] for k in keys} for i in idx]
                batch = {k: v.to(device) for k, v in pad_tokens(rows, self.pad_id).items()}
                for h, out in enumerate(self.model(batch)):
                    heads[h][idx] = out.float().cpu().numpy()
        return heads

    @property
    def pad_id(self) -> int:
        """The tokenizer's padding id."""
        return int(self.tokenizer.pad_token_id or 0)

    def probabilities(self, first: list[str], second: list[str] | None = None) -> list[np.ndarray]:
        """Calibrated probabilities per head (logits / temperature, softmax)."""
        temps = self.temperatures or [1.0] * len(self.task.heads)
        return [softmax(lg / t) for lg, t in zip(self.logits(first, second), temps, strict=True)]

    @property
    def input_columns(self) -> tuple[str, ...]:
        """The columns `predict` reads: the task's, and `context` for a model trained on it."""
        return (*self.task.inputs, "context") if self.context_turns else self.task.inputs

    def check_context_column(self, columns: Sequence[str], source: str) -> None:
        """Refuse input without a `context` column for a model that reads earlier turns:
        scoring it on the message alone would silently change its inputs."""
        if self.context_turns and "context" not in columns:
            raise PredictError(
                f"{source}: missing column context: this risk model reads the "
                f"{self.context_turns} turns before each message, so the input needs a "
                "'context' column (those turns, oldest first, one per line; empty for a "
                "conversation's first message)"
            )

    def windowed_risk(self, texts: list[str]) -> np.ndarray:
        """Risk probabilities per text; a text over `window_words` words is cut into sentence
        windows and takes the probabilities of its window with the highest P(urgent), so a
        long message is neither truncated at the token limit nor diluted."""
        from training.windows import windows

        if not texts:
            return np.empty((0, len(RISK_LEVELS)))
        limit = self.window_words
        pieces = [windows(t, limit) if limit and len(t.split()) > limit else [t] for t in texts]
        (probs,) = self.probabilities([w for ws in pieces for w in ws])
        urgent = urgent_probability(probs)
        out, start = np.empty((len(texts), probs.shape[1])), 0
        for i, ws in enumerate(pieces):
            best = start + int(np.argmax(urgent[start : start + len(ws)]))
            out[i] = probs[best]
            start += len(ws)
        return out

    def predict(self, frame: pl.DataFrame) -> pl.DataFrame:
        """Add the task's output columns to a frame holding its input columns."""
        if self.task.name == "risk":
            self.check_context_column(frame.columns, "input")
            if not self.context_turns:
                probs = self.windowed_risk(frame["text"].to_list())
            else:
                context = frame["context"].fill_null("").to_list()
                (probs,) = self.probabilities(context, frame["text"].to_list())
            return frame.with_columns(**risk_columns(probs, self.alert_threshold))
        probs = self.probabilities(frame["seeker"].to_list(), frame["response"].to_list())
        return frame.with_columns(**empathy_columns(probs))


def _has_params(model: torch.nn.Module) -> bool:
    return any(True for _ in model.parameters())


def softmax(x: np.ndarray) -> np.ndarray:
    """Row-wise softmax, numerically stable."""
    z = x - x.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def risk_columns(probs: np.ndarray, threshold: float | None) -> dict[str, pl.Series]:
    """risk_level, risk_probs (level -> probability) and alert, from calibrated probabilities."""
    if threshold is None:
        raise PredictError("this risk model has no alert threshold (retrain it)")
    levels = np.asarray(RISK_LEVELS)[probs.argmax(axis=1)]
    struct = pl.DataFrame(
        {lv: np.round(probs[:, i], 6) for i, lv in enumerate(RISK_LEVELS)}
    ).to_struct("risk_probs")
    return {
        "risk_level": pl.Series(levels.tolist(), dtype=pl.String),
        "risk_probs": struct,
        "alert": pl.Series((urgent_probability(probs) >= threshold).tolist(), dtype=pl.Boolean),
    }


def empathy_columns(probs: list[np.ndarray]) -> dict[str, pl.Series]:
    """The three mechanism levels and empathy_score, the expected sum of levels (0-6)."""
    out = {
        m: pl.Series(p.argmax(axis=1).tolist(), dtype=pl.Int64)
        for m, p in zip(MECHANISMS, probs, strict=True)
    }
    score = np.round(empathy_score(probs), 4)
    out["empathy_score"] = pl.Series(score.tolist(), dtype=pl.Float64)
    return out


try:  # mlflow is a core dependency; the guard keeps `import training.predict` light in tests
    import pandas as pd
    from mlflow.pyfunc import PythonModel
except ImportError:  # pragma: no cover
    PythonModel = object  # type: ignore[assignment,misc]


class PyfuncModel(PythonModel):  # type: ignore[misc,valid-type]
    """MLflow pyfunc wrapper: a pandas frame of inputs in, flat output columns out."""

    def load_context(self, context: Any) -> None:
        """Rebuild the predictor from the model's `model` artifact folder."""
        self.predictor = Predictor.load(Path(context.artifacts["model"]))

    # The pandas hint is one MLflow infers no schema from (the logged signature declares the
    # inputs); without a hint it warns, in colour, on every import of this module.
    def predict(self, context: Any, model_input: pd.DataFrame, params: Any = None) -> pd.DataFrame:
        """Score a pandas DataFrame; risk probabilities come back as `prob_<level>` columns."""
        out = self.predictor.predict(pl.from_pandas(model_input))
        if "risk_probs" in out.columns:
            out = out.unnest("risk_probs").rename({lv: f"prob_{lv}" for lv in RISK_LEVELS})
        return out.to_pandas()


def weights_folder(mlflow_model: Path) -> Path | None:
    """The CareBridge model folder inside an MLflow model folder (its one artifact holding
    `carebridge.json`), or None when there is not exactly one."""
    found = sorted((mlflow_model / "artifacts").glob(f"*/{CONFIG_FILE}"))
    return found[0].parent if len(found) == 1 else None


def load_predictor(model: str | Path, mlflow_params: MlflowParams | None = None) -> Predictor:
    """A predictor from a model folder, an MLflow model folder or an MLflow model URI (which
    needs `mlflow_params`, the store to read it from)."""
    text = str(model)
    path = Path(text)
    if path.is_dir() and (path / CONFIG_FILE).is_file():
        return Predictor.load(path)
    if path.is_dir() and (path / "MLmodel").is_file():
        weights = weights_folder(path)
        if weights is None:
            raise PredictError(f"--model {text}: an MLflow model, but not a CareBridge one")
        return Predictor.load(weights)
    if "://" in text or text.startswith(("models:/", "runs:/")):
        import mlflow

        from pipelines.core.tracking import configure

        if mlflow_params is None:
            raise PredictError(f"--model {text}: an MLflow URI needs the project's params")
        configure(mlflow_params)
        try:
            loaded = mlflow.pyfunc.load_model(text)
        except Exception as err:  # MLflow raises several types for a bad URI
            hint = ""
            if text.endswith("@champion") and "alias champion not found" in str(err):
                hint = (
                    "; the bias audit sets `champion` only on a version that passes its release "
                    "gate, and no version holds it now (see data/reports/bias_audit_*.json or "
                    "the dashboard's bias audit page; `@candidate` is the latest trained version)"
                )
            raise PredictError(
                f"--model {text}: cannot load it from MLflow ({err}){hint}"
            ) from None
        return loaded.unwrap_python_model().predictor
    raise PredictError(
        f"--model {text}: not a model folder or MLflow URI (train with `make run`, or use "
        "models:/risk-classifier@champion)"
    )
