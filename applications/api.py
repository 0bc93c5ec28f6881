"""The JSON API of applicants and the public (mounted by `mos/api.py` at `/api/v1/`).

Applicants authenticate with a personal token (`Authorization: Bearer <key>`) or their session (CSRF on). Every read
goes through selectors scoped to the caller, so another person's case answers 404. Texts (stage, timeline) are in the
request's language (`Accept-Language`), like the pages.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language, gettext
from ninja import Router, Schema, Status
from ninja.security import django_auth
from pydantic import Field

from formdefs.api import FormDefinition, FormDefinitionStatus, fee_table

from . import public_status, selectors, tracking
from .api_tokens import ApiTokenAuth
from .case_models import Application, ApplicationStatus
from .views.access import client_ip

StatusValue = Literal[tuple(ApplicationStatus.values)]  # type: ignore[valid-type]


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: list[dict[str, Any]]


class CaseOut(Schema):
    id: UUID
    case_number: str
    form: str = Field(description="Slug of the form definition the application was made on.")
    form_title: str
    status: StatusValue
    stage: str = Field(description="The status in words, in the request's language.")
    submitted_at: datetime
    status_changed_at: datetime
    url: str = Field(description="The case page (for people).")


class TimelineEventOut(Schema):
    at: datetime
    kind: str
    title: str
    text: str
    data: dict[str, Any] = Field(description="Facts meant for the applicant (whitelisted per kind).")
    action_url: str | None
    due_at: datetime | None


class ExpectationOut(Schema):
    text: str
    action_url: str
    due_at: datetime | None


class DocumentOut(Schema):
    id: UUID
    case_id: UUID
    case_number: str
    kind: str
    title: str
    issued_at: datetime
    size: int
    sha256: str
    download_url: str = Field(description="Needs the same login; answers 404 to anybody else.")


class CaseDetailOut(CaseOut):
    expected: ExpectationOut | None = Field(description="What the applicant should do now, and by when.")
    decision_deadline: date | None = Field(
        description="Statutory deadline for the decision, counted from the day the case became complete."
    )
    timeline: list[TimelineEventOut]
    documents: list[DocumentOut]


class StatusLookupIn(Schema):
    case_number: str = Field(pattern=public_status.CASE_NUMBER_PATTERN, examples=["14/2026/000123"])
    access_code: str = Field(pattern=public_status.ACCESS_CODE_PATTERN, examples=["ABCD-EFGH-JKLM"])


class PublicStatusOut(Schema):
    case_number: str
    status: StatusValue
    stage: str
    changed_on: date


class FormOut(Schema):
    slug: str
    version: int
    title: str
    schema_url: str
    fees: dict[str, Any] | None = Field(
        None, description="Stamp duty (by purpose, with exemptions) and the residence card fee, amounts in PLN"
    )


AUTH = [ApiTokenAuth(), django_auth]
NEEDS_LOGIN = {401: ErrorOut, 403: ErrorOut}

applicant_router = Router(auth=AUTH, tags=["applicant"])
public_router = Router(auth=None, tags=["public"])


def _case_out(case: Application) -> dict[str, Any]:
    return {
        "id": case.public_id,
        "case_number": case.case_number,
        "form": case.definition.slug,
        "form_title": case.definition.spec.title.get(get_language()),
        "status": case.status,
        "stage": tracking.status_in_words(case, getattr(case, "outcome_events", None)),
        "submitted_at": case.submitted_at,
        "status_changed_at": case.status_changed_at,
        "url": reverse("applications:case", kwargs={"case_id": case.public_id}),
    }


def _document_out(document: selectors.IssuedDocument) -> dict[str, Any]:
    return {
        "id": document.public_id,
        "case_id": document.case_id,
        "case_number": document.case_number,
        "kind": document.kind,
        "title": document.title,
        "issued_at": document.issued_at,
        "size": document.size or 0,
        "sha256": document.sha256,
        "download_url": document.download_url,
    }


def _documents(case: Application) -> tuple[list, dict[str, str]]:
    """The case's documents and their titles by public id (the timeline names them in the reader's language)."""
    documents = selectors.issued_documents(Application.objects.filter(pk=case.pk))
    return documents, {document.public_id: document.title for document in documents}


def _timeline(case: Application, labels: dict[str, str]) -> tuple[list, list[dict[str, Any]]]:
    events = list(selectors.case_timeline(case))
    for event in events:
        event.application = case
    out = [
        {
            "at": entry.at,
            "kind": entry.kind,
            "title": entry.title,
            "text": entry.text,
            "data": tracking.visible_data(event),
            "action_url": entry.action_url or None,
            "due_at": entry.due_at,
        }
        for entry, event in zip(tracking.timeline(events, labels), events, strict=True)
    ]
    return events, out


@applicant_router.get("/cases", response={200: list[CaseOut], **NEEDS_LOGIN}, summary="My cases")
def list_cases(request):
    return [_case_out(case) for case in selectors.cases_with_outcomes_for_applicant(request.auth)]


@applicant_router.get(
    "/cases/{case_id}",
    response={200: CaseDetailOut, **NEEDS_LOGIN, 404: ErrorOut, 422: ValidationErrorOut},
    summary="A case: status, timeline, what to do now, documents",
)
def case_detail(request, case_id: UUID):
    case = get_object_or_404(selectors.cases_for_applicant(request.auth), public_id=case_id)
    documents, labels = _documents(case)
    events, timeline = _timeline(case, labels)
    expected = tracking.open_expectation(events)
    return {
        **_case_out(case),
        "timeline": timeline,
        "documents": [_document_out(d) for d in documents],
        "expected": expected and {"text": expected.text, "action_url": expected.action_url, "due_at": expected.due_at},
        "decision_deadline": tracking.decision_deadline(case, events),
    }


@applicant_router.get(
    "/cases/{case_id}/timeline",
    response={200: list[TimelineEventOut], **NEEDS_LOGIN, 404: ErrorOut, 422: ValidationErrorOut},
    summary="The timeline of a case",
)
def case_timeline(request, case_id: UUID):
    case = get_object_or_404(selectors.cases_for_applicant(request.auth), public_id=case_id)
    return _timeline(case, _documents(case)[1])[1]


@applicant_router.get(
    "/documents", response={200: list[DocumentOut], **NEEDS_LOGIN}, summary="My documents, with download links"
)
def list_documents(request):
    return [_document_out(d) for d in selectors.issued_documents(selectors.cases_for_applicant(request.auth))]


@public_router.post(
    "/status",
    response={200: PublicStatusOut, 400: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut},
    summary="The stage of a case, by case number and the access code from the receipt",
)
def status_lookup(request, lookup: StatusLookupIn):
    outcome = public_status.throttled_lookup(
        ip=client_ip(request), case_number=lookup.case_number, code=lookup.access_code.upper()
    )
    if outcome.throttled:
        return Status(429, {"detail": str(public_status.THROTTLED_MESSAGE)})
    result = outcome.result
    if result is None:
        return Status(404, {"detail": str(public_status.NOT_FOUND_MESSAGE)})
    return {
        "case_number": result.case_number,
        "status": result.status,
        "stage": result.stage,
        "changed_on": result.changed_on,
    }


@public_router.get("/forms", response={200: list[FormOut]}, summary="The application forms one can start")
def list_forms(request):
    return [
        {
            "slug": d.slug,
            "version": d.version,
            "title": d.spec.title.get(get_language()),
            "schema_url": reverse("api-v1:form-schema", kwargs={"slug": d.slug}),
            "fees": fee_table(d.slug),
        }
        for d in selectors.published_main_forms()
    ]


@public_router.get(
    "/forms/{slug}/schema",
    response={200: dict[str, Any], 404: ErrorOut},
    url_name="form-schema",
    summary="JSON Schema of the answers (payload) of the published version of a form",
)
def form_schema(request, slug: str):
    from formdefs.api import payload_json_schema

    definition = FormDefinition.objects.filter(slug=slug, status=FormDefinitionStatus.PUBLISHED).first()
    if definition is None:
        return Status(404, {"detail": gettext("No published form with this slug.")})
    return payload_json_schema(definition.spec)
