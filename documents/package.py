"""The application package: the submitted answers laid out like the official form, with the answers embedded as JSON.

`package_sections()` walks a form definition and the answers into plain rows (section letter, item number, Polish label,
printed value), so the template only loops; `render_package()` is what a submission task calls.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from documents.rendering import PdfAttachment, render_pdf
from formdefs.api import NOT_APPLICABLE as PAYLOAD_NOT_APPLICABLE
from formdefs.api import FieldSpec, FormDefinitionSpec, GroupSpec, display_answer, fees_for, kind_of

NOT_APPLICABLE = "NIE DOTYCZY"
#: What the 2026 forms (Dz.U. 2026 poz. 553, 488, 487) want written where a question does not apply.
NOT_APPLICABLE_2026 = "brak"
YES, NO = "TAK", "NIE"
BLANK = "—"  # an optional field left empty (not the same as "not applicable")
TEMPLATE = "documents/package.html"
WIDE_GROUP_COLUMNS = 6  # a group with more columns than this prints in a smaller type

# The regulation whose form each official layout follows, as the package names it instead of the internal slug.
REGULATION_2019 = (
    "wzór formularza według rozporządzenia Ministra Spraw Wewnętrznych i Administracji (Dz.U. 2019 poz. 779)"
)
REGULATIONS_2026 = {
    "permanent-residence": "Dz.U. 2026 poz. 488",
    "eu-long-term-resident": "Dz.U. 2026 poz. 487",
}
REGULATION_2026_TEMPORARY = "Dz.U. 2026 poz. 553"  # temporary residence, the Blue Card and their annexes

# How the declaration was confirmed, in Polish whatever the catalogue holds: the package is an official Polish text.
SIGNATURE_METHODS_PL = {
    "qualified": "kwalifikowany podpis elektroniczny",
    "trusted_profile": "podpis zaufany (profil zaufany)",
    "personal": "podpis osobisty",
    "password": "potwierdzenie hasłem do konta (tryb deweloperski, nie jest podpisem w rozumieniu prawa)",
}


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def format_answer(field: FieldSpec, value: Any) -> str:
    """An answer as printed on the official form (Polish labels, TAK/NIE, dd.mm.rrrr): the field type's own printing,
    the same code the check-answers page shows answers with."""
    return display_answer(field, value, language="pl", printed=True)


def not_applicable_text(layout: str) -> str:
    """NIE DOTYCZY on the 2019 layout, "brak" on the 2026 one (as each form's instructions say)."""
    return NOT_APPLICABLE_2026 if layout == "2026" else NOT_APPLICABLE


def field_cell(field: FieldSpec, answers: Mapping[str, Any], *, layout: str = "2019") -> dict[str, Any]:
    """One printed answer: absent (not asked), answered "not applicable", or empty on a not-applicable field reads
    NIE DOTYCZY (2019 layout) or brak (2026 layout)."""
    if (
        field.key not in answers
        or answers[field.key] == PAYLOAD_NOT_APPLICABLE
        or (field.not_applicable and is_empty(answers[field.key]))
    ):
        return {"value": not_applicable_text(layout), "not_applicable": True}
    value = answers[field.key]
    if is_empty(value) and not kind_of(field).yes_no:
        return {"value": BLANK, "not_applicable": False}
    return {"value": format_answer(field, value), "not_applicable": False}


def package_sections(definition: FormDefinitionSpec, answers: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The form section by section: {letter, title, entries}; an entry is a run of field rows or a group table."""
    from applications.presentation import unknown_checkboxes  # with the app registry ready (it reads models)

    sections = []
    layout = definition.layout
    for step in definition.steps:
        step_answers = answers.get(step.key) or {}
        entries: list[dict[str, Any]] = []
        # A ticked "Nie znam" is the answer to its question ("7. Imię matki: Nie znam"), never a row of its own.
        boxes = unknown_checkboxes(step)
        items = {item.key: item for item in step.items}
        unknown = {question.key: items[box] for box, question in boxes.items() if step_answers.get(box) is True}
        for item in step.items:
            if isinstance(item, GroupSpec):
                entries.append(_group_entry(item, step_answers.get(item.key), layout=layout))
            elif item.key in boxes:
                continue
            elif item.key in unknown or not kind_of(item).is_silent(item, step_answers.get(item.key)):
                if not entries or entries[-1]["kind"] != "fields":
                    entries.append({"kind": "fields", "rows": []})
                cell = (
                    {"value": unknown[item.key].label.pl, "not_applicable": False}
                    if item.key in unknown
                    else field_cell(item, step_answers, layout=layout)
                )
                entries[-1]["rows"].append({"number": item.number or "", "label": item.label.pl, **cell})
        sections.append({"key": step.key, "letter": step.section or "", "title": step.title.pl, "entries": entries})
    return sections


def _group_entry(group: GroupSpec, rows: Any, *, layout: str = "2019") -> dict[str, Any]:
    rows = [row for row in _as_list(rows) if isinstance(row, Mapping)]
    return {
        "kind": "group",
        "number": group.number or "",
        "label": group.label.pl,
        "columns": [{"number": f.number or "", "label": f.label.pl} for f in group.fields],
        "wide": len(group.fields) > WIDE_GROUP_COLUMNS,
        "rows": [[field_cell(f, row, layout=layout) for f in group.fields] for row in rows],
        "empty": not_applicable_text(layout),
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
        "definition_ref": form_reference(definition),
        "sections": package_sections(definition, answers),
        # the 2026 package prints the fees; a version-1 package keeps the 2019 layout as it was
        "fees": fees_for(definition.slug, answers) if definition.layout == "2026" else None,
        "attachments": list(attachments),
        "annex": annex
        and {
            "form_title": annex["definition"].title.pl,
            "sections": package_sections(annex["definition"], annex.get("answers") or {}),
        },
        "declaration": declaration_rows(declaration or {}),
        "signature": signature or {},
        "case_number": case_number,
        "office": office,
        "submitted_at": submitted_at,
    }


def form_reference(definition: FormDefinitionSpec) -> str:
    """The form the package follows, by its official name and regulation (never the internal slug)."""
    if definition.layout == "2026":
        regulation = REGULATIONS_2026.get(definition.slug, REGULATION_2026_TEMPORARY)
        return f"{definition.title.pl}: wzór formularza według {regulation}"
    return f"{definition.title.pl}: {REGULATION_2019}"


def declaration_rows(declaration: Mapping[str, Any]) -> dict[str, Any]:
    """The declaration block with the signature method named in Polish (a method code, or a label another language
    gave it, never reaches the page)."""
    method = declaration.get("method") or ""
    return {**declaration, "method": SIGNATURE_METHODS_PL.get(method, method)}


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


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]
