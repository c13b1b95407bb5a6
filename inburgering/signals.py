"""What the core tells the domain apps, so that they act without the core importing them (docs/architecture.md).

`dossier_verlaten`: the gemeente is no longer responsible for the dossier — it was handed over to
another gemeente (verhuizing) or uitgeschreven. Sent inside the service's transaction with
`inburgeraar`, `door` and `reden` (a Dutch sentence for the tijdlijn); a handler that fails rolls
the whole change back.
"""

from django.dispatch import Signal

dossier_verlaten = Signal()
