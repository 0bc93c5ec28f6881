"""The form definitions now belong to `formdefs` (see formdefs.0001): the drafts', applications' and annexes' foreign
keys point there, and the old model state is dropped. No table, column or constraint changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0008_surname_search_index"),
        ("formdefs", "0001_formdefinition_moves_from_applications"),
    ]

    state_operations = [
        migrations.AlterField(
            model_name=model,
            name="definition",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name=related, to="formdefs.formdefinition"
            ),
        )
        for model, related in (("draft", "drafts"), ("application", "applications"), ("employerannex", "annexes"))
    ] + [
        migrations.DeleteModel(name="FormDefinitionChange"),
        migrations.DeleteModel(name="FormDefinition"),
    ]

    operations = [migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[])]
