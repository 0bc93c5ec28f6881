"""The case on one screen: answers with the form's item numbers, the photo beside the personal data, attachments by
their name on the form and shown inside the page, the step's panel beside the file; who may open the inline files."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ApplicantFactory, EmployerFactory
from workflows.models import AuditEntry

from .conftest import open_task, staff_login, submit_case, submit_work_case

pytestmark = pytest.mark.django_db


def _view_url(attachment) -> str:
    return reverse("workflows:attachment-view", kwargs={"attachment_id": attachment.public_id})


def test_the_task_page_shows_numbered_answers_the_photo_and_attachments_by_their_names(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_work_case(django_capture_on_commit_callbacks)
    staff_login(client, officer)
    task = open_task(application, "formal_check")
    page = client.get(reverse("workflows:task", kwargs={"task_id": task.pk}), HTTP_ACCEPT_LANGUAGE="pl").content
    page = page.decode()
    assert "<details>" not in page  # nothing collapsed
    assert '<dt class="summary-list__key">1. Nazwisko</dt>' in page  # the item number of the official form
    assert 'class="task-panel"' in page and "Take this task" not in page.split('class="case-main"')[1]
    photo = application.attachments.get(requirement="photo")
    assert f'<img src="{_view_url(photo)}" alt="' in page  # beside the personal data
    insurance = application.attachments.get(requirement="health_insurance")
    assert '<span class="attachment-name">Ubezpieczenie zdrowotne</span>' in page
    assert ">health_insurance<" not in page and "(health_insurance," not in page
    assert f'href="{_view_url(insurance)}" data-kind="pdf"' in page
    assert 'id="annex-title"' in page
    assert "vendor/pdfjs/pdf.min.mjs" in page and "cdn" not in page.lower()


def test_an_attachment_is_shown_inline_never_run_and_its_viewing_is_audited(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    staff_login(client, officer)
    for attachment in application.attachments.all():
        response = client.get(_view_url(attachment))
        assert response.status_code == 200
        assert response["Content-Type"] == attachment.content_type
        assert response["Content-Disposition"] == "inline"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content)[:4] in (b"%PDF", b"\x89PNG", b"\xff\xd8\xff\xe0")  # PDF, PNG, JPEG
    assert AuditEntry.objects.filter(action="attachment.viewed", application=application).count() == (
        application.attachments.count()
    )


def test_only_staff_of_the_office_may_open_an_attachment_inline(
    client, django_capture_on_commit_callbacks, other_office_officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    url = _view_url(application.attachments.first())
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(application.applicant)  # even the applicant's own file: not through the office's page
    assert client.get(url).status_code == 403
    client.force_login(EmployerFactory())
    assert client.get(url).status_code == 403
    client.force_login(ApplicantFactory())
    assert client.get(url).status_code == 403
    staff_login(client, other_office_officer)
    assert client.get(url).status_code == 404


def test_the_case_page_and_the_task_page_cost_the_same_queries_with_more_attachments(
    client, django_capture_on_commit_callbacks, officer
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from applications.services import add_case_attachment
    from tests.journey.helpers import pdf_bytes
    from tests.query_counts import queries_for

    application = submit_case(django_capture_on_commit_callbacks)
    staff_login(client, officer)
    url = reverse("workflows:case", kwargs={"case_id": application.public_id})
    few, _page = queries_for(client, url)
    for n in range(3):
        add_case_attachment(
            application=application,
            upload=SimpleUploadedFile(f"extra-{n}.pdf", pdf_bytes(), content_type="application/pdf"),
        )
    many, page = queries_for(client, url)
    assert page.count('<span class="attachment-name">Supplement sent by the applicant</span>') == 3
    assert many == few


def test_the_review_checklist_has_its_question_above_the_boxes_not_floating_beside_them(
    client, django_capture_on_commit_callbacks, officer
):
    from .conftest import answer_consultations, pass_formal_check, take, take_fingerprints

    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    task = take(application, "review", officer)
    staff_login(client, officer)
    page = client.get(reverse("workflows:task", kwargs={"task_id": task.pk})).content.decode()
    fieldset = page.split('<fieldset class="field field-group">')[1].split("</fieldset>")[0]
    assert fieldset.strip().startswith("<legend>Conditions met</legend>")
    assert 'class="field field-checkbox"' not in page  # the group is not laid out as one tick box


@pytest.mark.parametrize(("language", "name"), [("pl", "Ubezpieczenie zdrowotne"), ("en", "Health insurance")])
def test_the_applicants_case_page_names_each_attachment_as_the_form_does_in_the_readers_language(
    client, django_capture_on_commit_callbacks, language, name
):
    application = submit_case(django_capture_on_commit_callbacks)
    insurance = application.attachments.get(requirement="health_insurance")
    client.force_login(application.applicant)
    page = client.get(
        reverse("applications:case", kwargs={"case_id": application.public_id}), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    assert f"<li>{name}: <a href=" in page and f">{insurance.original_name}</a>" in page  # the name, then the file
