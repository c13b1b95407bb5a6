import logging
import time
import warnings
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from devtools.demo import kern
from inburgering import services


@contextmanager
def _stille_weasyprint():
    """The demo renders no PDF itself; should a loader do so, WeasyPrint's notes about the fonts of this
    machine (fontTools instead of HarfBuzz) are no news to someone starting the demo. Errors still show."""
    logger = logging.getLogger("weasyprint")
    niveau = logger.level
    logger.setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="weasyprint")
        try:
            yield
        finally:
            logger.setLevel(niveau)


def _uitkomst(resultaat) -> str:
    if isinstance(resultaat, dict):
        return ", ".join(f"{aantal} {wat.replace('_', ' ')}" for wat, aantal in resultaat.items())
    return "" if resultaat is None else f"{resultaat} dossiers"


class Command(BaseCommand):
    help = (
        "Laadt de demodata (regio's, gemeenten, teams, gebruikers, ~300 dossiers), met een regel per stap. "
        "Twee keer draaien verandert niets."
    )

    def _stap(self, naam: str, functie):
        self.stdout.write(f"  {naam} …", ending="")
        self.stdout.flush()
        begin = time.monotonic()
        with services.gebundeld():  # the stage's deadlines in one batch, at its end
            resultaat = functie()
        uitkomst = _uitkomst(resultaat)
        self.stdout.write(f" {uitkomst + ' ' if uitkomst else ''}({time.monotonic() - begin:.1f} s)")
        return resultaat

    def handle(self, *args, **options):
        begin = time.monotonic()
        self.stdout.write("Demodata laden:")
        # Demo dossiers must not mail their demo regisseurs.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), _stille_weasyprint():
            basis = self._stap("rollen, gemeenten, teams en gebruikers", kern.laad_basis)
            self._stap("dossiers door hun fasen", kern.laad_dossiers)
            # The domain apps' demo data (settings.DEMO_LADERS), each idempotent like the core's.
            for pad in settings.DEMO_LADERS:
                self._stap(pad.removesuffix(".laad_demo").rsplit(".", 1)[-1], import_string(pad))
            # What the nightly run would find: the inbox is filled as the caseload shows it, at once.
            self._stap("de nachtelijke run", services.nachtelijke_run)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata klaar in {time.monotonic() - begin:.0f} s: {basis['gemeenten']} gemeenten, "
                f"{basis['gebruikers']} gebruikers. Wachtwoord van de demo-accounts: {kern.DEMO_WACHTWOORD}"
            )
        )
