import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    # Its own transaction: the filled columns leave deferred foreign-key checks pending, and PostgreSQL
    # alters or indexes no table with pending trigger events.
    dependencies = [("inburgering", "0026_signaal_werkvoorraad")]

    operations = [
        migrations.AlterField(
            model_name="signaal",
            name="inburgeraar",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="inburgering.inburgeraar",
                verbose_name="inburgeraar",
            ),
        ),
        migrations.AddIndex(
            model_name="signaal",
            index=models.Index(
                condition=models.Q(("status", "open")),
                fields=["regisseur", "uiterste_datum", "niveau", "id"],
                name="signaal_werkvoorraad",
            ),
        ),
    ]
