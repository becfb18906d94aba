# detente — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DB     ?= detente.duckdb
BRIEF  ?= brief-CHN-USA-2024-01-08.html

.PHONY: demo test lint bench clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/detente ingest --db $(DB) examples/
	@echo
	$(BIN)/detente documents --db $(DB)
	@echo
	$(BIN)/detente events --db $(DB) --limit 15
	@echo
	@echo "Results are in $(DB) (DuckDB). Try: $(BIN)/detente events --db $(DB) --format jsonl"
	@echo
	@echo "The weekly brief of the seeds' week (open it in a browser):"
	@$(BIN)/detente brief --db $(DB) --week 2024-01-08 --format html -o $(BRIEF)

# The browser tests (the dashboard's, the weekly brief's) drive Debian's chromium (never a downloaded browser):
# installed when missing, as root on Debian (CI); elsewhere install it yourself, or those tests fail saying so.
chromium:
	@command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
		apt-get install -y chromium || (apt-get update && apt-get install -y chromium)

test: $(STAMP) chromium
	$(BIN)/ruff check detente tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal $(DB).writer.lock $(BRIEF) .pytest_cache .ruff_cache .mypy_cache
