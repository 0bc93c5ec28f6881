"""The other endings (issues 14, 15, 17): one letter for several calls, the call to pay and the return of the
application, the refusal to initiate, the consul, suspension and resumption, 3 years suspended, the art. 36 task and
the receipt of a supplement. Real Viewflow timers fired by the dispatcher, with time_machine."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from viewflow.workflow.status import PROCESS
from viewflow.workflow.timers import fire_due_timers

from applications.case_models import ApplicationStatus, DocumentKind
from documents.models import LapseReason
from tests.journey.helpers import pdf_bytes
from workflows import endings, services
from workflows.clock import clock_of
from workflows.deadlines import next_working_day
from workflows.delivery import deadline_from, record_opening
from workflows.models import CaseProcess, Consultation, Delivery, PaymentRequest, SupplementRequest
from workflows.supplements import answer_supplement

from .conftest import open_nodes, open_task, pass_formal_check, submit_case, take, take_fingerprints

pytestmark = pytest.mark.django_db


def unpaid_with_defects(django_capture_on_commit_callbacks, officer, *, pay_days=7, deadline_days=14):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer),
        user=officer,
        complete=False,
        defects=["Brak zdjęcia"],
        deadline_days=deadline_days,
        stamp_duty_paid=False,
        pay_days=pay_days,
    )
    return application


def test_a_combined_letter_gives_each_call_its_own_deadline_from_the_one_delivery(
    django_capture_on_commit_callbacks, officer
):
    application = unpaid_with_defects(django_capture_on_commit_callbacks, officer)
    letter = application.documents.get(kind=DocumentKind.COMBINED_CALL)
    assert not application.documents.filter(kind__in=[DocumentKind.CALL_TO_PAY, DocumentKind.CALL_TO_SUPPLEMENT])
    payment = PaymentRequest.objects.get(application=application)
    supplement = SupplementRequest.objects.get(application=application)
    assert payment.delivery == supplement.delivery == letter.delivery
    assert payment.amount == endings.stamp_duty_for(application) == Decimal("440")  # the sample asks for work
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        record_opening(document=letter, user=application.applicant)
    payment.refresh_from_db()
    supplement.refresh_from_db()
    assert payment.deadline == deadline_from(payment.delivery, 7)
    assert supplement.deadline == deadline_from(supplement.delivery, 14)
    assert supplement.deadline > payment.deadline
    assert open_nodes(application) == {"payment", "payment__timeout"}


def test_a_call_to_pay_outside_seven_to_fourteen_days_gets_a_field_message(django_capture_on_commit_callbacks, officer):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        unpaid_with_defects(django_capture_on_commit_callbacks, officer, pay_days=21)
    assert "pay_days" in error.value.message_dict


def test_a_call_to_pay_that_expires_unpaid_returns_the_application(django_capture_on_commit_callbacks, officer):
    application = unpaid_with_defects(django_capture_on_commit_callbacks, officer)
    deadline = PaymentRequest.objects.get(application=application).deadline
    with time_machine.travel(deadline - timedelta(minutes=1)):
        assert fire_due_timers() == 0
    with time_machine.travel(deadline + timedelta(minutes=1)):
        assert fire_due_timers() == 1
    application.refresh_from_db()
    assert application.status == ApplicationStatus.RETURNED
    assert application.documents.filter(kind=DocumentKind.RETURN_NOTICE).count() == 1
    assert not application.documents.filter(kind=DocumentKind.DECISION).exists()
    assert CaseProcess.objects.get(application=application).status == PROCESS.DONE


def test_a_recorded_payment_lets_the_case_go_on_to_the_supplement(django_capture_on_commit_callbacks, officer):
    application = unpaid_with_defects(django_capture_on_commit_callbacks, officer)
    endings.record_payment(task=take(application, "payment", officer), user=officer)
    assert "supplement" in open_nodes(application)
    assert application.documents.filter(kind=DocumentKind.CALL_TO_SUPPLEMENT).count() == 0  # it went out combined


def test_the_supplement_of_a_combined_letter_can_be_given_before_the_office_records_the_payment(
    django_capture_on_commit_callbacks, officer
):
    """The supplement's days run from the combined letter's delivery, so the applicant need not wait for the officer
    to record the payment: the answer is taken at once, and the payment step leads straight to the formal check."""
    from applications.case_models import CaseEvent

    application = unpaid_with_defects(django_capture_on_commit_callbacks, officer)
    call = application.events.get(kind=CaseEvent.Kind.CALL_TO_SUPPLEMENT)  # on the case page with the letter
    assert call.action_url == reverse("workflows:supplement", kwargs={"case_id": application.public_id})
    page = _client_of(application).get(call.action_url)
    assert page.status_code == 200 and page.context["is_open"]

    answer_supplement(
        application=application,
        applicant=application.applicant,
        message="Przesyłam zdjęcie.",
        uploads=[SimpleUploadedFile("zdjecie.pdf", pdf_bytes(), content_type="application/pdf")],
    )
    assert SupplementRequest.objects.get(application=application).answered_at is not None
    assert application.documents.filter(kind=DocumentKind.SUPPLEMENT_RECEIPT).count() == 1
    assert open_nodes(application) == {"payment", "payment__timeout"}  # the payment is still the officer's

    endings.record_payment(task=take(application, "payment", officer), user=officer)
    assert "formal_check_again" in open_nodes(application) and "supplement" not in open_nodes(application)
    assert application.events.filter(kind=CaseEvent.Kind.CALL_TO_SUPPLEMENT).count() == 1  # announced once


def _client_of(application):
    from django.test import Client

    client = Client()
    client.force_login(application.applicant)
    return client


def test_an_application_that_cannot_start_a_case_gets_the_refusal_to_initiate(
    django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer),
        user=officer,
        complete=True,
        refuse_to_initiate="Wniosek złożono do niewłaściwego organu w sprawie już rozstrzygniętej.",
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED_TO_INITIATE
    assert application.documents.filter(kind=DocumentKind.REFUSAL_TO_INITIATE).count() == 1
    assert CaseProcess.objects.get(application=application).status == PROCESS.DONE


def test_the_consul_is_consulted_when_the_officer_decides_and_extended_to_sixty_days_only_with_a_reason(
    django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=True, ask_consul=True
    )
    take_fingerprints(application, officer)
    assert "consult_consul" in open_nodes(application)
    task = take(application, "consult_consul", officer)
    with pytest.raises(services.WorkflowError):
        services.extend_consultation(task=task, user=officer, reason="  ")
    consultation = services.extend_consultation(task=task, user=officer, reason="Konsul sprawdza dokumenty")
    assert consultation.agency == "consul"
    assert (consultation.deadline - consultation.asked_at).days >= 59


def test_without_the_officers_decision_the_consul_is_not_consulted(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    take_fingerprints(application, officer)
    assert not Consultation.objects.filter(application=application, agency="consul").exists()


def suspend(application, officer):
    endings.request_suspension(application=application, applicant=application.applicant, reason="Wyjazd")
    assert fire_due_timers() >= 1  # the watch fires at once: the officer's task
    endings.decide_suspension(task=take(application, "decide_suspension", officer), user=officer, suspend=True)


def test_suspension_and_resumption_move_the_decision_date_by_the_suspended_days(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=True, within_legal_stay=True
    )
    due_before = clock_of(application).due_on
    suspend(application, officer)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUSPENDED
    assert clock_of(application).due_on is None and clock_of(application).suspended_since is not None
    certificate = application.documents.get(kind=DocumentKind.LEGAL_STAY_CERTIFICATE)
    assert certificate.lapse_reason == LapseReason.SUSPENDED_AT_REQUEST
    page = client.get(
        reverse("documents:verify"), {"case": application.case_number, "document": str(certificate.public_id)}
    ).content.decode()
    assert "suspended" in page or "zawieszon" in page
    with time_machine.travel(timezone.now() + timedelta(days=20)):
        endings.request_resumption(application=application, applicant=application.applicant)
        application.refresh_from_db()
        assert application.status == ApplicationStatus.IN_PROGRESS
        clock = clock_of(application)
    assert clock.excluded_days == 20
    # 60 days from the start plus the 20 suspended, moved past a weekend or holiday (art. 57 § 4 k.p.a.)
    assert clock.due_on == next_working_day(clock.starts_on + timedelta(days=60 + 20)) > due_before
    assert application.documents.filter(kind=DocumentKind.RESUMPTION).count() == 1


def test_three_years_suspended_discontinues_the_proceedings(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    suspend(application, officer)
    with time_machine.travel(timezone.now() + timedelta(days=3 * 365 - 2)):
        fire_due_timers()
        application.refresh_from_db()
        assert application.status == ApplicationStatus.SUSPENDED
    with time_machine.travel(timezone.now() + timedelta(days=3 * 365 + 2)):
        fire_due_timers()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DISCONTINUED
    assert application.documents.filter(kind=DocumentKind.DISCONTINUANCE).count() == 1
    assert CaseProcess.objects.get(application=application).status == PROCESS.DONE


def test_the_art_36_task_appears_fourteen_days_before_the_due_date_and_sends_the_notice(
    django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    due = clock_of(application).due_on
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        fire_due_timers()
    assert "delay_notice" not in open_nodes(application)
    later = timezone.now() + timedelta(days=(due - timezone.localdate()).days - 13)
    with time_machine.travel(later):
        fire_due_timers()
        assert "delay_notice" in open_nodes(application)
        endings.send_delay_notice_from_task(
            task=take(application, "delay_notice", officer),
            user=officer,
            new_date=due + timedelta(days=30),
            reason="Oczekiwanie na opinię Straży Granicznej",
        )
    assert clock_of(application).due_on == due + timedelta(days=30)
    assert application.documents.filter(kind=DocumentKind.DELAY_NOTICE).count() == 1
    assert "delay_notice" not in open_nodes(application)
    assert "watch_case" in open_nodes(application, with_watch=True)


def test_when_the_notified_date_passes_undecided_the_watch_gives_the_art_36_task_again_and_then_waits(
    django_capture_on_commit_callbacks, officer
):
    """Art. 36 § 1 k.p.a.: every time the case is not decided in time. After the new date passes, the watch gives the
    task again (and does not spin: firing the timers again adds no task while it waits for the officer)."""
    from viewflow.workflow.models import Task

    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    due = clock_of(application).due_on
    with time_machine.travel(timezone.now() + timedelta(days=(due - timezone.localdate()).days - 13)):
        fire_due_timers()
        endings.send_delay_notice_from_task(
            task=take(application, "delay_notice", officer),
            user=officer,
            new_date=due + timedelta(days=30),
            reason="Oczekiwanie na opinię Straży Granicznej",
        )
    new_date = clock_of(application).due_on
    with time_machine.travel(timezone.now() + timedelta(days=(new_date - timezone.localdate()).days - 5)):
        fire_due_timers()
        assert "delay_notice" not in open_nodes(application)  # the notice named this date: no task before it
    with time_machine.travel(timezone.now() + timedelta(days=(new_date - timezone.localdate()).days + 2)):
        fire_due_timers()
        assert "delay_notice" in open_nodes(application)
        tasks = Task.objects.filter(process__caseprocess__application=application).count()
        fire_due_timers()
        fire_due_timers()
        assert Task.objects.filter(process__caseprocess__application=application).count() == tasks


def test_a_supplement_gets_its_own_receipt(django_capture_on_commit_callbacks, officer):
    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=False, defects=["Brak zdjęcia"]
    )
    upload = SimpleUploadedFile("zdjecie.pdf", pdf_bytes(), content_type="application/pdf")
    answer_supplement(
        application=application, applicant=application.applicant, message="W załączeniu", uploads=[upload]
    )
    receipt = application.documents.get(kind=DocumentKind.SUPPLEMENT_RECEIPT)
    assert receipt.signed and receipt.sha256
    assert open_task(application, "formal_check_again")


def test_the_officer_previews_the_combined_letter_before_it_leaves_and_a_short_period_gets_a_field_message(
    client, django_capture_on_commit_callbacks, officer
):
    from tests.documents.helpers import pdf_text

    from .conftest import staff_login

    application = submit_case(django_capture_on_commit_callbacks)
    task = take(application, "formal_check", officer)
    staff_login(client, officer)
    url = reverse("workflows:task", kwargs={"task_id": task.pk})
    data = {"complete": "no", "defects": "Brak zdjęcia", "stamp_duty_paid": "no", "pay_days": "5"}
    refused = client.post(url, data)
    assert refused.status_code == 400 and "no less than 7 days" in refused.content.decode()
    page = client.post(url, {**data, "pay_days": "7"})
    assert page.status_code == 200 and "Send the letter" in page.content.decode()
    draft = client.get(reverse("workflows:task-letter-preview", kwargs={"task_id": task.pk}))
    text = pdf_text(draft.content)
    assert "PROJEKT" in text and "Brak zdjęcia" in text and "440" in text and "7 dni" in text and "14 dni" in text
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "1"}).status_code == 302
    assert application.documents.filter(kind=DocumentKind.COMBINED_CALL).count() == 1


def test_the_applicant_asks_to_suspend_and_to_resume_from_the_case_page(
    client, django_capture_on_commit_callbacks, officer
):
    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    client.force_login(application.applicant)
    case_page = reverse("applications:case", kwargs={"case_id": application.public_id})
    assert "Ask to suspend the proceedings" in client.get(case_page).content.decode()
    client.post(reverse("workflows:suspend", kwargs={"case_id": application.public_id}), {"reason": "Wyjazd"})
    fire_due_timers()
    endings.decide_suspension(task=take(application, "decide_suspension", officer), user=officer, suspend=True)
    page = client.get(case_page).content.decode()
    assert "The proceedings are suspended at your request" in page and "Ask to resume the proceedings" in page
    client.post(reverse("workflows:resume", kwargs={"case_id": application.public_id}))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_PROGRESS
    assert "review" not in open_nodes(application) and "book_appointment" in open_nodes(application)


def _sealed_text(document) -> str:
    from tests.documents.helpers import pdf_text

    with document.file.open("rb") as handle:
        return pdf_text(handle.read())


def test_a_refused_suspension_sends_the_order_with_the_reason_and_the_way_to_challenge_it(
    client, django_capture_on_commit_callbacks, officer
):
    """Art. 98 § 1 k.p.a.: refusing to suspend is an order (postanowienie) with its reason, delivered to the party,
    against which a zażalenie lies within 7 days of delivery (art. 101 § 3, art. 141 § 2); the case goes on."""
    from applications.case_models import CaseEvent
    from applications.services import access_code

    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=True, within_legal_stay=True
    )
    due_before = clock_of(application).due_on
    endings.request_suspension(application=application, applicant=application.applicant, reason="Wyjazd")
    assert fire_due_timers() >= 1
    reason = "Zawieszenie zagraża interesowi społecznemu: cudzoziemiec przebywa w Polsce bez innego tytułu."
    endings.decide_suspension(
        task=take(application, "decide_suspension", officer), user=officer, suspend=False, reason=reason
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_PROGRESS  # not suspended: the case goes on
    assert clock_of(application).due_on == due_before
    certificate = application.documents.get(kind=DocumentKind.LEGAL_STAY_CERTIFICATE)
    assert certificate.lapse_reason == ""
    order = application.documents.get(kind=DocumentKind.SUSPENSION_REFUSED)
    assert order.signed and Delivery.objects.filter(document=order).exists()  # delivered: the 7 days run from it
    text = " ".join(_sealed_text(order).split())
    assert "POSTANOWIENIE" in text and "odmawia zawieszenia postępowania" in text and "art. 98 § 1" in text
    assert reason in text
    # Art. 101 § 3 k.p.a. gives a zażalenie against a suspension and a refusal to resume, not a refusal to suspend
    # (the settled reading since 2010): the order says so and points to the appeal against the decision (art. 142).
    assert "zażalenie nie służy" in text and "art. 101 § 3" in text and "art. 142 k.p.a." in text
    assert "w terminie 7 dni" not in text
    assert not application.documents.filter(kind=DocumentKind.SUSPENSION).exists()
    event = application.events.get(kind=CaseEvent.Kind.SUSPENSION_REFUSED)
    assert event.data == {"refused_on": timezone.localdate().isoformat()}
    assert "watch_case" in open_nodes(application, with_watch=True)  # the watch goes on as before

    client.force_login(application.applicant)
    page = client.get(reverse("applications:case", kwargs={"case_id": application.public_id})).content.decode()
    assert "the office refused to suspend the proceedings, and they go on" in page
    assert "in an appeal against the decision in your case" in page and reason not in page  # the reason: the order
    assert "Order refusing to suspend the proceedings" in page
    assert "Ask to suspend the proceedings" in page  # the applicant may ask again
    client.logout()
    status = client.post(
        reverse("applications:status"),
        {"case_number": application.case_number, "access_code": access_code(application)},
    ).content.decode()
    assert "Being examined" in status


def test_the_officer_reads_the_refusal_to_suspend_as_a_draft_before_it_leaves(
    client, django_capture_on_commit_callbacks, officer
):
    from tests.documents.helpers import pdf_text

    from .conftest import staff_login

    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    endings.request_suspension(application=application, applicant=application.applicant, reason="Wyjazd")
    fire_due_timers()
    task = take(application, "decide_suspension", officer)
    staff_login(client, officer)
    url = reverse("workflows:task", kwargs={"task_id": task.pk})
    refused = client.post(url, {"suspend": "no", "reason": " "})
    assert refused.status_code == 400
    assert refused.context["form"].errors["reason"] == ["Say why the proceedings are not suspended."]
    page = client.post(url, {"suspend": "no", "reason": "Sprawa jest gotowa do rozstrzygnięcia."})
    assert page.status_code == 200 and "Send the letter" in page.content.decode()
    draft = client.get(reverse("workflows:task-letter-preview", kwargs={"task_id": task.pk}))
    text = " ".join(pdf_text(draft.content).split())
    assert "PROJEKT" in text and "odmowie zawieszenia" in text and "Sprawa jest gotowa do rozstrzygnięcia." in text
    assert not application.documents.filter(kind=DocumentKind.SUSPENSION_REFUSED).exists()  # nothing sent yet
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"confirm": "1"}).status_code == 302
    order = application.documents.get(kind=DocumentKind.SUSPENSION_REFUSED)
    assert "PROJEKT" not in _sealed_text(order)
    assert "Sprawa jest gotowa do rozstrzygnięcia." in " ".join(_sealed_text(order).split())


def test_a_call_does_not_expire_while_suspended_and_runs_on_for_the_days_left_after_resumption(
    django_capture_on_commit_callbacks, officer
):
    from workflows.deadlines import last_moment

    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=False, defects=["Brak zdjęcia"]
    )
    letter = application.documents.get(kind=DocumentKind.CALL_TO_SUPPLEMENT)
    record_opening(document=letter, user=application.applicant)  # delivered before the suspension: its days run
    deadline = SupplementRequest.objects.get(application=application).deadline
    suspend(application, officer)
    with time_machine.travel(deadline + timedelta(days=1)):
        fire_due_timers()  # art. 103 k.p.a.: suspension stops the deadline
        application.refresh_from_db()
        assert application.status == ApplicationStatus.SUSPENDED
    resumed_after = (deadline - timezone.now()).days + 2
    with time_machine.travel(timezone.now() + timedelta(days=resumed_after)):
        endings.request_resumption(application=application, applicant=application.applicant)
    request = SupplementRequest.objects.get(application=application)
    assert request.deadline == last_moment(deadline, resumed_after)
    assert open_nodes(application) == {"supplement", "supplement__timeout"}
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWAITING_SUPPLEMENT


@pytest.mark.parametrize("opened_during_the_suspension", [True, False])
def test_a_call_delivered_during_the_suspension_keeps_its_timer_held_and_runs_its_full_days_from_the_resumption(
    django_capture_on_commit_callbacks, officer, opened_during_the_suspension
):
    """Art. 103 k.p.a.: no deadline runs while suspended. The letter of the call is made available, the proceedings
    are suspended, and the letter is delivered during the suspension (the applicant opens it, or it is deemed
    delivered): its timer stays held, nothing fires, and from the resumption the call has its whole period."""
    from viewflow.workflow.models import Task

    from workflows.deadlines import last_moment

    application = submit_case(django_capture_on_commit_callbacks)
    services.complete_formal_check(
        task=take(application, "formal_check", officer), user=officer, complete=False, defects=["Brak zdjęcia"]
    )
    letter = application.documents.get(kind=DocumentKind.CALL_TO_SUPPLEMENT)
    start = timezone.now()
    suspend(application, officer)

    def supplement_timer():
        return Task.objects.get(
            process__caseprocess__application=application, flow_task__endswith=".supplement__timeout"
        )

    held_until = supplement_timer().scheduled
    assert held_until > start + timedelta(days=3 * 365)
    if opened_during_the_suspension:
        with time_machine.travel(start + timedelta(days=5)):
            record_opening(document=letter, user=application.applicant)
        assert Delivery.objects.get(document=letter).opened_at is not None
    assert supplement_timer().scheduled == held_until  # the opening did not restart the held timer
    with time_machine.travel(start + timedelta(days=45)):
        assert fire_due_timers() == 0  # 14 days from the opening (or the deemed delivery) have passed: no expiry
        application.refresh_from_db()
        assert application.status == ApplicationStatus.SUSPENDED
        endings.request_resumption(application=application, applicant=application.applicant)
        resumed_at = timezone.now()
    request = SupplementRequest.objects.get(application=application)
    assert request.deadline == last_moment(resumed_at, 14)  # the whole period, from the resumption
    assert supplement_timer().scheduled == request.deadline
    with time_machine.travel(request.deadline - timedelta(minutes=1)):
        fire_due_timers()
        assert "supplement" in open_nodes(application)
    with time_machine.travel(request.deadline + timedelta(minutes=1)):
        fire_due_timers()
        assert "supplement" not in open_nodes(application)


def test_a_case_from_before_the_watch_gets_it_when_the_applicant_asks_to_suspend(
    django_capture_on_commit_callbacks, officer
):
    from viewflow.workflow.models import Task

    application = submit_case(django_capture_on_commit_callbacks)
    pass_formal_check(application, officer)
    Task.objects.filter(process__caseprocess__application=application, flow_task__endswith=".watch_case").delete()
    assert "watch_case" not in open_nodes(application, with_watch=True)  # as a case started before the watch
    suspend(application, officer)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUSPENDED
