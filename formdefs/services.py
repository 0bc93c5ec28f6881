"""Changing form definitions: every change goes through here so it is validated and lands in the change log."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import serialization
from .models import FormDefinition, FormDefinitionChange, FormDefinitionStatus
from .parsing import DefinitionError, parse_spec

Action = FormDefinitionChange.Action


def _record(definition: FormDefinition, action: str, user: Any = None, **summary: Any) -> None:
    FormDefinitionChange.objects.create(
        definition=definition, action=action, summary=summary, user=user if getattr(user, "pk", None) else None
    )


def _diff(before: Any, after: Any, path: str = "") -> list[str]:
    """The JSON paths that differ between two versions of a definition (a short summary for the log)."""
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            p
            for key in sorted(set(before) | set(after))
            for p in _diff(before.get(key), after.get(key), f"{path}.{key}" if path else key)
        ]
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [p for i, (b, a) in enumerate(zip(before, after, strict=True)) for p in _diff(b, a, f"{path}[{i}]")]
    return [] if before == after else [path or "(definition)"]


def previous_version(definition: FormDefinition) -> FormDefinition | None:
    """The latest version of the same form before this one (what an edit is compared with)."""
    return (
        FormDefinition.objects.filter(slug=definition.slug, version__lt=definition.version).order_by("-version").first()
    )


@transaction.atomic
def create_definition(*, definition: dict[str, Any], user: Any = None) -> FormDefinition:
    """A new draft from a definition's JSON (slug and version are taken from it)."""
    spec = parse_spec(definition)
    obj = FormDefinition(slug=spec.slug, version=spec.version, definition=definition)
    obj.save()
    _record(obj, Action.CREATED, user)
    return obj


@transaction.atomic
def update_definition(*, definition: FormDefinition, data: dict[str, Any], user: Any = None) -> FormDefinition:
    """Replace a draft's JSON; a published or retired version cannot be edited."""
    obj = FormDefinition.objects.select_for_update().get(pk=definition.pk)
    if obj.status != FormDefinitionStatus.DRAFT:
        raise ValidationError(_("Only a draft can be edited; copy this version to a new draft."))
    before = obj.definition
    obj.definition = data
    obj.save()
    _record(obj, Action.EDITED, user, changed=_diff(before, data)[:50])
    return obj


@transaction.atomic
def publish_definition(*, definition: FormDefinition, user: Any = None) -> FormDefinition:
    """Freeze a draft and make it the version new applications use; the version published before is retired."""
    obj = FormDefinition.objects.select_for_update().get(pk=definition.pk)
    if obj.status != FormDefinitionStatus.DRAFT:
        raise ValidationError(_("Only a draft can be published."))
    parse_spec(obj.definition)
    for previous in FormDefinition.objects.select_for_update().filter(
        slug=obj.slug, status=FormDefinitionStatus.PUBLISHED
    ):
        retire_definition(definition=previous, user=user, reason=f"replaced by version {obj.version}")
    obj.status = FormDefinitionStatus.PUBLISHED
    obj.published_at = timezone.now()
    obj.published_by = user if getattr(user, "pk", None) else None
    obj.save()
    _record(obj, Action.PUBLISHED, user)
    return obj


@transaction.atomic
def retire_definition(*, definition: FormDefinition, user: Any = None, reason: str = "") -> FormDefinition:
    """Stop offering a published version to new applicants (drafts started on it keep it)."""
    obj = FormDefinition.objects.select_for_update().get(pk=definition.pk)
    if obj.status != FormDefinitionStatus.PUBLISHED:
        raise ValidationError(_("Only a published version can be retired."))
    obj.status = FormDefinitionStatus.RETIRED
    obj.save()
    _record(obj, Action.RETIRED, user, **({"reason": reason} if reason else {}))
    return obj


@transaction.atomic
def copy_to_new_draft(*, definition: FormDefinition, user: Any = None) -> FormDefinition:
    """Start the next version of a definition as a draft, from this version's JSON."""
    latest = FormDefinition.objects.filter(slug=definition.slug).aggregate(Max("version"))["version__max"] or 0
    data = {**definition.definition, "version": latest + 1}
    copy = FormDefinition(slug=definition.slug, version=latest + 1, definition=data)
    copy.save()
    _record(copy, Action.COPIED, user, source_version=definition.version)
    return copy


@transaction.atomic
def import_definition(text: str, user: Any = None, publish: bool = False) -> FormDefinition:
    """Import a definition's text (an export, or a file of `formdefs/definitions/` with its fragments) as a new draft,
    published at once if asked. Importing a version that is stored already with the same content changes nothing."""
    try:
        data = serialization.resolve(serialization.loads(text))
    except json.JSONDecodeError as exc:
        raise DefinitionError([f"(definition): not valid JSON: {exc}"]) from exc
    except serialization.FragmentError as exc:
        raise DefinitionError([f"(definition): {exc}"]) from exc
    spec = parse_spec(data)
    existing = FormDefinition.objects.filter(slug=spec.slug, version=spec.version).first()
    if existing is not None:
        if existing.definition == data and (existing.is_published or not publish):
            return existing
        raise ValidationError(
            _("Version %(version)s of %(slug)s exists already.") % {"version": spec.version, "slug": spec.slug}
        )
    obj = FormDefinition(slug=spec.slug, version=spec.version, definition=data)
    obj.save()
    _record(obj, Action.IMPORTED, user)
    return publish_definition(definition=obj, user=user) if publish else obj


def export_definition(definition: FormDefinition) -> str:
    """The definition as its file: the one canonical text (schema-ordered keys), whatever the database's key order."""
    return serialization.dumps(definition.definition)
