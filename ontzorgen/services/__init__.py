"""Every write of ontzorgen goes through here: atomic, keyword-only, and written on the tijdlijn.

One module per subject: `verwijzingen` (referrals and the partner access they grant), `ontzorging`
(bijstand and financieel ontzorgen), `uren` (the begeleiders' hours) and `meldingen`; `tijdlijn` holds
the tijdlijn kinds. Callers use `ontzorgen.services.<name>`.
"""

from .meldingen import handel_melding_af, maak_melding
from .ontzorging import (
    DIENSTEN_ASIELSTATUSHOUDERS,
    beeindig_ontzorging,
    bijstand_loopt,
    geen_asielstatushouder,
    minimale_einddatum,
    registreer_bijstand,
    registreer_einde_bijstand,
    start_ontzorging,
    verleng_ontzorging,
)
from .tijdlijn import (
    BIJSTAND_BEEINDIGD,
    BIJSTAND_GESTART,
    MELDING,
    MELDING_AFGEHANDELD,
    ONTZORGING_BEEINDIGD,
    ONTZORGING_GESTART,
    ONTZORGING_VERLENGD,
    UREN_GECORRIGEERD,
    UREN_GEREGISTREERD,
    UREN_GOEDGEKEURD,
    VERWEZEN,
    VERWIJZING_BEEINDIGD,
    uren_tekst,
)
from .uren import (
    MAX_UREN_PER_DAG,
    Regelfout,
    corrigeer_uren,
    keur_uren_goed,
    registreer_uren,
    uren_fouten,
    vervang_ingediende_uren,
)
from .verwijzingen import (
    VERWIJZINGSRECHT,
    actieve_verwijzing,
    beeindig_verwijzing,
    synchroniseer_verwijzingsrechten,
    verwijs,
)

__all__ = [
    "BIJSTAND_BEEINDIGD",
    "BIJSTAND_GESTART",
    "DIENSTEN_ASIELSTATUSHOUDERS",
    "MAX_UREN_PER_DAG",
    "MELDING",
    "MELDING_AFGEHANDELD",
    "ONTZORGING_BEEINDIGD",
    "ONTZORGING_GESTART",
    "ONTZORGING_VERLENGD",
    "Regelfout",
    "UREN_GECORRIGEERD",
    "UREN_GEREGISTREERD",
    "UREN_GOEDGEKEURD",
    "VERWEZEN",
    "VERWIJZINGSRECHT",
    "VERWIJZING_BEEINDIGD",
    "actieve_verwijzing",
    "beeindig_ontzorging",
    "beeindig_verwijzing",
    "bijstand_loopt",
    "corrigeer_uren",
    "geen_asielstatushouder",
    "handel_melding_af",
    "keur_uren_goed",
    "maak_melding",
    "minimale_einddatum",
    "registreer_bijstand",
    "registreer_einde_bijstand",
    "registreer_uren",
    "start_ontzorging",
    "synchroniseer_verwijzingsrechten",
    "uren_fouten",
    "uren_tekst",
    "verleng_ontzorging",
    "vervang_ingediende_uren",
    "verwijs",
]
