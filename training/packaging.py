"""Packaging a trained predictor as an MLflow pyfunc model: its pinned requirements, a
de-identified input example for the signature, and registration as `candidate`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from training.tasks import Task

PIP_REQUIREMENTS = (
    "torch==2.13.0",
    "transformers==5.24.0",
    "pytorch-lightning==2.6.6",
    "polars==2.1.0",
    "pandas==3.1.1",
    "numpy==2.4.6",
)


def input_example(task: Task, context_turns: int = 0) -> Any:
    """A de-identified example input for the model's signature (no real text); a model that
    reads earlier turns gets a `context` column, so MLflow's schema keeps it."""
    import pandas as pd

    if task.name == "risk":
        example = {"text": ["I have not been sleeping and I feel hopeless lately."]}
        if context_turns:
            example["context"] = ["How has this week been?"]
        return pd.DataFrame(example)
    return pd.DataFrame(
        {
            "seeker": ["I have not been sleeping and I feel hopeless lately."],
            "response": ["That sounds exhausting. What has kept you awake?"],
        }
    )


def package(task: Task, weights_dir: Path, dest: Path, predictor: Any, mlflow: Any) -> dict:
    """Save the MLflow pyfunc model to `dest`, log it to the run, register it as candidate."""
    from mlflow.models import infer_signature
    from mlflow.tracking import MlflowClient

    from training.predict import PyfuncModel

    example = input_example(task, predictor.context_turns)
    wrapper = PyfuncModel()
    wrapper.predictor = predictor
    signature = infer_signature(example, wrapper.predict(None, example))
    common = {
        "python_model": PyfuncModel(),
        "artifacts": {"model": str(weights_dir)},
        "signature": signature,
        "input_example": example,
        "pip_requirements": list(PIP_REQUIREMENTS),
    }
    mlflow.pyfunc.save_model(path=str(dest), **common)
    info = mlflow.pyfunc.log_model(
        name="model", registered_model_name=task.registered_name, **common
    )
    version = str(info.registered_model_version)
    MlflowClient().set_registered_model_alias(task.registered_name, "candidate", version)
    return {"registered_model": task.registered_name, "version": version, "alias": "candidate"}
