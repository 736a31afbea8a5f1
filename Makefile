# PA Hub: `make run` to try it, `make test` to check it. Everything else is a helper.
SHELL := /bin/bash
PYTHON_BIN := $(shell scripts/find-python)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The server and the links it writes (SITE_URL, pahub/settings.py) use the same port.
export PORT
CSS := pahub/static/build/pahub.css

.PHONY: run dev test install install-dev assets migrate demo lint format bench clean check-deploy

# The production web server (gunicorn, whitenoise), with demo data and DEBUG's error pages.
run: install assets
	@mkdir -p var
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py demo_data --if-empty
	DEBUG=1 scripts/serve

# Helper: the same with Django's development server, which reloads when code changes.
dev: install assets
	@mkdir -p var
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py demo_data --if-empty
	DEBUG=1 scripts/serve --dev

test: install-dev assets
	@mkdir -p var
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DEBUG=0 $(PY) manage.py makemigrations --check --dry-run --settings=pahub.test_settings
	$(VENV)/bin/pytest $(PYTEST_ARGS)

$(VENV)/bin/python:
	@test -n "$(PYTHON_BIN)" || { echo "PA Hub needs Python 3.12 or newer." >&2; exit 1; }
	$(PYTHON_BIN) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(CSS): node_modules/.installed $(shell find frontend -type f 2>/dev/null)
	npm run --silent build

assets: $(CSS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-deploy: install
	DEBUG=0 SECRET_KEY="$$(head -c 48 /dev/urandom | base64)" ALLOWED_HOSTS=pahub.example.org $(PY) manage.py check --deploy --fail-level WARNING

bench: install-dev
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) node_modules pahub/static/build staticfiles
