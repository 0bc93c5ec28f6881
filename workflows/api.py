"""Officers' inbox in the JSON API (read-only for now), scoped to the officer's office like the pages.

Session authentication only: a staff session exists only after the second factor, which a bearer token would skip.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import django_auth
from viewflow.workflow.models import Task

from . import selectors
from .paging import rows_by_id
from .services import is_staff

officer_router = Router(auth=django_auth, tags=["officer"])


class TaskOut(Schema):
    id: int
    step: str = Field(description="The step of the procedure (formal_check, review, decide, ...).")
    title: str
    case_id: UUID
    case_number: str
    created: datetime
    status: str

    @staticmethod
    def resolve_id(task: Task) -> int:
        return task.pk

    @staticmethod
    def resolve_step(task: Task) -> str:
        return task.flow_task.name

    @staticmethod
    def resolve_title(task: Task) -> str:
        return str(task.flow_task)

    @staticmethod
    def resolve_case_id(task: Task) -> UUID:
        return task.process.caseprocess.application.public_id

    @staticmethod
    def resolve_case_number(task: Task) -> str:
        return task.process.caseprocess.application.case_number


#: Bounds of the pages: a deeper offset is no use to a person, and an unbounded one overflowed the database (a 500).
MAX_OFFSET = 100_000
MAX_LIMIT = 100


class IdFirstPagination(LimitOffsetPagination):
    """Ninja's limit/offset pagination, with the page read ids first (`workflows.paging`): deep offsets stay cheap."""

    class Input(Schema):
        limit: int = Field(MAX_LIMIT, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, max_limit: int = MAX_LIMIT, **kwargs):
        super().__init__(max_limit=max_limit, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        offset, limit = pagination.offset, min(pagination.limit, self.max_limit)
        return {
            self.items_attribute: rows_by_id(queryset, offset, offset + limit),
            "count": self._items_count(queryset),
        }


class ErrorOut(Schema):
    detail: str


def _staff_only(request: HttpRequest) -> None:
    from ninja.errors import HttpError

    if not is_staff(request.auth):
        raise HttpError(403, "Only office staff have an inbox.")


@officer_router.get(
    "/inbox", response={200: list[TaskOut], 401: ErrorOut, 403: ErrorOut}, summary="My open tasks (assigned to me)"
)
@paginate(IdFirstPagination)
def my_inbox(request):
    _staff_only(request)
    return selectors.inbox(request.auth)  # paginated in the database


@officer_router.get(
    "/queue",
    response={200: list[TaskOut], 401: ErrorOut, 403: ErrorOut},
    summary="Unassigned tasks of my office that I may claim",
)
@paginate(IdFirstPagination)
def my_queue(request):
    _staff_only(request)
    return selectors.queue(request.auth)


@officer_router.get(
    "/appeals",
    response={200: list[TaskOut], 401: ErrorOut, 403: ErrorOut},
    summary="Appeals sent to the Head of the Office for Foreigners (second-instance staff only)",
)
@paginate(IdFirstPagination)
def second_instance_appeals(request):
    from ninja.errors import HttpError

    from .appeal_selectors import second_instance_tasks
    from .appeals import is_second_instance

    if not is_second_instance(request.auth):
        raise HttpError(403, "Only the Head of the Office for Foreigners' staff see the appeals.")
    return second_instance_tasks(request.auth).order_by("pk")
