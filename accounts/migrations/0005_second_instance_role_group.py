from django.db import migrations


def create_second_instance_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="second_instance")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_national_identity")]
    operations = [migrations.RunPython(create_second_instance_group, migrations.RunPython.noop)]
