"""The benchmark's CPU time of a DUO notification beside a bare health check, and their ratio."""

from io import StringIO
from unittest import mock

import pytest

from django.core.management import call_command

from devtools.benchmark import CPU_DUO, CPU_HEALTH, Meting, _cpu_tegen_health, benchmark_omgeving
from inburgering.duo.models import Notificatie


@pytest.mark.django_db
def test_it_times_the_cpu_of_a_health_check_and_of_an_accepted_notification_through_the_machine_stack(settings):
    settings.CELERY_BROKER_URL = ""  # no Redis needed: the health check skips it and the task is not queued
    gemeente, _regisseurs = benchmark_omgeving()

    with mock.patch("inburgering.machineverkeer.MachineHandler.__call__", autospec=True) as machinestack:
        machinestack.side_effect = lambda handler, request: handler._middleware_chain(request)
        health, duo = _cpu_tegen_health(gemeente, 1, per_ronde=2)

    assert (health.naam, duo.naam) == (CPU_HEALTH, CPU_DUO)
    assert health.seconden > 0 and duo.seconden > 0
    assert machinestack.call_count == 2 + 2 * 5 * 2  # warm-up, then five rounds of two of each
    assert not Notificatie.objects.exists()  # accepted (201, or it stops) and removed again


def test_the_benchmark_prints_the_notifications_cpu_time_as_a_multiple_of_the_health_checks():
    resultaten = [Meting("minimale pagina (ingelogd)", 0.003), Meting(CPU_HEALTH, 0.002), Meting(CPU_DUO, 0.0025)]
    uitvoer = StringIO()

    with (
        mock.patch("devtools.management.commands.benchmark.meet", return_value=resultaten),
        mock.patch("devtools.management.commands.benchmark.Inburgeraar"),
    ):
        call_command("benchmark", stdout=uitvoer)

    regels = uitvoer.getvalue().splitlines()
    assert any(regel.startswith(CPU_HEALTH) and "2.0" in regel for regel in regels)
    assert regels[-1] == "DUO-notificatie: 1.25× de CPU-tijd van een health check (doel: ≤ 1,3×)"
