"""The application package: the submitted answers laid out like the official form, with the answers embedded as JSON.

`package_sections()` walks a form definition and the answers into plain rows (section letter, item number, Polish label,
printed value), so the template only loops; `render_package()` is what a submission task calls.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from applications.formdefs.conditions import NOT_APPLICABLE as PAYLOAD_NOT_APPLICABLE
from applications.formdefs.schema import FieldSpec, FieldType, FormDefinitionSpec, GroupSpec
from documents.rendering import PdfAttachment, render_pdf

NOT_APPLICABLE = "NIE DOTYCZY"
YES, NO = "TAK", "NIE"
BLANK = "—"  # an optional field left empty (not the same as "not applicable")
TEMPLATE = "documents/package.html"


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def format_date(value: Any) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    try:
        return date.fromisoformat(str(value)).strftime("%d.%m.%Y")
    except ValueError:
        return str(value)


def format_decimal(value: Any) -> str:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return str(value)
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")


def choice_label(field: FieldSpec, value: Any) -> str:
    """The Polish label of a choice value (the value itself if the definition no longer offers it)."""
    for choice in field.choices or ():
        if choice.value == value:
            return choice.label.pl
    return str(value)


@functools.cache
def _polish_country_names() -> dict[str, str]:
    from validators.countries import country_choices

    return dict(country_choices("pl", include_special=True))


def country_name(code: str) -> str:
    """The Polish name with the code, as an officer reads it: "Ukraina (UKR)"."""
    name = _polish_country_names().get(code)
    return f"{name} ({code})" if name else code


def format_answer(field: FieldSpec, value: Any) -> str:
    """An answer as printed on the official form (Polish labels, TAK/NIE, dd.mm.rrrr)."""
    if field.type in (FieldType.BOOLEAN, FieldType.DECLARATION):
        return YES if value in (True, "true", "True", "1", 1) else NO
    if field.type == FieldType.CHOICE:
        return choice_label(field, value)
    if field.type == FieldType.MULTICHOICE:
        return ", ".join(choice_label(field, v) for v in _as_list(value))
    if field.type in (FieldType.COUNTRY, FieldType.COUNTRIES):
        return ", ".join(country_name(str(v)) for v in _as_list(value))
    if field.type == FieldType.DATE:
        return format_date(value)
    if field.type == FieldType.DECIMAL:
        return format_decimal(value)
    if field.type == FieldType.VOIVODESHIP:
        return voivodeship_name(str(value))
    return str(value)


def field_cell(field: FieldSpec, answers: Mapping[str, Any]) -> dict[str, Any]:
    """One printed answer: absent (not asked), answered "not applicable", or empty on a not-applicable field reads
    NIE DOTYCZY."""
    if (
        field.key not in answers
        or answers[field.key] == PAYLOAD_NOT_APPLICABLE
        or (field.not_applicable and is_empty(answers[field.key]))
    ):
        return {"value": NOT_APPLICABLE, "not_applicable": True}
    value = answers[field.key]
    if is_empty(value) and field.type not in (FieldType.BOOLEAN, FieldType.DECLARATION):
        return {"value": BLANK, "not_applicable": False}
    return {"value": format_answer(field, value), "not_applicable": False}


def package_sections(definition: FormDefinitionSpec, answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The form section by section: {letter, title, entries}; an entry is a run of field rows or a group table."""
    sections = []
    for step in definition.steps:
        step_answers = answers.get(step.key) or {}
        entries: list[dict[str, Any]] = []
        for item in step.items:
            if isinstance(item, GroupSpec):
                entries.append(_group_entry(item, step_answers.get(item.key)))
            else:
                if not entries or entries[-1]["kind"] != "fields":
                    entries.append({"kind": "fields", "rows": []})
                entries[-1]["rows"].append(
                    {"number": item.number or "", "label": item.label.pl, **field_cell(item, step_answers)}
                )
        sections.append({"key": step.key, "letter": step.section or "", "title": step.title.pl, "entries": entries})
    return sections


def _group_entry(group: GroupSpec, rows: Any) -> dict[str, Any]:
    rows = [row for row in _as_list(rows) if isinstance(row, Mapping)]
    return {
        "kind": "group",
        "number": group.number or "",
        "label": group.label.pl,
        "columns": [{"number": f.number or "", "label": f.label.pl} for f in group.fields],
        "rows": [[field_cell(f, row) for f in group.fields] for row in rows],
        "empty": NOT_APPLICABLE,
    }


def package_context(
    *,
    definition: FormDefinitionSpec,
    answers: Mapping[str, Any],
    attachments: Sequence[Mapping[str, Any]] = (),
    annex: Mapping[str, Any] | None = None,
    declaration: Mapping[str, Any] | None = None,
    case_number: str,
    office: Any,
    submitted_at: datetime | None,
    signature: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The template context of package.html, from the submission's raw parts."""
    return {
        "form_title": definition.title.pl,
        "definition_ref": f"{definition.slug} v{definition.version} ({definition.layout})",
        "sections": package_sections(definition, answers),
        "attachments": list(attachments),
        "annex": annex
        and {
            "form_title": annex["definition"].title.pl,
            "sections": package_sections(annex["definition"], annex.get("answers") or {}),
        },
        "declaration": declaration or {},
        "signature": signature or {},
        "case_number": case_number,
        "office": office,
        "submitted_at": submitted_at,
    }


def answers_json(answers: Mapping[str, Any]) -> str:
    """The answers exactly as submitted, as the JSON embedded in the package (dates and amounts as strings)."""
    return json.dumps(answers, ensure_ascii=False, sort_keys=True, indent=1, default=str)


def package_title(definition: FormDefinitionSpec) -> str:
    return f"Wniosek: {definition.title.pl}"


def package_files(
    *,
    answers: Mapping[str, Any],
    annex: Mapping[str, Any] | None = None,
    signature: Mapping[str, Any] | None = None,
    **_: Any,
) -> list[PdfAttachment]:
    """The machine-readable payload embedded in the package: application.json (and annex.json), and after submission
    the signature's evidence (signature.json) with the signed file itself as the signer returned it."""
    files = [PdfAttachment("application.json", answers_json(answers), "Dane wniosku (JSON)")]
    if annex:
        files.append(PdfAttachment("annex.json", answers_json(annex.get("answers") or {}), "Dane załącznika (JSON)"))
    if signature:
        evidence = {"method": signature["method"], **(signature.get("evidence") or {})}
        files.append(PdfAttachment("signature.json", answers_json(evidence), "Dowód podpisu (JSON)", "Supplement"))
        if signature.get("signed_file"):
            name, content = signature["signed_file"]
            files.append(PdfAttachment(name, content, "Dokument podpisany przez wnioskodawcę", "Source"))
    return files


def render_package(*, created: datetime | None = None, **parts: Any) -> bytes:
    """Render the application package PDF/A-3b with application.json (and annex.json) embedded."""
    return render_pdf(
        TEMPLATE,
        package_context(**parts),
        language="pl",
        title=package_title(parts["definition"]),
        case_number=parts["case_number"],
        attachments=package_files(**parts),
        created=created,
    )


def voivodeship_name(code: str) -> str:
    from applications.voivodeships import VOIVODESHIPS

    return next((v["name"] for v in VOIVODESHIPS if v["code"] == code), code)


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]
