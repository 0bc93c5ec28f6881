from django.db import migrations


def load(apps, schema_editor):
    from information.initial_content import load_information

    load_information(
        apps.get_model("information", "PermitPage"),
        apps.get_model("information", "ProcedureStep"),
        apps.get_model("information", "FaqEntry"),
        apps.get_model("information", "LegalAct"),
    )


class Migration(migrations.Migration):
    dependencies = [("information", "0001_pages_faq_contact")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
