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


def second_instance_decision_letter(
    application: Application, appeal: Appeal, *, decision: Decision | None = None
) -> Letter:
    """The decision on the appeal; `decision` is the case's latest (the new one when overturned), or a draft's."""
    decision = decision or Decision.objects.filter(application=application).first()
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


def draft_second_instance_decision(application: Application, appeal: Appeal, user, data: dict) -> Letter:
    """The decision the second instance's form would issue, built unsaved, for its draft (`letters.preview`)."""
    from copy import copy

    from django.utils import timezone

    draft = copy(appeal)
    draft.outcome, draft.justification = data["outcome"], (data.get("justification") or "").strip()
    draft.decided_by, draft.decided_at = user, timezone.now()
    decision = None
    if data["outcome"] == Appeal.Outcome.OVERTURNED:
        from .decisions import law_for
        from .refusal_grounds import chosen

        grant = data.get("kind") == DecisionKind.GRANT
        indefinite = grant and law_for(application).indefinite
        decision = Decision(
            application=application,
            kind=data.get("kind") or "",
            valid_from=data.get("valid_from") if grant and not indefinite else None,
            valid_to=data.get("valid_to") if grant and not indefinite else None,
            indefinite=indefinite,
            fully_grants=True if indefinite else None,
            refusal_grounds=[] if grant else chosen(application, data.get("grounds") or []),
            justification=draft.justification,
            decided_by=user,
        )
    return second_instance_decision_letter(application, draft, decision=decision)
