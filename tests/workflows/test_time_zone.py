"""One time everywhere: a fingerprints slot reads the same hour in the officer's slot list, the draft and the sealed
summons, the office's case page, the applicant's case page and the e-mail, in winter (CET) and in summer (CEST)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from documents.models import DocumentKind
from polishtime import format_when
from tests.documents.helpers import pdf_text
from workflows.models import AppointmentSlot

from .conftest import open_task, pass_formal_check, staff_login, submit_case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("starts_at", "day", "hour"),
    [
        (datetime(2027, 1, 12, 8, 0, tzinfo=UTC), "12.01.2027", "09:00"),  # winter: UTC+1
        (datetime(2027, 7, 12, 7, 0, tzinfo=UTC), "12.07.2027", "09:00"),  # summer: UTC+2
    ],
)
def test_a_booked_slot_shows_the_same_polish_time_on_every_page_letter_and_email(
    client, django_capture_on_commit_callbacks, officer, starts_at, day, hour
):
    with time_machine.travel(datetime(2026, 12, 1, 10, 0, tzinfo=UTC), tick=False):
        application = submit_case(django_capture_on_commit_callbacks)
        application.applicant.preferred_language = "pl"
        application.applicant.save()
        slot = AppointmentSlot.objects.create(office=application.office, starts_at=starts_at, place="ul. Długa 5")
        pass_formal_check(application, officer)
        staff_login(client, officer)
        task = open_task(application, "book_appointment")
        client.post(reverse("workflows:task-claim", kwargs={"task_id": task.pk}))
        url = reverse("workflows:task", kwargs={"task_id": task.pk})

        slot_list = client.get(url, HTTP_ACCEPT_LANGUAGE="pl").content.decode()
        assert f"{day} {hour}" in slot_list
        assert f"{day} {starts_at:%H:%M}" not in slot_list  # never the UTC hour

        mail.outbox.clear()
        assert "Send the letter" in client.post(url, {"slot": slot.pk}).content.decode()
        draft = pdf_text(client.get(reverse("workflows:task-letter-preview", kwargs={"task_id": task.pk})).content)
        assert day in draft and hour in draft
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, {"confirm": "1"}).status_code == 302

        summons = application.documents.get(kind=DocumentKind.SUMMONS)
        with summons.file.open("rb") as handle:
            letter = pdf_text(handle.read())
        assert day in letter and hour in letter

        office_page = client.get(
            reverse("workflows:case", kwargs={"case_id": application.public_id}), HTTP_ACCEPT_LANGUAGE="pl"
        ).content.decode()
        assert f"{day} {hour}" in office_page

        client.force_login(application.applicant)
        applicant_page = client.get(
            reverse("applications:case", kwargs={"case_id": application.public_id}), HTTP_ACCEPT_LANGUAGE="pl"
        ).content.decode()
        assert f"{day} {hour}" in applicant_page

        summons_mail = [message for message in mail.outbox if application.applicant.email in message.to]
        assert summons_mail and any(f"{day} {hour}" in message.body for message in summons_mail)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("pl", "01.12.2026 09:00"),
        ("en", "1 December 2026, 09:00"),
        ("uk", "1 грудня 2026, 09:00"),
        ("ru", "1 декабря 2026, 09:00"),
    ],
)
def test_a_time_is_written_the_way_each_language_writes_it(language, expected):
    assert format_when(datetime(2026, 12, 1, 8, 0, tzinfo=UTC), language=language) == expected


def test_the_zone_is_named_where_the_hour_matters():
    assert format_when(datetime(2026, 7, 1, 7, 0, tzinfo=UTC), "zone", language="en").endswith(
        "09:00 (Polish time, CEST)"
    )
    assert format_when(datetime(2026, 1, 1, 8, 0, tzinfo=UTC), "zone", language="en").endswith(
        "09:00 (Polish time, CET)"
    )


def test_nothing_or_nonsense_is_written_as_nothing():
    assert format_when(None) == "" and format_when("not a date") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("pl", "01.12.2026 09:00"), ("en", "1 December 2026, 09:00")],
)
def test_the_admins_history_and_audit_list_write_the_polish_time_the_readers_way(client, language, expected):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import AdministratorFactory
    from workflows.audit import audit
    from workflows.models import KnowledgeArticle

    admin = AdministratorFactory()
    article = KnowledgeArticle.objects.order_by("pk").first()
    at = datetime(2026, 12, 1, 8, 0, 5, tzinfo=UTC)  # 09:00 in Warsaw (winter)
    LogEntry.objects.create(
        action_time=at,
        user=admin,
        content_type=ContentType.objects.get_for_model(KnowledgeArticle),
        object_id=str(article.pk),
        object_repr=article.title[:200],
        action_flag=CHANGE,
        change_message="[]",
    )
    with time_machine.travel(at, tick=False):
        audit(admin, "knowledge.checked", obj=article)
    staff_login(client, admin)

    history = client.get(
        reverse("admin:workflows_knowledgearticle_history", args=[article.pk]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert f"{expected}:05" in history and "08:00" not in history
    audit_list = client.get(
        reverse("admin:workflows_auditentry_changelist"), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert expected in audit_list and "08:00" not in audit_list
