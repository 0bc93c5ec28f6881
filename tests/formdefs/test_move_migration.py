"""The form-definition models moved from `applications` to `formdefs` without copying data (issue 12)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import ApplicantFactory

BEFORE = [("applications", "0008_surname_search_index"), ("formdefs", None)]
AFTER = [
    ("applications", "0009_formdefinition_moves_to_formdefs"),
    ("formdefs", "0001_formdefinition_moves_from_applications"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@pytest.fixture
def back_to_the_latest_state():
    """Whatever the test leaves, the database ends at the latest migrations, as the next test expects."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_state")
def test_a_database_at_the_old_state_keeps_its_definitions_drafts_and_permissions():
    old = migrate(BEFORE)
    user = ApplicantFactory()  # the tables of users, content types and permissions do not change: real models
    definition = old.get_model("applications", "FormDefinition").objects.create(
        slug="moved", version=1, status="published", definition={"slug": "moved"}, title="Przeniesiony"
    )
    old.get_model("applications", "FormDefinitionChange").objects.create(definition=definition, action="created")
    draft = old.get_model("applications", "Draft").objects.create(applicant_id=user.pk, definition=definition)
    ContentType.objects.clear_cache()
    content_type, _ = ContentType.objects.get_or_create(app_label="applications", model="formdefinition")
    permission = Permission.objects.create(
        content_type=content_type, codename="change_formdefinition_moved", name="Can change (test)"
    )

    new = migrate(AFTER)
    ContentType.objects.clear_cache()

    FormDefinition = new.get_model("formdefs", "FormDefinition")
    moved = FormDefinition.objects.get(pk=definition.pk)
    assert (moved.slug, moved.title, moved.definition) == ("moved", "Przeniesiony", {"slug": "moved"})
    assert moved.changes.get().action == "created"
    assert new.get_model("applications", "Draft").objects.get(pk=draft.pk).definition_id == definition.pk
    assert Permission.objects.get(pk=permission.pk).content_type.app_label == "formdefs"
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert {"applications_formdefinition", "applications_formdefinitionchange"} <= set(tables)
    assert not any(t.startswith("formdefs_") for t in tables), "no table was created or copied"
