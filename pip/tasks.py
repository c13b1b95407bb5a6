"""Background work of the PIP: render a batch of beschikkingen."""

from celery import shared_task


@shared_task
def render_beschikkingen(pip_ids: list[int]) -> list[int]:
    """Store the PDF of every vastgesteld PIP in the batch that has none yet; never regenerate one.

    Idempotent: a PIP that already has its PDF, or is still a concept, is skipped.
    """
    from . import services

    return [pk for pk in pip_ids if services.bewaar_ontbrekende_pdf(pip_id=pk)]
