"""How every browser view of every app opens a dossier: the visibility rule, then the inzage log."""

from . import services
from .models import Inburgeraar
from .permissions import INZIEN, get_dossier_voor


def open_dossier(request, pk, perm: str = INZIEN) -> Inburgeraar:
    """404 for a dossier the user may not reach; otherwise log who looked at it, and where."""
    inburgeraar = get_dossier_voor(request.user, pk, perm)
    services.log_inzage(user=request.user, inburgeraar=inburgeraar, pagina=request.path)
    return inburgeraar
