import django.utils.timezone
from django.db import migrations, models


def vul_gewijzigd_op(apps, schema_editor):
    """Existing referrals last changed, as far as we know, when they were made."""
    Verwijzing = apps.get_model("ontzorgen", "Verwijzing")
    Verwijzing.objects.update(gewijzigd_op=models.F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("ontzorgen", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="verwijzing",
            name="gewijzigd_op",
            field=models.DateTimeField(
                auto_now=True, db_index=True, default=django.utils.timezone.now, verbose_name="gewijzigd op"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(vul_gewijzigd_op, migrations.RunPython.noop),
    ]
