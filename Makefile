# The two commands: `make run` (demo on http://localhost:8000) and `make test` (the whole suite).
# The app folder pip/ shadows the installer's module from the repo root, so we always call
# the virtualenv's pip program, never `python -m pip`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test install lint format audit backup restore requirements productie-proef

# The development set: the runtime pins (requirements.txt) plus test and lint tools, every file
# checked against its hash. The Dockerfile installs requirements.txt alone.
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Local settings for development; never committed. Production sets real environment variables.
.env:
	printf 'DEBUG=true\n' > .env

install: $(VENV)/.installed node_modules/.installed .env

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 0.0.0.0:$(PORT)

test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest -n auto --dist loadgroup

# The production processes on this machine (no Docker needed): gunicorn, a Celery worker and beat through
# bin/proces, as docker-compose.yml starts them, with DEBUG off, collected static files, PostgreSQL
# (DATABASE_URL) and Redis (CELERY_BROKER_URL); chromium signs in behind a simulated TLS proxy, fixes a PIP
# and downloads its PDF and a report. It is one test of the suite (tests/e2e/test_productie.py).
productie-proef: install
	$(VENV)/bin/pytest tests/e2e/test_productie.py -p no:randomly

# Pin the dependencies again after editing requirements.in or requirements-dev.in (see CONTRIBUTING.md):
# pip-compile keeps every existing pin it can and adds hashes. pip-tools lives in its own virtualenv.
PIP_TOOLS_VENV := .venv-pip-tools
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make requirements" $(PIP_TOOLS_VENV)/bin/pip-compile --quiet \
	--generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
$(PIP_TOOLS_VENV)/.installed:
	test -x $(PIP_TOOLS_VENV)/bin/python || $(PYTHON) -m venv $(PIP_TOOLS_VENV)
	$(PIP_TOOLS_VENV)/bin/pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	touch $@

requirements: $(PIP_TOOLS_VENV)/.installed
	$(PIP_COMPILE) $(ARGS) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) $(ARGS) --output-file requirements-dev.txt requirements-dev.in

# Known vulnerabilities in the pinned runtime requirements, what production runs (pip-audit against PyPI's advisory data; needs the
# network, so it is its own target: .ci/run calls it when PyPI is reachable). It runs outside the
# repository root, where the app folder pip/ would shadow the installer pip-audit calls.
AUDIT_VENV := .venv-audit
$(AUDIT_VENV)/.installed: requirements-audit.txt
	test -x $(AUDIT_VENV)/bin/python || $(PYTHON) -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-audit.txt
	touch $@

audit: $(AUDIT_VENV)/.installed
	cd "$$(mktemp -d)" && $(CURDIR)/$(AUDIT_VENV)/bin/pip-audit --requirement $(CURDIR)/requirements.txt \
		--no-deps --disable-pip --strict --progress-spinner off

# Backups (PostgreSQL only): `make backup` writes a dated folder under BACKUP_DIR; `make restore BACKUP=<folder>`
# puts it back into an empty database and media folder and checks every beschikking's SHA-256.
backup: install
	$(PY) manage.py maak_backup

restore: install
	test -n "$(BACKUP)" || (echo "Geef de backup-map: make restore BACKUP=backups/backup-JJJJMMDD-UUMMSS" && false)
	$(PY) manage.py herstel_backup "$(BACKUP)"

lint:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
