"""The regisseur's werkvoorraad: what waits on them today, gathered from every app (docs/dossier.md).

The core imports no domain app, so each app registers its entries in its AppConfig.ready():

    from inburgering import werkvoorraad
    werkvoorraad.registreer(
        "concept_pips", _("Concept-PIP's"), concept_pips, "pip:pip", pad="inburgeraar__", volgorde=40
    )

- `queryset_fn(user)` returns a queryset of dossiers, or of records that point to a dossier through
  `pad` ("inburgeraar__", "termijn__inburgeraar__"), already in the order the list shows. It starts
  from `Inburgeraar.objects.zichtbaar_voor(user)`; the core narrows it to one regisseur's dossiers.
- `url` is the URL name of the place where the work is done: with the dossier's `pk` when
  `per_dossier` (each item links to its dossier's page there), else one page for the whole entry.

Every entry costs one query for a regisseur (count and first items together) and one for a
teamleider's table (counts grouped per regisseur), whatever the number of dossiers.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, F, Window
from django.urls import reverse

LIJST_LENGTE = 5


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

    @property
    def dossier_veld(self) -> str:
        return self.pad.removesuffix("__")

    def regisseur_veld(self) -> str:
        return f"{self.pad}regisseur"


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
) -> None:
    _POSTEN[sleutel] = Post(sleutel, titel, queryset_fn, url, pad, per_dossier, volgorde, detail)


def posten() -> list[Post]:
    return sorted(_POSTEN.values(), key=lambda post: (post.volgorde, post.sleutel))


@dataclass
class Item:
    dossier: object
    detail: str
    url: str


@dataclass
class Blok:
    post: Post
    aantal: int
    items: list[Item]
    url: str | None  # the entry's own page, when it has one


def voor_regisseur(user, regisseur) -> list[Blok]:
    """Each entry for `regisseur`'s dossiers as `user` may see them: a count and the first items."""
    blokken = []
    for post in posten():
        qs = post.queryset_fn(user).filter(**{post.regisseur_veld(): regisseur})
        if post.dossier_veld:
            qs = qs.select_related(post.dossier_veld)
        rijen = list(qs.annotate(werkvoorraad_aantal=Window(Count("pk")))[:LIJST_LENGTE])
        items = []
        for rij in rijen:
            dossier = _dossier(rij, post)
            detail = str(post.detail(rij)) if post.detail else ""
            url = reverse(post.url, args=[dossier.pk]) if post.per_dossier else reverse(post.url)
            items.append(Item(dossier=dossier, detail=detail, url=url))
        aantal = rijen[0].werkvoorraad_aantal if rijen else 0
        blokken.append(Blok(post, aantal, items, None if post.per_dossier else reverse(post.url)))
    return blokken


def per_regisseur(user) -> dict[str, dict]:
    """{entry key: {regisseur id (None: not assigned): count}} over every dossier `user` may see."""
    tellingen = {}
    for post in posten():
        rijen = (
            post.queryset_fn(user).order_by().values(regisseur_pk=F(post.regisseur_veld())).annotate(aantal=Count("pk"))
        )
        tellingen[post.sleutel] = {rij["regisseur_pk"]: rij["aantal"] for rij in rijen}
    return tellingen


def totaal(user) -> int:
    """The badge in the menu: every entry of the user's own dossiers, one count query each."""
    return sum(post.queryset_fn(user).filter(**{post.regisseur_veld(): user}).count() for post in posten())


def _dossier(rij, post: Post):
    dossier = rij
    for deel in post.pad.split("__"):
        if deel:
            dossier = getattr(dossier, deel)
    return dossier
