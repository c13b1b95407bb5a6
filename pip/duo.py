"""The PIP as DUO's message (POST /personen/{bsn}/PIP), checked against PIP.openapi.yml and queued."""

from inburgering.duo import outbox

SPEC = ("PIP.openapi.yml", "PIP")


def pip_bericht(pip) -> dict:
    """DUO's PIP: no niveau on the Z-route; intensiteit only where it was recorded (asielstatushouders, B1)."""
    bericht = {
        "dagtekeningPip": pip.dagtekening.isoformat(),
        "leerroute": pip.leerroute,
        "indicatorMagOpleidingAfmaken": pip.mag_opleiding_afmaken,
        "indicatorAlfabetiseringsonderwijs": pip.alfabetisering,
    }
    if pip.niveau:
        bericht["niveau"] = pip.niveau
    if pip.geschatte_intensiteit_b1:
        bericht["geschatteIntensiteitB1Route"] = pip.geschatte_intensiteit_b1
    return bericht


def meld_pip(pip):
    """Queue the fixed PIP for DUO; its rules were checked by stel_vast before it was fixed."""
    return outbox.zet_klaar(
        inburgeraar=pip.inburgeraar,
        soort="pip",
        methode="POST",
        pad="/personen/{bsn}/PIP",
        inhoud=pip_bericht(pip),
        spec=SPEC,
    )
