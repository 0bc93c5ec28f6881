"""What changed between two versions of a definition, in the words an administrator checks a new version by: steps
and fields added or removed, fields relabelled or otherwise changed, rules and attachments added or removed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from .schema import FieldSpec, FormDefinitionSpec, GroupSpec


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, relabelled, changed
    what: str  # step, field, rule, attachment
    path: str  # "personal.surname", "family.family_members.surname", a rule's name and parameters
    detail: str = ""

    def __str__(self) -> str:
        texts = {
            ("added", "step"): _("Step added: %(path)s"),
            ("removed", "step"): _("Step removed: %(path)s"),
            ("added", "field"): _("Field added: %(path)s"),
            ("removed", "field"): _("Field removed: %(path)s"),
            ("relabelled", "field"): _("Field relabelled: %(path)s (%(detail)s)"),
            ("changed", "field"): _("Field changed: %(path)s (%(detail)s)"),
            ("added", "rule"): _("Rule added: %(path)s"),
            ("removed", "rule"): _("Rule removed: %(path)s"),
            ("added", "attachment"): _("Attachment added: %(path)s"),
            ("removed", "attachment"): _("Attachment removed: %(path)s"),
            ("changed", "attachment"): _("Attachment changed: %(path)s (%(detail)s)"),
        }
        return texts[(self.kind, self.what)] % {"path": self.path, "detail": self.detail}


def _fields(spec: FormDefinitionSpec) -> dict[str, FieldSpec | GroupSpec]:
    found: dict[str, FieldSpec | GroupSpec] = {}
    for step in spec.steps:
        for item in step.items:
            found[f"{step.key}.{item.key}"] = item
            if isinstance(item, GroupSpec):
                for field in item.fields:
                    found[f"{step.key}.{item.key}.{field.key}"] = field
    return found


def _attributes(item: Any, *, skip: tuple[str, ...] = ("label", "fields")) -> dict[str, Any]:
    return {k: v for k, v in item.model_dump(mode="json", exclude_none=True).items() if k not in skip}


def _rule(rule: Any) -> str:
    return f"{rule.rule} {json.dumps(rule.params, ensure_ascii=False, sort_keys=True)}"


def compare_definitions(before: FormDefinitionSpec, after: FormDefinitionSpec) -> list[Change]:
    """The changes from `before` to `after`, steps first, then fields, rules and attachments, in the new order."""
    changes: list[Change] = []
    old_steps, new_steps = {s.key for s in before.steps}, {s.key for s in after.steps}
    changes += [Change("added", "step", s.key) for s in after.steps if s.key not in old_steps]
    changes += [Change("removed", "step", s.key) for s in before.steps if s.key not in new_steps]

    old, new = _fields(before), _fields(after)
    for path, item in new.items():
        if path not in old:
            changes.append(Change("added", "field", path))
            continue
        previous = old[path]
        if previous.label != item.label:
            changes.append(Change("relabelled", "field", path, f"„{previous.label.pl}” → „{item.label.pl}”"))
        before_attrs, after_attrs = _attributes(previous), _attributes(item)
        differing = sorted(k for k in set(before_attrs) | set(after_attrs) if before_attrs.get(k) != after_attrs.get(k))
        if differing:
            changes.append(Change("changed", "field", path, ", ".join(differing)))
    changes += [Change("removed", "field", path) for path in old if path not in new]

    old_rules, new_rules = [_rule(r) for r in before.rules], [_rule(r) for r in after.rules]
    changes += [Change("added", "rule", r) for r in new_rules if r not in old_rules]
    changes += [Change("removed", "rule", r) for r in old_rules if r not in new_rules]

    old_attachments = {a.key: a for a in before.attachments}
    new_attachments = {a.key: a for a in after.attachments}
    for key, attachment in new_attachments.items():
        if key not in old_attachments:
            changes.append(Change("added", "attachment", key))
        elif old_attachments[key] != attachment:
            was, now = _attributes(old_attachments[key], skip=()), _attributes(attachment, skip=())
            differing = sorted(k for k in set(was) | set(now) if was.get(k) != now.get(k))
            changes.append(Change("changed", "attachment", key, ", ".join(differing)))
    changes += [Change("removed", "attachment", key) for key in old_attachments if key not in new_attachments]
    return changes
