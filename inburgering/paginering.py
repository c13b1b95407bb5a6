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
        """At most GRENS + 1: COUNT(*) over a LIMIT subquery, which stops reading after that many rows."""
        return self.object_list[: GRENS + 1].count()

    @property
    def begrensd(self) -> bool:
        """True when there are more than GRENS rows: the count and the last page are unknown."""
        return self.count > GRENS
