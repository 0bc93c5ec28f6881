"""A decision checked before it leaves: its period against the Act and the request, a partial grant that says so and
gives reasons, its legal basis and work terms, the draft the officer and the supervisor read, and values printed as a
Polish reader expects."""

from __future__ import annotations

import re
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.documents.helpers import pdf_text, reader
from tests.factories import ApplicantFactory
from workflows import letters, services
from workflows.decisions import Period, add_months, check_grant, lawful_period, requested_period
from workflows.models import Decision, DecisionKind, Review

from .conftest import (
    answer_consultations,
    open_nodes,
    open_task,
    pass_formal_check,
    staff_login,
    submit_case,
    submit_work_case,
    take,
    take_fingerprints,
)

TODAY = date(2026, 12, 1)


def _paper_case(*, purpose="work", asked=(date(2027, 1, 15), date(2031, 12, 31)), slug="temporary-residence"):
    """What `check_grant` reads of a case (the permit, the purpose, the period asked), without a database."""
    answers = {
        "purpose": {"purpose_of_stay": purpose, "period_from": asked[0].isoformat(), "period_to": asked[1].isoformat()}
    }
    return SimpleNamespace(definition=SimpleNamespace(slug=slug), answers=answers, draft=None)


def _errors(application, start, end, justification="Uzasadnienie.", on=TODAY) -> dict[str, list[str]]:
    try:
        with translation.override("en"):
            check_grant(application, valid_from=start, valid_to=end, justification=justification, on=on)
    except ValidationError as error:
        return error.message_dict
    return {}


# --- The period against the law and the request ---------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(start_in=st.integers(0, 400), days=st.integers(1, 2200))
def test_a_temporary_permit_lasts_at_most_three_years_from_its_first_day(start_in, days):
    case = _paper_case(asked=(TODAY, TODAY + timedelta(days=3000)))
    start = TODAY + timedelta(days=start_in)
    end = start + timedelta(days=days)
    too_long = end > add_months(start, 36)
    messages = _errors(case, start, end).get("valid_to", [])
    assert any("at most 3 years" in message for message in messages) == too_long


@settings(max_examples=40, deadline=None)
@given(days=st.integers(1, 400))
def test_a_short_stay_is_granted_for_at_most_six_months(days):
    case = _paper_case(purpose="short_stay", asked=(TODAY, TODAY + timedelta(days=1000)))
    messages = _errors(case, TODAY, TODAY + timedelta(days=days)).get("valid_to", [])
    assert any("at most 6 months" in m for m in messages) == (TODAY + timedelta(days=days) > add_months(TODAY, 6))


@settings(max_examples=40, deadline=None)
@given(early=st.integers(1, 365))
def test_a_permit_never_starts_before_the_day_of_the_decision(early):
    case = _paper_case(asked=(TODAY - timedelta(days=400), TODAY + timedelta(days=300)))
    messages = _errors(case, TODAY - timedelta(days=early), TODAY + timedelta(days=300))
    assert "cannot start before the day of the decision (1 December 2026)" in " ".join(messages["valid_from"])


def test_a_grant_cannot_go_beyond_the_period_asked_for():
    case = _paper_case(asked=(date(2027, 1, 15), date(2028, 12, 31)))
    messages = _errors(case, date(2027, 1, 15), date(2029, 6, 30))
    assert any("grant cannot go beyond the request" in m for m in messages["valid_to"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(0, 300), late=st.integers(0, 30))
def test_fully_grants_is_computed_from_the_request_never_typed(cut, late):
    asked = (date(2027, 1, 15), date(2028, 12, 31))
    case = _paper_case(asked=asked)
    start, end = asked[0] + timedelta(days=late), asked[1] - timedelta(days=cut)
    full = check_grant(case, valid_from=start, valid_to=end, justification="Powody.", on=TODAY).fully_grants
    assert full == (cut == 0 and late == 0)
    if not full:  # a partial grant without reasons is refused on the reasons' field
        assert "partial grant" in " ".join(_errors(case, start, end, justification="  ")["justification"])


def test_a_request_whose_first_day_has_passed_is_granted_in_full_from_the_day_of_the_decision():
    case = _paper_case(asked=(date(2026, 1, 1), date(2028, 12, 31)))
    assert check_grant(case, valid_from=TODAY, valid_to=date(2028, 12, 31), justification="", on=TODAY).fully_grants
    assert lawful_period(case, on=TODAY) == Period(TODAY, date(2028, 12, 31))


# --- Through the officer's page and the service -----------------------------------------------------------------


def _to_decision(application, officer, proposed="grant"):
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    answer_consultations(application, officer)
    services.submit_review(
        task=take(application, "review", officer), user=officer, checklist={}, notes="", proposed=proposed
    )
    return take(application, "decide", officer)


def _task_url(task, name="workflows:task"):
    return reverse(name, kwargs={"task_id": task.pk})


@pytest.mark.django_db
def test_a_grant_for_five_years_is_refused_with_a_field_message(client, django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    staff_login(client, officer)
    data = {"kind": "grant", "valid_from": "2027-01-15", "valid_to": "2031-12-31", "justification": "Moje powody."}
    page = client.post(_task_url(task), data)
    body = page.content.decode()
    assert page.status_code == 400
    assert "at most 3 years" in body and "15 January 2030" in body  # the last day possible, in the officer's language
    assert "Moje powody." in body and 'value="2027-01-15"' in body  # the other answers stay
    assert not Decision.objects.filter(application=application).exists()
    with pytest.raises(ValidationError) as raised:
        services.decide(
            task=task, user=officer, kind="grant", valid_from=date(2027, 1, 15), valid_to=date(2031, 12, 31)
        )
    assert "valid_to" in raised.value.message_dict


@pytest.mark.django_db
def test_the_officer_form_offers_the_longest_lawful_period(client, django_capture_on_commit_callbacks, officer):
    application = submit_work_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    staff_login(client, officer)
    page = client.get(_task_url(task)).content.decode()
    today = timezone.localdate().isoformat()
    assert f'value="{today}"' in page and 'value="2027-12-31"' in page  # the annex's last day of work


@pytest.mark.django_db
def test_a_work_permit_cannot_outlast_the_work_in_the_employer_annex(django_capture_on_commit_callbacks, officer):
    application = submit_work_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    with pytest.raises(ValidationError) as raised:
        services.decide(
            task=task,
            user=officer,
            kind="grant",
            valid_from=timezone.localdate(),
            valid_to=date(2028, 12, 31),
            justification="x",
        )
    assert "employer's annex" in " ".join(raised.value.message_dict["valid_to"])


@pytest.mark.django_db
def test_a_partial_grant_says_so_gives_reasons_and_goes_to_the_supervisor(
    django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    start, end = timezone.localdate(), date(2027, 12, 31)
    with pytest.raises(ValidationError) as raised:
        services.decide(task=task, user=officer, kind="grant", valid_from=start, valid_to=end)
    assert "partial grant" in " ".join(raised.value.message_dict["justification"])
    reasons = "Umowa najmu lokalu obowiązuje do 31.12.2027."
    decision = services.decide(
        task=task, user=officer, kind="grant", valid_from=start, valid_to=end, justification=reasons
    )
    assert decision.fully_grants is False and decision.needs_approval
    text = pdf_text(letters.preview(application, letters.decision_letter(application, decision)))
    flat = " ".join(text.split())
    assert "odmówić udzielenia zezwolenia w pozostałym zakresie" in flat
    assert "od dnia 01.01.2028 r. do dnia 31.12.2028 r." in flat and reasons in flat
    assert "jedynie w części" in flat and "uwzględnia w całości" not in flat
    yesterday = (start - timedelta(days=1)).strftime("%d.%m.%Y")
    assert f"do dnia {yesterday} r." not in flat  # the days already past are not refused: no permit is for the past
    assert open_nodes(application) == {"approve"}


@pytest.mark.django_db
def test_a_full_grant_says_it_grants_the_request_in_full(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide(
            task=task, user=officer, kind="grant", valid_from=timezone.localdate(), valid_to=date(2028, 12, 31)
        )
    assert decision.fully_grants and not decision.needs_approval
    document = application.documents.get(kind="decision")
    with document.file.open("rb") as handle:
        flat = " ".join(pdf_text(handle.read()).split())
    assert "uwzględnia w całości żądanie strony" in flat and "pozostałym zakresie" not in flat
    assert "art. 98 ust. 1" in flat and "art. 114 ust. 1" in flat  # the permit's and the purpose's articles
    assert "w celu: wykonywanie pracy" in flat


@pytest.mark.django_db
def test_the_residence_and_work_decision_states_the_employer_position_pay_and_working_time(
    django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_work_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    services.decide(
        task=task,
        user=officer,
        kind="grant",
        valid_from=timezone.localdate(),
        valid_to=date(2027, 12, 31),
        justification="Okres pracy w załączniku nr 1 kończy się 31.12.2027.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_decision(task=take(application, "approve", supervisor), user=supervisor, approved=True)
    document = application.documents.get(kind="decision")
    with document.file.open("rb") as handle:
        flat = " ".join(pdf_text(handle.read()).split())
    assert "Podmiot powierzający wykonywanie pracy Budex sp. z o.o., Prosta 1, 00-850 Warszawa" in flat
    assert "Stanowisko Murarz" in flat
    assert "Najniższe wynagrodzenie 6 000,00 zł brutto miesięcznie" in flat
    assert "Wymiar czasu pracy pełny etat, 40 godz. tygodniowo" in flat
    assert "art. 98 ust. 1 i art. 114 ust. 1 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach" in flat


# --- The draft, the supervisor, and the way back ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_supervisor_reads_the_same_draft_watermarked_and_unsealed(
    client, django_capture_on_commit_callbacks, officer, supervisor, other_office_officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    services.decide(
        task=task, user=officer, kind="refusal", justification="Brak stabilnego źródła dochodu.", grounds=["art100_1_1"]
    )
    approval = take(application, "approve", supervisor)
    staff_login(client, supervisor)
    page = client.get(_task_url(approval)).content.decode()
    url = _task_url(approval, "workflows:task-decision-draft")
    assert url in page
    draft = client.get(url)
    assert draft.status_code == 200 and draft["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(draft.content).split())
    assert "PROJEKT" in text and "odmówić udzielenia" in text and "Brak stabilnego źródła dochodu." in text
    assert "/ByteRange" not in draft.content.decode("latin-1") and not reader(draft.content).get_fields()
    assert not application.documents.filter(kind="decision").exists()  # nothing issued yet
    staff_login(client, other_office_officer)
    assert client.get(url).status_code == 404
    client.force_login(ApplicantFactory())
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_a_refused_approval_goes_back_to_the_officer_with_the_supervisors_reason(
    client, django_capture_on_commit_callbacks, officer, supervisor
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    services.decide(
        task=task, user=officer, kind="refusal", justification="Wątpliwości co do celu pobytu.", grounds=["art100_1_1"]
    )
    approval = take(application, "approve", supervisor)
    staff_login(client, supervisor)
    without_reason = client.post(_task_url(approval), {"approved": "no", "note": ""})
    assert without_reason.status_code == 400 and "Say why you return the decision" in without_reason.content.decode()
    with pytest.raises(ValidationError):
        services.approve_decision(task=approval, user=supervisor, approved=False, note=" ")
    reason = "Umowa o pracę potwierdza cel pobytu: proszę rozważyć udzielenie zezwolenia."
    assert client.post(_task_url(approval), {"approved": "no", "note": reason}).status_code == 302
    again = open_task(application, "redecide")
    assert again.owner == officer
    staff_login(client, officer)
    page = client.get(_task_url(again)).content.decode()
    assert reason in page and "returned your decision" in page
    assert Decision.objects.filter(application=application).first().approved is False


# --- Values as a Polish reader expects ------------------------------------------------------------------------------

PYTHON_VALUES = re.compile(r"\[\s*'|'\s*\]|\bTrue\b|\bFalse\b|\bNone\b|\d{4}-\d{2}-\d{2}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug", ["temporary-residence", "temporary-residence-work", "permanent-residence", "eu-long-term-resident"]
)
def test_no_python_value_in_any_decision_pdf_for_the_sample_applications(
    django_capture_on_commit_callbacks, officer, slug
):
    application = submit_case(django_capture_on_commit_callbacks, slug=slug)
    review = Review.objects.create(application=application, proposed="grant", proposed_by=officer)
    period = lawful_period(application, on=timezone.localdate())
    for kind in (DecisionKind.GRANT, DecisionKind.REFUSAL):
        grant = kind == DecisionKind.GRANT
        decision = Decision(
            application=application,
            review=review,
            kind=kind,
            decided_by=officer,
            valid_from=(period.start or timezone.localdate()) if grant else None,
            valid_to=(period.end or timezone.localdate() + timedelta(days=365)) if grant else None,
            justification="" if grant and period.end == requested_period(application).end else "Uzasadnienie.",
            fully_grants=(period.end == requested_period(application).end) if grant else None,
        )
        text = " ".join(pdf_text(letters.preview(application, letters.decision_letter(application, decision))).split())
        assert not PYTHON_VALUES.search(text), PYTHON_VALUES.search(text).group(0)
        assert "Obywatelstwo Ukraina" in text and "UKR" not in text
        assert "17.05.1990 r." in text  # the date of birth as 15.01.2027 is written
        assert "ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach" in text
        # Only a refusal tells the foreigner of the 30 days to leave once it is final (art. 299 ust. 6 pkt 1).
        assert ("opuścić terytorium Rzeczypospolitej Polskiej w terminie 30 dni" in text) is (not grant)


@pytest.mark.django_db
def test_the_officer_reads_the_decision_as_a_draft_and_it_is_made_only_when_confirmed(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    task = _to_decision(application, officer)
    staff_login(client, officer)
    data = {"kind": "grant", "valid_from": timezone.localdate().isoformat(), "valid_to": "2028-12-31"}
    page = client.post(_task_url(task), data)
    assert page.status_code == 200 and "Send the letter" in page.content.decode()
    assert not Decision.objects.filter(application=application).exists()
    draft = client.get(_task_url(task, "workflows:task-letter-preview")).content
    flat = " ".join(pdf_text(draft).split())
    assert "PROJEKT" in flat and "uwzględnia w całości żądanie strony" in flat and "Obywatelstwo Ukraina" in flat
    assert "/ByteRange" not in draft.decode("latin-1")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_task_url(task), {"confirm": "1"}).status_code == 302
    decision = Decision.objects.get(application=application)
    assert decision.fully_grants is True and decision.issued_at is not None
