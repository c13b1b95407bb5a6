# The two commands: `make run` (demo on http://localhost:8000) and `make test` (the whole suite).
# The app folder pip/ shadows the installer's module from the repo root, so we always call
# the virtualenv's pip program, never `python -m pip`.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test install lint format audit backup restore

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
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

# Known vulnerabilities in the pinned requirements (pip-audit against PyPI's advisory data; needs the
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
