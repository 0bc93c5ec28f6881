"""The application package of the sample answers reads the same as it did before the form engine moved (issue 12).

The fixture files were rendered from the generated JSON definitions before anything moved (commit 7f662c4); a change
in a definition, in how an answer is printed or in the template shows up here as a text diff. They were written again
once, after the one date filter of issue 16 (`polishtime`) dropped the comma of "14.03.2025, 10:26:53": that was the
only difference. Issue 17 wrote them again: the group tables share the page width out (headings wrap and hyphenate),
the form is named with its regulation instead of the slug, and the declaration cites art. 233 § 6 k.k. as the form does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import django
import pytest

if __name__ == "__main__":  # run as the regenerator (below): Django is set up before the imports that read models
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mos.settings")
    django.setup()

from documents.package import render_package
from formdefs.parsing import parse_spec
from formdefs.samples import applicant_payload, employer_payload
from formdefs.serialization import official_definition
from tests.documents.helpers import pdf_text
from tests.documents.samples import CASE_NUMBER, OFFICE, SUBMITTED_AT

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sample_packages"
CREATED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
APPLICATION_SLUGS = ["temporary-residence", "temporary-residence-work", "permanent-residence", "eu-long-term-resident"]
#: Version 2 (layout 2026, issue 13): its own fixtures, `<slug>-v2.txt`.
VERSION_2_SLUGS = ["temporary-residence", "temporary-residence-work"]


def builtin_spec(slug: str, version: int = 1):
    return parse_spec(official_definition(slug, version))


def sample_package_text(slug: str, version: int = 1) -> str:
    annex = None
    if slug == "temporary-residence-work":
        annex = {"definition": builtin_spec("employer-annex-1"), "answers": employer_payload()}
    pdf = render_package(
        definition=builtin_spec(slug, version),
        answers=applicant_payload(slug, version),
        attachments=[{"label": "Fotografia", "name": "photo.png", "size": 48213, "sha256": "0f" * 32}],
        annex=annex,
        declaration={"confirmed_by": "OKSANA KOWALENKO", "confirmed_at": SUBMITTED_AT, "ip": "203.0.113.7"},
        case_number=CASE_NUMBER,
        office=OFFICE,
        submitted_at=SUBMITTED_AT,
        created=CREATED,
    )
    return pdf_text(pdf)


@pytest.mark.parametrize("slug", APPLICATION_SLUGS)
def test_sample_package_text_is_unchanged(slug):
    expected = (FIXTURES / f"{slug}.txt").read_text(encoding="utf-8")
    assert sample_package_text(slug) == expected


@pytest.mark.parametrize("slug", VERSION_2_SLUGS)
def test_the_version_2_package_prints_the_2026_layout(slug):
    text = sample_package_text(slug, 2)
    assert text == (FIXTURES / f"{slug}-v2.txt").read_text(encoding="utf-8")
    application = text.split("Załącznik: ")[0]  # Annex 1 is still version 1: its own layout, NIE DOTYCZY
    assert "brak" in application and "NIE DOTYCZY" not in application
    assert "Opłaty" in application and "440 zł" in application and "100 zł" in application


def test_a_ticked_i_do_not_know_prints_as_the_answer_to_its_question():
    """Issue 17: "7 Imię matki Nie znam", not "NIE DOTYCZY" followed by a row "Nie znam TAK" that names nothing."""
    text = sample_package_text("temporary-residence", 2)
    assert "Imię matki Nie znam" in text
    assert "Nie znam TAK" not in text and "Nie znam NIE" not in text


if __name__ == "__main__":  # regenerate the fixtures: python -m tests.documents.test_sample_package_text
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name in APPLICATION_SLUGS:
        (FIXTURES / f"{name}.txt").write_text(sample_package_text(name), encoding="utf-8")
    for name in VERSION_2_SLUGS:
        (FIXTURES / f"{name}-v2.txt").write_text(sample_package_text(name, 2), encoding="utf-8")
