"""The references `benchmark` holds the pages against, measured in the same run.

The limit: one hand-written SQL query that fetches exactly a page's rows and columns, for the same
user under the same visibility rule (inburgering.permissions, written out by hand), rendered to HTML
with plain string joins. Nothing a page does can be faster than this; the page's time over the
limit's is what Django, the templates and the page's other parts (menu, filters, forms) cost.

The Django admin changelist over the same rows, order and page size: what a team would otherwise
build. The dossiers are not in the project's own admin (functioneel beheer does not see persons), so
the benchmark mounts admin sites of its own, one per sortering, open to the logged-in regisseur.
"""

import datetime
from html import escape

from django.conf import settings
from django.contrib import admin
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inburgering import werkvoorraad, werkvoorraad_kern
from inburgering.bsn import ZICHTBARE_BSN_CIJFERS, maskeer_bsn, normaliseer_bsn
from inburgering.fasen import Fase
from inburgering.forms import CaseloadFilterForm
from inburgering.models import Doelgroep, Inburgeraar, TermijnSoort
from inburgering.paginering import GRENS
from inburgering.permissions import DOSSIERRECHT_PER_DOSSIER, INZIEN
from inburgering.signalering import urgentievenster

# The rule of permissions.zichtbare_dossiers for a user who is no superuser: the gemeenten where the
# user's teams (groups) or the user hold `inzien`, or the single dossiers a verwijzing opened.
_ZICHTBAAR = """
    d.vernietigd_op IS NULL AND (
        d.gemeente_id IN (
            SELECT r.content_object_id FROM inburgering_gemeentegroupobjectpermission r
            JOIN auth_permission p ON p.id = r.permission_id
            JOIN inburgering_user_groups ug ON ug.group_id = r.group_id
            WHERE ug.user_id = %(user)s AND p.codename = %(inzien)s)
        OR d.gemeente_id IN (
            SELECT r.content_object_id FROM inburgering_gemeenteuserobjectpermission r
            JOIN auth_permission p ON p.id = r.permission_id
            WHERE r.user_id = %(user)s AND p.codename = %(inzien)s)
        OR d.id IN (
            SELECT r.content_object_id FROM inburgering_inburgeraargroupobjectpermission r
            JOIN auth_permission p ON p.id = r.permission_id
            JOIN inburgering_user_groups ug ON ug.group_id = r.group_id
            WHERE ug.user_id = %(user)s AND p.codename = %(per_dossier)s)
        OR d.id IN (
            SELECT r.content_object_id FROM inburgering_inburgeraaruserobjectpermission r
            JOIN auth_permission p ON p.id = r.permission_id
            WHERE r.user_id = %(user)s AND p.codename = %(per_dossier)s)
    )"""

# CaseloadFilterForm.SORTERINGEN, by hand.
_VOLGORDE = {
    "naam": "d.achternaam, d.voornamen, d.id",
    "termijn": "d.termijn_onbekend DESC, d.volgende_termijn ASC NULLS LAST, d.achternaam, d.voornamen, d.id",
}

# One page of the caseload with its capped count (the page says "meer dan 1.000" past GRENS), and for a
# dossier with an unknown deadline the kinds of deadline and the facts they miss ("soort=veld,veld;...").
# `zoeken` narrows both to a search (_zoekvoorwaarde).
_CASELOAD = """
SELECT d.id, d.achternaam, d.voornamen, d.tussenvoegsel, d.bsn, d.doelgroep, d.fase, g.naam,
       u.first_name, u.last_name, u.username, d.datum_koppeling,
       d.volgende_termijn, d.volgende_termijn_soort, d.termijn_onbekend,
       CASE WHEN d.termijn_onbekend THEN (
           SELECT string_agg(t.soort || '=' || t.ontbreekt, ';' ORDER BY t.id) FROM inburgering_termijn t
           WHERE t.inburgeraar_id = d.id AND t.uiterste_datum IS NULL) END,
       (SELECT count(*) FROM (SELECT 1 FROM inburgering_inburgeraar d WHERE {zichtbaar}{zoeken} LIMIT %(grens)s) AS n)
FROM inburgering_inburgeraar d
JOIN inburgering_gemeente g ON g.id = d.gemeente_id
LEFT JOIN inburgering_user u ON u.id = d.regisseur_id
WHERE {zichtbaar}{zoeken}
ORDER BY {volgorde}
LIMIT %(grootte)s"""

# The dossier's row with its termijnen and the first page of its tijdlijn, each list as JSON.
_DOSSIER = """
SELECT d.id, d.voornamen, d.tussenvoegsel, d.achternaam, d.fase, d.bsn, d.geboortedatum, d.doelgroep,
       d.taal, d.tolk_nodig, d.telefoon, d.email, d.adres, d.datum_koppeling, d.datum_kennisgeving,
       d.datum_vestiging, d.azc, d.datum_huidige_pip, g.naam, u.first_name, u.last_name, u.username,
       (SELECT json_agg(json_build_array(t.soort, t.startdatum, t.uiterste_datum, t.ontbreekt, t.voldaan_op,
                                         t.opgeschort) ORDER BY t.uiterste_datum NULLS FIRST, t.id)
        FROM inburgering_termijn t WHERE t.inburgeraar_id = d.id),
       (SELECT json_agg(json_build_array(e.tijd, e.omschrijving, e.first_name, e.last_name, e.username, e.naam)
                 ORDER BY e.tijdstip DESC, e.id DESC)
        FROM (SELECT to_char(x.tijdstip AT TIME ZONE %(tijdzone)s, 'DD-MM-YYYY HH24:MI') AS tijd, x.omschrijving,
                     x.tijdstip, x.id, a.first_name, a.last_name, a.username, xg.naam
              FROM inburgering_gebeurtenis x
              JOIN inburgering_gemeente xg ON xg.id = x.gemeente_id
              LEFT JOIN inburgering_user a ON a.id = x.actor_id
              WHERE x.inburgeraar_id = d.id ORDER BY x.tijdstip DESC, x.id DESC LIMIT %(tijdlijn)s) AS e)
FROM inburgering_inburgeraar d
JOIN inburgering_gemeente g ON g.id = d.gemeente_id
LEFT JOIN inburgering_user u ON u.id = d.regisseur_id
WHERE d.id = %(dossier)s AND {zichtbaar}"""

TIJDLIJN_PAGINA = 200  # as views.dossier


def _rechten(user) -> dict:
    return {"user": user.pk, "inzien": INZIEN, "per_dossier": DOSSIERRECHT_PER_DOSSIER[INZIEN]}


def _persoon(voornaam, achternaam, gebruikersnaam) -> str:
    """As User.__str__: the full name, else the username."""
    return f"{voornaam} {achternaam}".strip() or gebruikersnaam


def _datum(datum) -> str:
    return datum.strftime("%d-%m-%Y") if datum else ""


class _Labels:
    """The choices' and fields' labels as plain strings, looked up once before the timing."""

    def __init__(self):
        self.doelgroep = {k: str(v) for k, v in Doelgroep.choices}
        self.fase = {k: str(v) for k, v in Fase.choices}
        self.termijn = {k: str(v) for k, v in TermijnSoort.choices}
        self.veld = {f.name: str(f.verbose_name) for f in Inburgeraar._meta.fields}
        # A URL with a placeholder for the id: reversing per row is Django's work, not the limit's.
        self.dossier_url = reverse("inburgering:dossier", args=[0]).replace("/0/", "/{}/")
        self.wijzigen_url = reverse("inburgering:dossier_wijzigen", args=[0]).replace("/0/", "/{}/")
        self.vandaag = timezone.localdate()
        self.venster = urgentievenster()

    def marker(self, datum) -> str:
        if datum is None:
            return "Geen open termijn"
        dagen = (datum - self.vandaag).days
        if dagen < 0:
            return "Te laat"
        if dagen == 0:
            return "Vandaag"
        return "Binnenkort" if dagen <= self.venster else "Op schema"

    def ontbrekend(self, dossier_id, velden: str) -> str:
        url = escape(self.wijzigen_url.format(dossier_id))
        return ", ".join(
            f'<a href="{url}#id_{veld}">{escape(self.veld.get(veld, veld))} ontbreekt</a>'
            for veld in velden.split(",")
            if veld
        )


class Caseloadreferentie:
    """One caseload page of `user` in `sortering`, by one SQL query and string joins."""

    def __init__(self, user, sortering: str, zoeken: str = ""):
        # Only constants go into the text; the user, the sizes and the search's words are parameters.
        self.sql = _CASELOAD.format(zichtbaar=_ZICHTBAAR, zoeken=zoeken, volgorde=_VOLGORDE[sortering])
        self.params = {**_rechten(user), "grens": GRENS + 1, "grootte": settings.CASELOAD_PAGINA_GROOTTE}
        self.labels = _Labels()

    def rijen(self) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            return cursor.fetchall()

    def html(self) -> str:
        rijen = self.rijen()
        aantal = rijen[0][-1] if rijen else 0
        kop = "Meer dan 1.000 dossiers gevonden" if aantal > GRENS else f"{aantal} dossiers gevonden"
        return "".join([f"<p>{kop}</p><table><tbody>", *(self._rij(rij) for rij in rijen), "</tbody></table>"])

    def _rij(self, rij) -> str:
        (pk, achternaam, voornamen, tussenvoegsel, bsn, doelgroep, fase, gemeente, voornaam, achter, gebruiker,
         koppeling, termijn, soort, onbekend, ontbrekend, _) = rij  # fmt: skip
        labels = self.labels
        naam = f"{achternaam}, {voornamen}" + (f" {tussenvoegsel}" if tussenvoegsel else "")
        regisseur = _persoon(voornaam, achter, gebruiker) if gebruiker else "—"
        cel = "".join(
            f"<span>Termijn onbekend</span> {escape(labels.termijn[s])}: {labels.ontbrekend(pk, velden)}<br>"
            for s, velden in (deel.split("=", 1) for deel in (ontbrekend or "").split(";") if deel)
        )
        if termijn or not onbekend:
            cel += f"{_datum(termijn)} <span>{labels.marker(termijn)}</span>"
            cel += f" <span>{escape(labels.termijn[soort])}</span>" if termijn else ""
        return "".join(
            [
                f'<tr><th><a href="{labels.dossier_url.format(pk)}">{escape(naam)}</a></th>',
                f"<td>{maskeer_bsn(bsn or '')}</td><td>{escape(labels.doelgroep.get(doelgroep, doelgroep))}</td>",
                f"<td>{escape(labels.fase[fase])}</td><td>{escape(gemeente)}</td><td>{escape(regisseur)}</td>",
                f"<td>{(labels.vandaag - koppeling).days}</td><td>{cel}</td></tr>",
            ]
        )


def _zoekvoorwaarde(zoekterm: str) -> tuple[str, dict]:
    """The caseload's search (forms._zoek) by hand: the shown BSN digits, a full BSN, or each word in a
    first name or surname, or equal to the tussenvoegsel, in any case (UPPER as Django's icontains)."""
    cijfers = zoekterm.strip().lstrip("*")
    if len(cijfers) == ZICHTBARE_BSN_CIJFERS and cijfers.isdigit():
        return " AND d.bsn LIKE %(bsn_einde)s", {"bsn_einde": "%" + cijfers}
    bsn = normaliseer_bsn(zoekterm)
    if len(bsn) == 9 and bsn.isdigit():
        return " AND d.bsn = %(bsn)s", {"bsn": bsn}
    voorwaarden, params = [], {}
    for i, woord in enumerate(zoekterm.split()):
        voorwaarden.append(
            f" AND (UPPER(d.voornamen) LIKE UPPER(%(deel{i})s) OR UPPER(d.achternaam) LIKE UPPER(%(deel{i})s)"
            f" OR UPPER(d.tussenvoegsel) = UPPER(%(woord{i})s))"
        )
        # LIKE's own characters in the word stand for themselves, as Django escapes them.
        letterlijk = woord.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params |= {f"deel{i}": f"%{letterlijk}%", f"woord{i}": woord}
    return "".join(voorwaarden), params


class Zoekreferentie(Caseloadreferentie):
    """The caseload page of `user` searching `zoekterm`, sorted by name: one SQL query and string joins."""

    def __init__(self, user, zoekterm: str):
        voorwaarde, params = _zoekvoorwaarde(zoekterm)
        super().__init__(user, "naam", zoeken=voorwaarde)
        self.params |= params


class Dossierreferentie:
    """The dossier page's row, termijnen and tijdlijn for `user`, by one SQL query and string joins."""

    def __init__(self, user, pk: int):
        self.params = {
            **_rechten(user),
            "dossier": pk,
            "tijdzone": settings.TIME_ZONE,
            "tijdlijn": TIJDLIJN_PAGINA,
        }
        self.labels = _Labels()

    def rij(self) -> tuple | None:
        with connection.cursor() as cursor:
            cursor.execute(_DOSSIER.format(zichtbaar=_ZICHTBAAR), self.params)
            return cursor.fetchone()

    def html(self) -> str:
        rij = self.rij()
        if rij is None:
            return "<p>Niet gevonden</p>"
        (pk, voornamen, tussenvoegsel, achternaam, fase, bsn, geboortedatum, doelgroep, taal, tolk, telefoon,
         email, adres, koppeling, kennisgeving, vestiging, azc, huidige_pip, gemeente, voornaam, achter,
         gebruiker, termijnen, tijdlijn) = rij  # fmt: skip
        labels = self.labels
        naam = " ".join(deel for deel in (voornamen, tussenvoegsel, achternaam) if deel)
        regisseur = _persoon(voornaam, achter, gebruiker) if gebruiker else "nog niet toegewezen"
        gegevens = [
            ("BSN", bsn),
            ("Geboortedatum", _datum(geboortedatum)),
            ("Doelgroep", labels.doelgroep.get(doelgroep, doelgroep)),
            ("Voorkeurstaal", (taal or "—") + (" · tolk nodig" if tolk else "")),
            ("Telefoon", telefoon or "—"),
            ("E-mail", email or "—"),
            ("Adres", adres or "—"),
            ("Datum koppeling", _datum(koppeling)),
            ("Kennisgeving DUO", _datum(kennisgeving) or "—"),
            ("Vestiging in gemeente", _datum(vestiging) or "—"),
            ("AZC", azc or "—"),
            ("Huidige PIP", _datum(huidige_pip) or "—"),
        ]
        return "".join(
            [
                f"<h1>{escape(naam)}</h1><p>{escape(labels.fase[fase])} · Gemeente {escape(gemeente)}",
                f" · Regisseur: {escape(regisseur)}</p><dl>",
                *(f"<dt>{kop}</dt><dd>{escape(waarde or '')}</dd>" for kop, waarde in gegevens),
                "</dl><table><tbody>",
                *(self._termijn(pk, *termijn) for termijn in termijnen or []),
                "</tbody></table><ol>",
                *(
                    f"<li><time>{tijd}</time> {escape(tekst)} {escape(_persoon(v, a, g) if g else 'systeem')}"
                    f" · {escape(plaats)}</li>"
                    for tijd, tekst, v, a, g, plaats in tijdlijn or []
                ),
                "</ol>",
            ]
        )

    def _termijn(self, pk, soort, start, uiterste, ontbreekt, voldaan, opgeschort) -> str:
        # JSON carries the dates as ISO text: day-month-year by slicing, as plain as it gets.
        def dmj(iso):
            return f"{iso[8:10]}-{iso[5:7]}-{iso[:4]}" if iso else ""

        if uiterste is None:
            status = f"<span>Termijn onbekend</span> {self.labels.ontbrekend(pk, ontbreekt)}"
        elif voldaan:
            status = f"Voldaan op {dmj(voldaan)}"
        elif opgeschort:
            status = "Opgeschort: wacht op informatie van derden"
        else:
            status = self.labels.marker(datetime.date.fromisoformat(uiterste))
        return (
            f"<tr><th>{escape(self.labels.termijn[soort])}</th><td>{dmj(start)}</td><td>{dmj(uiterste)}</td>"
            f"<td>{status}</td></tr>"
        )


# The werkvoorraad -----------------------------------------------------------------------------------

# A block of open signalen of the regisseur's visible dossiers (inburgering.werkvoorraad): the first items
# and the count up to the limit. The signaal's own copy of the regisseur serves the index.
# The dossier is asked per signaal, visible and the regisseur's, in a subquery tested IS NOT NULL: so the
# planner walks the (regisseur, date) index and stops (as the page does; inburgering.werkvoorraad).
_SIGNALEN_VAN = """
    FROM inburgering_signaal s
    WHERE s.status = 'open' AND (s.gesnoozed_tot IS NULL OR s.gesnoozed_tot <= %(vandaag)s)
      AND s.regisseur_id = %(user)s AND {regel}
      AND (SELECT d.id FROM inburgering_inburgeraar d
           WHERE d.id = s.inburgeraar_id AND d.regisseur_id = %(user)s AND {zichtbaar}) IS NOT NULL"""
_SIGNAALBLOK = """
(SELECT %(blok_{blok})s, p.id, p.voornamen, p.tussenvoegsel, p.achternaam, s.soort, s.uiterste_datum, NULL::int,
        (SELECT count(*) FROM (SELECT 1 {van} LIMIT %(grens)s) AS n)
 FROM (SELECT s.* {van} ORDER BY s.uiterste_datum, s.niveau, s.id LIMIT %(lengte)s) AS s
 JOIN inburgering_inburgeraar p ON p.id = s.inburgeraar_id
 ORDER BY s.uiterste_datum, s.niveau, s.id)"""
# The voortgangsgesprekken due take their signalen out of the blocks by date.
_VOORTGANG = "(s.soort = 'voortgangsgesprek' AND s.uiterste_datum <= %(vooruit)s)"
_DATUMREGELS = {
    "termijnen_onbekend": "s.uiterste_datum IS NULL",
    "termijnen_vandaag": "s.uiterste_datum <= %(vandaag)s",
    "termijnen_week": "s.uiterste_datum > %(vandaag)s AND s.uiterste_datum <= %(zondag)s",
    "signalen_later": "s.uiterste_datum > %(zondag)s",
}
_SIGNAALREGELS = {
    **{blok: f"{regel} AND NOT {_VOORTGANG}" for blok, regel in _DATUMREGELS.items()},
    "voortgangsgesprekken": _VOORTGANG,
}
_PIP_IN_TERMIJNBLOK = """EXISTS (
    SELECT 1 FROM inburgering_signaal s WHERE s.inburgeraar_id = p.inburgeraar_id AND s.status = 'open'
      AND s.soort = 'pip_vaststelling' AND s.uiterste_datum IS NOT NULL AND s.uiterste_datum <= %(zondag)s
      AND (s.gesnoozed_tot IS NULL OR s.gesnoozed_tot <= %(vandaag)s))"""
# The other blocks: (block, from-and-where, text column, date column, number column, order).
_ANDERE_BLOKKEN = [
    (
        "duo_acties",
        """FROM inburgering_notificatie n JOIN inburgering_inburgeraar d ON d.id = n.inburgeraar_id
           WHERE n.actie_afgehandeld_op IS NULL AND n.actie <> '' AND d.regisseur_id = %(user)s AND {zichtbaar}""",
        "n.actie", "NULL::date", "NULL::int", "n.registratie_datum_tijd DESC, n.id DESC",
    ),
    (
        "duo_geweigerd",
        """FROM inburgering_duobericht b JOIN inburgering_inburgeraar d ON d.id = b.inburgeraar_id
           WHERE b.status IN ('geweigerd', 'mislukt') AND d.regisseur_id = %(user)s AND {zichtbaar}
             AND NOT EXISTS (SELECT 1 FROM inburgering_duobericht l
                 WHERE l.inburgeraar_id = b.inburgeraar_id AND l.pad = b.pad AND l.methode = b.methode
                   AND l.status = 'bevestigd' AND l.created_at > b.created_at)""",
        "b.soort", "NULL::date", "NULL::int", "b.created_at DESC, b.id DESC",
    ),
    (
        "intakes",
        """FROM inburgering_inburgeraar d JOIN intake_bredeintake i ON i.inburgeraar_id = d.id
           WHERE i.afgerond_op IS NULL AND d.regisseur_id = %(user)s AND {zichtbaar}""",
        "NULL", "NULL::date", "NULL::int", "i.gestart_op, d.id",
    ),
    (
        "concept_pips",
        f"""FROM pip_pip p JOIN inburgering_inburgeraar d ON d.id = p.inburgeraar_id
           WHERE p.status = 'concept' AND d.regisseur_id = %(user)s AND {{zichtbaar}} AND NOT {_PIP_IN_TERMIJNBLOK}""",
        "NULL", "NULL::date", "p.versie", "p.created_at, p.id",
    ),
    (
        "uren",
        """FROM ontzorgen_urenregistratie u JOIN inburgering_inburgeraar d ON d.id = u.inburgeraar_id
           WHERE u.status = 'ingediend' AND d.regisseur_id = %(user)s AND {wijzigen}""",
        "u.uren::text", "u.datum", "NULL::int", "u.datum, d.achternaam, u.id",
    ),
]  # fmt: skip
_ANDER_BLOK = """
(SELECT %(blok_{blok})s, d.id, d.voornamen, d.tussenvoegsel, d.achternaam, {tekst}, {datum}, {getal},
        (SELECT count(*) FROM (SELECT 1 {van} LIMIT %(grens)s) AS n)
 {van} ORDER BY {volgorde} LIMIT %(lengte)s)"""


def _van_per_blok() -> dict[str, str]:
    """Each block's FROM and WHERE, the visibility rule written in."""
    wijzigen = _ZICHTBAAR.replace("%(inzien)s", "%(wijzigen)s").replace("%(per_dossier)s", "%(wijzigen_per_dossier)s")
    return {
        **{blok: _SIGNALEN_VAN.format(regel=regel, zichtbaar=_ZICHTBAAR) for blok, regel in _SIGNAALREGELS.items()},
        **{blok: van.format(zichtbaar=_ZICHTBAAR, wijzigen=wijzigen) for blok, van, *_ in _ANDERE_BLOKKEN},
    }


def _werkvoorraad_sql() -> str:
    van = _van_per_blok()
    delen = [_SIGNAALBLOK.format(blok=blok, van=van[blok]) for blok in _SIGNAALREGELS]
    delen += [
        _ANDER_BLOK.format(blok=blok, van=van[blok], tekst=tekst, datum=datum, getal=getal, volgorde=volgorde)
        for blok, _van, tekst, datum, getal, volgorde in _ANDERE_BLOKKEN
    ]
    return "\nUNION ALL\n".join(delen)


def _werkvoorraad_params(user) -> dict:
    from inburgering.permissions import WIJZIGEN
    from pip.werkvoorraad import VOORTGANG_VOORUIT

    vandaag = timezone.localdate()
    return {
        **_rechten(user),
        "wijzigen": WIJZIGEN,
        "wijzigen_per_dossier": DOSSIERRECHT_PER_DOSSIER[WIJZIGEN],
        "vandaag": vandaag,
        "zondag": werkvoorraad_kern.zondag(),
        "vooruit": vandaag + VOORTGANG_VOORUIT,
        "grens": werkvoorraad.GRENS,
        "lengte": werkvoorraad.LIJST_LENGTE,
        **{f"blok_{blok}": blok for blok in (*_SIGNAALREGELS, *(blok[0] for blok in _ANDERE_BLOKKEN))},
    }


class Menutellerreferentie:
    """The menu's count: every block's rows of the regisseur, counted up to the limit, by one SQL query."""

    def __init__(self, user):

        delen = "\nUNION ALL\n".join(f"(SELECT 1 {van})" for van in _van_per_blok().values())
        self.sql = f"SELECT count(*) FROM (SELECT 1 FROM ({delen}) AS alles LIMIT %(grens)s) AS n"  # noqa: S608
        self.params = _werkvoorraad_params(user)

    def aantal(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            return cursor.fetchone()[0]

    def html(self) -> str:
        aantal = self.aantal()
        tekst = werkvoorraad.als_tekst(aantal)
        return f'<span class="app-teller" id="werkvoorraad-teller">{tekst}</span>' if aantal else ""


class Werkvoorraadreferentie:
    """The regisseur's werkvoorraad, every block's first items and capped count, by one SQL query (a UNION ALL
    of one SELECT per block) and string joins."""

    def __init__(self, user):
        self.titels = {post.sleutel: str(post.titel) for post in werkvoorraad.posten()}
        self.volgorde = [post.sleutel for post in werkvoorraad.posten()]
        self.sql = _werkvoorraad_sql()
        self.params = _werkvoorraad_params(user)
        self.labels = _Labels()

    def rijen(self) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(self.sql, self.params)
            return cursor.fetchall()

    def blokken(self) -> dict[str, tuple[int, list[tuple]]]:
        """{block: (capped count, its first rows in order)}: what the page shows."""
        uitkomst = {blok: (0, []) for blok in self.volgorde}
        for rij in self.rijen():
            aantal, rijen = uitkomst[rij[0]]
            uitkomst[rij[0]] = (rij[-1], [*rijen, rij])
        return uitkomst

    def html(self) -> str:
        delen = []
        for blok, (aantal, rijen) in self.blokken().items():
            teller = werkvoorraad.als_tekst(aantal)
            delen.append(f"<section><h2>{escape(self.titels[blok])} <span>{teller}</span></h2><ul>")
            delen += [self._item(*rij[1:8]) for rij in rijen]
            delen.append("</ul></section>" if rijen else "<p>Niets te doen.</p></section>")
        return "".join(delen)

    def _item(self, pk, voornamen, tussenvoegsel, achternaam, tekst, datum, getal) -> str:
        naam = " ".join(deel for deel in (voornamen, tussenvoegsel, achternaam) if deel)
        detail = " ".join(str(deel) for deel in (self.labels.termijn.get(tekst, tekst), _datum(datum), getal) if deel)
        return f'<li><a href="{self.labels.dossier_url.format(pk)}">{escape(naam)}</a> {escape(detail)}</li>'


# The admin changelist ------------------------------------------------------------------------------


class _Beheersite(admin.AdminSite):
    """Open to any active user: the regisseur of the caseload, who is no staff member."""

    def has_permission(self, request):
        return request.user.is_active


class _CaseloadAdmin(admin.ModelAdmin):
    """The caseload's columns, rows and page size, as a plain ModelAdmin shows them."""

    list_display = (
        "naam",
        "bsn_gemaskeerd",
        "doelgroep",
        "fase",
        "gemeente",
        "regisseur",
        "dagen_sinds_koppeling",
        "volgende_termijn",
    )
    list_select_related = ("gemeente", "regisseur")

    @property
    def list_per_page(self):
        return settings.CASELOAD_PAGINA_GROOTTE

    def get_queryset(self, request):
        return Inburgeraar.objects.zichtbaar_voor(request.user)


def _beheersite(sortering: str) -> _Beheersite:
    site = _Beheersite(name=f"benchmark_beheer_{sortering}")
    ordening = CaseloadFilterForm.SORTERINGEN[sortering]
    site.register(Inburgeraar, type(f"CaseloadAdmin_{sortering}", (_CaseloadAdmin,), {"ordering": ordening}))
    return site


BEHEERSITES = {sortering: _beheersite(sortering) for sortering in _VOLGORDE}
