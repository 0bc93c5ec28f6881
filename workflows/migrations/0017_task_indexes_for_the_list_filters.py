"""Indexes for the office lists' filters by permit, purpose and stage (PostgreSQL only; SQLite keeps none).

Each is led by the office and then the filtered value, in the lists' default order (the legal deadline, then id), and
covers what the filters read, like the indexes of 0005: a filtered page and its capped count are one index range.
Through the office's deadline index alone, a selective filter read the office's whole part of it to count its few
matches: at 1,000,000 cases "temporary residence, studies" (525 tasks) read 35,000 index entries, 25 ms of the
count's 29; through these, 1.7 ms. Narrower indexes without the covered columns were tried first: their expression
statistics are ignored by the planner (a partial index), which then joined them with the status index and took
longer than before (26 ms for the work permit's count).

The extended statistics give the planner the share of each permit and purpose per office, so it picks these indexes
(PostgreSQL 14 or later, as 0005's office statistics).
"""

from django.db import migrations

COVERING = "INCLUDE (status, owner_id, data, flow_task, flow_task_type)"
OPEN = "WHERE status IN ('NEW', 'ASSIGNED')"
INDEXES = {
    "workflows_task_office_open_permit_due": f"((data -> 'office'), (data -> 'permit'), (data ->> 'due'), id) "
    f"{COVERING} {OPEN}",
    "workflows_task_office_open_purpose_due": f"((data -> 'office'), (data -> 'purpose'), (data ->> 'due'), id) "
    f"{COVERING} {OPEN}",
    "workflows_task_office_open_stage_due": f"((data -> 'office'), flow_task, (data ->> 'due'), id) {COVERING} {OPEN}",
}
LISTING_STATISTICS = "workflows_task_listing_stats"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON viewflow_task {definition}")
    if schema_editor.connection.pg_version >= 140000:
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {LISTING_STATISTICS} "
            "ON (data -> 'office'), (data -> 'permit'), (data -> 'purpose') FROM viewflow_task"
        )
    schema_editor.execute("ANALYZE viewflow_task")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP STATISTICS IF EXISTS {LISTING_STATISTICS}")
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("workflows", "0016_merge_guidance_with_decision_changes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
