"""Fine-tune one classifier.  DVC runs: python -m training.train risk|empathy

Reads `paths.processed/datasets/<task>` (from build_datasets), fine-tunes the encoder named in
`encoder.name_or_path` with the `train.profile` budget (PyTorch Lightning: seeded, early
stopping on val/loss, best checkpoint restored, progress bar, MLflow's Lightning logger), then
fits one temperature per head on validation and, for risk, the alert threshold on
P(moderate or high) that reaches `train.risk.target_recall` on validation. Writes an MLflow
pyfunc model to `data/models/<task>`, logs it with a signature and input example, registers
it as `risk-classifier` / `empathy-classifier` and gives the new version the alias
`candidate` (promotion to `champion` is the bias audit's decision).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from pipelines.core.errors import UserError
from pipelines.core.io import atomic_dir
from pipelines.core.params import Params
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten
from pipelines.corpus.common import MANIFEST
from training.calibration import alert_policy, fit_temperature
from training.packaging import package
from training.tasks import MODELS, TASKS, Task

log = logging.getLogger("carebridge.train")


def _not_an_advert(record: logging.LogRecord) -> bool:
    """False for Lightning's "💡 Tip: try installing litlogger/litmodels" lines: adverts for
    a cloud service this offline stage never uses, in between its own progress lines."""
    return not str(record.msg).startswith("💡 Tip:")


def quiet_lightning_adverts() -> None:
    """Drop Lightning's adverts from its log; its other lines (devices, parameters) stay."""
    lightning = logging.getLogger("pytorch_lightning.utilities.rank_zero")
    if _not_an_advert not in lightning.filters:
        lightning.addFilter(_not_an_advert)


def class_weights(labels: np.ndarray, n_classes: int, power: float) -> list[float]:
    """(N / n_c) ** power, normalised to mean 1 (classes absent from training get weight 1)."""
    counts = np.bincount(labels, minlength=n_classes).astype(float)
    w = np.where(counts > 0, (counts.sum() / np.maximum(counts, 1)) ** power, 1.0)
    return (w / w.mean()).round(6).tolist()


def _precision(accelerator: str) -> str:
    import torch

    on_gpu = torch.cuda.is_available() and accelerator in ("auto", "gpu", "cuda")
    return "bf16-mixed" if on_gpu and torch.cuda.is_bf16_supported() else "32-true"


def _module(task: Task, params: Params, encoder: Any, train_labels: np.ndarray) -> Any:
    """The Lightning module around `encoder`, with the active profile's settings."""
    from training.module import EncoderClassifier

    tp, prof = params.train, params.train.active(task.name)
    weights = None
    if task.name == "risk":
        weights = [class_weights(train_labels[:, 0], 4, tp.risk.class_weight_power)]
    return EncoderClassifier(
        encoder,
        task=task,
        trainable_layers=prof.trainable_layers,
        learning_rate=prof.learning_rate,
        head_learning_rate=prof.head_learning_rate,
        weight_decay=prof.weight_decay,
        warmup_share=prof.warmup_share,
        dropout=prof.dropout,
        token_dropout=prof.token_dropout,
        class_weights=weights,
    )


def _trainer(task: Task, params: Params, ckpt_dir: str, run_id: str | None) -> tuple[Any, Any]:
    """A seeded Lightning trainer (early stopping on val/loss, best checkpoint kept, progress
    bar, MLflow logger into `run_id`) and its checkpoint callback."""
    import pytorch_lightning as pl
    from pytorch_lightning.callbacks import EarlyStopping, ModelCheckpoint, TQDMProgressBar

    tp, prof = params.train, params.train.active(task.name)
    loggers: list[Any] = []
    if run_id is not None:
        from pytorch_lightning.loggers import MLFlowLogger

        loggers.append(
            MLFlowLogger(
                experiment_name=params.mlflow.experiment,
                tracking_uri=params.mlflow.tracking_uri,
                run_id=run_id,
            )
        )
    checkpoint = ModelCheckpoint(
        dirpath=ckpt_dir, monitor="val/loss", mode="min", save_top_k=1, save_weights_only=True
    )
    trainer = pl.Trainer(
        max_epochs=prof.max_epochs,
        accelerator=tp.accelerator,
        devices=tp.devices,
        num_nodes=tp.num_nodes,
        strategy=tp.strategy,
        precision=_precision(tp.accelerator),
        callbacks=[
            EarlyStopping(monitor="val/loss", mode="min", patience=prof.patience),
            checkpoint,
            TQDMProgressBar(refresh_rate=20),
        ],
        logger=loggers or False,
        log_every_n_steps=20,
        deterministic="warn",
        enable_model_summary=False,
    )
    return trainer, checkpoint


def _calibrate(predictor: Any, validation: Any, task: Task, params: Params) -> dict[str, Any]:
    """Fit one temperature per head and, for risk, the alert threshold, on validation (token
    path: exactly what prediction runs); set them on `predictor` and return them."""
    from training.datamodule import labels_of, split_inputs
    from training.predict import softmax
    from training.tasks import urgent_probability

    rp = params.train.risk
    logits = predictor.logits(*split_inputs(validation, task, predictor.context_turns > 0))
    val_labels = labels_of(validation, task).numpy()
    temps = [fit_temperature(lg, val_labels[:, i]) for i, lg in enumerate(logits)]
    predictor.temperatures = temps
    out: dict[str, Any] = {"temperatures": [round(t, 4) for t in temps]}
    if task.name == "risk":
        urgent_prob = urgent_probability(softmax(logits[0] / temps[0]))
        urgent = val_labels[:, 0] >= 2
        ordinary = None
        if "source" in validation.column_names:  # real corpora mixed in: see corpus_data
            source = np.asarray(validation["source"])
            urgent = urgent & (source == "cohort")  # message-level urgent labels only
            ordinary = urgent_prob[source == "esconv"]
        policy = alert_policy(
            urgent_prob, urgent, ordinary, rp.target_recall, rp.recall_confidence, rp.alert_budget
        )
        predictor.alert_threshold = policy["threshold"]
        out["alert_threshold"] = round(policy["threshold"], 6)
        out["target_recall"] = rp.target_recall
        out["recall_confidence"] = rp.recall_confidence
        out["alert_policy"] = {k: v for k, v in policy.items() if k != "threshold"}
        if policy["kept"] == "recall" and "budget_overrun" in policy:
            log.warning(
                "alert threshold: recall %.2f kept on validation; ordinary real chat alerts "
                "%.3f, over the %.2f budget by %.3f",
                rp.target_recall, policy["ordinary_alert_share_validation"],
                rp.alert_budget, policy["budget_overrun"],
            )  # fmt: skip
    return out


def train(task: Task, params: Params, out_dir: Path, run_id: str | None = None) -> dict[str, Any]:
    """Fine-tune, calibrate and save one model into `out_dir`; return its validation report."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import pytorch_lightning as pl
    import torch
    from datasets import load_from_disk
    from transformers import AutoModel, AutoTokenizer

    from training.datamodule import TOKEN_KEYS, ChatDataModule, labels_of
    from training.encoder import resolve_encoder
    from training.predict import Predictor

    tp, prof = params.train, params.train.active(task.name)
    if tp.threads:
        torch.set_num_threads(tp.threads)
    pl.seed_everything(params.seed, workers=True)
    ds_path = params.paths.processed / "datasets" / task.name
    if not ds_path.exists():
        raise UserError(f"{ds_path} not found: run the build_datasets stage first")
    source = resolve_encoder(params.encoder.name_or_path)
    tokenizer = AutoTokenizer.from_pretrained(source)
    encoder = AutoModel.from_pretrained(source).train()  # from_pretrained returns eval mode
    splits = load_from_disk(str(ds_path))
    train_labels = labels_of(splits["train"], task).numpy()
    module = _module(task, params, encoder, train_labels)

    def featurize(batch: dict[str, torch.Tensor]) -> torch.Tensor:
        module.eval()
        return module.lower(**{k: batch[k] for k in TOKEN_KEYS if k in batch})

    dm = ChatDataModule(
        ds_path,
        task,
        batch_size=prof.batch_size,
        pad_id=int(tokenizer.pad_token_id or 0),
        featurize=featurize if module.frozen_layers else None,
    )
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix=f"ckpt-{task.name}-") as ckpt_dir:
        trainer, checkpoint = _trainer(task, params, ckpt_dir, run_id)
        trainer.fit(module, datamodule=dm)
        best = torch.load(checkpoint.best_model_path, map_location="cpu", weights_only=True)
        module.load_state_dict(best["state_dict"])
    seconds = time.perf_counter() - t0
    module = module.cpu().eval()
    turns = params.datasets.risk_context_turns if task.name == "risk" else 0
    max_length = getattr(params.datasets.max_length, task.name)
    window = params.datasets.window_words if task.name == "risk" else 0
    predictor = Predictor(
        module, tokenizer, task, max_length, context_turns=turns, window_words=window
    )
    calibration = _calibrate(predictor, splits["validation"], task, params)
    report: dict[str, Any] = {
        "profile": tp.profile,
        "trainable_layers": module.trainable_layers,
        "epochs_trained": int(trainer.current_epoch),
        "best_val_loss": round(float(checkpoint.best_model_score), 5),
        "temperatures": calibration.pop("temperatures"),
        "train_records": len(train_labels),
        **calibration,
    }
    predictor.info = {"profile": tp.profile, "encoder": params.encoder.name_or_path}
    predictor.save(out_dir)
    train_split = splits["train"]
    sources = (
        sorted(set(train_split["source"])) if "source" in train_split.column_names else ["cohort"]
    )
    return {"report": report, "seconds": seconds, "predictor": predictor, "sources": sources}


def _tag_training_data(
    mlflow: Any, registry: dict[str, str], sources: list[str], datasets: Path
) -> None:
    """Which data a version learned from, on the run and the registered version:
    `training_data` (the sources in its training split, e.g. cohort+cssrs+esconv) and
    `corpus.<name>.md5` for each real corpus the datasets' manifest names."""
    from mlflow.tracking import MlflowClient

    manifest = datasets / MANIFEST
    corpora = json.loads(manifest.read_text()) if manifest.is_file() else {}
    tags = {"training_data": "+".join(sources)}
    tags |= {f"corpus.{name}.md5": md5 for name, md5 in corpora.items()}
    mlflow.set_tags(tags)
    client = MlflowClient()
    for key, value in tags.items():
        client.set_model_version_tag(registry["registered_model"], registry["version"], key, value)


@stage("train", items=tuple(TASKS))
def main(run: StageRun) -> None:
    """Fine-tune `python -m training.train risk|empathy`, register it as candidate."""
    quiet_lightning_adverts()
    task, params = TASKS[run.item], run.params
    tp = params.train
    stage_params = {
        **flatten("train", tp.model_dump(exclude={"profiles"})),
        **flatten(f"train.profiles.{tp.profile}.{task.name}", tp.active(task.name)),
        **flatten("encoder", params.encoder),
        "seed": params.seed,
    }
    dest = MODELS / task.name
    with run.tracked(stage_params) as mlflow:
        run_id = mlflow.active_run().info.run_id
        with tempfile.TemporaryDirectory(prefix=f"weights-{task.name}-") as weights:
            result = train(task, params, Path(weights), run_id=run_id)
            report = result["report"]
            with atomic_dir(dest) as tmp:
                model_dir = tmp / "model"
                registry = package(task, Path(weights), model_dir, result["predictor"], mlflow)
                _tag_training_data(
                    mlflow, registry, result["sources"], params.paths.processed / "datasets"
                )
                registered = {"run_id": run_id, **registry}
                (tmp / "run.json").write_text(json.dumps(registered, indent=2, sort_keys=True))
        mlflow.log_metrics(
            {
                "train_seconds": result["seconds"],
                "epochs_trained": report["epochs_trained"],
                **{f"temperature_{i}": t for i, t in enumerate(report["temperatures"])},
                **(
                    {"alert_threshold": report["alert_threshold"]}
                    if "alert_threshold" in report
                    else {}
                ),
            }
        )
    report_path = run.write_report(report, f"train_{task.name}")
    run.log.info(
        "train %s: %d epochs in %.0f s (profile %s); registered %s version %s as candidate",
        task.name,
        report["epochs_trained"],
        result["seconds"],
        tp.profile,
        registry["registered_model"],
        registry["version"],
    )
    run.log.info("wrote %s, report to %s", dest, report_path)


if __name__ == "__main__":
    main()
