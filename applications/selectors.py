"""Reads scoped to the person asking: a forgotten check returns nothing (404), never someone else's data."""

from __future__ import annotations

from django.db.models import QuerySet

from .case_models import Application, Attachment, CaseEvent, Draft, DraftStatus, EmployerAnnex
from .models import FormDefinition, FormDefinitionStatus


def open_drafts_for_applicant(user) -> QuerySet[Draft]:
    if not user.is_authenticated:
        return Draft.objects.none()
    return (Draft.objects.filter(applicant=user, status=DraftStatus.OPEN)
            .select_related("definition").order_by("-updated_at"))


def cases_for_applicant(user) -> QuerySet[Application]:
    if not user.is_authenticated:
        return Application.objects.none()
    return Application.objects.filter(applicant=user).select_related("office", "definition", "voivodeship")


def attachments_for_applicant(user) -> QuerySet[Attachment]:
    if not user.is_authenticated:
        return Attachment.objects.none()
    return Attachment.objects.filter(draft__applicant=user)


def annexes_for_employer(user) -> QuerySet[EmployerAnnex]:
    if not user.is_authenticated:
        return EmployerAnnex.objects.none()
    return EmployerAnnex.objects.filter(employer=user).select_related("definition", "draft__applicant")


def case_timeline(application: Application) -> QuerySet[CaseEvent]:
    return application.events.order_by("created_at", "pk")


def published_main_forms() -> list[FormDefinition]:
    """The published application forms (not annexes), one per slug."""
    return [d for d in FormDefinition.objects.filter(status=FormDefinitionStatus.PUBLISHED).order_by("slug")
            if not d.spec.annex_of]
