"""build_datasets: consent, patient-disjoint splits, held-out phrasings as test, tokenization."""

from __future__ import annotations

import polars as pl
import pytest
from datasets import load_from_disk

from pipelines.core.errors import UserError
from training.datasets import assign_splits, risk_frame


def test_no_patient_without_consent_in_any_split(built, tables):
    path, report = built
    refused = set(tables["patients"].filter(~pl.col("consent_training"))["patient_id"].to_list())
    assert refused, "the cohort must contain patients who refused training use"
    for task in ("risk", "empathy"):
        dd = load_from_disk(str(path / task))
        for split in ("train", "validation", "test"):
            assert not refused & set(dd[split]["patient_id"])
        assert report[task]["excluded_records_no_consent"] > 0


def test_splits_are_patient_disjoint_and_follow_the_phrasing_split(built, tables):
    path, report = built
    meta = tables["message_meta"].join(tables["transcripts"], on="message_id")

    def written_with(side: str) -> set[str]:
        return set(meta.filter(pl.col("phrasing_split") == side)["patient_id"].to_list())

    heldout, validation = written_with("heldout"), written_with("validation")
    dd = load_from_disk(str(path / "risk"))
    patients = {s: set(dd[s]["patient_id"]) for s in ("train", "validation", "test")}
    assert not patients["train"] & patients["validation"]
    assert not patients["train"] & patients["test"]
    assert not patients["validation"] & patients["test"]
    assert patients["test"] <= heldout
    assert not (patients["train"] | patients["validation"]) & heldout
    # validation is written with its own reserved phrasings, never with training's
    assert patients["validation"] and patients["validation"] <= validation
    assert not patients["train"] & validation
    assert report["validation_source"] == "phrasing_split"


def test_records_are_tokenized_unpadded_with_labels(built):
    path, report = built
    dd = load_from_disk(str(path / "empathy"))
    row = dd["train"][0]
    assert {"input_ids", "attention_mask", "seeker", "response", "explorations"} <= set(row)
    assert len(row["input_ids"]) == sum(row["attention_mask"])  # no padding stored
    assert report["risk"]["train"]["records"] == len(load_from_disk(str(path / "risk"))["train"])


def test_random_patient_split_without_phrasing_table(params):
    patients = pl.DataFrame({"patient_id": [f"p{i}" for i in range(2000)]})
    first = assign_splits(patients, params.datasets, 7, None)
    again = assign_splits(patients, params.datasets, 7, None)
    assert first.equals(again)  # stable
    share = (first["split"] == "test").mean()
    assert abs(share - params.datasets.test_share) < 0.03


def test_context_turns_prepend_earlier_messages():
    deid = pl.DataFrame(
        {
            "message_id": ["a", "b", "c"],
            "conversation_id": ["c1", "c1", "c1"],
            "patient_id": ["p", "p", "p"],
            "turn": [0, 1, 2],
            "speaker": ["patient", "assistant", "patient"],
            "text": ["first", "reply", "second"],
        }
    )
    labels = pl.DataFrame({"message_id": ["a", "c"], "risk_level": ["none", "high"]})
    out = risk_frame(deid, labels, 2).sort("message_id")
    assert out["context"].to_list() == ["", "first\nreply"]
    assert out["label"].to_list() == [0, 3]


def test_label_without_deidentified_text_is_an_error():
    deid = pl.DataFrame(
        {
            "message_id": ["a"],
            "conversation_id": ["c1"],
            "patient_id": ["p"],
            "turn": [0],
            "speaker": ["patient"],
            "text": ["x"],
        }
    )
    labels = pl.DataFrame({"message_id": ["a", "zz"], "risk_level": ["none", "low"]})
    with pytest.raises(UserError, match="1 labelled message_id values have no de-identified"):
        risk_frame(deid, labels, 0)
