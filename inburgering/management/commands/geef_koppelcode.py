"""A koppelcode from the command line, for the very first beheerder (nobody can issue one in /beheer/ yet)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from inburgering.tweefactor import geef_koppelcode


class Command(BaseCommand):
    help = "Geeft een eenmalige koppelcode waarmee de gebruiker een authenticator-app instelt."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            gebruiker = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.") from None
        code = geef_koppelcode(None, gebruiker)
        self.stdout.write(f"Koppelcode voor {username} (eenmalig te zien): {code}")
