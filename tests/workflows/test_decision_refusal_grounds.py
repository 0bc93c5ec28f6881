"""A refusal names its grounds from the Act: the officer picks them from the permit's grounds (check-boxes with the
provision and its wording), the decision cites each with its article, and the supervisor sees them before approving."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from tests.documents.helpers import pdf_text
from workflows import services
from workflows.refusal_grounds import GROUNDS_FILE, grounds_for

from .conftest import answer_consultations, pass_formal_check, staff_login, submit_case, take, take_fingerprints

pytestmark = pytest.mark.django_db


def _to_decision(application, officer):
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    services.submit_review(
        task=take(application, "review", officer), user=officer, checklist={}, notes="", proposed="refusal"
    )
    return take(application, "decide", officer)


def _url(task, name="workflows:task"):
    return reverse(name, kwargs={"task_id": task.pk})


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_every_ground_has_its_article_its_wording_and_says_where_it_was_read():
    data = json.loads(GROUNDS_FILE.read_text(encoding="utf-8"))
    for name, listed in data["lists"].items():
        for ground in listed["grounds"]:
            assert ground["article"].startswith("art. ") and ground["wording"].strip(), (name, ground["key"])
            assert ground["source"] in data["sources"], ground["key"]
            assert isinstance(ground["checked"], bool), ground["key"]
    for permit in data["permits"].values():
        for name in [*permit["lists"], *[n for names in permit.get("purposes", {}).values() for n in names]]:
            assert name in data["lists"]


def test_a_refusal_without_a_ground_is_refused_with_a_field_message_and_keeps_the_other_answers(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    staff_login(client, officer)
    form_page = client.get(_url(task)).content.decode()
    assert 'type="checkbox" name="grounds"' in form_page and "art. 100 ust. 1 pkt 4" in form_page
    with translation.override("en"):
        page = client.post(_url(task), {"kind": "refusal", "justification": "Brak stabilnego źródła dochodu."})
    assert page.status_code == 400
    form = page.context["form"]
    assert form.errors["grounds"] == ["Choose at least one ground of the refusal from the Act."]
    assert "Brak stabilnego źródła dochodu." in page.content.decode()  # the justification stays as typed
    assert not application.decisions.exists()
    with pytest.raises(ValidationError) as refused:  # the service holds the same rule
        services.decide(task=task, user=officer, kind="refusal", justification="Brak stabilnego źródła dochodu.")
    assert "grounds" in refused.value.message_dict


def test_a_refusal_with_two_grounds_prints_both_with_their_articles_in_the_draft_and_the_issued_decision(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    staff_login(client, officer)
    chosen = {"kind": "refusal", "grounds": ["art100_1_1", "art100_1_4"], "justification": "Brak środków."}
    assert client.post(_url(task), chosen).status_code == 200  # the draft to confirm first
    draft = _flat(client.get(_url(task, "workflows:task-letter-preview")).content)
    assert "art. 100 ust. 1 pkt 1" in draft and "art. 100 ust. 1 pkt 4" in draft
    assert client.post(_url(task), {"confirm": "1"}).status_code == 302
    decision = application.decisions.get()
    assert [ground["article"] for ground in decision.refusal_grounds] == [
        "art. 100 ust. 1 pkt 1",
        "art. 100 ust. 1 pkt 4",
    ]
    services.approve_decision(task=take(application, "approve", supervisor), user=supervisor, approved=True)
    with application.documents.get(kind="decision").file.open("rb") as handle:
        text = _flat(handle.read())
    # The legal basis cites the grounds with the permit's articles, and the operative part gives each with its words.
    assert "w związku z art. 100 ust. 1 pkt 1 i art. 100 ust. 1 pkt 4 ustawy z dnia 12 grudnia 2013" in text
    assert "odmówić udzielenia" in text
    assert "art. 100 ust. 1 pkt 4 – wymagają tego względy obronności lub bezpieczeństwa państwa" in text
    assert "art. 100 ust. 1 pkt 1 – cudzoziemiec nie spełnia wymogów" in text


def test_the_supervisors_approval_page_shows_the_grounds_of_the_refusal(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    services.decide(
        task=task, user=officer, kind="refusal", justification="Fałszywe zaświadczenie.", grounds=["art100_1_5a"]
    )
    approval = take(application, "approve", supervisor)
    staff_login(client, supervisor)
    page = client.get(_url(approval)).content.decode()
    assert "Grounds of the refusal" in page or "Podstawy odmowy" in page
    assert "art. 100 ust. 1 pkt 5 lit. a" in page and "nieprawdziwe dane osobowe" in page
    draft = _flat(client.get(_url(approval, "workflows:task-decision-draft")).content)
    assert "PROJEKT" in draft and "art. 100 ust. 1 pkt 5 lit. a" in draft


def test_a_ground_of_another_permit_is_refused(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    assert "art197_1_1" not in {ground.key for ground in grounds_for(application)}  # permanent residence's
    task = _to_decision(application, officer)
    with pytest.raises(ValidationError) as refused:
        services.decide(task=task, user=officer, kind="refusal", justification="—", grounds=["art197_1_1"])
    assert "grounds" in refused.value.message_dict
