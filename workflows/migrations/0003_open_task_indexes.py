"""Partial indexes on Viewflow's task table for the office lists: only open tasks are indexed, in the order the
lists show them (oldest first), so the inbox, the queue and the supervisor's list do not walk the history.

Viewflow's `Task` is a third-party model, so the indexes are plain SQL (the same on PostgreSQL and SQLite) and
are not part of any model's state; `makemigrations` does not see them.
"""

from django.db import migrations

INDEXES = {
    # inbox: status = ASSIGNED AND owner = me ORDER BY created
    "workflows_task_assigned_owner": "(owner_id, created) WHERE status = 'ASSIGNED'",
    # queue: status = NEW AND owner IS NULL ORDER BY created
    "workflows_task_unassigned": "(created) WHERE status = 'NEW' AND owner_id IS NULL",
    # supervisor's open tasks: status IN (NEW, ASSIGNED) ORDER BY created
    "workflows_task_open": "(created) WHERE status IN ('NEW', 'ASSIGNED')",
}


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0002_case_processing"),
        ("viewflow", "0015_task_scheduled"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON viewflow_task {definition}",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, definition in INDEXES.items()
    ]
