"""Official letters of case processing, issued through `documents.services.issue_document` (always in Polish)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone

from applications.case_models import Application
from applications.services import answer
from documents.models import Document, DocumentKind
from documents.services import applicant_name, issue_document

from .models import Appointment, Decision, DecisionKind, EvidenceRequest, SupplementRequest


def _officer(user) -> dict | None:
    if user is None:
        return None
    return {"name": user.get_full_name() or user.email, "position": getattr(settings, "OFFICER_POSITION", "inspektor")}


def _common(application: Application, officer=None) -> dict:
    return {
        "office": application.office,
        "issued_at": timezone.localdate(),
        "place": application.office.city,
        "application_title": application.definition.spec.title.pl.removeprefix("Wniosek o "),
        "application_date": application.submitted_at,
        "addressee": {"name": applicant_name(application)},
        "officer": _officer(officer),
    }


def issue_call_to_supplement(application: Application, request: SupplementRequest) -> Document:
    context = {
        **_common(application, request.requested_by),
        "defects": request.defects,
        # The date depends on delivery, which follows the letter: the letter states the period, the account the date.
        "deadline_days": request.days,
    }
    return issue_document(
        application,
        DocumentKind.CALL_TO_SUPPLEMENT,
        "documents/call_to_supplement.html",
        context,
        language="pl",
        title="Wezwanie do usunięcia braków formalnych",
    )


def issue_call_for_evidence(application: Application, request: EvidenceRequest) -> Document:
    context = {**_common(application, request.requested_by), "items": request.items, "deadline_days": request.days}
    return issue_document(
        application,
        DocumentKind.CALL_FOR_EVIDENCE,
        "documents/call_for_evidence.html",
        context,
        language="pl",
        title="Wezwanie do przedłożenia dowodów",
    )


def issue_summons(application: Application, appointment: Appointment) -> Document:
    context = {
        **_common(application, appointment.booked_by),
        "appointment_at": timezone.localtime(appointment.starts_at),
        "place_of_appointment": appointment.place,
    }
    return issue_document(
        application,
        DocumentKind.SUMMONS,
        "documents/summons_fingerprints.html",
        context,
        language="pl",
        title="Wezwanie do osobistego stawiennictwa",
    )


def issue_left_unexamined(application: Application, *, reason: str) -> Document:
    context = {**_common(application), "reason": reason}
    return issue_document(
        application,
        DocumentKind.LEFT_UNEXAMINED,
        "documents/left_unexamined.html",
        context,
        language="pl",
        title="Pozostawienie wniosku bez rozpoznania",
    )


def issue_discontinuance(application: Application, appointment: Appointment) -> Document:
    context = {
        **_common(application, appointment.booked_by),
        "appointment_at": timezone.localtime(appointment.starts_at),
        "place_of_appointment": appointment.place,
        "decision_number": f"{application.case_number}/U/{appointment.pk}",
    }
    return issue_document(
        application,
        DocumentKind.DISCONTINUANCE,
        "documents/discontinuance.html",
        context,
        language="pl",
        title="Decyzja o umorzeniu postępowania",
    )


def _birth_date(application: Application) -> date | None:
    value = answer(application.answers, "date_of_birth")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return None


def issue_decision(application: Application, decision: Decision) -> Document:
    spec = application.definition.spec
    context = {
        **_common(application, decision.decided_by),
        "outcome": "grant" if decision.kind == DecisionKind.GRANT else "refusal",
        "decision_number": f"{application.case_number}/D/{decision.pk}",
        "legal_basis": getattr(settings, "DECISION_LEGAL_BASIS", ["ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach"]),
        "applicant": {
            "name": applicant_name(application),
            "date_of_birth": _birth_date(application),
            "citizenship": answer(application.answers, "citizenship") or "",
        },
        "permit_title": spec.title.pl.removeprefix("Wniosek o udzielenie "),
        "valid_from": decision.valid_from,
        "valid_until": decision.valid_to,
        "justification": decision.justification,
        "voivode": f"Wojewody {application.voivodeship.name.removesuffix('ie').capitalize()}iego",
    }
    return issue_document(
        application,
        DocumentKind.DECISION,
        "documents/decision.html",
        context,
        language="pl",
        title=f"Decyzja w sprawie {application.case_number}",
    )
