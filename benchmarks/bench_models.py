"""Model speed on CPU: training samples/s and inference messages/s, fp32 vs int8 vs bf16.

Run (after `make run`): .venv/bin/python benchmarks/bench_models.py

Training: the risk train split, batches of 32 with dynamic padding, `--train-batches` steps of
each way to train: the fast profile (top 2 layers over cached frozen-layer states; the
caching pass timed separately) and the full profile (every layer, from token ids).
Inference: the trained models from `data/models/` on their whole test split, batches of 64
sorted by length; plain PyTorch fp32 vs the same model with int8 dynamic quantization of its
encoder's Linear layers, per-channel weight scales, heads kept fp32 (`Predictor.quantized`),
and vs bfloat16 autocast (`Predictor.bfloat16`; fast only where the CPU has AVX512-BF16 or
AMX, which the section records), alternated `--repeats` times, best time of each kept; the
macro-F1 of each on the same records shows what the faster path costs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def train_speed(task_name: str, trainable: int, batches: int, bs: int = 32) -> dict[str, float]:
    """Samples/s of Lightning training steps (and of the caching pass when layers are frozen)."""
    import pytorch_lightning as pl
    import torch
    from transformers import AutoModel, AutoTokenizer

    from pipelines.core.params import load_params
    from training.datamodule import TOKEN_KEYS, ChatDataModule
    from training.encoder import resolve_encoder
    from training.module import EncoderClassifier
    from training.tasks import TASKS

    p = load_params(ROOT / "params.yaml")
    task = TASKS[task_name]
    src = resolve_encoder(p.encoder.name_or_path)
    tok = AutoTokenizer.from_pretrained(src)
    torch.manual_seed(0)
    module = EncoderClassifier(
        AutoModel.from_pretrained(src).train(), task=task, trainable_layers=trainable
    )

    def featurize(batch):
        module.eval()
        return module.lower(**{k: batch[k] for k in TOKEN_KEYS if k in batch})

    dm = ChatDataModule(
        ROOT / p.paths.processed / "datasets" / task_name, task, batch_size=bs,
        pad_id=tok.pad_token_id, featurize=featurize if module.frozen_layers else None,
    )  # fmt: skip
    t0 = time.perf_counter()
    dm.setup("fit")
    cache_s = time.perf_counter() - t0
    n_cached = len(dm.splits["train"]) + len(dm.splits["validation"])
    trainer = pl.Trainer(
        max_epochs=1, limit_train_batches=batches, limit_val_batches=0, logger=False,
        enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False,
        accelerator="cpu",
    )  # fmt: skip
    t0 = time.perf_counter()
    trainer.fit(module, datamodule=dm)
    secs = time.perf_counter() - t0
    out = {"train_samples_per_s": batches * bs / secs}
    if module.frozen_layers:
        out["cache_samples_per_s"] = n_cached / cache_s
    return out


def inference(task_name: str, repeats: int) -> dict[str, float]:
    """fp32 vs int8 messages/s and macro-F1 on the test split."""
    from datasets import load_from_disk

    from evaluation.metrics import empathy_metrics, risk_metrics
    from pipelines.core.params import load_params
    from training.datamodule import labels_of, split_inputs
    from training.predict import load_predictor
    from training.tasks import MECHANISMS, TASKS

    p = load_params(ROOT / "params.yaml")
    task = TASKS[task_name]
    test = load_from_disk(str(ROOT / p.paths.processed / "datasets" / task_name))["test"]
    y = labels_of(test, task).numpy()
    first, second = split_inputs(test, task, p.datasets.risk_context_turns > 0)
    fp32 = load_predictor(ROOT / "data" / "models" / task_name / "model")
    paths = {"fp32": fp32, "int8": fp32.quantized(), "bf16": fp32.bfloat16()}
    best = dict.fromkeys(paths, np.inf)
    probs = {}
    for _ in range(repeats):
        for name, pred in paths.items():
            t0 = time.perf_counter()
            probs[name] = pred.probabilities(first, second)
            best[name] = min(best[name], time.perf_counter() - t0)
    out: dict[str, float] = {"records": len(y)}
    for name in best:
        out[f"{name}_msgs_per_s"] = len(y) / best[name]
        if task_name == "risk":
            out[f"{name}_macro_f1"] = risk_metrics(y[:, 0], probs[name][0], fp32.alert_threshold)[
                "macro_f1"
            ]
        else:
            out[f"{name}_macro_f1"] = empathy_metrics(y, probs[name], MECHANISMS)["mean_macro_f1"]
    for name in ("int8", "bf16"):
        out[f"{name}_speedup"] = best["fp32"] / best[name]
        out[f"{name}_points_lost"] = 100 * (out["fp32_macro_f1"] - out[f"{name}_macro_f1"])
    return out


def main() -> None:
    """Measure, print JSON, append a section to RESULTS.md."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--train-batches", type=int, default=20)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args()
    import torch

    res = {
        "train_fast_top2": train_speed("risk", 2, args.train_batches),
        "train_full": train_speed("risk", 6, args.train_batches),
        "infer_risk": inference("risk", args.repeats),
        "infer_empathy": inference("empathy", args.repeats),
    }
    print(json.dumps(res, indent=2))
    out_dir = ROOT / "benchmarks" / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "models.json").write_text(json.dumps(res, indent=2))
    fast, full = res["train_fast_top2"], res["train_full"]
    bf16_native = bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    lines = [
        "",
        f"## Model training and inference speed (CPU), {dt.date.today()}",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, torch {torch.__version__} "
        f"({torch.get_num_threads()} threads), Python {platform.python_version()}. Command: "
        f"`.venv/bin/python benchmarks/bench_models.py --train-batches {args.train_batches} "
        f"--repeats {args.repeats}`. Risk train split, batch 32, dynamic padding; inference on "
        "each model's whole held-out test split, batch 64 sorted by length, best of the "
        "alternated repeats.",
        "",
        "| training (risk, MiniLM) | samples/s |",
        "|---|---:|",
        f"| fast profile: top 2 layers over cached states | {fast['train_samples_per_s']:.1f} |",
        f"| fast profile: caching pass (once per run) | {fast['cache_samples_per_s']:.1f} |",
        f"| full profile: all layers from token ids | {full['train_samples_per_s']:.1f} |",
        "",
        f"CPU bf16 support (`torch.ops.mkldnn._is_mkldnn_bf16_supported()`): {bf16_native}.",
        "",
        "| inference | records | path | msg/s | speed-up vs fp32 | macro-F1 | points lost |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for task in ("risk", "empathy"):
        r = res[f"infer_{task}"]
        for name in ("fp32", "int8", "bf16"):
            speed = "1.00x" if name == "fp32" else f"{r[f'{name}_speedup']:.2f}x"
            lost = "" if name == "fp32" else f"{r[f'{name}_points_lost']:.2f}"
            lines.append(
                f"| {task} | {r['records']} | {name} | {r[f'{name}_msgs_per_s']:.0f} | {speed} | "
                f"{r[f'{name}_macro_f1']:.4f} | {lost} |"
            )
    with args.results.open("a") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {args.results}; raw numbers in {out_dir / 'models.json'}")


if __name__ == "__main__":
    main()
