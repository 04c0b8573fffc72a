"""Training: the Lightning module and data module, calibration, packaging and the registry.

Everything here uses a tiny randomly initialised BERT (see conftest); the real encoder is
exercised by `make run` and the slow behavioural tests.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
import pytorch_lightning as pl
import torch
from transformers import AutoModel, AutoTokenizer

from pipelines.core.errors import UserError
from training.calibration import alert_threshold, fit_temperature
from training.datamodule import TOKEN_KEYS, ChatDataModule, TokenRows, cache_hidden, pad_tokens
from training.module import EncoderClassifier
from training.predict import Predictor, load_predictor
from training.tasks import TASKS
from training.train import class_weights, quiet_lightning_adverts


def _module(tiny_encoder, task: str, trainable: int) -> EncoderClassifier:
    torch.manual_seed(0)
    return EncoderClassifier(
        AutoModel.from_pretrained(tiny_encoder).train(),
        task=TASKS[task],
        trainable_layers=trainable,
    )


@pytest.mark.parametrize(("task", "trainable"), [("risk", 1), ("empathy", 2), ("risk", 0)])
def test_fast_dev_run_trains_one_batch(built, tiny_encoder, task, trainable):
    path, _ = built
    module = _module(tiny_encoder, task, trainable)
    before = {n: p.detach().clone() for n, p in module.named_parameters() if p.requires_grad}
    featurize = None
    if module.frozen_layers:

        def featurize(batch):
            return module.lower(**{k: batch[k] for k in TOKEN_KEYS if k in batch})

    dm = ChatDataModule(path / task, TASKS[task], batch_size=8, pad_id=0, featurize=featurize)
    trainer = pl.Trainer(fast_dev_run=True, accelerator="cpu", logger=False,
                         enable_progress_bar=False, enable_model_summary=False)  # fmt: skip
    trainer.fit(module, datamodule=dm)
    changed = [n for n, p in module.named_parameters() if p.requires_grad
               and not torch.equal(p.detach(), before[n])]  # fmt: skip
    assert changed, "an optimisation step must change trainable weights"
    frozen_layer = module.layers[0] if module.frozen_layers else None
    if frozen_layer is not None:
        assert not any(p.requires_grad for p in frozen_layer.parameters())


def test_cached_frozen_layers_give_the_same_logits_as_token_path(built, tiny_encoder):
    path, _ = built
    from datasets import load_from_disk

    module = _module(tiny_encoder, "risk", 1).eval()
    rows = TokenRows(
        load_from_disk(str(path / "risk"))["validation"].select(range(16)), TASKS["risk"]
    )

    def featurize(batch):
        return module.lower(**{k: batch[k] for k in TOKEN_KEYS if k in batch})

    cached = cache_hidden(rows, featurize, pad_id=0, batch_size=5)
    from training.datamodule import pad_hidden

    with torch.inference_mode():
        via_cache = module(pad_hidden([cached[i] for i in range(16)]))[0]
        via_tokens = module(pad_tokens([rows[i] for i in range(16)], 0))[0]
    assert torch.allclose(via_cache, via_tokens, atol=2e-2)


def test_token_dropout_hides_tokens_in_training_only(tiny_encoder):
    torch.manual_seed(0)
    module = EncoderClassifier(
        AutoModel.from_pretrained(tiny_encoder).train(),
        task=TASKS["risk"],
        trainable_layers=1,
        token_dropout=0.4,
    )
    mask = torch.ones(64, 50, dtype=torch.long)
    mask[:, 40:] = 0  # padding stays padding
    batch = {"hidden": torch.zeros(64, 50, 8), "attention_mask": mask}
    dropped = module.drop_tokens(batch)["attention_mask"]
    assert torch.equal(batch["attention_mask"], mask)  # the input batch is not changed
    assert (dropped[:, 0] == 1).all()  # [CLS] always stays
    assert (dropped[:, 40:] == 0).all()
    assert 0.3 < 1 - dropped[:, 1:40].float().mean().item() < 0.5
    off = _module(tiny_encoder, "risk", 1)  # token_dropout defaults to 0: nothing hidden
    assert off.drop_tokens(batch) is batch


def test_temperature_scaling_recovers_a_known_temperature():
    rng = np.random.default_rng(0)
    true_logits = rng.normal(0, 2, size=(4000, 4))
    p = np.exp(true_logits) / np.exp(true_logits).sum(1, keepdims=True)
    labels = np.array([rng.choice(4, p=row) for row in p])
    assert fit_temperature(true_logits * 3.0, labels) == pytest.approx(3.0, rel=0.1)


def test_alert_threshold_reaches_target_recall_on_validation():
    prob = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.1, 0.4, 0.3])
    urgent = np.array([1, 1, 1, 1, 1, 1, 0, 0])
    # 6 urgent: 0.8 recall needs 5 alerts -> threshold at the 5th highest urgent probability
    assert alert_threshold(prob, urgent, 0.8) == 0.5
    assert alert_threshold(prob, urgent, 1.0) == 0.1
    assert ((prob >= alert_threshold(prob, urgent, 0.95)) & (urgent == 1)).sum() == 6


def test_alert_threshold_with_a_confidence_bound_asks_for_more_recall():
    rng = np.random.default_rng(1)
    prob = rng.random(100)
    urgent = np.ones(100)
    point = alert_threshold(prob, urgent, 0.9)
    bounded = alert_threshold(prob, urgent, 0.9, confidence=0.9)
    assert (prob >= point).sum() == 90
    # Clopper-Pearson 90% lower bounds: 94 of 100 -> 0.897 (< 0.9), 95 of 100 -> 0.909
    assert (prob >= bounded).sum() == 95
    assert bounded < point


def test_lightning_adverts_are_dropped_and_its_other_lines_kept():
    import logging

    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    lightning = logging.getLogger("pytorch_lightning.utilities.rank_zero")
    lightning.addHandler(handler)
    try:
        quiet_lightning_adverts()
        pl.Trainer(logger=False, accelerator="cpu", enable_checkpointing=False)
    finally:
        lightning.removeHandler(handler)
    assert lines, "Lightning logged nothing: the test no longer sees its lines"
    assert not [line for line in lines if "litlogger" in line or "Tip:" in line]
    assert any("GPU available" in line for line in lines)


def test_class_weights_hand_computed():
    labels = np.array([0] * 6 + [1] * 2 + [2] * 1 + [3] * 1)
    w = class_weights(labels, 4, 1.0)  # N/n = 10/6, 5, 10, 10 -> mean 6.6667
    assert w == pytest.approx([0.25, 0.75, 1.5, 1.5], rel=1e-4)
    assert class_weights(labels, 4, 0.0) == [1.0, 1.0, 1.0, 1.0]


def _predictor(tiny_encoder, task: str) -> Predictor:
    module = _module(tiny_encoder, task, 1).eval()
    tok = AutoTokenizer.from_pretrained(tiny_encoder)
    heads = len(TASKS[task].heads)
    return Predictor(module, tok, TASKS[task], 64, [1.5] * heads, 0.2 if task == "risk" else None)


def test_context_turns_survive_saving_and_a_context_model_refuses_bare_messages(
    tiny_encoder, tmp_path
):
    import polars as pl

    from training.predict import PredictError

    risk = _predictor(tiny_encoder, "risk")
    risk.context_turns = 2
    loaded = Predictor.load(risk.save(tmp_path / "m"))
    assert loaded.context_turns == 2 and loaded.input_columns == ("text", "context")
    with pytest.raises(PredictError, match="needs a 'context' column"):
        loaded.predict(pl.DataFrame({"text": ["I feel fine."]}))
    out = loaded.predict(pl.DataFrame({"text": ["I feel fine."] * 2, "context": ["", "Hi"]}))
    assert out["risk_probs"][0] != out["risk_probs"][1]
    # a model saved before the field existed reads no context
    cfg = json.loads((tmp_path / "m" / "carebridge.json").read_text())
    del cfg["context_turns"]
    (tmp_path / "m" / "carebridge.json").write_text(json.dumps(cfg))
    assert Predictor.load(tmp_path / "m").context_turns == 0


def test_predictor_round_trip_and_contract(tiny_encoder, tmp_path):
    import polars as pl

    risk = _predictor(tiny_encoder, "risk")
    frame = pl.DataFrame({"id": ["a", "b", "c"], "text": ["I feel fine.", "", "no way out " * 40]})
    out = risk.predict(frame)
    assert out.columns == ["id", "text", "risk_level", "risk_probs", "alert"]
    assert set(out["risk_level"]) <= {"none", "low", "moderate", "high"}
    sums = out["risk_probs"].struct.unnest().sum_horizontal()
    assert np.allclose(sums.to_numpy(), 1.0, atol=1e-4)
    again = Predictor.load(risk.save(tmp_path / "m")).predict(frame)
    assert again.equals(out)
    emp = _predictor(tiny_encoder, "empathy")
    scored = emp.predict(
        pl.DataFrame({"id": ["x"], "seeker": ["help"], "response": ["I hear you."]})
    )
    assert scored.columns[-4:] == [
        "emotional_reactions", "interpretations", "explorations", "empathy_score",
    ]  # fmt: skip
    assert 0.0 <= scored["empathy_score"][0] <= 6.0


def test_quantized_predictor_keeps_the_contract(tiny_encoder):
    import polars as pl

    risk = _predictor(tiny_encoder, "risk")
    frame = pl.DataFrame({"id": ["a"], "text": ["I feel fine today."]})
    assert risk.quantized().predict(frame).columns == risk.predict(frame).columns


def test_bfloat16_predictor_stays_close_to_fp32_and_leaves_the_original_alone(tiny_encoder):
    risk = _predictor(tiny_encoder, "risk")
    texts = ["I feel fine today.", "Nothing helps anymore and I am so tired.", "ok"]
    (fp32,) = risk.probabilities(texts)
    fast = risk.bfloat16()
    (bf16,) = fast.probabilities(texts)
    assert fast.bf16 and not risk.bf16
    assert bf16.dtype == np.float32 and np.allclose(bf16.sum(axis=1), 1.0, atol=1e-5)
    assert np.abs(bf16 - fp32).max() < 0.05  # bf16 keeps 8 bits of mantissa
    assert risk.with_precision("fp32") is risk
    assert risk.with_precision("bf16").bf16
    with pytest.raises(UserError, match="--precision fp16: use fp32, bf16, int8"):
        risk.with_precision("fp16")


def test_package_registers_candidate_and_loads_by_alias(tiny_encoder, tmp_path, monkeypatch):
    import mlflow

    from training.packaging import package

    monkeypatch.chdir(tmp_path)
    mlflow.set_tracking_uri(f"sqlite:///{tmp_path}/mlflow.db")
    predictor = _predictor(tiny_encoder, "risk")
    weights = predictor.save(tmp_path / "weights")
    with mlflow.start_run():
        reg = package(TASKS["risk"], weights, tmp_path / "out" / "model", predictor, mlflow)
    assert reg == {"registered_model": "risk-classifier", "version": "1", "alias": "candidate"}
    loaded = mlflow.pyfunc.load_model("models:/risk-classifier@candidate")
    import pandas as pd

    pred = loaded.predict(pd.DataFrame({"text": ["I am okay."]}))
    assert {"risk_level", "prob_high", "alert"} <= set(pred.columns)
    local = load_predictor(tmp_path / "out" / "model")
    assert local.alert_threshold == predictor.alert_threshold


def test_saved_tokenizer_is_the_pretrained_one_unchanged(tiny_encoder, tmp_path):
    """The leak scan skips tokenizer.json because models copy it unchanged from the encoder."""
    folder = _predictor(tiny_encoder, "risk").save(tmp_path / "m")
    saved = (folder / "encoder" / "tokenizer.json").read_bytes()
    assert saved == (tiny_encoder / "tokenizer.json").read_bytes()


def _tiny(model_type: str):
    """A randomly initialised 2-layer encoder of the given family (hidden 32)."""
    from transformers import AutoConfig

    config = AutoConfig.for_model(
        model_type, vocab_size=120, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=80, pad_token_id=1,
    )  # fmt: skip
    if model_type == "electra":
        config.embedding_size = 32
    torch.manual_seed(0)
    return AutoModel.from_config(config)


@pytest.mark.parametrize("model_type", ["bert", "roberta", "xlm-roberta", "electra", "mpnet"])
@pytest.mark.parametrize("trainable", [0, 1])
def test_layer_by_layer_path_equals_the_library_forward(model_type, trainable):
    encoder = _tiny(model_type).eval()
    module = EncoderClassifier(encoder, task=TASKS["risk"], trainable_layers=trainable).eval()
    ids = torch.randint(3, 120, (4, 12))
    mask = torch.ones_like(ids)
    mask[1, 7:], mask[3, 4:] = 0, 0  # padded rows
    ids[mask == 0] = 1
    batch = {"input_ids": ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(ids)}
    with torch.inference_mode():
        h = encoder(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).float()
        expected = module.heads[0]((h * m).sum(1) / m.sum(1))
        got = module(batch)[0]
    assert torch.allclose(got, expected, atol=1e-5)


@pytest.mark.parametrize("model_type", ["deberta-v2", "distilbert"])
def test_encoders_whose_layers_need_more_are_refused(model_type):
    from training.encoder import EncoderError

    with pytest.raises(EncoderError, match=r"name_or_path: a .* encoder is not supported"):
        EncoderClassifier(_tiny(model_type), task=TASKS["risk"], trainable_layers=1)


def test_score_stage_gives_a_context_model_the_turns_it_was_trained_with(tiny_encoder, tmp_path):
    import datetime as dt

    import polars as pl

    from training.score import score_messages

    risk = _predictor(tiny_encoder, "risk")
    risk.context_turns = 2
    folder = risk.save(tmp_path / "m")

    def transcripts(first_words: str) -> pl.DataFrame:
        rows = [  # conversation, turn, speaker, text; stored out of turn order on purpose
            ("c2", 0, "patient", "hello there"),
            ("c1", 2, "patient", "I can't do this"),
            ("c1", 0, "patient", first_words),
            ("c1", 1, "assistant", "I'm here. Tell me more."),
        ]
        return pl.DataFrame(
            {
                "message_id": [f"{c}-{t}" for c, t, _, _ in rows],
                "conversation_id": [c for c, _, _, _ in rows],
                "patient_id": ["p1"] * len(rows),
                "sent_at": [dt.datetime(2025, 1, 6, 8, t) for _, t, _, _ in rows],
                "turn": [t for _, t, _, _ in rows],
                "speaker": [s for _, _, s, _ in rows],
                "text": [x for _, _, _, x in rows],
            }
        )

    scored = {}
    for words in ("fine thanks", "everything is pointless"):
        path = tmp_path / f"{words}.parquet"
        transcripts(words).write_parquet(path)
        out, _ = score_messages(path, folder)
        assert out["message_id"].to_list() == ["c2-0", "c1-2", "c1-0"]  # input order
        assert "text" not in out.columns and "context" not in out.columns
        scored[words] = dict(zip(out["message_id"], out["p_urgent"], strict=True))
    a, b = scored.values()
    assert a["c1-2"] != b["c1-2"]  # its earlier turn changed, and it was read
    assert a["c2-0"] == b["c2-0"]  # another conversation's was not
