"""The regisseur's werkvoorraad: what waits on them today, gathered from every app (docs/dossier.md).

The core imports no domain app, so each app registers its blocks in its AppConfig.ready():

    from inburgering import werkvoorraad
    werkvoorraad.registreer(
        "concept_pips", _("Concept-PIP's"), concept_pips, "pip:pip", pad="inburgeraar__", volgorde=40
    )

- `queryset_fn(user)` returns a queryset of dossiers, or of records that point to a dossier through
  `pad` ("inburgeraar__"), already in the order the list shows. It starts from
  `Inburgeraar.objects.zichtbaar_voor(user)`; the core narrows it to one regisseur's dossiers.
- `url` is the URL name of the place where the work is done: with the dossier's `pk` when
  `per_dossier` (each item links to its dossier's page there), else one page for the whole block.
- `lijst_url(regisseur)` is the whole filtered list, when another page shows it; by default the
  werkvoorraad's own list of the block (`inburgering:werkvoorraad_lijst`).

Deadlines stand in the werkvoorraad as their open signalen (`registreer_signaalblok`): each signaal in
one block, so a piece of work stands in one block and leaves it when its signaal is afgehandeld,
uitgesteld or vervallen (docs/termijnen.md, Werkvoorraad).

Counts stop at GRENS ("99+"): one query per block reads its ids in order up to GRENS (its count, and
which come first), then the first items are read by id; the menu's count is one query per block until
GRENS is reached. Each reads at most GRENS rows of an index, whatever the number of dossiers.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from .permissions import rechten_eenmaal_gelezen

LIJST_LENGTE = 5
GRENS = 100  # counted up to here; shown as "99+"


@dataclass(frozen=True)
class Post:
    sleutel: str
    titel: str
    queryset_fn: Callable
    url: str
    pad: str = ""
    per_dossier: bool = True
    volgorde: int = 100
    detail: Callable | None = None  # item -> a short text beside the dossier's name
    lijst_url: Callable | None = None  # regisseur -> the URL of the whole filtered list
    # A block of open signalen (registreer_signaalblok): their own copy of the dossier's regisseur serves the
    # index, and the list shows their actions.
    signaalblok: bool = False

    @property
    def dossier_veld(self) -> str:
        return self.pad.removesuffix("__")

    def regisseur_veld(self) -> str:
        return f"{self.pad}regisseur"

    def van_regisseur(self, user, regisseur, signaalbasis=None) -> QuerySet:
        if self.signaalblok:
            return _signalen_van_blok(self.sleutel, user, regisseur, signaalbasis)
        return self.queryset_fn(user).filter(**{self.regisseur_veld(): regisseur})

    def lijst(self, regisseur) -> str:
        if self.lijst_url:
            return self.lijst_url(regisseur)
        return f"{reverse('inburgering:werkvoorraad_lijst', args=[self.sleutel])}?regisseur={regisseur.pk}"

    def item(self, rij, lijst: str) -> "Item":
        """One row as a list shows it: the dossier, a detail, and where the work is done (the whole list when
        the work is done on one page for the block)."""
        dossier = rij
        for deel in self.pad.split("__"):
            if deel:
                dossier = getattr(dossier, deel)
        url = reverse(self.url, args=[dossier.pk]) if self.per_dossier else lijst
        return Item(dossier=dossier, detail=str(self.detail(rij)) if self.detail else "", url=url)


_POSTEN: dict[str, Post] = {}


def registreer(
    sleutel: str,
    titel,
    queryset_fn: Callable,
    url: str,
    *,
    pad: str = "",
    per_dossier: bool = True,
    volgorde: int = 100,
    detail: Callable | None = None,
    lijst_url: Callable | None = None,
    signaalblok: bool = False,
) -> None:
    _POSTEN[sleutel] = Post(
        sleutel, titel, queryset_fn, url, pad, per_dossier, volgorde, detail, lijst_url, signaalblok
    )


def posten() -> list[Post]:
    return sorted(_POSTEN.values(), key=lambda post: (post.volgorde, post.sleutel))


def post(sleutel: str) -> Post | None:
    return _POSTEN.get(sleutel)


# Deadlines: blocks of open signalen ------------------------------------------------------------------

# A date block (voorrang None) holds the open signalen its rule selects by date; the core's date blocks
# are disjoint by construction. A block of a kind (voorrang set, e.g. the PIP's voortgangsgesprekken) takes
# its signalen out of every date block and of kind blocks with a higher voorrang.
_SIGNAALREGELS: dict[str, tuple[int | None, Callable[[], Q]]] = {}


def registreer_signaalblok(
    sleutel: str, titel, regel: Callable[[], Q], url: str, *, voorrang: int | None = None, **opties
) -> None:
    """A block of the open signalen that meet `regel()`, less those a block of a kind takes (see above)."""
    _SIGNAALREGELS[sleutel] = (voorrang, regel)
    registreer(
        sleutel,
        titel,
        partial(_signalen_van_blok, sleutel),
        url,
        pad="inburgeraar__",
        signaalblok=True,
        **opties,
    )


def _regels(sleutel: str) -> tuple[Q, list[Q]]:
    """The block's rule, and the rules of the blocks that take their signalen out of it."""
    voorrang, regel = _SIGNAALREGELS[sleutel]
    voor = [ander for v, ander in _SIGNAALREGELS.values() if v is not None and (voorrang is None or v < voorrang)]
    return regel(), [ander() for ander in voor]


def _open_signalen():
    from .models import Signaal

    return Signaal.objects.filter(status=Signaal.Status.OPEN).exclude(gesnoozed_tot__gt=timezone.localdate())


def _in_blok(qs: QuerySet, sleutel: str) -> QuerySet:
    regel, uitgezonderd = _regels(sleutel)
    qs = qs.filter(regel)
    for ander in uitgezonderd:
        qs = qs.exclude(ander)
    return qs


def signalen_in_blok(sleutel: str) -> QuerySet:
    """The open signalen that stand in the block `sleutel`, of every dossier (a rule, not a list: callers
    use it in a subquery under the visibility rule)."""
    return _in_blok(_open_signalen(), sleutel)


def signaalbasis(user, regisseur=None) -> QuerySet:
    """The open signalen of the dossiers `user` may see, of one regisseur's dossiers when given: every
    signaalblok narrows this one queryset, built once per page.

    The rule is asked per signaal, in a subquery the database cannot turn into a join: it walks the
    (regisseur, date) index and stops at the first GRENS, where a join would first gather every dossier of
    the regisseur. For one regisseur the subquery answers the dossier when it is visible and theirs, and
    the filter asks IS NOT NULL, which the planner rightly takes to hold for nearly every row (for "= id" it
    would guess one in two hundred, and scan and sort them all). Over all regisseurs (the teamleider's
    table) every signaal is counted anyway, through a join."""
    from .models import Inburgeraar

    qs = _open_signalen()
    if regisseur is None:  # every open signaal is read: a join counts them fastest
        qs = qs.filter(inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user))
    else:
        dossier = Inburgeraar.objects.zichtbaar_voor(user).filter(pk=OuterRef("inburgeraar_id"), regisseur=regisseur)
        qs = qs.alias(eigen_dossier=Subquery(dossier.order_by().values("pk")[:1]))
        qs = qs.filter(regisseur=regisseur, eigen_dossier__isnull=False)
    return qs.select_related("termijn", "inburgeraar").order_by("uiterste_datum", "niveau", "pk")


def _signalen_van_blok(sleutel: str, user, regisseur=None, basis=None) -> QuerySet:
    return _in_blok(basis if basis is not None else signaalbasis(user, regisseur), sleutel)


# Reading ---------------------------------------------------------------------------------------------


@dataclass
class Item:
    dossier: object
    detail: str
    url: str


@dataclass
class Blok:
    post: Post
    aantal: int  # at most GRENS
    items: list[Item]
    url: str  # the whole filtered list

    @property
    def als_tekst(self) -> str:
        return als_tekst(self.aantal)


def als_tekst(aantal: int) -> str:
    """A capped count as shown: "99+" once it reached GRENS."""
    return f"{GRENS - 1}+" if aantal >= GRENS else str(aantal)


def voor_regisseur(user, regisseur) -> list[Blok]:
    """Each block for `regisseur`'s dossiers as `user` may see them: a capped count and the first items.

    Per block one query reads the ids in order up to GRENS: the count, and which come first. The first
    items are then read by id, of all blocks of signalen at once."""
    with rechten_eenmaal_gelezen():
        basis = signaalbasis(user, regisseur)
        querysets = {post.sleutel: post.van_regisseur(user, regisseur, basis) for post in posten()}
        ids = {sleutel: list(qs.values_list("pk", flat=True)[:GRENS]) for sleutel, qs in querysets.items()}
    eerste = {sleutel: rij[:LIJST_LENGTE] for sleutel, rij in ids.items()}
    signaal_ids = [pk for post in posten() if post.signaalblok for pk in eerste[post.sleutel]]
    signalen = _in_bulk(basis.model, ["termijn", "inburgeraar"], signaal_ids)
    blokken = []
    for post in posten():
        if post.signaalblok:
            rijen = signalen
        else:
            relaties = [post.dossier_veld] if post.dossier_veld else []
            rijen = _in_bulk(querysets[post.sleutel].model, relaties, eerste[post.sleutel])
        lijst = post.lijst(regisseur)
        items = [post.item(rijen[pk], lijst) for pk in eerste[post.sleutel]]
        blokken.append(Blok(post, len(ids[post.sleutel]), items, lijst))
    return blokken


def _in_bulk(model, relaties: list[str], pks: list) -> dict:
    """Rows by id, with the dossier the list names; the ids came from the block's query, under the
    visibility rule. No query for none."""
    return model._default_manager.select_related(*relaties).in_bulk(pks) if pks else {}


def per_regisseur(user) -> dict[str, dict]:
    """{block key: {regisseur id (None: not assigned): count}} over every dossier `user` may see."""
    tellingen = {}
    with rechten_eenmaal_gelezen():
        basis = signaalbasis(user)
        for post in posten():
            qs = _signalen_van_blok(post.sleutel, user, basis=basis) if post.signaalblok else post.queryset_fn(user)
            rijen = qs.order_by().values(regisseur_pk=F(post.regisseur_veld())).annotate(aantal=Count("pk"))
            tellingen[post.sleutel] = {rij["regisseur_pk"]: rij["aantal"] for rij in rijen}
    return tellingen


def totaal(user) -> int:
    """The menu's count: every block of the user's own dossiers, counted up to GRENS in all."""
    aantal = 0
    with rechten_eenmaal_gelezen():
        basis = signaalbasis(user, user)
        for post in posten():
            aantal += post.van_regisseur(user, user, basis)[: GRENS - aantal].count()
            if aantal >= GRENS:
                break
    return aantal
