"""The form-definition models move from `applications` to `formdefs` without touching their tables.

State only: the models are declared here with their old table names (`applications_formdefinition`,
`applications_formdefinitionchange`); `applications.0009` drops them from the applications app's state. The content
types are relabelled so existing permissions and admin log entries follow the models.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("formdefinition", "formdefinitionchange")


def relabel_content_types(apps, schema_editor, old="applications", new="formdefs"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label=old, model__in=MODELS).update(
        app_label=new
    )


def restore_content_types(apps, schema_editor):
    relabel_content_types(apps, schema_editor, old="formdefs", new="applications")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("applications", "0003_form_definitions"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name="FormDefinition",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("slug", models.SlugField(max_length=63, verbose_name="slug")),
                ("version", models.PositiveIntegerField(verbose_name="version")),
                (
                    "status",
                    models.CharField(
                        choices=[("draft", "Draft"), ("published", "Published"), ("retired", "Retired")],
                        default="draft",
                        max_length=16,
                        verbose_name="status",
                    ),
                ),
                ("definition", models.JSONField(help_text="The form definition as JSON.", verbose_name="definition")),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        editable=False,
                        help_text="The Polish title, copied from the definition for lists.",
                        max_length=300,
                        verbose_name="title",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                (
                    "published_at",
                    models.DateTimeField(blank=True, editable=False, null=True, verbose_name="published at"),
                ),
                (
                    "published_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="published by",
                    ),
                ),
            ],
            options={
                "verbose_name": "form definition",
                "verbose_name_plural": "form definitions",
                "db_table": "applications_formdefinition",
                "ordering": ["slug", "-version"],
                "constraints": [
                    models.UniqueConstraint(fields=("slug", "version"), name="formdefinition_unique_slug_version"),
                    models.UniqueConstraint(
                        condition=models.Q(("status", "published")),
                        fields=("slug",),
                        name="formdefinition_one_published_per_slug",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="FormDefinitionChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="when")),
                (
                    "action",
                    models.CharField(
                        choices=[
                            ("created", "Created"),
                            ("edited", "Edited"),
                            ("published", "Published"),
                            ("retired", "Retired"),
                            ("copied", "Copied"),
                            ("imported", "Imported"),
                        ],
                        max_length=16,
                        verbose_name="action",
                    ),
                ),
                ("summary", models.JSONField(blank=True, default=dict, verbose_name="summary")),
                (
                    "definition",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="changes",
                        to="formdefs.formdefinition",
                        verbose_name="form definition",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="who",
                    ),
                ),
            ],
            options={
                "verbose_name": "form definition change",
                "verbose_name_plural": "form definition changes",
                "db_table": "applications_formdefinitionchange",
                "ordering": ["-at", "-pk"],
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations, database_operations=[]),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
