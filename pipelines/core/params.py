"""params.yaml validated once into frozen, typed configuration.

Every stage calls `load_params()` and reads only its own section. An unknown, missing or
mistyped key raises `ParamsError` naming its key path (for example `synthesize.n_patients`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipelines.core.errors import UserError
from pipelines.core.vocab import CRISIS_TYPES, IDENTIFIER_TYPES, REGISTERS

DEFAULT_PARAMS = Path("params.yaml")

Share = Annotated[float, Field(ge=0.0, le=1.0)]
PositiveInt = Annotated[int, Field(gt=0)]
Register = Literal[REGISTERS]  # type: ignore[valid-type]


class ParamsError(UserError):
    """params.yaml is missing, unreadable or does not match the schema."""


class Frozen(BaseModel):
    """Base for every params section: immutable, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Paths(Frozen):
    raw: Path
    interim: Path
    processed: Path
    reports: Path


class MlflowParams(Frozen):
    tracking_uri: str
    artifact_root: Path
    experiment: str = Field(min_length=1)


class TrajectoryParams(Frozen):
    baseline_phq9_mean: Annotated[float, Field(ge=0, le=27)]
    baseline_phq9_sd: Annotated[float, Field(gt=0)]
    enrol_min_phq9: Annotated[int, Field(ge=0, le=27)]
    measurement_sd: Annotated[float, Field(ge=0)]
    recovery_rate_usual: Share
    arm_effect: Annotated[float, Field(ge=-1)]
    dropout_base: Share
    dropout_per_phq9_point: Share
    dropout_low_engagement: Share
    missed_week_rate: Share
    crisis_rate_per_week: Share
    hybrid_crisis_reduction: Share
    escalation_rate_hybrid: Share


class TranscriptParams(Frozen):
    conversation_rate: Annotated[float, Field(ge=0, le=7)]
    max_exchanges: Annotated[int, Field(ge=1, le=20)]
    heldout_patient_share: Annotated[float, Field(gt=0, lt=1)]
    heldout_phrasing_share: Annotated[float, Field(gt=0, lt=1)]
    validation_patient_share: Annotated[float, Field(ge=0, lt=1)]
    validation_phrasing_share: Annotated[float, Field(ge=0, lt=1)]
    phi_rate: Share
    assistant_phi_rate: Share
    register_group_strength: Share
    indirect_risk_share: dict[Register, Share]
    typo_rate: Annotated[float, Field(ge=0, le=0.5)]

    @model_validator(mode="after")
    def _shares_fit(self) -> TranscriptParams:
        for kind in ("patient", "phrasing"):
            held = getattr(self, f"heldout_{kind}_share")
            val = getattr(self, f"validation_{kind}_share")
            if held + val >= 1:
                raise ValueError(
                    f"heldout_{kind}_share + validation_{kind}_share must be below 1 "
                    "(training needs the rest)"
                )
        return self

    @model_validator(mode="after")
    def _every_register(self) -> TranscriptParams:
        missing = sorted(set(REGISTERS) - set(self.indirect_risk_share))
        if missing:
            raise ValueError(f"indirect_risk_share needs a value for: {', '.join(missing)}")
        return self


class SynthesizeParams(Frozen):
    n_patients: PositiveInt
    chunk_size: PositiveInt
    n_sites: Annotated[int, Field(ge=1, le=99)]
    start_date: dt.date
    enrolment_window_weeks: PositiveInt
    min_weeks: Annotated[int, Field(ge=1, le=104)]
    max_weeks: Annotated[int, Field(ge=1, le=104)]
    pre_enrolment_weeks: Annotated[int, Field(ge=0, le=104)]
    hybrid_share: Share
    training_consent_rate: Share
    full_anonymity_rate: Share
    trajectory: TrajectoryParams
    transcripts: TranscriptParams

    @model_validator(mode="after")
    def _weeks_ordered(self) -> SynthesizeParams:
        if self.min_weeks > self.max_weeks:
            raise ValueError("min_weeks must not exceed max_weeks")
        return self


IdentifierType = Literal[IDENTIFIER_TYPES]  # type: ignore[valid-type]


class DeidentifyParams(Frozen):
    id_column: str = Field(min_length=1)
    group_column: str = Field(min_length=1)
    operator: Literal["tag", "surrogate"]
    date_shift: bool
    secret_env: str = Field(min_length=1)
    secret_file: Path
    salt: str = Field(min_length=8)
    score_threshold: Share
    batch_size: PositiveInt
    n_process: PositiveInt
    max_chars: PositiveInt
    spacy_components: tuple[str, ...]
    allow_quarantine: bool
    eval_split: Literal["heldout", "seen", "all"]
    recall_floor: Share
    direct_identifiers: tuple[IdentifierType, ...]
    outside_sets: Path | None = None
    outside_gate: tuple[str, ...] = ()


class IngestParams(Frozen):
    source_dir: Path
    max_errors: PositiveInt


class CorporaParams(Frozen):
    """Real labelled corpora in their published formats; a folder per corpus, None = unused."""

    epitome: Path | None = None
    cssrs: Path | None = None
    esconv: Path | None = None
    test_share: Annotated[float, Field(gt=0, lt=0.5)]
    validation_share: Annotated[float, Field(gt=0, lt=0.5)]

    def used(self) -> dict[str, Path]:
        """The corpora that name a folder."""
        return {
            name: folder
            for name, folder in (
                ("epitome", self.epitome),
                ("cssrs", self.cssrs),
                ("esconv", self.esconv),
            )
            if folder is not None
        }


class EncoderParams(Frozen):
    name_or_path: str = Field(min_length=1)


class MaxLength(Frozen):
    risk: Annotated[int, Field(ge=8, le=512)]
    empathy: Annotated[int, Field(ge=8, le=512)]


class DatasetsParams(Frozen):
    validation_share: Annotated[float, Field(gt=0, lt=0.5)]
    test_share: Annotated[float, Field(gt=0, lt=0.5)]
    risk_context_turns: Annotated[int, Field(ge=0, le=10)]
    window_words: Annotated[int, Field(ge=8, le=400)]
    max_length: MaxLength


class ProfileParams(Frozen):
    trainable_layers: Annotated[int, Field(ge=0)]
    max_epochs: PositiveInt
    batch_size: PositiveInt
    learning_rate: Annotated[float, Field(gt=0, lt=1)]
    head_learning_rate: Annotated[float, Field(gt=0, lt=1)]
    weight_decay: Annotated[float, Field(ge=0, lt=1)]
    warmup_share: Annotated[float, Field(ge=0, lt=1)]
    patience: PositiveInt
    dropout: Annotated[float, Field(ge=0, lt=1)]
    token_dropout: Annotated[float, Field(ge=0, lt=1)]


class RiskTrainParams(Frozen):
    target_recall: Annotated[float, Field(gt=0, le=1)]
    recall_confidence: Annotated[float, Field(ge=0, lt=1)]
    class_weight_power: Annotated[float, Field(ge=0, le=1)]
    alert_budget: Annotated[float, Field(gt=0, le=1)]


class TaskProfiles(Frozen):
    risk: ProfileParams
    empathy: ProfileParams


class TrainParams(Frozen):
    profile: Literal["fast", "full"]
    profiles: dict[Literal["fast", "full"], TaskProfiles]
    accelerator: str = Field(min_length=1)
    devices: int | Literal["auto"]
    num_nodes: PositiveInt
    strategy: str = Field(min_length=1)
    threads: Annotated[int, Field(ge=0)]
    risk: RiskTrainParams

    @model_validator(mode="after")
    def _both_profiles(self) -> TrainParams:
        missing = sorted({"fast", "full"} - set(self.profiles))
        if missing:
            raise ValueError(f"profiles needs: {', '.join(missing)}")
        return self

    def active(self, task: str) -> ProfileParams:
        """The budget of `task` in the profile the `profile` key selects."""
        return getattr(self.profiles[self.profile], task)


class Caseness(Frozen):
    phq9: Annotated[int, Field(ge=0, le=27)]
    gad7: Annotated[int, Field(ge=0, le=21)]


class PublishedClaims(Frozen):
    wellbeing_increase: float
    crisis_reduction: Annotated[float, Field(le=1)]
    engagement_increase: float


GroupColumn = Literal[
    "site",
    "enrolment_month",
    "age_band",
    "gender",
    "race_ethnicity",
    "primary_language",
    "rurality",
    "insurance",
]
CrisisType = Literal[CRISIS_TYPES]  # type: ignore[valid-type]


class OutcomesParams(Frozen):
    min_cell: PositiveInt
    confidence: Annotated[float, Field(gt=0.5, lt=1)]
    baseline_max_week: Annotated[int, Field(ge=0, le=104)]
    caseness: Caseness
    reliable_change: Caseness
    wemwbs_meaningful_change: PositiveInt
    sessions_threshold: PositiveInt
    crisis_event_types: tuple[CrisisType, ...] = Field(min_length=1)
    group_columns: tuple[GroupColumn, ...]
    published: PublishedClaims


class StepRule(Frozen):
    """A step applies when any listed score is at or above its value (null = not used)."""

    phq9_total: Annotated[int, Field(ge=0, le=27)] | None
    gad7_total: Annotated[int, Field(ge=0, le=21)] | None
    pcptsd5_total: Annotated[int, Field(ge=0, le=5)] | None
    phq9_item9: Annotated[int, Field(ge=0, le=3)] | None


class ScreeningParams(Frozen):
    phq9_positive: Annotated[int, Field(ge=0, le=27)]
    gad7_positive: Annotated[int, Field(ge=0, le=21)]
    pcptsd5_positive: Annotated[int, Field(ge=0, le=5)]
    urgent_referral: StepRule
    assistant_plus_therapist: StepRule


class AlertRules(Frozen):
    risk_model: bool
    phq9_item9_min: Annotated[int, Field(ge=1, le=3)]
    phq9_rise: Annotated[int, Field(ge=1, le=27)]
    high_phq9: Annotated[int, Field(ge=0, le=27)]
    missed_weeks: Annotated[int, Field(ge=1, le=52)]


class SummariesParams(Frozen):
    as_of: dt.date | None
    window_weeks: Annotated[int, Field(ge=1, le=52)]
    trajectory_weeks: Annotated[int, Field(ge=1, le=104)]
    wearable_baseline_days: Annotated[int, Field(ge=3, le=90)]
    recent_days: Annotated[int, Field(ge=1, le=90)]
    sleep_change_hours: Annotated[float, Field(gt=0, le=24)]
    activity_change_share: Annotated[float, Field(gt=0, le=10)]
    trend_min_change: Annotated[float, Field(ge=0)]
    alerts: AlertRules


SensitiveFeature = Literal[
    "age_band",
    "gender",
    "race_ethnicity",
    "primary_language",
    "rurality",
    "insurance",
    "register",
]


class RiskGate(Frozen):
    min_group_recall: Share
    max_recall_gap: Share


class EmpathyGate(Frozen):
    min_group_macro_f1: Share
    max_macro_f1_gap: Share


class GateParams(Frozen):
    risk: RiskGate
    empathy: EmpathyGate


class MitigationParams(Frozen):
    enabled: bool
    feature: SensitiveFeature
    constraints: Literal["true_positive_rate_parity", "equalized_odds"]
    objective: Literal["balanced_accuracy_score", "accuracy_score"]


class BiasAuditParams(Frozen):
    sensitive_features: tuple[SensitiveFeature, ...] = Field(min_length=1)
    intersections: bool
    min_group_size: PositiveInt
    n_boot: Annotated[int, Field(ge=20, le=10000)]
    ci_quantiles: tuple[Annotated[float, Field(gt=0, lt=1)], Annotated[float, Field(gt=0, lt=1)]]
    n_jobs: PositiveInt
    gate: GateParams
    mitigation: MitigationParams
    review_deid_max_score: Share

    @model_validator(mode="after")
    def _ordered_quantiles(self) -> BiasAuditParams:
        if self.ci_quantiles[0] >= self.ci_quantiles[1]:
            raise ValueError("ci_quantiles must be [lower, upper] with lower < upper")
        return self


class Params(Frozen):
    seed: Annotated[int, Field(ge=0)]
    paths: Paths
    mlflow: MlflowParams
    synthesize: SynthesizeParams
    ingest: IngestParams
    deidentify: DeidentifyParams
    corpora: CorporaParams
    encoder: EncoderParams
    datasets: DatasetsParams
    train: TrainParams
    outcomes: OutcomesParams
    screening: ScreeningParams
    summaries: SummariesParams
    bias_audit: BiasAuditParams


def _format_errors(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = "unknown key (not in the schema)" if e["type"] == "extra_forbidden" else e["msg"]
        lines.append(f"  {loc}: {msg}")
    return "\n".join(lines)


def parse_params(raw: object, *, source: str = "params") -> Params:
    """Validate an already-parsed mapping; raise ParamsError listing each bad key path."""
    try:
        return Params.model_validate(raw)
    except ValidationError as err:
        raise ParamsError(f"{source} is invalid:\n{_format_errors(err)}") from None


def load_params(path: Path | str = DEFAULT_PARAMS) -> Params:
    """Read and validate params.yaml (the only place configuration comes from)."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParamsError(f"{path} not found: run from the repository root") from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise ParamsError(f"{path} is not valid YAML: {err}") from None
    return parse_params(raw, source=str(path))
