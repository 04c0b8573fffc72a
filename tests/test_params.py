"""params.yaml validates into frozen typed config; bad keys fail with their key path."""

from __future__ import annotations

import copy

import pydantic
import pytest
import yaml

from pipelines.core.params import ParamsError, load_params, parse_params
from tests.conftest import ROOT


@pytest.fixture
def raw():
    return yaml.safe_load((ROOT / "params.yaml").read_text())


def test_repo_params_validate(params):
    assert params.synthesize.n_patients == 2000
    assert params.synthesize.transcripts.indirect_risk_share["older_formal"] > 0


def test_params_are_frozen(params):
    with pytest.raises(pydantic.ValidationError):
        params.synthesize.n_patients = 5  # type: ignore[misc]


def test_unknown_key_names_its_path(raw):
    bad = copy.deepcopy(raw)
    bad["synthesize"]["trajectory"]["arm_efect"] = 0.5
    with pytest.raises(ParamsError, match=r"synthesize\.trajectory\.arm_efect: unknown key"):
        parse_params(bad)


def test_mistyped_value_names_its_path(raw):
    bad = copy.deepcopy(raw)
    bad["synthesize"]["n_patients"] = "many"
    with pytest.raises(ParamsError, match=r"synthesize\.n_patients"):
        parse_params(bad)


def test_out_of_range_share_rejected(raw):
    bad = copy.deepcopy(raw)
    bad["synthesize"]["hybrid_share"] = 1.5
    with pytest.raises(ParamsError, match=r"synthesize\.hybrid_share"):
        parse_params(bad)


def test_missing_register_share_rejected(raw):
    bad = copy.deepcopy(raw)
    del bad["synthesize"]["transcripts"]["indirect_risk_share"]["dialectal"]
    with pytest.raises(ParamsError, match="dialectal"):
        parse_params(bad)


def test_missing_section_and_file(raw, tmp_path):
    bad = copy.deepcopy(raw)
    del bad["ingest"]
    with pytest.raises(ParamsError, match=r"ingest: Field required"):
        parse_params(bad)
    with pytest.raises(ParamsError, match="not found"):
        load_params(tmp_path / "nope.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("seed: [1, 2\n")
    with pytest.raises(ParamsError, match="not valid YAML"):
        load_params(broken)
