"""How every browser view of every app opens a dossier: the visibility rule, then the inzage log."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from . import services
from .models import Inburgeraar
from .permissions import INZIEN, get_dossier_voor


def open_dossier(request, pk, perm: str = INZIEN) -> Inburgeraar:
    """404 for a dossier the user may not reach; otherwise log who looked at it, and where."""
    inburgeraar = get_dossier_voor(request.user, pk, perm)
    services.log_inzage(user=request.user, inburgeraar=inburgeraar, pagina=request.path)
    return inburgeraar


def recht_nodig(perm: str):
    """`permission_required` with the project's one error rule: a URL that names an object answers 404
    to a role without `perm`, exactly as for an object that does not exist or that the user may not see,
    so a status never confirms that something exists; a page that names no object (a list, a form for
    something new) answers 403, because the role lacks the whole function."""

    def decorator(view):
        @wraps(view)
        def gecontroleerd(request, *args, **kwargs):
            if request.user.has_perm(perm):
                return view(request, *args, **kwargs)
            if args or kwargs:
                raise Http404
            raise PermissionDenied

        return gecontroleerd

    return decorator
