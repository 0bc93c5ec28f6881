from django.db import migrations


def load(apps, schema_editor):
    from applications.voivodeships import load_voivodeships

    load_voivodeships(apps.get_model("applications", "Voivodeship"), apps.get_model("applications", "Office"))


class Migration(migrations.Migration):
    dependencies = [("applications", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
