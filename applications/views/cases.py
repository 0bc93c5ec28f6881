"""The applicant's case page (what happened, what is expected) and withdrawal."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from .. import selectors, services, tracking
from ..presentation import attachment_name, summarise
from ..representation import cases_for_party_or_representative
from .access import ApplicantRequiredMixin


class CaseView(ApplicantRequiredMixin, View):
    """The party's case page; also the representative's, once the office accepted the power of attorney."""

    def get(self, request, case_id) -> HttpResponse:
        visible = cases_for_party_or_representative(request.user)
        case = get_object_or_404(visible, public_id=case_id)
        language = get_language()
        spec = case.definition.spec
        events = list(selectors.case_timeline(case))
        for event in events:
            event.application = case  # the sentences need the case number without a query per event
        documents = selectors.issued_documents(visible.filter(pk=case.pk))
        labels = {document.public_id: document.title for document in documents}
        is_party = case.applicant_id == request.user.pk
        just_submitted = "submitted" in request.GET
        return render(
            request,
            "applications/case.html",
            {
                "case": case,
                "status_in_words": tracking.status_in_words(case, events),
                "form_title": spec.title.get(language),
                "just_submitted": just_submitted,
                # The code for /status/ (also printed on the receipt), shown to the party on the confirmation.
                "access_code": services.access_code(case) if just_submitted and is_party else "",
                "timeline": tracking.timeline(events, labels),
                "expected": tracking.open_expectation(events),
                "decision_deadline": tracking.decision_deadline(case, events),
                "documents": documents,
                "attachments": [
                    (attachment, attachment_name(spec, attachment.requirement, language))
                    for attachment in case.attachments.all()
                ],
                "summaries": summarise(spec, case.answers, language),
                "is_party": is_party,
            },
        )


class WithdrawView(ApplicantRequiredMixin, View):
    def get(self, request, case_id) -> HttpResponse:
        case = get_object_or_404(selectors.cases_for_applicant(request.user), public_id=case_id)
        return render(request, "applications/withdraw.html", {"case": case})

    def post(self, request, case_id) -> HttpResponse:
        case = get_object_or_404(selectors.cases_for_applicant(request.user), public_id=case_id)
        try:
            services.withdraw_application(application=case, applicant=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return redirect("applications:case", case_id=case.public_id)
