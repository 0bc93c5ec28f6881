"""The office lists filter and sort open tasks by what `workflows.task_index` stamps into `Task.data` (permit, purpose,
legal deadline, filing date, case number). This stamps the open tasks that exist already and, on PostgreSQL, adds
partial indexes led by the office stamp (the owner for the inbox), one per order the lists offer, each covering what the
filters read, so a sorted or filtered page at any depth is an index-only range of one office; they replace the
office indexes of 0004 in the order of creation, which no list uses now. Viewflow's `Task` is a third-party model,
so the indexes are plain SQL; SQLite keeps none of them.

The stamp is computed by the running code (`task_index.listing_stamp`), in batches: it needs the legal deadline, which
only that function knows; a historical model cannot say it.
"""

from django.db import migrations

COVERING = "INCLUDE (status, owner_id, data, flow_task, flow_task_type)"
OPEN = "WHERE status IN ('NEW', 'ASSIGNED')"
INDEXES = {
    "workflows_task_office_open_due": f"((data -> 'office'), (data ->> 'due'), id) {COVERING} {OPEN}",
    "workflows_task_office_open_filed": f"((data -> 'office'), (data ->> 'filed'), id) {COVERING} {OPEN}",
    "workflows_task_office_open_case": f"((data -> 'office'), (data ->> 'case'), id) {COVERING} {OPEN}",
    "workflows_task_owner_assigned_due": f"(owner_id, (data ->> 'due'), id) {COVERING} WHERE status = 'ASSIGNED'",
}
#: The office indexes of 0004 in the order of creation: no list sorts so any more, and while they exist the planner
#: reads one of them whole and sorts it (its estimate of one office's rows is far too low): page 100 of the office's
#: open tasks at 1,000,000 cases took 75 ms of database time that way, 1.4 ms through the deadline index.
REPLACED = {
    "workflows_task_office_unassigned": "((data -> 'office'), created) INCLUDE (id, data, flow_task, flow_task_type) "
    "WHERE status = 'NEW' AND owner_id IS NULL",
    "workflows_task_office_open": "((data -> 'office'), created) INCLUDE (id, data, flow_task, flow_task_type) "
    "WHERE status IN ('NEW', 'ASSIGNED')",
}
#: How many tasks each office has: without it the planner guessed 450 rows of an office's queue for 15,737 (1,000,000
#: cases), found sorting them cheap and read the whole office through the deadline index to sort it by filing date
#: (50 ms); with it, page 100 by filing date reads 2,525 entries of its own index (about 5 ms). PostgreSQL 14 or later.
OFFICE_STATISTICS = "workflows_task_office_stats"
BATCH = 2000


def stamp_open_tasks(apps, schema_editor):
    from viewflow.workflow.models import Task

    from applications.case_models import Application
    from workflows.task_index import DEADLINE_KEY, listing_stamp

    tasks = Task.objects.filter(status__in=["NEW", "ASSIGNED"], flow_task_type="HUMAN").order_by("pk")
    last = 0
    while True:
        batch = list(tasks.filter(pk__gt=last)[:BATCH])
        if not batch:
            break
        last = batch[-1].pk
        applications = Application.objects.select_related("definition").in_bulk(
            [task.process.caseprocess.application_id for task in batch if hasattr(task.process, "caseprocess")]
        )
        for task in batch:
            data = dict(task.data or {})
            process = getattr(task.process, "caseprocess", None)
            if DEADLINE_KEY in data or process is None:
                continue
            data.update(listing_stamp(task.flow_task.name, applications[process.application_id]))
            Task.objects.filter(pk=task.pk).update(data=data)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON viewflow_task {definition}")
        for name in REPLACED:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        if schema_editor.connection.pg_version >= 140000:
            schema_editor.execute(
                f"CREATE STATISTICS IF NOT EXISTS {OFFICE_STATISTICS} ON ((data -> 'office')) FROM viewflow_task"
            )
        schema_editor.execute("ANALYZE viewflow_task")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {OFFICE_STATISTICS}")
        for name, definition in REPLACED.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON viewflow_task {definition}")
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0004_task_office_stamp"),
        ("applications", "0008_surname_search_index"),
    ]

    operations = [
        migrations.RunPython(stamp_open_tasks, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
