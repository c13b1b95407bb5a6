"""Settings from the environment: production is silent under check --deploy; misconfiguration is loud."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.core import checks

from inburgering.checks import api_limiet_zonder_gedeelde_cache, taken_zonder_broker, tweefactor_in_productie

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTIE = {
    "DEBUG": "false",
    "SECRET_KEY": "een-lange-willekeurige-sleutel-voor-productie-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "inburgering.example.nl",
    "DATABASE_URL": "sqlite:////tmp/niet-gebruikt.sqlite3",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "redis://127.0.0.1:6379/0",
    "TWEE_FACTOR_VERPLICHT": "true",
}


def _manage(*args, **env):
    return _run(sys.executable, "manage.py", *args, **env)


def _run(*args, **env):
    # Run from an empty folder's view of the environment: no local .env may leak in. The virtualenv's
    # programs come first on PATH, as in the image.
    schoon = {k: v for k, v in os.environ.items() if k not in PRODUCTIE}
    schoon["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{schoon.get('PATH', '')}"
    return subprocess.run(
        args,
        cwd=PROJECT,
        env={**schoon, "DJANGO_READ_DOT_ENV": "false", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_silent_with_production_settings():
    resultaat = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTIE)

    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "System check identified no issues" in resultaat.stdout


def test_static_files_collect_for_production(tmp_path):
    # The Dockerfile's command, excluding nothing: the manifest storage fails on a CSS file with missing references.
    resultaat = _run("bin/proces", "collectstatic", **PRODUCTIE, STATIC_ROOT=str(tmp_path))

    assert resultaat.returncode == 0, resultaat.stderr[-2000:]
    assert (tmp_path / "staticfiles.json").exists()
    # only the npm files the templates link, not the rest of their packages, and only their hashed copies
    assert sorted(
        re.sub(r"\.[0-9a-f]{12}\.", ".", p.relative_to(tmp_path).as_posix()) for p in tmp_path.glob("utrecht/*/*.css")
    ) == [
        "utrecht/components/index.css",
        "utrecht/tokens/theme.css",
    ]


def test_production_without_secret_key_refuses_to_start():
    resultaat = _manage("check", **{**PRODUCTIE, "SECRET_KEY": ""})

    assert resultaat.returncode != 0
    assert "SECRET_KEY ontbreekt" in resultaat.stderr


def test_it_warns_when_two_factor_is_off_in_production(settings):
    settings.DEBUG = False
    settings.TWEE_FACTOR_VERPLICHT = False

    [waarschuwing] = tweefactor_in_productie(None)

    assert waarschuwing.id == "inburgering.W001"
    assert waarschuwing.level == checks.WARNING


def test_it_warns_when_production_has_no_broker(settings):
    settings.DEBUG = False
    settings.CELERY_TASK_ALWAYS_EAGER = True  # as settings.py makes it without CELERY_BROKER_URL

    assert [w.id for w in taken_zonder_broker(None)] == ["inburgering.W002"]


def test_it_is_silent_when_both_are_configured(settings):
    settings.DEBUG = False
    settings.TWEE_FACTOR_VERPLICHT = True
    settings.CELERY_BROKER_URL = "redis://redis:6379/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False

    assert tweefactor_in_productie(None) == taken_zonder_broker(None) == []


def test_the_language_and_time_zone_are_dutch(settings):
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"


def test_it_warns_when_the_api_rate_limit_has_no_shared_cache(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in api_limiet_zonder_gedeelde_cache(None)] == ["inburgering.W003"]

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://r"}}
    assert api_limiet_zonder_gedeelde_cache(None) == []


def test_without_a_broker_an_eager_task_reaches_for_no_server():
    # make run has no broker: delay() then runs the task in-process, yet still takes a producer from
    # Celery's pool. Its connection must not be one to an AMQP server on localhost, which kombu warned
    # about in the middle of seed_demo's progress lines.
    code = (
        "import django; django.setup()\n"
        "from inburgering.celery import app\n"
        "assert app.conf.task_always_eager\n"
        "with app.producer_or_acquire() as producer:\n"
        "    print(producer.connection.transport_cls)\n"
    )
    omgeving = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"}
    omgeving["DJANGO_SETTINGS_MODULE"] = "inburgering.settings"
    uitvoer = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, cwd=PROJECT, capture_output=True, text=True, timeout=60
    )
    assert uitvoer.returncode == 0, uitvoer.stderr
    assert uitvoer.stdout.strip() == "memory"
    assert "No hostname" not in uitvoer.stderr
