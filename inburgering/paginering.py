"""Pages over lists that can hold a whole country's dossiers.

Counting every visible row to print "200.000 dossiers" scans them all on every page load. Past
GRENS rows nobody pages on, so the count stops there: the page says "meer dan 1.000" and the
regisseur narrows the search instead.
"""

from functools import cached_property

from django.core.paginator import Paginator

GRENS = 1000


class BegrensdePaginator(Paginator):
    @cached_property
    def count(self) -> int:
        """At most GRENS + 1: COUNT(*) over a LIMIT subquery, which stops reading after that many rows.

        Without the list's order: any GRENS + 1 rows give the same count, and PostgreSQL may then take
        the first it finds (through a search's indexes, say) instead of walking an index in order."""
        return self.object_list.order_by()[: GRENS + 1].count()

    @property
    def begrensd(self) -> bool:
        """True when there are more than GRENS rows: the count and the last page are unknown."""
        return self.count > GRENS
