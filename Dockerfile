# Production image: gunicorn + whitenoise, WeasyPrint's libraries and fonts, NL Design System CSS.
# The same image runs web, worker and beat (see docker-compose.yml), each through bin/proces.

# The NL Design System CSS comes from npm, pinned by package-lock.json; only node_modules is kept.
FROM node:20-bookworm-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
# Only the runtime packages (dependencies): the test tools in devDependencies never enter the image.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH="/venv/bin:$PATH"

# WeasyPrint's system libraries and fonts. fontconfig builds the system font cache at install
# time, because the unprivileged user below cannot write one of its own.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libffi8 \
      fontconfig fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*

# Requirements before the source, for the layer cache. The base image's pip installs only the pinned
# installer (uv, requirements-installer.txt, hashed); uv installs the runtime set (requirements.txt
# alone: the test and lint tools never enter the image), every file checked against its pinned hash.
# The installer lives outside /venv and is removed afterwards.
COPY requirements-installer.txt requirements.txt /tmp/
RUN python -m venv /venv \
 && python -m venv /tmp/installer \
 && /tmp/installer/bin/pip install --no-cache-dir --require-hashes --only-binary :all: -r /tmp/requirements-installer.txt \
 && /tmp/installer/bin/uv pip install --no-cache --python /venv/bin/python --require-hashes -r /tmp/requirements.txt \
 && rm -rf /tmp/installer /tmp/requirements-installer.txt /tmp/requirements.txt

WORKDIR /app
COPY . /app
COPY --from=frontend /build/node_modules /app/node_modules

# Static files are collected at build time with DEBUG unset (the manifest storage) and a
# throwaway SECRET_KEY that only this step sees; tests/inburgering/test_instellingen.py runs the same.
RUN SECRET_KEY=alleen-voor-collectstatic DJANGO_READ_DOT_ENV=false bin/proces collectstatic \
 && useradd --system --uid 1000 --user-group --home-dir /app --shell /usr/sbin/nologin inburgering \
 && mkdir -p /app/media \
 && chown inburgering:inburgering /app/media

# The code stays owned by root and read-only; only /app/media (a volume in compose) is writable.
USER inburgering
EXPOSE 8000

# /health/ is exempt from the HTTPS redirect. Django still checks the Host header, so the check
# sends the first ALLOWED_HOSTS entry (a leading dot or '*' made concrete).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request as r; h = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].strip().lstrip('.'); r.urlopen(r.Request('http://127.0.0.1:8000/health/', headers={'Host': h if h and h != '*' else 'localhost'}), timeout=4)"]

# bin/proces holds the command lines of web, worker and beat (docker-compose.yml and
# `make productie-proef` use it too). The web process migrates before gunicorn starts.
CMD ["bin/proces", "web"]
