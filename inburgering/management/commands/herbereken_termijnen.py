from django.core.management.base import BaseCommand

from inburgering import services


class Command(BaseCommand):
    help = (
        "Brengt termijnen en signalen in lijn met de feiten van de dossiers: wat sinds de vorige keer "
        "veranderde (zoals de nachtelijke taak), of met --alles elk dossier (na een wijziging van de regels)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--alles", action="store_true", help="Herbereken elk dossier, niet alleen de gewijzigde.")

    def handle(self, *args, alles=False, **options):
        if alles:
            resultaat = {
                "termijnen_bijgewerkt": services.synchroniseer_alle_termijnen(),
                "nieuwe_signalen": services.maak_signalen(),
            }
        else:
            resultaat = services.nachtelijke_run()
        bijgewerkt, nieuw = resultaat["termijnen_bijgewerkt"], resultaat["nieuwe_signalen"]
        self.stdout.write(self.style.SUCCESS(f"{bijgewerkt} termijnen bijgewerkt, {nieuw} nieuwe signalen."))
