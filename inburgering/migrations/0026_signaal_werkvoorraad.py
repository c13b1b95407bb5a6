import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import inburgering.termijnen

# Correlated subqueries: the same statement on PostgreSQL and SQLite.
VUL_DOSSIER_EN_SOORT = """
UPDATE inburgering_signaal SET
    inburgeraar_id = (SELECT t.inburgeraar_id FROM inburgering_termijn t WHERE t.id = inburgering_signaal.termijn_id),
    soort = (SELECT t.soort FROM inburgering_termijn t WHERE t.id = inburgering_signaal.termijn_id)
"""
VUL_REGISSEUR = """
UPDATE inburgering_signaal SET regisseur_id = (
    SELECT i.regisseur_id FROM inburgering_termijn t JOIN inburgering_inburgeraar i ON i.id = t.inburgeraar_id
    WHERE t.id = inburgering_signaal.termijn_id
) WHERE status = 'open'
"""


class Migration(migrations.Migration):
    dependencies = [
        ("inburgering", "0025_gelijkgestelde_dagen"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Empty at first, filled below, then required.
        migrations.AddField(
            model_name="signaal",
            name="inburgeraar",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="inburgering.inburgeraar",
                verbose_name="inburgeraar",
            ),
        ),
        migrations.AddField(
            model_name="signaal",
            name="soort",
            field=models.CharField(
                choices=inburgering.termijnen.Soort.choices, default="", max_length=30, verbose_name="soort"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="signaal",
            name="regisseur",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="casusregisseur",
            ),
        ),
        migrations.RunSQL(VUL_DOSSIER_EN_SOORT, migrations.RunSQL.noop),
        migrations.RunSQL(VUL_REGISSEUR, migrations.RunSQL.noop),
    ]
