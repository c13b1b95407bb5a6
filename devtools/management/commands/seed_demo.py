from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils.module_loading import import_string

from devtools.demo.kern import DEMO_WACHTWOORD, laad_demo
from inburgering import services


class Command(BaseCommand):
    help = (
        "Laadt de demodata (regio's, gemeenten, teams, gebruikers, ~300 dossiers). Twee keer draaien verandert niets."
    )

    def handle(self, *args, **options):
        # Demo dossiers must not mail their demo regisseurs.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            resultaat = laad_demo()
            # The domain apps' demo data (settings.DEMO_LADERS), each idempotent like the core's.
            for pad in settings.DEMO_LADERS:
                import_string(pad)()
            # What the nightly run would find: the inbox is filled as the caseload shows it, at once.
            services.nachtelijke_run()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata klaar: {resultaat['gemeenten']} gemeenten, {resultaat['gebruikers']} gebruikers, "
                f"{resultaat['nieuwe_dossiers']} nieuwe dossiers. Wachtwoord van de demo-accounts: {DEMO_WACHTWOORD}"
            )
        )
