"""The office lists read tasks by the office stamped in `Task.data` (see `workflows.models.CaseTask`).

This migration stamps the tasks that exist already, and on PostgreSQL replaces the two "all offices" partial indexes
of 0003 (queue, supervisor's open tasks) by the same indexes led by the office stamp, so a page of one office's
tasks, at any depth, reads only that office's index entries. The inbox index of 0003 (owner, created) stays: an
officer's own tasks are found by owner.

Viewflow's `Task` is a third-party model, so these are plain SQL, as in 0003. SQLite (development, tests) keeps the
indexes of 0003: its expression indexes would need `json_extract` and its data sets are small.
"""

from django.db import migrations

OFFICE_INDEXES = {
    # queue: office = X AND status = NEW AND owner IS NULL ORDER BY created
    "workflows_task_office_unassigned": "((data -> 'office'), created) WHERE status = 'NEW' AND owner_id IS NULL",
    # supervisor's open tasks: office = X AND status IN (NEW, ASSIGNED) ORDER BY created
    "workflows_task_office_open": "((data -> 'office'), created) WHERE status IN ('NEW', 'ASSIGNED')",
}
REPLACED = {
    "workflows_task_unassigned": "(created) WHERE status = 'NEW' AND owner_id IS NULL",
    "workflows_task_open": "(created) WHERE status IN ('NEW', 'ASSIGNED')",
}

STAMP_POSTGRESQL = """
UPDATE viewflow_task AS t
   SET data = COALESCE(t.data, '{}'::jsonb) || jsonb_build_object('office', a.office_id)
  FROM workflows_caseprocess AS cp
  JOIN applications_application AS a ON a.id = cp.application_id
 WHERE cp.process_ptr_id = t.process_id AND NOT (COALESCE(t.data, '{}'::jsonb) ? 'office')
"""
STAMP_SQLITE = """
UPDATE viewflow_task
   SET data = json_set(COALESCE(data, '{}'), '$.office', (
       SELECT a.office_id FROM workflows_caseprocess AS cp
         JOIN applications_application AS a ON a.id = cp.application_id
        WHERE cp.process_ptr_id = viewflow_task.process_id))
 WHERE process_id IN (SELECT process_ptr_id FROM workflows_caseprocess)
   AND json_extract(COALESCE(data, '{}'), '$.office') IS NULL
"""


def forwards(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    schema_editor.execute(STAMP_POSTGRESQL if postgresql else STAMP_SQLITE)
    if postgresql:
        for name, definition in OFFICE_INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON viewflow_task {definition}")
        for name in REPLACED:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute("ANALYZE viewflow_task")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in REPLACED.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON viewflow_task {definition}")
        for name in OFFICE_INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0003_open_task_indexes"),
        ("applications", "0007_office_recent_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="CaseTask",
            fields=[],
            options={"proxy": True, "indexes": [], "constraints": []},
            bases=("viewflow.task",),
        ),
        migrations.RunPython(forwards, backwards),
    ]
