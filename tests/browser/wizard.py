"""Fill the wizard's pages in a real browser from a payload, as a person would: field by field."""

from __future__ import annotations

from typing import Any

from formdefs.schema import FieldSpec, FieldType, GroupSpec, StepSpec


def fill_field(page, field: FieldSpec, value: Any, prefix: str = "") -> None:
    element_id = f"id_{prefix}{field.key}"
    if value is None:
        return
    if field.not_applicable and value == "not_applicable":
        page.locator(f"#{element_id}__na").check()
        return
    kind = field.type
    if kind == FieldType.BOOLEAN and not field.required:  # an optional yes/no is one checkbox
        page.locator(f"#{element_id}").set_checked(bool(value))
    elif kind == FieldType.BOOLEAN:
        page.locator(f"input[name='{prefix}{field.key}'][value='{'true' if value else 'false'}']").check()
    elif kind == FieldType.DECLARATION:
        if value:
            page.locator(f"#{element_id}").check()
    elif kind in (FieldType.CHOICE, FieldType.COUNTRY, FieldType.VOIVODESHIP):
        page.locator(f"#{element_id}").select_option(str(value))
    elif kind == FieldType.COUNTRIES:  # one select per country, "Add another country" for each after the first
        for index, item in enumerate(value):
            if index and page.locator(f"#{element_id}_{index}").count() == 0:
                page.locator(f"button[name='add_item_{prefix}{field.key}']").click()
            page.locator(f"#{element_id}" + (f"_{index}" if index else "")).select_option(str(item))
    elif kind == FieldType.MULTICHOICE:
        for item in value:
            page.locator(f"input[name='{prefix}{field.key}'][value='{item}']").check()
    else:
        page.locator(f"#{element_id}").fill(str(value))


def fill_step(page, step: StepSpec, answers: dict[str, Any]) -> None:
    """Fill one wizard page; groups get their entries added one by one with the "Add an entry" button."""
    for item in step.items:
        if isinstance(item, GroupSpec):
            continue
        if page.locator(f"#id_{item.key}, input[name='{item.key}']").count() == 0:
            continue  # not asked (yet) on this page
        fill_field(page, item, answers.get(item.key))
    for item in step.items:
        if not isinstance(item, GroupSpec) or not answers.get(item.key):
            continue
        for index, row in enumerate(answers[item.key]):
            if page.locator(f"[name='{item.key}-{index}-{item.fields[0].key}']").count() == 0:
                page.locator(f"button[name='add_row_{item.key}']").click()
            for field in item.fields:
                if page.locator(
                    f"#id_{item.key}-{index}-{field.key}, input[name='{item.key}-{index}-{field.key}']"
                ).count():
                    fill_field(page, field, row.get(field.key), prefix=f"{item.key}-{index}-")
