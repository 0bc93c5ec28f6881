"""The letters of the appeal: its receipt (UPO, like the application's) and the second instance's decision."""

from __future__ import annotations

from applications.case_models import Application, Attachment, DocumentKind
from documents.models import Document
from documents.services import applicant_name

from . import decisions
from .letters import Letter, _common, issue
from .models import Appeal, Decision, DecisionKind

#: The second instance (art. 127 § 1 k.p.a. with the Act on Foreigners).
SECOND_INSTANCE_NAME = "Szef Urzędu do Spraw Cudzoziemców"
SECOND_INSTANCE_ADDRESS = "ul. Koszykowa 16, 00-564 Warszawa"


def appeal_receipt_letter(application: Application, appeal: Appeal, *, files: list[Attachment]) -> Letter:
    context = {
        **_common(application),
        "filed_at": appeal.filed_at,
        "applicant_name": applicant_name(application),
        "decision_number": f"{application.case_number}/D/{appeal.decision_id}",
        "files": [attachment.original_name for attachment in files],
        "second_instance": SECOND_INSTANCE_NAME,
        "applicant_language": application.applicant_language,
    }
    return Letter(
        DocumentKind.APPEAL_RECEIPT,
        "documents/appeal_receipt.html",
        context,
        "Urzędowe poświadczenie odbioru odwołania (UPO)",
    )


def issue_appeal_receipt(application: Application, appeal: Appeal, *, files: list[Attachment]) -> Document:
    return issue(application, appeal_receipt_letter(application, appeal, files=files))


def second_instance_decision_letter(application: Application, appeal: Appeal) -> Letter:
    decision = Decision.objects.filter(application=application).first()
    context = {
        **_common(application, appeal.decided_by),
        "second_instance": SECOND_INSTANCE_NAME,
        "second_instance_address": SECOND_INSTANCE_ADDRESS,
        "outcome": appeal.outcome,
        "appealed_decision_number": f"{application.case_number}/D/{appeal.decision_id}",
        "decision_number": f"{application.case_number}/O/{appeal.pk}",
        "applicant_name": applicant_name(application),
        "filed_at": appeal.filed_at,
        "justification": appeal.justification,
        "new_kind": decision.kind if appeal.outcome == Appeal.Outcome.OVERTURNED else "",
        "refusal_grounds": (
            decision.refusal_grounds
            if appeal.outcome == Appeal.Outcome.OVERTURNED and decision.kind == DecisionKind.REFUSAL
            else []
        ),
        "valid_from": decision.valid_from,
        "valid_until": decision.valid_to,
        # Granted for an indefinite time: the permit by its title and article, no period.
        "indefinite": decision.indefinite,
        "permit_title": application.definition.spec.title.pl.removeprefix("Wniosek o udzielenie "),
        "grant_basis": decisions.law_for(application).basis(),
        "refused_in_the_end": (
            appeal.outcome in (Appeal.Outcome.UPHELD, Appeal.Outcome.DISCONTINUED, Appeal.Outcome.OVERTURNED)
            and decision.kind == DecisionKind.REFUSAL
        ),
    }
    return Letter(
        DocumentKind.SECOND_INSTANCE_DECISION,
        "documents/second_instance_decision.html",
        context,
        f"Decyzja Szefa Urzędu do Spraw Cudzoziemców w sprawie {application.case_number}",
    )


def issue_second_instance_decision(application: Application, appeal: Appeal) -> Document:
    return issue(application, second_instance_decision_letter(application, appeal))
