"""Covering indexes for the officers' case list and search on PostgreSQL (`workflows.paging` reads ids first).

1. The surname search: office plus the start of the surname, in any letter case. Django's `surname__istartswith`
   reads `UPPER(surname::text) LIKE UPPER('kow%')` on PostgreSQL; a B-tree serves such a prefix only with the
   `text_pattern_ops` operator class (the database collation is not "C").
2. `application_office_recent` (office, newest first; declared on the model) is rebuilt under the same name with the
   id included, so the count and the ids of any page of the case list come from the index alone.

Operator classes and included columns are PostgreSQL's (Django would warn about `include` on SQLite at every
`migrate`), so this is plain SQL there and nothing on SQLite (development and tests, small data). The model state
keeps the plain index, whose name is unchanged.
"""

from django.db import migrations

SURNAME = "application_office_surname_prefix"
RECENT = "application_office_recent"
FORWARDS = [
    f"CREATE INDEX IF NOT EXISTS {SURNAME} ON applications_application"
    " (office_id, UPPER(surname::text) text_pattern_ops) INCLUDE (id, surname, submitted_at)",
    f"DROP INDEX IF EXISTS {RECENT}",
    f"CREATE INDEX {RECENT} ON applications_application (office_id, submitted_at DESC) INCLUDE (id)",
]
BACKWARDS = [
    f"DROP INDEX IF EXISTS {SURNAME}",
    f"DROP INDEX IF EXISTS {RECENT}",
    f"CREATE INDEX {RECENT} ON applications_application (office_id, submitted_at DESC)",
]


def _run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("applications", "0007_office_recent_index")]

    operations = [migrations.RunPython(_run(FORWARDS), _run(BACKWARDS))]
