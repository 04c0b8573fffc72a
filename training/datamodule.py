"""The LightningDataModule: tokenized splits from `build_datasets`, batched with dynamic padding.

With frozen lower encoder layers, `setup` runs them once over every training and validation
record and keeps their output (`featurize`): each epoch then costs only the trainable layers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytorch_lightning as pl
import torch
from torch.utils.data import DataLoader, Dataset

from training.tasks import Task

TOKEN_KEYS = ("input_ids", "attention_mask", "token_type_ids")
Featurizer = Callable[[dict[str, torch.Tensor]], torch.Tensor]


def labels_of(ds: Any, task: Task) -> torch.Tensor:
    """(records, heads) integer labels of a `datasets.Dataset`."""
    return torch.tensor(
        np.stack([np.asarray(ds[h.label_column]) for h in task.heads], axis=1), dtype=torch.long
    )


def split_inputs(ds: Any, task: Task, context: bool) -> tuple[list[str], list[str] | None]:
    """The text inputs of a split as the model reads them: (first, second) of each pair."""
    if task.name == "empathy":
        return list(ds["seeker"]), list(ds["response"])
    if context:
        return list(ds["context"]), list(ds["text"])
    return list(ds["text"]), None


def pad_tokens(rows: list[dict[str, Any]], pad_id: int) -> dict[str, torch.Tensor]:
    """Pad token rows to the longest in the batch."""
    n = max(len(r["input_ids"]) for r in rows)
    out: dict[str, torch.Tensor] = {}
    for key in TOKEN_KEYS:
        if key not in rows[0]:
            continue
        fill = pad_id if key == "input_ids" else 0
        t = torch.full((len(rows), n), fill, dtype=torch.long)
        for i, r in enumerate(rows):
            t[i, : len(r[key])] = torch.as_tensor(r[key])
        out[key] = t
    if "labels" in rows[0]:
        out["labels"] = torch.stack([r["labels"] for r in rows])
    return out


def pad_hidden(rows: list[dict[str, torch.Tensor]]) -> dict[str, torch.Tensor]:
    """Pad cached hidden-state rows (seq, hidden) to the longest in the batch."""
    n = max(len(r["hidden"]) for r in rows)
    dim = rows[0]["hidden"].shape[-1]
    hidden = torch.zeros(len(rows), n, dim)
    mask = torch.zeros(len(rows), n, dtype=torch.long)
    for i, r in enumerate(rows):
        hidden[i, : len(r["hidden"])] = r["hidden"].float()
        mask[i, : len(r["hidden"])] = 1
    return {
        "hidden": hidden,
        "attention_mask": mask,
        "labels": torch.stack([r["labels"] for r in rows]),
    }


class TokenRows(Dataset):
    """Token ids and labels of one split."""

    def __init__(self, ds: Any, task: Task) -> None:
        keys = [k for k in TOKEN_KEYS if k in ds.column_names]
        self.columns = {k: ds[k] for k in keys}
        self.labels = labels_of(ds, task)

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int) -> dict[str, Any]:
        return {**{k: v[i] for k, v in self.columns.items()}, "labels": self.labels[i]}


class HiddenRows(Dataset):
    """Cached frozen-layer outputs (fp16, unpadded) and labels of one split."""

    def __init__(self, hidden: list[torch.Tensor], labels: torch.Tensor) -> None:
        self.hidden, self.labels = hidden, labels

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int) -> dict[str, torch.Tensor]:
        return {"hidden": self.hidden[i], "labels": self.labels[i]}


def cache_hidden(
    rows: TokenRows, featurize: Featurizer, pad_id: int, batch_size: int = 64
) -> HiddenRows:
    """Run the frozen layers once over a split, longest-similar records batched together."""
    from tqdm.auto import tqdm

    order = np.argsort([len(x) for x in rows.columns["input_ids"]], kind="stable")
    hidden: list[torch.Tensor | None] = [None] * len(rows)
    for start in tqdm(range(0, len(order), batch_size), desc="cache frozen layers", leave=False):
        idx = order[start : start + batch_size]
        batch = pad_tokens([rows[int(i)] for i in idx], pad_id)
        with torch.inference_mode():
            h = featurize(batch).to("cpu", torch.float16)
        for j, i in enumerate(idx):
            n = int(batch["attention_mask"][j].sum())
            hidden[int(i)] = h[j, :n].clone()
    return HiddenRows(hidden, rows.labels)  # type: ignore[arg-type]


class ChatDataModule(pl.LightningDataModule):
    """Train/validation/test loaders over one task's saved `DatasetDict`."""

    def __init__(
        self,
        path: Path,
        task: Task,
        *,
        batch_size: int,
        pad_id: int,
        featurize: Featurizer | None = None,
        num_workers: int = 0,
    ) -> None:
        super().__init__()
        self.path, self.task = Path(path), task
        self.batch_size, self.pad_id = batch_size, pad_id
        self.featurize, self.num_workers = featurize, num_workers
        self.splits: dict[str, Dataset] = {}

    def setup(self, stage: str | None = None) -> None:
        """Load the splits; cache frozen-layer outputs for train and validation if asked."""
        if self.splits:
            return
        from datasets import load_from_disk

        dd = load_from_disk(str(self.path))
        for split in ("train", "validation", "test"):
            rows = TokenRows(dd[split], self.task)
            if self.featurize is not None and split != "test":
                self.splits[split] = cache_hidden(rows, self.featurize, self.pad_id)
            else:
                self.splits[split] = rows

    def _loader(self, split: str, shuffle: bool) -> DataLoader:
        ds = self.splits[split]
        collate = pad_hidden if isinstance(ds, HiddenRows) else self._pad
        return DataLoader(
            ds,
            batch_size=self.batch_size,
            shuffle=shuffle,
            collate_fn=collate,
            num_workers=self.num_workers,
        )

    def _pad(self, rows: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
        return pad_tokens(rows, self.pad_id)

    def train_dataloader(self) -> DataLoader:
        """Shuffled training batches."""
        return self._loader("train", shuffle=True)

    def val_dataloader(self) -> DataLoader:
        """Validation batches, in order."""
        return self._loader("validation", shuffle=False)

    def test_dataloader(self) -> DataLoader:
        """Test batches (token ids), in order."""
        return self._loader("test", shuffle=False)
