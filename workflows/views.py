"""Officer and supervisor pages: thin (parse, call a service or selector, render); scoping is in the selectors."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views import View
from viewflow.workflow.status import STATUS

from documents.storage import download_url

from . import decision_review, endings, forms, knowledge, letters, previews, selectors, services, task_index, task_lists
from .appeal_forms import AppealReviewForm
from .audit import audit, client_ip
from .delay_notice import check_delay_notice, send_delay_notice
from .paging import page_of
from .steps import WORK_PERMIT_SLUGS


class StaffMixin(LoginRequiredMixin):
    """Officers and supervisors of an office only (others get 403); objects are found through scoped selectors."""

    supervisor_only = False
    #: Also the Head of the Office for Foreigners' staff (the file of a forwarded appeal: its documents, attachments).
    second_instance_too = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        allowed = services.is_supervisor if self.supervisor_only else services.is_staff
        if self.second_instance_too and request.user.has_role("second_instance"):
            allowed = bool
        if not allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _page(request: HttpRequest, items, read=None):
    """One page of a list (the office lists grow to thousands of rows); a bad page number gives the first or last."""
    return page_of(items, request.GET.get("page"), read)


class TaskListView(StaffMixin, View):
    """One page of tasks, filtered and sorted as asked (nearest legal deadline first by default): what the list holds
    and what the officer may do with it are class attributes."""

    title = ""
    claimable = False
    show_owner = False

    def tasks(self, user):
        raise NotImplementedError

    def get(self, request: HttpRequest) -> HttpResponse:
        permits, purposes = task_lists.permit_and_purpose_choices(get_language() or "pl")
        form = forms.TaskFilterForm(
            request.GET,
            stages=selectors.office_stages(request.user),
            permits=permits,
            purposes=purposes,
            people=selectors.office_staff(request.user) if self.show_owner else None,
        )
        criteria = form.criteria()
        page = _page(request, task_lists.filter_and_sort(self.tasks(request.user), **criteria), task_lists.rows_of)
        chosen = {key: request.GET[key] for key in form.fields if request.GET.get(key) and key in form.cleaned_data}
        context = {
            "title": self.title,
            "page": page,
            "rows": task_lists.task_rows(page, claimable=self.claimable),
            "claimable": self.claimable,
            "filter_form": form,
            "filtered": any(key != "sort" for key in chosen),
            "page_query": urlencode(chosen),
            "show_owner": self.show_owner,
        }
        return render(request, "workflows/task_list.html", context)


class InboxView(TaskListView):
    title = gettext_lazy("My tasks")

    def tasks(self, user):
        return selectors.inbox(user)


class QueueView(TaskListView):
    title = gettext_lazy("Tasks waiting in the office")
    claimable = True

    def tasks(self, user):
        return selectors.queue(user)


class OfficeTasksView(TaskListView):
    supervisor_only = True
    title = gettext_lazy("Open tasks of the office")
    show_owner = True

    def tasks(self, user):
        return selectors.open_tasks_of_office(user)


class ClaimView(StaffMixin, View):
    def post(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = selectors.office_task(request.user, task_id)
        try:
            services.claim_task(task=task, user=request.user, ip=client_ip(request))
        except services.WorkflowError as error:
            messages.error(request, error.message)
            return redirect("workflows:queue")
        return redirect("workflows:task", task_id=task.pk)


class ReassignView(StaffMixin, View):
    supervisor_only = True

    def post(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = selectors.office_task(request.user, task_id)
        form = forms.ReassignForm(request.POST, people=selectors.colleagues(request.user, task))
        if not form.is_valid():
            messages.error(request, _("Choose a person of your office."))
        else:
            try:
                services.reassign_task(
                    task=task, supervisor=request.user, to_user=form.cleaned_data["to_user"], ip=client_ip(request)
                )
                messages.success(
                    request, _("The task has been given to %(person)s.") % {"person": form.cleaned_data["to_user"]}
                )
            except services.WorkflowError as error:
                messages.error(request, error.message)
        return redirect("workflows:task", task_id=task.pk)


def _formal_check(request, task, data):
    services.complete_formal_check(
        task=task,
        user=request.user,
        complete=data["complete"] == "yes",
        defects=data["defect_list"],
        deadline_days=data.get("deadline_days"),
        evidence=data["evidence_list"],
        evidence_days=data.get("evidence_days"),
        within_legal_stay=data.get("within_legal_stay", False),
        stamp_duty_paid=data.get("stamp_duty_paid", "yes") != "no",
        pay_days=data.get("pay_days"),
        ask_consul=data.get("ask_consul", False),
        refuse_to_initiate=data.get("refuse_to_initiate") or "",
        ip=client_ip(request),
    )


def _book(request, task, data):
    services.book_appointment(
        task=task,
        user=request.user,
        slot=data.get("slot"),
        starts_at=data.get("starts_at"),
        place=data.get("place") or "",
        ip=client_ip(request),
    )


def _fingerprints(request, task, data):
    services.record_fingerprints(
        task=task,
        user=request.user,
        outcome=data["outcome"],
        fingerprints=data["fingerprints"],
        signature_specimen=data["signature_specimen"],
        travel_document_seen=data["travel_document_seen"],
        excuse=data.get("excuse") or "",
        ip=client_ip(request),
    )


def _consultation(request, task, data):
    if data.get("extend"):
        services.extend_consultation(
            task=task, user=request.user, reason=data["extension_reason"], ip=client_ip(request)
        )
        return
    services.record_consultation(
        task=task, user=request.user, answer=data["answer"], note=data["note"], ip=client_ip(request)
    )


def _review(request, task, data):
    keys = [key for key, _label in [*forms.REVIEW_CONDITIONS, forms.WORK_CONDITION]]
    checklist = {key: key in data["conditions"] for key in keys}
    services.submit_review(
        task=task,
        user=request.user,
        checklist=checklist,
        notes=data["notes"],
        proposed=data["proposed"],
        ip=client_ip(request),
    )


def _decide(request, task, data):
    services.decide(
        task=task,
        user=request.user,
        kind=data["kind"],
        valid_from=data.get("valid_from"),
        valid_to=data.get("valid_to"),
        justification=data.get("justification") or "",
        grounds=data.get("grounds") or [],
        ip=client_ip(request),
    )


def _approve(request, task, data):
    services.approve_decision(
        task=task, user=request.user, approved=data["approved"] == "yes", note=data["note"], ip=client_ip(request)
    )


def _card(request, task, data):
    services.record_residence_card(
        task=task, user=request.user, number=data["number"], ready_at=data["ready_at"], ip=client_ip(request)
    )


def _appeal_review(request, task, data):
    from .appeals import review_appeal

    review_appeal(
        task=task,
        user=request.user,
        grant=data["outcome"] == "granted",
        valid_from=data.get("valid_from"),
        valid_to=data.get("valid_to"),
        justification=data.get("justification") or "",
        ip=client_ip(request),
    )


def _payment(request, task, data):
    endings.record_payment(task=task, user=request.user, ip=client_ip(request))


def _delay_notice(request, task, data):
    try:
        endings.send_delay_notice_from_task(
            task=task, user=request.user, new_date=data["new_date"], reason=data["reason"], ip=client_ip(request)
        )
    except ValidationError as error:
        raise services.WorkflowError(" ".join(error.messages)) from None


def _suspension(request, task, data):
    endings.decide_suspension(
        task=task, user=request.user, suspend=data["suspend"] == "yes", reason=data["reason"], ip=client_ip(request)
    )


#: node name -> (form class, action)
STEPS = {
    "formal_check": (forms.FormalCheckForm, _formal_check),
    "formal_check_again": (forms.FormalCheckForm, _formal_check),
    "book_appointment": (forms.BookAppointmentForm, _book),
    "fingerprints": (forms.FingerprintsForm, _fingerprints),
    "consult_border_guard": (forms.ConsultationForm, _consultation),
    "consult_police": (forms.ConsultationForm, _consultation),
    "consult_abw": (forms.ConsultationForm, _consultation),
    "consult_labour_office": (forms.ConsultationForm, _consultation),
    "consult_consul": (forms.ConsultationForm, _consultation),
    "payment": (forms.PaymentForm, _payment),
    "delay_notice": (forms.DelayNoticeForm, _delay_notice),
    "decide_suspension": (forms.SuspensionDecisionForm, _suspension),
    "review": (forms.ReviewForm, _review),
    "decide": (forms.DecisionForm, _decide),
    "redecide": (forms.DecisionForm, _decide),
    "approve": (forms.ApprovalForm, _approve),
    "residence_card": (forms.ResidenceCardForm, _card),
    "appeal_review": (AppealReviewForm, _appeal_review),
}


class TaskView(StaffMixin, View):
    """One officer step: the whole case file, and the step's form for the officer who has taken it."""

    def form_for(self, request, task, data=None):
        form_class, _action = STEPS[task.flow_task.name]
        kwargs = {}
        if form_class is forms.BookAppointmentForm:
            kwargs["slots"] = selectors.free_slots(request.user)
        if form_class is forms.ReviewForm:
            kwargs["work_permit"] = services.application_of(task).definition.slug in WORK_PERMIT_SLUGS
        if form_class in (forms.DecisionForm, AppealReviewForm):
            kwargs["application"] = services.application_of(task)
        return form_class(data, **kwargs)

    def get(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = selectors.office_task(request.user, task_id)
        pending = _pending_letter_data(request, task) if request.GET.get("change") else None
        return self.page(request, task, self.form_for(request, task, pending))

    def post(self, request: HttpRequest, task_id: int) -> HttpResponse:
        """Save the step; a step that sends a letter first shows it as a draft, and is saved only once confirmed."""
        task = selectors.office_task(request.user, task_id)
        if task.owner_id != request.user.pk or task.status != STATUS.ASSIGNED:
            raise PermissionDenied
        confirmed = request.POST.get("confirm") == "1"
        data = _pending_letter_data(request, task) if confirmed else request.POST
        if data is None:  # nothing previewed (an old tab, a session that ended): show the form again
            return redirect("workflows:task", task_id=task.pk)
        form = self.form_for(request, task, data)
        if form.is_valid():
            if not confirmed and previews.letter_for(task, request.user, form.cleaned_data) is not None:
                request.session[_letter_key(task)] = dict(request.POST.lists())
                return self.letter_page(request, task)
            try:
                STEPS[task.flow_task.name][1](request, task, form.cleaned_data)
            except services.WorkflowError as error:
                form.add_error(None, error.message)
            except ValidationError as error:  # a rule the form could not see (the service checks again)
                for field, field_messages in error.message_dict.items():
                    for message in field_messages:
                        form.add_error(field if field in form.fields else None, message)
            else:
                request.session.pop(_letter_key(task), None)
                messages.success(request, _("Done: %(step)s.") % {"step": task.flow_task.task_title})
                return redirect("workflows:inbox")
            # The refused step's activation had started the task in memory (the database rolled back): read it
            # again, so the page keeps the officer's form, answers and message.
            task.refresh_from_db()
        return self.page(request, task, form, status=400)

    def letter_page(self, request, task) -> HttpResponse:
        url = reverse("workflows:task", kwargs={"task_id": task.pk})
        context = {
            "step_title": task.flow_task.task_title,
            "file": selectors.case_file(services.application_of(task), get_language() or "en"),
            "preview_url": reverse("workflows:task-letter-preview", kwargs={"task_id": task.pk}),
            "confirm_url": url,
            "change_url": f"{url}?change=1",
        }
        return render(request, "workflows/letter_preview.html", context)

    def page(self, request, task, form, status=200, handover_form=None) -> HttpResponse:
        """The task page; `handover_form` is the officer's refused handover, shown again with its messages."""
        application = services.application_of(task)
        is_mine = task.owner_id == request.user.pk and task.status == STATUS.ASSIGNED
        if is_mine and handover_form is None:
            handover_form = forms.HandoverForm(people=selectors.handover_colleagues(request.user, task))
        deadline = task_lists.task_deadline(task)
        context = {
            "task": task,
            "deadline": deadline,
            "deadline_overdue": deadline is not None and deadline < timezone.localdate(),
            "form": form if is_mine else None,
            "preview_letter": is_mine and previews.sends_letter(task),
            "articles": knowledge.articles_for(
                step=task.flow_task.name, purpose=(task.data or {}).get(task_index.PURPOSE_KEY) or ""
            ),
            "handover_form": handover_form if is_mine else None,
            "is_mine": is_mine,
            "can_claim": task.status == STATUS.NEW and services.may_work_on(request.user, task),
            "file": selectors.case_file(application, get_language() or "en"),
            "reassign_form": (
                forms.ReassignForm(people=selectors.colleagues(request.user, task))
                if services.is_supervisor(request.user) and task.status in selectors.OPEN
                else None
            ),
        }
        if task.flow_task.name == "approve":
            decision = context["file"].decisions[0]
            context["may_approve"] = services.can_approve(request.user, decision)
            context["refusal_grounds"] = decision.refusal_grounds
            context["decision_draft_url"] = reverse("workflows:task-decision-draft", kwargs={"task_id": task.pk})
        if task.flow_task.name == "redecide":
            context["returned"] = decision_review.returned_decision(application)
        return render(request, "workflows/task.html", context, status=status)


def _letter_key(task) -> str:
    return f"workflows.letter.{task.pk}"


def _pending_letter_data(request, task) -> QueryDict | None:
    """The form data of the letter the officer previewed for this task (kept in the session), or None."""
    return _stored_form_data(request, _letter_key(task))


def _stored_form_data(request, key: str) -> QueryDict | None:
    stored = request.session.get(key)
    if not stored:
        return None
    data = QueryDict(mutable=True)
    for key, values in stored.items():
        data.setlist(key, values)
    return data


class LetterPreviewView(StaffMixin, View):
    """The draft PDF of the letter the officer is about to send (unsealed, marked PROJEKT, never stored)."""

    def get(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = selectors.office_task(request.user, task_id)
        if task.owner_id != request.user.pk or task.status != STATUS.ASSIGNED:
            raise PermissionDenied
        data = _pending_letter_data(request, task)
        form = TaskView().form_for(request, task, data) if data is not None else None
        letter = previews.letter_for(task, request.user, form.cleaned_data) if form and form.is_valid() else None
        if letter is None:
            raise Http404
        pdf = letters.preview(services.application_of(task), letter)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = "inline"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "private, no-store"
        return response


class HandoverView(StaffMixin, View):
    """The officer who holds a task returns it to the office's queue or hands it to a colleague, saying why."""

    def post(self, request: HttpRequest, task_id: int) -> HttpResponse:
        """Bad input (no reason, a person who is not a colleague of the office) gets the task page again with the
        message beside its field and the reason as typed; a task no longer held goes back to its page with a note."""
        task = selectors.office_task(request.user, task_id)
        if not _holds(request.user, task):
            messages.error(request, _("Only the officer who holds an open task can give it back."))
            return redirect("workflows:task", task_id=task.pk)
        form = forms.HandoverForm(request.POST, people=selectors.handover_colleagues(request.user, task))
        if form.is_valid():
            colleague, reason = form.cleaned_data.get("to_user"), form.cleaned_data["reason"]
            try:
                if colleague is None:
                    services.return_task(task=task, user=request.user, reason=reason, ip=client_ip(request))
                    messages.success(request, _("The task is back in the office's queue."))
                else:
                    services.hand_over_task(
                        task=task, user=request.user, to_user=colleague, reason=reason, ip=client_ip(request)
                    )
                    messages.success(request, _("The task has been given to %(person)s.") % {"person": colleague})
            except services.WorkflowError as error:
                task.refresh_from_db()
                if not _holds(request.user, task):  # taken from them meanwhile (a supervisor reassigned it)
                    messages.error(request, error.message)
                    return redirect("workflows:task", task_id=task.pk)
                form.add_error("to_user" if colleague is not None else None, error.message)
            else:
                request.session.pop(_letter_key(task), None)
                return redirect("workflows:inbox")
        view = TaskView()
        return view.page(request, task, view.form_for(request, task), status=400, handover_form=form)


def _holds(user, task) -> bool:
    return task.owner_id == user.pk and task.status == STATUS.ASSIGNED


class CaseListView(StaffMixin, View):
    """The office's cases, newest first, or those matching the search box (any officer of the office)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.CaseSearchForm(request.GET if "q" in request.GET else None)
        if form.is_bound and form.is_valid():
            cases = selectors.search_cases(request.user, form.cleaned_data["q"])
        else:
            cases = selectors.cases_of_office(request.user).order_by("-submitted_at")
        page = _page(request, cases)
        searching = form.is_bound and form.is_valid()
        context = {"cases": page, "page": page, "form": form, "searching": searching}
        if searching:
            context["page_query"] = urlencode({"q": form.cleaned_data["q"]})
        return render(request, "workflows/case_list.html", context)


def _delay_notice_key(application) -> str:
    return f"workflows.delay_notice.{application.pk}"


def _pending_delay_notice(request, application) -> QueryDict | None:
    """The notice the officer previewed from this case page (kept in the session), or None."""
    return _stored_form_data(request, _delay_notice_key(application))


class CaseView(StaffMixin, View):
    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        application = selectors.office_case(request.user, case_id)
        pending = _pending_delay_notice(request, application) if request.GET.get("change") else None
        return self.page(request, application, forms.DelayNoticeForm(pending))

    def post(self, request: HttpRequest, case_id) -> HttpResponse:
        """The notice of a delay (art. 36 k.p.a.) sent from the case page before the watch gives the task (the office
        knows early that the date cannot be kept): first read as a draft, sent once confirmed. Once the task is open
        the notice is sent from it, never twice."""
        application = selectors.office_case(request.user, case_id)
        confirmed = request.POST.get("confirm") == "1"
        data = _pending_delay_notice(request, application) if confirmed else request.POST
        if data is None:  # nothing previewed (an old tab, a session that ended): show the form again
            return redirect("workflows:case", case_id=application.public_id)
        form = forms.DelayNoticeForm(data)
        if endings.open_delay_notice_task(application) is not None:
            form.add_error(None, _("The task to notify the delay is open in this case: send the notice from it."))
        elif form.is_valid():
            new_date, reason = form.cleaned_data["new_date"], form.cleaned_data["reason"]
            try:
                if not confirmed:
                    check_delay_notice(application, new_date=new_date, reason=reason)
                    request.session[_delay_notice_key(application)] = dict(request.POST.lists())
                    return self.letter_page(request, application)
                send_delay_notice(
                    application=application, user=request.user, new_date=new_date, reason=reason, ip=client_ip(request)
                )
            except ValidationError as error:
                for field, messages_ in error.message_dict.items():
                    for message in messages_:
                        form.add_error(field, message)
            else:
                request.session.pop(_delay_notice_key(application), None)
                messages.success(request, _("The notice of the delay has been sent."))
                return redirect("workflows:case", case_id=application.public_id)
        return self.page(request, application, form, status=400)

    def letter_page(self, request, application) -> HttpResponse:
        url = reverse("workflows:case", kwargs={"case_id": application.public_id})
        context = {
            "step_title": _("Notify the applicant of a delay (art. 36 k.p.a.)"),
            "file": selectors.case_file(application, get_language() or "en"),
            "preview_url": reverse("workflows:case-delay-notice-draft", kwargs={"case_id": application.public_id}),
            "confirm_url": url,
            "change_url": f"{url}?change=1",
        }
        return render(request, "workflows/letter_preview.html", context)

    def page(self, request, application, form, status=200) -> HttpResponse:
        context = {
            "file": selectors.case_file(application, get_language() or "en"),
            "delay_form": form,
            "delay_task": endings.open_delay_notice_task(application),
        }
        return render(request, "workflows/case.html", context, status=status)


class KnowledgeView(StaffMixin, View):
    """The office's knowledge base: every article, or those the search finds (the second instance reads it too)."""

    second_instance_too = True

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.KnowledgeSearchForm(request.GET if "q" in request.GET else None)
        searching = form.is_bound and form.is_valid()
        if searching:
            articles = knowledge.search_articles(form.cleaned_data["q"])
        else:
            articles = knowledge.KnowledgeArticle.objects.filter(is_published=True).order_by("title")
        page = _page(request, articles.only("slug", "title", "legal_basis"))
        context = {"form": form, "page": page, "articles": page, "searching": searching}
        if searching:
            context["page_query"] = urlencode({"q": form.cleaned_data["q"]})
        return render(request, "workflows/knowledge.html", context)


class KnowledgeArticleView(StaffMixin, View):
    second_instance_too = True

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        article = get_object_or_404(knowledge.KnowledgeArticle, slug=slug, is_published=True)
        # The Polish text counts; a translation, where somebody wrote one, is offered to a reader of that language.
        translation = article.translations.filter(language=(get_language() or "pl")[:2]).first()
        return render(request, "workflows/knowledge_article.html", {"article": article, "translation": translation})


class DashboardView(StaffMixin, View):
    supervisor_only = True

    def get(self, request: HttpRequest) -> HttpResponse:
        board = selectors.dashboard(
            request.user,
            supplements_page=request.GET.get("supplements_page"),
            consultations_page=request.GET.get("consultations_page"),
        )
        return render(request, "workflows/dashboard.html", {"board": board})


def _file_response(file, filename: str, content_type: str) -> HttpResponse:
    url = download_url(file.name, expires=120)
    if url:
        response: HttpResponse = HttpResponseRedirect(url)
    else:
        response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


class DocumentDownloadView(StaffMixin, View):
    second_instance_too = True

    def get(self, request: HttpRequest, document_id) -> HttpResponse:
        document = selectors.office_document(request.user, document_id)
        audit(
            request.user, "document.downloaded", application=document.application, obj=document, ip=client_ip(request)
        )
        name = f"{document.kind}-{document.application.case_number.replace('/', '-')}.pdf"
        return _file_response(document.file, name, "application/pdf")


class AttachmentInlineView(StaffMixin, View):
    """An image or PDF attachment for the viewer of the case page: shown, not downloaded, and never run as a page
    (the upload checks sniffed its type; the sandbox policy stops anything active in it)."""

    second_instance_too = True

    def get(self, request: HttpRequest, attachment_id) -> HttpResponse:
        attachment = selectors.office_attachment(request.user, attachment_id)
        if attachment.content_type not in selectors.IMAGE_TYPES | {selectors.PDF_TYPE}:
            raise Http404
        audit(
            request.user, "attachment.viewed", application=attachment.application, obj=attachment, ip=client_ip(request)
        )
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
        response["Content-Disposition"] = "inline"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "private, no-store"
        return response


class AttachmentDownloadView(StaffMixin, View):
    second_instance_too = True

    def get(self, request: HttpRequest, attachment_id) -> HttpResponse:
        attachment = selectors.office_attachment(request.user, attachment_id)
        audit(
            request.user,
            "attachment.downloaded",
            application=attachment.application,
            obj=attachment,
            ip=client_ip(request),
        )
        return _file_response(attachment.file, attachment.original_name, attachment.content_type)


class DelayNoticeDraftView(StaffMixin, View):
    """The draft PDF of the art. 36 notice the officer previewed from the case page (unsealed, PROJEKT, not stored)."""

    def get(self, request: HttpRequest, case_id) -> HttpResponse:
        application = selectors.office_case(request.user, case_id)
        data = _pending_delay_notice(request, application)
        form = forms.DelayNoticeForm(data) if data is not None else None
        if form is None or not form.is_valid():
            raise Http404
        pdf = letters.preview(application, endings.preview_delay_notice(application, request.user, form.cleaned_data))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = "inline"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "private, no-store"
        return response


class DecisionDraftView(StaffMixin, View):
    """The decision awaiting approval, as the same unsealed PROJEKT draft the officer confirmed (the office's staff)."""

    def get(self, request: HttpRequest, task_id: int) -> HttpResponse:
        task = selectors.office_task(request.user, task_id)
        pdf = decision_review.draft_for_approval(task)
        if pdf is None:
            raise Http404
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = "inline"
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
        response["Cache-Control"] = "private, no-store"
        return response
