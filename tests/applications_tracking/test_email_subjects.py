"""Each e-mail of one case says in its subject what happened, with the case number, in the applicant's language
(issue 17: the ten e-mails of a case all had the same subject)."""

from __future__ import annotations

import pytest

from applications import notifications
from applications.case_models import CaseEvent, DocumentKind
from tests.applications_tracking.conftest import add_document, record

pytestmark = pytest.mark.django_db
Kind = CaseEvent.Kind


def subjects_of_every_kind(case) -> dict[str, str]:
    subjects = {}
    for kind in notifications.RULES:
        if kind == Kind.DOCUMENT:
            add_document(case, kind=DocumentKind.LEGAL_STAY_CERTIFICATE, title="Zaświadczenie")
            event = case.events.filter(kind=Kind.DOCUMENT).latest("pk")
        else:
            event = record(case, kind, data={})
        subjects[kind] = notifications.build_message(event, case.applicant).subject
    return subjects


@pytest.mark.parametrize("language", ["en", "pl", "uk", "ru"])
def test_every_kind_of_email_has_its_own_subject_with_the_case_number(case, language):
    case.applicant.preferred_language = language
    case.applicant.save(update_fields=["preferred_language"])
    subjects = subjects_of_every_kind(case)
    assert all(case.case_number in subject for subject in subjects.values()), subjects
    assert len(set(subjects.values())) == len(subjects), subjects


def test_subjects_say_what_happened_in_the_applicants_language(case):
    case.applicant.preferred_language = "uk"
    case.applicant.save(update_fields=["preferred_language"])
    subjects = subjects_of_every_kind(case)
    assert subjects[Kind.DECISION] == f"Справа {case.case_number}: видано рішення"
    assert subjects[Kind.CALL_TO_SUPPLEMENT] == f"Справа {case.case_number}: вимога доповнити заяву"
    assert subjects[Kind.DOCUMENT] == f"Справа {case.case_number}: Довідка про легальність перебування"
