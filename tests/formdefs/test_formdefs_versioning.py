"""Versions of a form definition: drafts change, published ones are frozen, and JSON travels in and out intact."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from formdefs import services
from formdefs.models import FormDefinition, FormDefinitionChange, FormDefinitionStatus

pytestmark = pytest.mark.django_db


def test_an_invalid_definition_cannot_be_saved(rich_data):
    del rich_data["steps"][0]["items"][2]["choices"]
    with pytest.raises(ValidationError) as info:
        FormDefinition(slug="rich-test", version=1, definition=rich_data).save()
    assert "steps[0].items[2].choices: a choice field needs choices" in info.value.message_dict["definition"]


def test_a_published_version_cannot_change_and_publishing_retires_the_previous(rich_data, administrator):
    first = services.create_definition(definition=rich_data, user=administrator)
    assert first.title == "Bogaty formularz testowy" and first.spec.slug == "rich-test"
    services.publish_definition(definition=first, user=administrator)
    first.refresh_from_db()
    first.definition = {**first.definition, "layout": "2024"}
    with pytest.raises(ValidationError):
        first.save()
    with pytest.raises(ValidationError):
        services.update_definition(definition=first, data=rich_data)
    first.refresh_from_db()
    second = services.copy_to_new_draft(definition=first, user=administrator)
    assert (second.version, second.status, second.definition["version"]) == (2, FormDefinitionStatus.DRAFT, 2)
    services.update_definition(definition=second, data={**second.definition, "layout": "2024"}, user=administrator)
    services.publish_definition(definition=second, user=administrator)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (FormDefinitionStatus.RETIRED, FormDefinitionStatus.PUBLISHED)
    assert second.published_by == administrator
    with pytest.raises(ValidationError):
        services.publish_definition(definition=second)
    with pytest.raises(ValidationError):
        services.retire_definition(definition=first)
    second.status = FormDefinitionStatus.DRAFT
    with pytest.raises(ValidationError):
        second.save()
    actions = list(FormDefinitionChange.objects.filter(definition=second).values_list("action", flat=True))
    assert actions == ["published", "edited", "copied"]
    assert FormDefinitionChange.objects.get(definition=second, action="edited").summary == {"changed": ["layout"]}


def test_a_definition_must_carry_its_own_slug_and_version(rich_data):
    with pytest.raises(ValidationError):
        FormDefinition(slug="other", version=1, definition=rich_data).save()


def test_export_then_import_into_an_empty_database_gives_the_same_definition(rich_data, tmp_path):
    original = services.create_definition(definition=rich_data)
    path = tmp_path / "rich.json"
    call_command("export_form_definition", "rich-test", "--version", "1", "-o", str(path))
    text = path.read_text(encoding="utf-8")
    assert text == services.export_definition(original)
    spec_before = original.spec
    FormDefinition.objects.all().delete()
    call_command("import_form_definition", str(path), "--publish")
    imported = FormDefinition.objects.get(slug="rich-test", version=1)
    assert imported.spec == spec_before and imported.status == FormDefinitionStatus.PUBLISHED
    assert list(imported.changes.values_list("action", flat=True)) == ["published", "imported"]
    assert services.import_definition(text) == imported, "importing the same version again changes nothing"
    assert imported.changes.count() == 2
    with pytest.raises(ValidationError):
        services.import_definition(text.replace('"version": 1', '"version": 1, "layout": "2030"', 1))


def test_import_and_export_commands_report_problems(tmp_path, capsys):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.json"
    bad.write_text("{oops", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_form_definition", str(bad))
    with pytest.raises(CommandError):
        call_command("export_form_definition", "nothing-here")


def test_loading_builtin_definitions_is_idempotent(capsys):
    call_command("load_form_definitions")
    count = FormDefinition.objects.filter(status=FormDefinitionStatus.PUBLISHED).count()
    call_command("load_form_definitions")
    assert FormDefinition.objects.filter(status=FormDefinitionStatus.PUBLISHED).count() == count
    definition = FormDefinition.objects.first()
    capsys.readouterr()
    call_command("export_form_definition", definition.slug)
    assert json.loads(capsys.readouterr().out) == definition.definition


def test_the_change_summary_lists_changed_paths():
    before = {"a": [1, 2], "b": {"c": 1}}
    after = copy.deepcopy(before)
    after["a"][1] = 3
    after["b"] = {"c": 1, "d": 2}
    assert services._diff(before, after) == ["a[1]", "b.d"]
