# The two commands: `make run` (demo on http://localhost:8000) and `make test` (the whole suite).
# The app folder pip/ shadows the installer's module from the repo root, so we always call
# the virtualenv's pip program, never `python -m pip`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test install lint format audit backup restore requirements productie-proef

# Every install goes through uv, pinned with its hashes in requirements-installer.txt: the python3 of a
# fresh machine bundles an old pip that fails on a dependency's extras in hash-checking mode once a newer
# release is on the index (fonttools[woff] under weasyprint). That pip installs only uv; uv installs the rest.
UV := $(VENV)/bin/uv
export UV_LINK_MODE := copy
$(UV): requirements-installer.txt
	@echo "==> Virtualenv $(VENV) en het installatieprogramma (uv, vastgepind)"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all: \
		-r requirements-installer.txt
	touch $@

# The development set: the runtime pins (requirements.txt) plus test and lint tools, every file
# checked against its hash. The Dockerfile installs requirements.txt alone.
$(VENV)/.installed: $(UV) requirements.txt requirements-dev.txt
	@echo "==> Python-pakketten installeren (requirements-dev.txt, met hashes)"
	$(UV) pip install --quiet --python $(PY) --require-hashes -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@echo "==> npm-pakketten installeren (package-lock.json)"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Local settings for development; never committed. Production sets real environment variables.
.env:
	printf 'DEBUG=true\n' > .env

# The Python and npm packages install side by side.
install:
	@$(MAKE) --no-print-directory -j3 $(VENV)/.installed node_modules/.installed .env

run: install
	@echo "==> Database bijwerken (migrate)"
	$(PY) manage.py migrate --noinput --verbosity 0
	@echo "==> Demodata laden (seed_demo)"
	$(PY) manage.py seed_demo
	@echo "==> De demo draait op http://localhost:$(PORT) (stoppen: Ctrl-C)"
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
# uv's compiler keeps every existing pin it can and adds hashes; `make requirements ARGS=--upgrade` (or
# ARGS="--upgrade-package django") moves pins. The installer's own pin is in requirements-installer.txt.
UV_COMPILE := $(UV) pip compile --quiet --python-version 3.11.7 --generate-hashes \
	--custom-compile-command "make requirements"
requirements: $(UV)
	$(UV_COMPILE) $(ARGS) --output-file requirements.txt requirements.in
	$(UV_COMPILE) $(ARGS) --output-file requirements-dev.txt requirements-dev.in

# Known vulnerabilities in the pinned runtime requirements, what production runs (pip-audit against PyPI's advisory data; needs the
# network, so it is its own target: .ci/run calls it when PyPI is reachable). It runs outside the
# repository root, where the app folder pip/ would shadow the installer pip-audit calls.
AUDIT_VENV := .venv-audit
$(AUDIT_VENV)/.installed: $(UV) requirements-audit.txt
	test -x $(AUDIT_VENV)/bin/python || $(PYTHON) -m venv $(AUDIT_VENV)
	$(UV) pip install --quiet --python $(AUDIT_VENV)/bin/python -r requirements-audit.txt
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
