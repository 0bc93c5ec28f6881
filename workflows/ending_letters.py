"""The letters of the other endings and of the combined call (always in Polish), described as `letters.Letter`s so
each is previewed as a draft (`workflows.previews`) before it is issued, and addressed through
`documents.services.addressee_of` (via `letters._common`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from applications.case_models import Application
from documents.models import DocumentKind

from .letters import Letter, _common, voivode_of

__all__ = [
    "CallPart",
    "call_to_pay_letter",
    "combined_call_letter",
    "delay_notice_letter",
    "discontinuance_after_suspension_letter",
    "refusal_to_initiate_letter",
    "resumption_letter",
    "return_letter",
    "supplement_receipt_letter",
    "suspension_letter",
    "suspension_refusal_letter",
]


@dataclass(frozen=True)
class CallPart:
    """One call inside a letter: its kind (`deadlines.DeadlineKind`), what it asks, its period or its date."""

    kind: str
    items: tuple[str, ...] = ()
    days: int | None = None
    amount: Decimal | None = None
    appointment_at: datetime | None = None
    place: str = ""


def call_to_pay_letter(application: Application, *, amount: Decimal, days: int, officer=None) -> Letter:
    context = {
        **_common(application, officer),
        "amount": amount,
        "deadline_days": days,
        **_payment_account(application),
    }
    return Letter(
        DocumentKind.CALL_TO_PAY, "documents/call_to_pay.html", context, "Wezwanie do uiszczenia opłaty skarbowej"
    )


def combined_call_letter(application: Application, parts: list[CallPart], *, officer=None) -> Letter:
    """One letter with several calls (art. 106e ust. 2): each part with its own period, all from its one delivery."""
    context = {
        **_common(application, officer),
        "parts": [
            {
                "kind": str(part.kind),
                "items": list(part.items),
                "deadline_days": part.days,
                "amount": part.amount,
                "appointment_at": timezone.localtime(part.appointment_at) if part.appointment_at else None,
                "place_of_appointment": part.place,
            }
            for part in parts
        ],
        **_payment_account(application),
    }
    return Letter(DocumentKind.COMBINED_CALL, "documents/combined_call.html", context, "Wezwanie")


def return_letter(application: Application, *, amount: Decimal) -> Letter:
    context = {**_common(application), "amount": amount}
    return Letter(DocumentKind.RETURN_NOTICE, "documents/return_notice.html", context, "Zwrot podania")


def refusal_to_initiate_letter(application: Application, *, reason: str, officer=None) -> Letter:
    context = {
        **_common(application, officer),
        "reason": reason,
        "order_number": f"{application.case_number}/O/1",
    }
    return Letter(
        DocumentKind.REFUSAL_TO_INITIATE,
        "documents/refusal_to_initiate.html",
        context,
        "Postanowienie o odmowie wszczęcia postępowania",
    )


def suspension_letter(application: Application, *, requested_on: date, officer=None) -> Letter:
    context = {**_common(application, officer), "requested_on": requested_on}
    return Letter(
        DocumentKind.SUSPENSION, "documents/suspension.html", context, "Postanowienie o zawieszeniu postępowania"
    )


def suspension_refusal_letter(application: Application, *, requested_on: date, reason: str, officer=None) -> Letter:
    """The order refusing to suspend at the party's request (art. 98 § 1 k.p.a.), with the officer's reason; a
    zażalenie lies against it within 7 days of its delivery (art. 101 § 3, art. 141 § 2 k.p.a.)."""
    context = {
        **_common(application, officer),
        "requested_on": requested_on,
        "reason": reason.strip(),
        "voivode": voivode_of(application),
    }
    return Letter(
        DocumentKind.SUSPENSION_REFUSED,
        "documents/suspension_refused.html",
        context,
        "Postanowienie o odmowie zawieszenia postępowania",
    )


def resumption_letter(application: Application, *, suspended_on: date, requested_on: date) -> Letter:
    context = {**_common(application), "suspended_on": suspended_on, "requested_on": requested_on}
    return Letter(
        DocumentKind.RESUMPTION,
        "documents/resumption.html",
        context,
        "Postanowienie o podjęciu zawieszonego postępowania",
    )


def discontinuance_after_suspension_letter(application: Application, *, suspended_on: date) -> Letter:
    context = {
        **_common(application),
        "reason": "suspension",
        "suspended_on": suspended_on,
        "decision_number": f"{application.case_number}/U/Z",
    }
    return Letter(
        DocumentKind.DISCONTINUANCE,
        "documents/discontinuance_after_suspension.html",
        context,
        "Decyzja o umorzeniu postępowania",
    )


def delay_notice_letter(
    application: Application, *, due_on: date | None, new_date: date, reason: str, officer
) -> Letter:
    context = {**_common(application, officer), "due_on": due_on, "new_date": new_date, "reason": reason.strip()}
    return Letter(
        DocumentKind.DELAY_NOTICE,
        "documents/delay_notice.html",
        context,
        "Zawiadomienie o niezałatwieniu sprawy w terminie",
    )


def supplement_receipt_letter(
    application: Application, *, kind: str, received_at: datetime, files: list, message: str, public_id
) -> Letter:
    """The UPO of a supplement or an evidence answer: when it came in, and the SHA-256 of each file."""
    from applications.services import access_code
    from documents.services import applicant_name, document_verification_url

    context = {
        "office": application.office,
        "received_at": received_at,
        "answer_kind": kind,
        "applicant_name": applicant_name(application),
        "application_title": application.definition.spec.title.pl,
        "files": [{"name": f.original_name, "size": f.size, "sha256": f.sha256} for f in files],
        "has_message": bool(message.strip()),
        "access_code": access_code(application),
        "verification_url": document_verification_url(application.case_number, public_id),
    }
    title = "Urzędowe poświadczenie odbioru uzupełnienia" if kind == "supplement" else "Urzędowe poświadczenie odbioru"
    return Letter(DocumentKind.SUPPLEMENT_RECEIPT, "documents/supplement_receipt.html", context, title)


def _payment_account(application: Application) -> dict:
    """Where the duty is paid: the city office of the voivode's seat collects it (art. 12 of the stamp duty act)."""
    return {"payment_place": f"rachunek bankowy Urzędu Miasta {application.office.city}"}
