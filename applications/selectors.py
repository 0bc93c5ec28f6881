"""Reads scoped to the person asking: a forgotten check returns nothing (404), never someone else's data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, QuerySet

from formdefs.api import FormDefinition, FormDefinitionStatus

from .case_models import Application, Attachment, CaseEvent, DocumentKind, Draft, DraftStatus, EmployerAnnex


def open_drafts_for_applicant(user) -> QuerySet[Draft]:
    if not user.is_authenticated:
        return Draft.objects.none()
    return (
        Draft.objects.filter(applicant=user, status=DraftStatus.OPEN)
        .select_related("definition")
        .order_by("-updated_at")
    )


def cases_for_applicant(user) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(applicant=user).select_related("office", "definition", "voivodeship")


def cases_with_outcomes_for_applicant(user) -> QuerySet[Application]:
    """The applicant's cases with the events their status is told by (`tracking.status_in_words`), in one query."""
    outcome_kinds = (CaseEvent.Kind.DECISION, CaseEvent.Kind.DECISION_FINAL)
    return cases_for_applicant(user).prefetch_related(
        Prefetch(
            "events",
            queryset=CaseEvent.objects.filter(kind__in=outcome_kinds).order_by("created_at", "pk"),
            to_attr="outcome_events",
        )
    )


def attachments_for_applicant(user) -> QuerySet[Attachment]:
    if not user.is_authenticated:
        return Attachment.objects.none()
    return Attachment.objects.filter(draft__applicant=user)


def annexes_for_employer(user) -> QuerySet[EmployerAnnex]:
    if not user.is_authenticated:
        return EmployerAnnex.objects.none()
    return EmployerAnnex.objects.filter(employer=user).select_related("definition", "draft__applicant")


@dataclass(frozen=True)
class IssuedDocument:
    """An official document as the applicant sees it, read from the `document` event that announced it."""

    public_id: str
    kind: str
    title: str
    issued_at: datetime
    size: int | None
    sha256: str
    download_url: str
    case_id: uuid.UUID
    case_number: str


def issued_documents(cases: QuerySet[Application]) -> list[IssuedDocument]:
    """The documents of these cases, oldest first, in one query (the events carry what the list shows)."""
    events = (
        CaseEvent.objects.filter(application__in=cases, kind=CaseEvent.Kind.DOCUMENT)
        .select_related("application")
        .order_by("created_at", "pk")
    )
    found = []
    for event in events:
        kind = event.data.get("kind", "")
        title = str(DocumentKind(kind).label) if kind in DocumentKind.values else str(event.data.get("title", ""))
        found.append(
            IssuedDocument(
                public_id=str(event.data.get("document", "")),
                kind=kind,
                title=title,
                issued_at=event.created_at,
                size=event.data.get("size"),
                sha256=event.data.get("sha256", ""),
                download_url=event.action_url,
                case_id=event.application.public_id,
                case_number=event.application.case_number,
            )
        )
    return found


def case_timeline(application: Application) -> QuerySet[CaseEvent]:
    return application.events.order_by("created_at", "pk")


def published_main_forms() -> list[FormDefinition]:
    """The published application forms (not annexes), one per slug."""
    return [
        d
        for d in FormDefinition.objects.filter(status=FormDefinitionStatus.PUBLISHED).order_by("slug")
        if not d.spec.annex_of
    ]
