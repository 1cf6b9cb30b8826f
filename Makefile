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
.PHONY: help system install run test check lab app bench bench-editor clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

system: ## install the Debian packages of apt.txt that are missing (with sudo when not root)
	@scripts/system-packages $(APT_LISTS)

install: system $(STAMP) ## system, then .venv with every pinned dependency (skipped when up to date)

$(STAMP): requirements.txt pyproject.toml | system
	@test -x $(BIN)/python || { scripts/system-packages --python $(PYTHON) && \
	  $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@scripts/install-git-filter
	@touch $(STAMP)

run: install ## validate the sample campaign, then produce all its materials into outputs/
	$(BIN)/campaignkit check $(CAMPAIGN)
	$(BIN)/campaignkit build $(CAMPAIGN) --jobs $(JOBS)
	$(BIN)/campaignkit print-shop $(CAMPAIGN)

test: install ## run every test (unit, notebooks, browser with axe-core); also installs apt-test.txt
	$(BIN)/python -m pytest

check: install ## lint, format and layer checks, then validate the sample campaign
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/campaignkit check $(CAMPAIGN)

lab: install ## open JupyterLab on the editor workbook (on 127.0.0.1, with Jupyter's token)
	$(BIN)/jupyter lab --ip 127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root) \
	  --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/editor.ipynb

app: install ## serve the editor as a web page (Voila) on 127.0.0.1:8866, with a token (CAMPAIGN=folder)
	CAMPAIGNKIT_CAMPAIGN=$(abspath $(CAMPAIGN)) $(BIN)/python -m campaignkit.editor.server

bench: install bench-editor ## measure speed and memory (ratios from one run), then the editor page
	$(BIN)/python bench/run.py

bench-editor: install ## the editor page in Chromium: usable after, preview after a keystroke, kernels left
	$(BIN)/python bench/editor_page.py

clean: ## remove everything generated (outputs/ and caches), keep .venv
	rm -rf outputs/* outputs/.cache .pytest_cache .ruff_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
