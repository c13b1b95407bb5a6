"""The partner API's documentation page renders in a real browser under the site's strict
Content-Security-Policy: Swagger UI from our own static files, its start script a separate request."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_without_a_csp_violation_or_outside_request(live_server, pagina):
    meldingen, adressen = [], []
    pagina.on("console", lambda bericht: meldingen.append(bericht.text))
    pagina.on("pageerror", lambda fout: meldingen.append(str(fout)))
    pagina.on("request", lambda verzoek: adressen.append(verzoek.url))

    pagina.goto(f"{live_server.url}/api/v1/docs/")
    pagina.locator(".opblock").first.wait_for()

    assert pagina.locator(".opblock").count() >= 9  # every operation of the schema is listed
    assert pagina.get_by_text("Inburgering partner-API").count() >= 1
    schendingen = [m for m in meldingen if "Content Security Policy" in m or "Refused to" in m]
    assert schendingen == []
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in adressen), adressen
