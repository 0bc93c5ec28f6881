"""Official letters of case processing, issued through `documents.services.issue_document` (always in Polish).

Each letter is first described (`Letter`: kind, template, context, title) by one function, so the same text is
issued sealed and previewed by the officer as an unsealed draft marked "PROJEKT" (`preview`) before it leaves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from applications.case_models import Application
from applications.services import answer
from documents.models import Document, DocumentKind
from documents.services import addressee_of, applicant_name, issue_document

from . import decisions
from .models import Appointment, Decision, DecisionKind, EvidenceRequest, SupplementRequest
from .refusal_grounds import refusal_basis


@dataclass(frozen=True)
class Letter:
    kind: str
    template: str
    context: dict
    title: str


def _officer(user) -> dict | None:
    if user is None:
        return None
    return {"name": user.get_full_name() or user.email, "position": getattr(settings, "OFFICER_POSITION", "inspektor")}


def voivode_of(application: Application) -> str:
    """The case's voivode in the genitive, as a pouczenie names the authority a remedy goes through ("Wojewody
    Mazowieckiego")."""
    return f"Wojewody {application.voivodeship.name.removesuffix('ie').capitalize()}iego"


def _common(application: Application, officer=None) -> dict:
    return {
        "office": application.office,
        "issued_at": timezone.localdate(),
        "place": application.office.city,
        "application_title": application.definition.spec.title.pl.removeprefix("Wniosek o "),
        "application_date": application.submitted_at,
        "addressee": addressee_of(application),
        "officer": _officer(officer),
    }


def call_to_supplement_letter(application: Application, request: SupplementRequest) -> Letter:
    context = {
        **_common(application, request.requested_by),
        "defects": request.defects,
        # The date depends on delivery, which follows the letter: the letter states the period, the account the date.
        "deadline_days": request.days,
    }
    return Letter(
        DocumentKind.CALL_TO_SUPPLEMENT,
        "documents/call_to_supplement.html",
        context,
        "Wezwanie do usunięcia braków formalnych",
    )


def call_for_evidence_letter(application: Application, request: EvidenceRequest) -> Letter:
    context = {**_common(application, request.requested_by), "items": request.items, "deadline_days": request.days}
    return Letter(
        DocumentKind.CALL_FOR_EVIDENCE,
        "documents/call_for_evidence.html",
        context,
        "Wezwanie do przedłożenia dowodów",
    )


def summons_letter(application: Application, appointment: Appointment) -> Letter:
    context = {
        **_common(application, appointment.booked_by),
        "appointment_at": timezone.localtime(appointment.starts_at),
        "place_of_appointment": appointment.place,
    }
    return Letter(
        DocumentKind.SUMMONS, "documents/summons_fingerprints.html", context, "Wezwanie do osobistego stawiennictwa"
    )


def left_unexamined_letter(application: Application, *, reason: str) -> Letter:
    context = {**_common(application), "reason": reason}
    return Letter(
        DocumentKind.LEFT_UNEXAMINED,
        "documents/left_unexamined.html",
        context,
        "Pozostawienie wniosku bez rozpoznania",
    )


def discontinuance_letter(application: Application, appointment: Appointment) -> Letter:
    context = {
        **_common(application, appointment.booked_by),
        "appointment_at": timezone.localtime(appointment.starts_at),
        "place_of_appointment": appointment.place,
        "decision_number": f"{application.case_number}/U/{appointment.pk}",
    }
    return Letter(
        DocumentKind.DISCONTINUANCE,
        "documents/discontinuance.html",
        context,
        "Decyzja o umorzeniu postępowania",
    )


def _birth_date(application: Application) -> date | None:
    value = answer(application.answers, "date_of_birth")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return None


def decision_letter(application: Application, decision: Decision) -> Letter:
    spec = application.definition.spec
    number = f"{application.case_number}/D/{decision.pk}" if decision.pk else f"{application.case_number}/D/—"
    grant = decision.kind == DecisionKind.GRANT
    law = decisions.law_for(application)
    assessment = decisions.assess(application, decision) if grant else None
    partial = assessment is not None and not assessment.fully_grants
    context = {
        **_common(application, decision.decided_by),
        "outcome": "grant" if grant else "refusal",
        "decision_number": number,
        "legal_basis": [law.basis() if grant else refusal_basis(law, decision.refusal_grounds)],
        "refusal_grounds": [] if grant else decision.refusal_grounds,
        "applicant": {
            "name": applicant_name(application),
            "date_of_birth": _birth_date(application),
            "citizenship": decisions.citizenship(application),
        },
        "permit_title": spec.title.pl.removeprefix("Wniosek o udzielenie "),
        # The work permit's title names its purpose already.
        "purpose": "" if law.states_work_terms else decisions.purpose_text(application),
        "valid_from": decision.valid_from,
        "valid_until": decision.valid_to,
        "indefinite": bool(assessment and assessment.indefinite),  # "na czas nieoznaczony": no period is stated
        "work_terms": decisions.work_terms(application) if grant and law.states_work_terms else [],
        "fully_grants": bool(assessment and assessment.fully_grants),
        "partial": partial,
        "requested": assessment.requested if assessment else None,
        "refused_parts": decisions.refused_remainder(
            assessment,
            valid_from=decision.valid_from,
            valid_to=decision.valid_to,
            on=timezone.localdate(decision.decided_at) if decision.decided_at else timezone.localdate(),
        )
        if partial
        else [],
        "justification": decision.justification,
        "voivode": voivode_of(application),
    }
    return Letter(
        DocumentKind.DECISION, "documents/decision.html", context, f"Decyzja w sprawie {application.case_number}"
    )


def issue(application: Application, letter: Letter) -> Document:
    """Seal, store and record the letter on the case."""
    return issue_document(application, letter.kind, letter.template, letter.context, language="pl", title=letter.title)


def preview(application: Application, letter: Letter) -> bytes:
    """The letter as a draft PDF: the same text, marked "PROJEKT" on every page, not sealed, not stored."""
    from documents.rendering import render_pdf

    return render_pdf(
        letter.template,
        {**letter.context, "draft": True},
        language="pl",
        title=f"PROJEKT – {letter.title}",
        case_number=application.case_number,
        variant="",
    )


def issue_call_to_supplement(application: Application, request: SupplementRequest) -> Document:
    return issue(application, call_to_supplement_letter(application, request))


def issue_call_for_evidence(application: Application, request: EvidenceRequest) -> Document:
    return issue(application, call_for_evidence_letter(application, request))


def issue_discontinuance(application: Application, appointment: Appointment) -> Document:
    return issue(application, discontinuance_letter(application, appointment))


def issue_summons(application: Application, appointment: Appointment) -> Document:
    return issue(application, summons_letter(application, appointment))


def issue_left_unexamined(application: Application, *, reason: str) -> Document:
    return issue(application, left_unexamined_letter(application, reason=reason))


def issue_decision(application: Application, decision: Decision) -> Document:
    return issue(application, decision_letter(application, decision))
