"""/health/ reports the database and Redis: 200 when both answer, 503 when one does not."""

import os

import pytest
import redis

from django.urls import reverse

from tests.conftest import vereist

REDIS_URL = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/14"


def _redis_draait() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.mark.django_db
def test_it_answers_200_without_a_broker_configured(client, settings):
    settings.CELERY_BROKER_URL = ""

    response = client.get(reverse("health"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "niet geconfigureerd"}


@pytest.mark.django_db
def test_it_answers_200_when_redis_answers(client, settings):
    vereist(_redis_draait(), f"Redis is niet bereikbaar op {REDIS_URL}")
    settings.CELERY_BROKER_URL = REDIS_URL

    response = client.get(reverse("health"))

    assert response.status_code == 200
    assert response.json()["redis"] == "ok"


@pytest.mark.django_db
def test_it_answers_503_when_redis_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    response = client.get(reverse("health"))

    assert response.status_code == 503
    assert response.json()["status"] == "fout"
    assert response.json()["redis"].startswith("fout")


def test_it_answers_503_when_the_database_is_unreachable(client, monkeypatch, settings):
    settings.CELERY_BROKER_URL = ""

    def onbereikbaar(*args, **kwargs):
        raise OSError("database weg")

    from django.db import connection

    monkeypatch.setattr(connection, "cursor", onbereikbaar)
    response = client.get(reverse("health"))

    assert response.status_code == 503
    assert response.json()["database"] == "fout: OSError"
