"""Privacy by design in the core: what each app contributes, retention and destruction, the AVG export.

- `register`: the registry every domain app joins in its AppConfig.ready() (`registreer`), and the
  helpers its contribution uses (`wis`, `als_gegevens`).
- `models`: the vernietigingslijst and its proces-verbaal (app label `inburgering`).
- `vernietiging`: proposing, approving and carrying out destruction; the legal hold.
- `avg`: the AVG inzage export (art. 15).
- `views`, `forms`: the privacy pages.
"""

from .register import Bijdrage, als_gegevens, bijdragen, registreer, wis

__all__ = ["Bijdrage", "als_gegevens", "bijdragen", "registreer", "wis"]
