"""Reads for the Head of the Office for Foreigners: only the cases whose appeal was sent to the second instance."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from applications.case_models import Application, Attachment
from documents.models import Document

from .appeals import is_second_instance
from .flows import ResidencePermitFlow
from .services import SECOND_INSTANCE_NODES

OPEN = (STATUS.NEW, STATUS.ASSIGNED)


def forwarded_cases(user) -> QuerySet[Application]:
    """Every case with an appeal forwarded to the second instance (none for anybody else)."""
    if not is_second_instance(user):
        return Application.objects.none()
    return Application.objects.filter(pk__in=_forwarded_ids()).select_related("office", "definition")


def _forwarded_ids():
    from .models import Appeal

    return Appeal.objects.filter(forwarded_at__isnull=False).values("application_id")


def second_instance_tasks(user) -> QuerySet[Task]:
    """The open appeals of the second instance: the queue and the user's own, oldest first."""
    if not is_second_instance(user):
        return Task.objects.none()
    nodes = [getattr(ResidencePermitFlow, name) for name in SECOND_INSTANCE_NODES]
    return (
        Task.objects.filter(
            flow_task__in=nodes, status__in=OPEN, process__caseprocess__application__in=_forwarded_ids()
        )
        .select_related("owner", "process__caseprocess__application")
        .order_by("created")
    )


def second_instance_task(user, task_id: int) -> Task:
    return get_object_or_404(second_instance_tasks(user), pk=task_id)


def forwarded_case(user, case_id) -> Application:
    return get_object_or_404(forwarded_cases(user).select_related("draft"), public_id=case_id)


def forwarded_document(user, document_id) -> Document:
    return get_object_or_404(
        Document.objects.filter(application__in=forwarded_cases(user)).select_related("application"),
        public_id=document_id,
    )


def forwarded_attachment(user, attachment_id) -> Attachment:
    return get_object_or_404(Attachment.objects.filter(application__in=forwarded_cases(user)), public_id=attachment_id)
