"""One LightningModule for both models: a Hugging Face encoder with one softmax head per output.

The task (risk: one 4-level head; empathy: three 3-level heads) is configuration. The lower
`n_layers - trainable_layers` encoder layers are frozen; because they never change, their
output can be computed once and cached (`lower`), and training then runs only the trainable
top layers (`upper`). Inference runs `lower` then `upper` on token ids: the same arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytorch_lightning as pl
import torch
from torch import nn
from torchmetrics.classification import MulticlassF1Score

from training.encoder import EncoderError
from training.tasks import Task

# Encoder families whose layers this module runs one by one (`lower`/`upper`), each checked
# against the library's own forward pass by tests/test_training.py. Their layers take
# (hidden, attention_mask); MPNet's also take the relative position bias its encoder computes
# once per batch. Others (DeBERTa's relative attention, DistilBERT's layout, ...) would run
# without what their encoder adds between layers, so they are refused, not silently degraded.
SUPPORTED_ENCODERS = ("bert", "roberta", "xlm-roberta", "electra", "mpnet")


def additive_mask(mask: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """(batch, seq) 1/0 attention mask -> (batch, 1, 1, seq) additive mask for BERT layers."""
    return (1.0 - mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min


class EncoderClassifier(pl.LightningModule):
    """A pretrained encoder, mean pooling and one linear head per task output."""

    def __init__(
        self,
        encoder: nn.Module,
        *,
        task: Task,
        trainable_layers: int,
        learning_rate: float = 1e-4,
        head_learning_rate: float = 1e-3,
        weight_decay: float = 0.01,
        warmup_share: float = 0.06,
        dropout: float = 0.1,
        token_dropout: float = 0.0,
        class_weights: Sequence[Sequence[float]] | None = None,
    ) -> None:
        super().__init__()
        self.save_hyperparameters(ignore=["encoder", "task", "class_weights"])
        self.task = task
        self.encoder = encoder
        model_type = getattr(encoder.config, "model_type", None)
        layers = getattr(getattr(encoder, "encoder", None), "layer", None)
        if model_type not in SUPPORTED_ENCODERS or layers is None:
            raise EncoderError(
                f"encoder.name_or_path: a {model_type!r} encoder is not supported; "
                f"use one of {', '.join(SUPPORTED_ENCODERS)}"
            )
        self.layers: nn.ModuleList = layers
        n = len(self.layers)
        self.trainable_layers = min(trainable_layers, n)
        self.frozen_layers = n - self.trainable_layers
        hidden = encoder.config.hidden_size
        self.heads = nn.ModuleList(
            nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, len(h.classes)))
            for h in task.heads
        )
        weights = class_weights or [[1.0] * len(h.classes) for h in task.heads]
        for i, w in enumerate(weights):
            self.register_buffer(f"class_weight_{i}", torch.tensor(w, dtype=torch.float32))
        self.val_f1 = nn.ModuleList(
            MulticlassF1Score(num_classes=len(h.classes), average="macro") for h in task.heads
        )
        for p in self.encoder.parameters():
            p.requires_grad = False
        trainable = [*self.layers[self.frozen_layers :]]
        if self.frozen_layers == 0:  # the whole encoder: embeddings (and MPNet's bias) too
            trainable.append(self.encoder.embeddings)
            if model_type == "mpnet":
                trainable.append(self.encoder.encoder.relative_attention_bias)
        for module in trainable:
            for p in module.parameters():
                p.requires_grad = True

    def train(self, mode: bool = True) -> EncoderClassifier:
        """Frozen parts stay in eval mode (no dropout), so cached features equal live ones."""
        super().train(mode)
        if self.frozen_layers:
            self.encoder.embeddings.eval()
        for layer in self.layers[: self.frozen_layers]:
            layer.eval()
        return self

    def lower(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        token_type_ids: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Hidden states after the embeddings and the frozen layers (no gradient if frozen)."""
        with torch.set_grad_enabled(torch.is_grad_enabled() and self.frozen_layers == 0):
            h = self.encoder.embeddings(input_ids=input_ids, token_type_ids=token_type_ids)
            h = self._run(self.layers[: self.frozen_layers], h, attention_mask)
        return h

    def _run(self, layers: Any, h: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Hidden states through `layers`, with what the encoder passes every layer."""
        if not len(layers):
            return h
        extra = {}
        if self.encoder.config.model_type == "mpnet":  # shared relative position bias
            extra["position_bias"] = self.encoder.encoder.compute_position_bias(h)
        mask = additive_mask(attention_mask, h.dtype)
        for layer in layers:
            h = _first(layer(h, attention_mask=mask, **extra))
        return h

    def upper(self, hidden: torch.Tensor, attention_mask: torch.Tensor) -> list[torch.Tensor]:
        """Logits per head from lower-layer hidden states: trainable layers, mean pool, heads."""
        h = self._run(self.layers[self.frozen_layers :], hidden, attention_mask)
        m = attention_mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        return [head(pooled) for head in self.heads]

    def forward(self, batch: dict[str, torch.Tensor]) -> list[torch.Tensor]:
        """Logits per head for a batch of token ids or of cached hidden states."""
        if "hidden" in batch:
            return self.upper(batch["hidden"], batch["attention_mask"])
        hidden = self.lower(
            batch["input_ids"], batch["attention_mask"], batch.get("token_type_ids")
        )
        return self.upper(hidden, batch["attention_mask"])

    def _loss(self, logits: list[torch.Tensor], labels: torch.Tensor) -> torch.Tensor:
        losses = [
            nn.functional.cross_entropy(
                lg.float(), labels[:, i], weight=getattr(self, f"class_weight_{i}")
            )
            for i, lg in enumerate(logits)
        ]
        return torch.stack(losses).mean()

    def drop_tokens(self, batch: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        """Hide a random `token_dropout` share of each input's tokens from the trainable layers
        and the pooling (the first token, [CLS], always stays). A regulariser against learning
        a training phrasing by heart: the label must be readable from any large part of it."""
        p = float(self.hparams.get("token_dropout", 0.0))
        if p <= 0:
            return batch
        mask = batch["attention_mask"]
        keep = torch.rand(mask.shape, device=mask.device) >= p
        keep[:, 0] = True
        return {**batch, "attention_mask": mask * keep.to(mask.dtype)}

    def training_step(self, batch: dict[str, torch.Tensor], batch_idx: int) -> torch.Tensor:
        """Mean cross-entropy over heads (class-weighted where configured), on inputs with
        `token_dropout` of their tokens hidden."""
        loss = self._loss(self(self.drop_tokens(batch)), batch["labels"])
        self.log("train/loss", loss, prog_bar=True, batch_size=len(batch["labels"]))
        return loss

    def validation_step(self, batch: dict[str, torch.Tensor], batch_idx: int) -> None:
        """Validation loss and macro-F1 per head."""
        logits = self(batch)
        n = len(batch["labels"])
        self.log("val/loss", self._loss(logits, batch["labels"]), prog_bar=True, batch_size=n)
        for i, lg in enumerate(logits):
            self.val_f1[i].update(lg.argmax(-1), batch["labels"][:, i])

    def on_validation_epoch_end(self) -> None:
        """Log macro-F1 averaged over heads as `val/f1`."""
        scores = [m.compute() for m in self.val_f1]
        for m in self.val_f1:
            m.reset()
        self.log("val/f1", torch.stack(scores).mean(), prog_bar=True, sync_dist=True)

    def configure_optimizers(self) -> dict[str, Any]:
        """AdamW (encoder and heads at their own rates), linear warm-up then linear decay."""
        hp = self.hparams
        groups = [
            {
                "params": [p for p in self.encoder.parameters() if p.requires_grad],
                "lr": hp.learning_rate,
            },
            {"params": list(self.heads.parameters()), "lr": hp.head_learning_rate},
        ]
        groups = [g for g in groups if g["params"]]
        opt = torch.optim.AdamW(groups, weight_decay=hp.weight_decay)
        total = max(1, int(self.trainer.estimated_stepping_batches))
        warmup = int(total * hp.warmup_share)

        def schedule(step: int) -> float:
            if step < warmup:
                return (step + 1) / max(1, warmup)
            return max(0.0, (total - step) / max(1, total - warmup))

        sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": sched, "interval": "step"}}


def _first(out: Any) -> torch.Tensor:
    return out[0] if isinstance(out, tuple) else out
