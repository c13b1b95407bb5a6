"""The intake's entry in the regisseur's werkvoorraad: brede intakes that still wait to be finished."""

from django.utils.translation import gettext_lazy as _

from inburgering.models import Inburgeraar


def af_te_ronden(user):
    return (
        Inburgeraar.objects.zichtbaar_voor(user)
        .filter(brede_intake__isnull=False, brede_intake__afgerond_op__isnull=True)
        .order_by("brede_intake__gestart_op", "pk")
    )


def registreer() -> None:
    from inburgering import werkvoorraad

    werkvoorraad.registreer("intakes", _("Brede intake af te ronden"), af_te_ronden, "intake:intake", volgorde=50)
