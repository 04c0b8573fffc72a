"""Post-processing mitigation of the risk alert with Fairlearn's ThresholdOptimizer.

The risk model's calibrated P(moderate or high) is the score; ThresholdOptimizer (prefit) learns
group-specific thresholds under `bias_audit.mitigation.constraints` (true-positive-rate parity
or equalized odds) for the sensitive feature `bias_audit.mitigation.feature`, which must be
known when the model runs (a patient attribute, not a property of the text).

It is fitted on one half of the test split's patients and audited on the other half, beside
the unmitigated alert on the same half: the held-out phrasings are where the disparity lives,
and the validation split (seen phrasings) does not show it. The mitigated model is registered
as its own version of `risk-classifier` (a pyfunc that needs the feature column as input).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
from sklearn.base import BaseEstimator, ClassifierMixin

from training.packaging import PIP_REQUIREMENTS, input_example
from training.predict import CONFIG_FILE, PyfuncModel
from training.tasks import RISK_LEVELS, TASKS, urgent_probability


class ScoreModel(ClassifierMixin, BaseEstimator):
    """A prefit 'estimator' whose probability of the positive class is the given score."""

    def __sklearn_is_fitted__(self) -> bool:
        """Always fitted: the score is the risk model's own calibrated P(urgent)."""
        return True

    def fit(self, X: Any, y: Any) -> ScoreModel:
        """Nothing to fit: the score is the model's calibrated P(urgent)."""
        return self

    def predict_proba(self, X: Any) -> np.ndarray:
        """[1 - score, score] from the single score column."""
        s = np.asarray(X, dtype=float).reshape(-1)
        return np.column_stack([1 - s, s])

    def predict(self, X: Any) -> np.ndarray:
        """Not used by ThresholdOptimizer with predict_method='predict_proba'."""
        return (np.asarray(X, dtype=float).reshape(-1) >= 0.5).astype(int)


def half_split(patient_ids: pl.Series, seed: int) -> pl.Series:
    """True for the patients in the fitting half (stable hash of seed and id)."""
    return patient_ids.map_elements(
        lambda pid: hashlib.sha256(f"{seed}:mitigation:{pid}".encode()).digest()[0] < 128,
        return_dtype=pl.Boolean,
    )


def fit_threshold_optimizer(
    scores: np.ndarray, y: np.ndarray, groups: np.ndarray, *, constraints: str, objective: str
) -> Any:
    """ThresholdOptimizer fitted on (score, urgent, group)."""
    from fairlearn.postprocessing import ThresholdOptimizer

    opt = ThresholdOptimizer(
        estimator=ScoreModel(),
        constraints=constraints,
        objective=objective,
        prefit=True,
        predict_method="predict_proba",
    )
    opt.fit(pd.DataFrame({"p_urgent": scores}), y.astype(int), sensitive_features=groups)
    return opt


def mitigated_alerts(opt: Any, scores: np.ndarray, groups: np.ndarray, seed: int) -> np.ndarray:
    """The optimizer's alert for each message (its randomisation seeded, so reproducible)."""
    x = pd.DataFrame({"p_urgent": scores})
    return np.asarray(opt.predict(x, sensitive_features=groups, random_state=seed), dtype=bool)


class MitigatedRiskModel(PyfuncModel):
    """MLflow pyfunc: the risk model with group-specific alert thresholds.

    Input: `id`, `text` and the mitigation's sensitive feature column; output as the plain
    risk model's pyfunc, with `alert` from the ThresholdOptimizer.
    """

    def load_context(self, context: Any) -> None:
        """Load the base predictor and the fitted optimizer."""
        super().load_context(context)
        with open(context.artifacts["optimizer"], "rb") as fh:
            saved = pickle.load(fh)
        self.optimizer, self.feature, self.seed = (
            saved["optimizer"],
            saved["feature"],
            saved["seed"],
        )

    def predict(self, context: Any, model_input: pd.DataFrame, params: Any = None) -> pd.DataFrame:
        """Score as the plain model does, then replace `alert` by the group decision."""
        # the plain model's own inputs (a missing `context` then gets its clear error there)
        cols = ("id", *self.predictor.input_columns)
        inputs = [c for c in cols if c in model_input.columns]
        out = super().predict(context, model_input[inputs], params)
        probs = out[[f"prob_{lv}" for lv in RISK_LEVELS]].to_numpy()
        groups = model_input[self.feature].astype(str).to_numpy()
        out["alert"] = mitigated_alerts(
            self.optimizer, urgent_probability(probs), groups, self.seed
        )
        return out


def register_mitigated(
    opt: Any, feature: str, seed: int, model_dir: Path, work: Path, mlflow: Any
) -> str:
    """Log the mitigated pyfunc to the active run and register it as a new risk-classifier
    version; returns the version."""
    from mlflow.models import infer_signature

    work.mkdir(parents=True, exist_ok=True)
    pkl = work / "threshold_optimizer.pkl"
    with pkl.open("wb") as fh:
        pickle.dump({"optimizer": opt, "feature": feature, "seed": seed}, fh)
    turns = json.loads((model_dir / CONFIG_FILE).read_text()).get("context_turns", 0)
    # the plain model's example (with `context` where it reads earlier turns), plus id and group
    example = input_example(TASKS["risk"], turns).assign(id=["m1"], **{feature: ["25-34"]})
    signature = infer_signature(example)
    info = mlflow.pyfunc.log_model(
        name="mitigated_model",
        python_model=MitigatedRiskModel(),
        artifacts={"model": str(model_dir), "optimizer": str(pkl)},
        signature=signature,
        registered_model_name="risk-classifier",
        # stated, not inferred: inference loads the model in a subprocess to see what it imports
        pip_requirements=[*PIP_REQUIREMENTS, "fairlearn==0.15.0", "scikit-learn==1.9.1"],
    )
    return str(info.registered_model_version)
