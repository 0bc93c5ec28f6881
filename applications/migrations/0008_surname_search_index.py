"""An index for the officers' surname search: office plus the start of the surname, in any letter case.

Django's `surname__istartswith` reads `UPPER(surname::text) LIKE UPPER('kow%')` on PostgreSQL; a B-tree serves such
a prefix only with the `text_pattern_ops` operator class (the database collation is not "C"). Operator classes are
PostgreSQL's, so this is plain SQL there and nothing on SQLite (development and tests, small data), and it is not
part of the model state.
"""

from django.db import migrations

NAME = "application_office_surname_prefix"
CREATE = f"CREATE INDEX IF NOT EXISTS {NAME} ON applications_application (office_id, UPPER(surname::text) text_pattern_ops)"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("applications", "0007_office_recent_index")]

    operations = [migrations.RunPython(forwards, backwards)]
