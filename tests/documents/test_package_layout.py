"""The application package keeps every word on the page, names the form by its official name and regulation, and
prints its declaration in Polish with the article of the Criminal Code the form itself cites (issue 17)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from documents.package import render_package
from formdefs.api import GroupSpec
from formdefs.samples import annex_payload, applicant_payload
from tests.documents.helpers import pdf_text
from tests.documents.pdf_layout import runs_outside_page
from tests.documents.samples import CASE_NUMBER, OFFICE, SUBMITTED_AT
from tests.documents.test_sample_package_text import APPLICATION_SLUGS, builtin_spec

TEXT_TYPES = {"text", "textarea", "name"}
ROWS_PER_GROUP = 4
# A long double-barrelled name with few break opportunities: the worst a narrow column meets in real answers.
LONG_WORD = "WOŁODYMYRIWNA-KONSTANTYNOPOLSKA-"


def longest_text(field, value: object) -> str:
    limit = min(field.max_length or 200, 200)
    return (LONG_WORD * (limit // len(LONG_WORD) + 1))[:limit]


def largest_answers(spec, answers: dict[str, Any]) -> dict[str, Any]:
    """The sample answers grown to their largest: every free text at its maximum length, every repeatable group with
    several full rows."""
    answers = copy.deepcopy(answers)
    for step in spec.steps:
        step_answers = answers.get(step.key) or {}
        for item in step.items:
            if isinstance(item, GroupSpec):
                rows = step_answers.get(item.key) or []
                if not rows:
                    continue
                row = dict(rows[0])
                for field in item.fields:
                    if field.type in TEXT_TYPES and isinstance(row.get(field.key), str):
                        row[field.key] = longest_text(field, row[field.key])
                step_answers[item.key] = [dict(row) for _ in range(min(item.max_items, ROWS_PER_GROUP))]
            elif item.type in TEXT_TYPES and step_answers.get(item.key) not in (None, "not_applicable"):
                step_answers[item.key] = longest_text(item, step_answers[item.key])
    return answers


def largest_package(
    slug: str, *, method: str = "password", version: int = 1, annex_slug: str | None = None, annex_version: int = 1
) -> bytes:
    annex = None
    if slug == "temporary-residence-work" and annex_slug is None:
        annex_slug, annex_version = "employer-annex-1", version
    if annex_slug is not None:
        annex_spec = builtin_spec(annex_slug, annex_version)
        annex = {
            "definition": annex_spec,
            "answers": largest_answers(annex_spec, annex_payload(annex_slug, annex_version)),
        }
    spec = builtin_spec(slug, version)
    return render_package(
        definition=spec,
        answers=largest_answers(spec, applicant_payload(slug, version)),
        attachments=[
            {"label": "Fotografia", "name": "zdjęcie-" + "x" * 120 + ".jpg", "size": 48213, "sha256": "0f" * 32}
        ],
        annex=annex,
        declaration={
            "confirmed_by": "OKSANA KOWALENKO <oksana@example.com>",
            "confirmed_at": SUBMITTED_AT,
            "ip": "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
            "method": method,
        },
        case_number=CASE_NUMBER,
        office=OFFICE,
        submitted_at=SUBMITTED_AT,
    )


@pytest.mark.parametrize("slug", APPLICATION_SLUGS)
def test_no_text_of_the_largest_package_lies_outside_the_page(slug):
    pdf = largest_package(slug)
    outside = runs_outside_page(pdf)
    assert outside == [], f"{len(outside)} text runs outside the page, first: {outside[:3]}"


#: What new drafts file since 27 April 2026 (layout 2026): each form at its version 2, or version 1 when it was born in
#: 2026, with the annex an employer or an institution links to it.
PACKAGES_2026 = [
    ("temporary-residence", 2, None, 1),
    ("temporary-residence-work", 2, "employer-annex-1", 2),
    ("permanent-residence", 2, None, 1),
    ("eu-long-term-resident", 2, None, 1),
    ("eu-blue-card", 1, "eu-blue-card-employer", 1),
    ("temporary-residence", 2, "annex-university", 1),
    ("temporary-residence", 2, "annex-research-host", 1),
    ("temporary-residence", 2, "annex-trainee-organiser", 1),
    ("temporary-residence", 2, "annex-volunteer-organiser", 1),
]


@pytest.mark.parametrize(("slug", "version", "annex_slug", "annex_version"), PACKAGES_2026)
def test_no_text_of_the_largest_2026_package_and_its_annex_lies_outside_the_page(
    slug, version, annex_slug, annex_version
):
    pdf = largest_package(slug, version=version, annex_slug=annex_slug, annex_version=annex_version)
    outside = runs_outside_page(pdf)
    assert outside == [], f"{len(outside)} text runs outside the page, first: {outside[:3]}"


def test_every_column_of_the_family_members_table_is_printed():
    # A heading may wrap and be hyphenated inside its narrow cell: compare without line breaks and hyphens.
    text = "".join(pdf_text(largest_package("temporary-residence")).replace("\u2010\n", "").split())
    spec = builtin_spec("temporary-residence")
    family = next(item for step in spec.steps for item in step.items if getattr(item, "key", "") == "family_members")
    for field in family.fields:
        assert "".join(field.label.pl.split()) in text, field.label.pl


def test_the_package_names_the_official_form_and_its_regulation_not_the_internal_slug():
    text = pdf_text(largest_package("temporary-residence"))
    flat = " ".join(text.split())
    assert "temporary-residence" not in flat
    assert "Dz.U. 2019 poz. 779" in flat
    assert "Wniosek o udzielenie zezwolenia na pobyt czasowy" in flat


def test_the_declaration_cites_article_233_paragraph_6_as_the_form_does_and_names_the_method_in_polish():
    text = " ".join(pdf_text(largest_package("temporary-residence", method="password")).split())
    assert "art. 233 § 1" not in text
    # Section F (the form's own declaration) and the closing declaration cite the same paragraph.
    assert text.count("233 § 6") >= 2
    assert "potwierdzenie hasłem do konta" in text
    assert "password" not in text.replace("oksana@example.com", "")
