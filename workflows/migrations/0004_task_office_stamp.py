"""The office lists read tasks by the office stamped in `Task.data` (see `workflows.models.CaseTask`).

This migration stamps the tasks that exist already, and on PostgreSQL replaces the partial indexes of 0003 by
covering ones: the queue and the supervisor's open tasks led by the office stamp, so a page of one office's tasks, at
any depth, reads only that office's index entries; the inbox still by owner.

Viewflow's `Task` is a third-party model, so these are plain SQL, as in 0003. SQLite (development, tests) keeps the
indexes of 0003: its expression indexes would need `json_extract` and its data sets are small.
"""

from django.db import migrations

#: Each index also carries (INCLUDE) every column the lists filter on and the id, so the paginator's count and the
#: ids of a page are read from the index alone (index-only scans, `workflows.paging`).
COVERING = "INCLUDE (id, data, flow_task, flow_task_type)"
OFFICE_INDEXES = {
    # queue: office = X AND status = NEW AND owner IS NULL ORDER BY created
    "workflows_task_office_unassigned": f"((data -> 'office'), created) {COVERING} WHERE status = 'NEW' AND owner_id IS NULL",
    # supervisor's open tasks: office = X AND status IN (NEW, ASSIGNED) ORDER BY created
    "workflows_task_office_open": f"((data -> 'office'), created) {COVERING} WHERE status IN ('NEW', 'ASSIGNED')",
    # inbox: owner = me AND status = ASSIGNED (AND office = mine) ORDER BY created
    "workflows_task_owner_assigned": f"(owner_id, created) {COVERING} WHERE status = 'ASSIGNED'",
}
REPLACED = {
    "workflows_task_unassigned": "(created) WHERE status = 'NEW' AND owner_id IS NULL",
    "workflows_task_open": "(created) WHERE status IN ('NEW', 'ASSIGNED')",
    "workflows_task_assigned_owner": "(owner_id, created) WHERE status = 'ASSIGNED'",
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
