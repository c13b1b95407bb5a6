from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Tools for developers and load tests, never part of a request: the demo data (`seed_demo`), synthetic
    dossiers (`genereer_testdata`) and the timings (`benchmark`). It may import every app; no app imports it."""

    name = "devtools"
    verbose_name = "Ontwikkelhulpmiddelen"
