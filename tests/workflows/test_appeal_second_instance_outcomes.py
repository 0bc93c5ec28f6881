"""The Head of the Office for Foreigners overturns the decision and discontinues the first-instance proceedings
(art. 138 § 1 pkt 2 k.p.a.): the case ends discontinued and the applicant reads it; or overturns it and refuses, and
the new decision names its grounds from the Act as the first one must."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from applications.case_models import ApplicationStatus, DocumentKind
from applications.public_status import lookup
from applications.services import access_code
from tests.documents.helpers import pdf_text
from tests.factories import SecondInstanceFactory
from workflows import appeals, services
from workflows.models import Appeal, Finality

from .conftest import (
    answer_consultations,
    open_nodes,
    open_task,
    pass_formal_check,
    review_and_decide,
    staff_login,
    submit_case,
    take,
    take_fingerprints,
)

pytestmark = pytest.mark.django_db


def forwarded_refusal(django_capture_on_commit_callbacks, officer, supervisor):
    """A refusal approved, delivered, appealed, and sent on by the voivode to the Head of the Office."""
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    review_and_decide(application, officer, proposed="refusal", kind="refusal", justification="Brak środków.")
    services.approve_decision(task=take(application, "approve", supervisor), user=supervisor, approved=True)
    appeals.file_appeal(application=application, user=application.applicant, text="Odwołuję się.", uploads=[])
    appeals.review_appeal(task=take(application, "appeal_review", officer), user=officer, grant=False)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPEAL_AT_SECOND_INSTANCE
    return application


def _letter_text(application) -> str:
    with application.documents.get(kind=DocumentKind.SECOND_INSTANCE_DECISION).file.open("rb") as handle:
        return " ".join(pdf_text(handle.read()).split())


def test_overturned_and_the_first_instance_discontinued_the_case_ends_discontinued_and_the_applicant_reads_it(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    application = forwarded_refusal(django_capture_on_commit_callbacks, officer, supervisor)
    head_of_office = SecondInstanceFactory()
    task = appeals.claim_appeal(task=open_task(application, "second_instance"), user=head_of_office)
    appeals.decide_appeal(
        task=task,
        user=head_of_office,
        outcome=Appeal.Outcome.OVERTURNED_DISCONTINUED,
        justification="Cudzoziemiec uzyskał w toku postępowania zezwolenie na pobyt stały: sprawa stała się "
        "bezprzedmiotowa (art. 105 § 1 k.p.a.).",
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DISCONTINUED
    assert not open_nodes(application)  # the case's process has ended
    assert application.process.finished is not None
    assert not Finality.objects.filter(application=application).exists()  # no permit granted or refused
    text = _letter_text(application)
    assert "uchylić zaskarżoną decyzję w całości i umorzyć postępowanie pierwszej instancji" in text
    assert "art. 138 § 1 pkt 2 k.p.a." in text and "umorzyć postępowanie odwoławcze" not in text
    assert "obowiązany opuścić terytorium" not in text  # no refusal is left standing

    day = application.appeals.get().decided_at
    from workflows.deadlines import polish_day

    with translation.override("en"):
        expected = (
            "The Head of the Office for Foreigners overturned the decision and discontinued the proceedings on "
            f"{polish_day(day).day} {polish_day(day):%B %Y}."
        )
        assert lookup(application.case_number, access_code(application)).stage == expected
        client.force_login(application.applicant)
        page = client.get(
            reverse("applications:case", kwargs={"case_id": application.public_id}), HTTP_ACCEPT_LANGUAGE="en"
        )
    body = page.content.decode()
    assert page.status_code == 200
    assert body.count(expected) >= 2  # the status and the timeline entry


def test_the_appeal_proceedings_discontinued_keep_their_own_reading(
    django_capture_on_commit_callbacks, officer, supervisor
):
    application = forwarded_refusal(django_capture_on_commit_callbacks, officer, supervisor)
    head_of_office = SecondInstanceFactory()
    task = appeals.claim_appeal(task=open_task(application, "second_instance"), user=head_of_office)
    appeals.decide_appeal(
        task=task, user=head_of_office, outcome=Appeal.Outcome.DISCONTINUED, justification="Odwołanie cofnięto."
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_FINAL  # the refusal stands
    assert "umorzyć postępowanie odwoławcze (art. 138 § 1 pkt 3 k.p.a.)" in _letter_text(application)
    assert str(Appeal.Outcome.DISCONTINUED.label).startswith("Discontinues the appeal proceedings")


def test_overturned_and_refused_the_new_decision_needs_and_prints_its_grounds(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    application = forwarded_refusal(django_capture_on_commit_callbacks, officer, supervisor)
    head_of_office = SecondInstanceFactory()
    task = open_task(application, "second_instance")
    staff_login(client, head_of_office)
    url = reverse("workflows:second-instance-task", kwargs={"task_id": task.pk})
    assert client.post(url, {"claim": "1"}).status_code == 302
    assert "art. 100 ust. 1 pkt 6" in client.get(url).content.decode()
    answers = {"outcome": "overturned", "kind": "refusal", "justification": "Zaległości podatkowe."}
    with translation.override("en"):
        page = client.post(url, answers, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 400
    assert page.context["form"].errors["grounds"] == ["Choose at least one ground of the refusal from the Act."]
    assert "Zaległości podatkowe." in page.content.decode()
    draft = client.post(url, {**answers, "grounds": ["art100_1_6", "art100_1_7"]})
    assert draft.status_code == 200 and "Send the letter" in draft.content.decode()  # read as a draft first
    preview = client.get(reverse("workflows:second-instance-decision-draft", kwargs={"task_id": task.pk}))
    assert "art. 100 ust. 1 pkt 6" in pdf_text(preview.content)
    assert client.post(url, {"confirm": "1"}).status_code == 302
    text = _letter_text(application)
    assert "odmówić udzielenia" in text
    assert "art. 100 ust. 1 pkt 6 – cudzoziemiec zalega z uiszczeniem podatków" in text
    assert "art. 100 ust. 1 pkt 7 – cudzoziemiec nie zwrócił kosztów" in text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_FINAL
