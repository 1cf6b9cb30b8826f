# campaignkit — `make help` lists what each target does.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CAMPAIGN ?= cases/2023
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# Debian packages, installed when missing (scripts/system-packages): apt.txt for every
# target, apt-test.txt too when `make test` is asked for.
APT_LISTS := $(strip apt.txt $(if $(filter test,$(MAKECMDGOALS)),apt-test.txt))

.DEFAULT_GOAL := help
.PHONY: help system install run test check lab app bench clean

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

system: ## install the Debian packages of apt.txt that are missing (with sudo when not root)
	@scripts/system-packages $(APT_LISTS)

install: system $(STAMP) ## system, then .venv with every pinned dependency (skipped when up to date)

$(STAMP): requirements.txt pyproject.toml | system
	@test -x $(BIN)/python || { scripts/system-packages --python $(PYTHON) && \
	  $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

run: install ## validate the sample campaign, then produce all its materials into outputs/
	$(BIN)/campaignkit check $(CAMPAIGN)
	$(BIN)/campaignkit build $(CAMPAIGN) --jobs $(JOBS)
	$(BIN)/campaignkit print-shop $(CAMPAIGN)

test: install ## run every test (unit, notebooks, browser); also installs apt-test.txt
	$(BIN)/python -m pytest

check: install ## lint, format and layer checks, then validate the sample campaign
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/campaignkit check $(CAMPAIGN)

lab: install ## open JupyterLab on the editor workbook (on 127.0.0.1, with Jupyter's token)
	$(BIN)/jupyter lab --ip 127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root) \
	  --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/editor.ipynb

app: install ## serve the editor as a web page with Voila on 127.0.0.1, with a token (CAMPAIGN=folder)
	CAMPAIGNKIT_CAMPAIGN=$(abspath $(CAMPAIGN)) $(BIN)/voila --Voila.ip=127.0.0.1 --token \
	  --Voila.root_dir=. --VoilaConfiguration.file_allowlist="['outputs/.*[.]pdf']" \
	  notebooks/editor.ipynb

bench: install ## measure speed and memory (ratios from one run)
	$(BIN)/python bench/run.py

clean: ## remove everything generated (outputs/ and caches), keep .venv
	rm -rf outputs/* outputs/.cache .pytest_cache .ruff_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
