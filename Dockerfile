# Production image: gunicorn + whitenoise, WeasyPrint's libraries and fonts, NL Design System CSS.
FROM node:20-bookworm-slim AS frontend
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH="/venv/bin:$PATH"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libffi8 fonts-dejavu-core fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
# Install requirements before the source: the app folder pip/ shadows the installer module
# when Python runs from /app, so we use the virtualenv's pip program.
RUN python -m venv /venv
COPY requirements.txt /tmp/requirements.txt
RUN /venv/bin/pip install --no-cache-dir -r /tmp/requirements.txt
WORKDIR /app
COPY . /app
COPY --from=frontend /build/node_modules /app/node_modules
RUN SECRET_KEY=alleen-voor-collectstatic DJANGO_READ_DOT_ENV=false python manage.py collectstatic --noinput \
 && useradd --system --uid 1000 --home /app inburgering \
 && mkdir -p /app/media && chown -R inburgering /app/media
USER inburgering
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
  CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/').status != 200)"
CMD ["gunicorn", "inburgering.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
