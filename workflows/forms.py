"""Forms of the officer task pages and of the applicant's supplement page (input only; rules are in services)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from formdefs.api import FastSelect
from polishtime import format_when

from .deadlines import DeadlineKind, check_days, earliest_appointment
from .models import Appointment, AppointmentSlot, Consultation, DecisionKind

YES_NO = [("yes", _("Yes")), ("no", _("No"))]

#: Conditions checked in the substantive review (all permit types; work permits add the last one).
REVIEW_CONDITIONS = [
    ("purpose", _("The purpose of stay is justified and documented")),
    ("insurance", _("Health insurance is in place")),
    ("income", _("Stable and regular income or means of support")),
    ("accommodation", _("Accommodation in Poland is secured")),
    ("no_threat", _("No threat to security or public order (consultations)")),
]
WORK_CONDITION = ("work", _("The employer's annex meets the conditions of the work permit"))


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{format_when(obj.starts_at, 'zone')}, {obj.place}"


class CaseSearchForm(forms.Form):
    """The search box above the office's cases; what it finds is decided by `selectors.search_cases`."""

    q = forms.CharField(
        label=_("Case number, travel document number or surname"),
        min_length=2,
        max_length=100,
        strip=True,
        help_text=_("For example 14/2026/000123, AB1234567 or the first letters of a surname."),
    )


def _default_supplement_days() -> int:
    from .services import supplement_days

    return supplement_days()


class KnowledgeSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the guidance"),
        min_length=2,
        max_length=100,
        strip=True,
        help_text=_("For example: odciski, środki utrzymania, konsul."),
    )


class FormalCheckForm(forms.Form):
    complete = forms.ChoiceField(
        label=_("Is the application formally complete?"), choices=YES_NO, widget=forms.RadioSelect
    )
    defects = forms.CharField(
        label=_("Formal defects to supplement"),
        required=False,
        widget=forms.Textarea,
        help_text=_("One defect per line. They are printed in the call to supplement."),
    )

    deadline_days = forms.IntegerField(
        label=_("Days to supplement, from delivery"),
        min_value=1,
        max_value=90,
        required=False,
        initial=_default_supplement_days,
        help_text=_("At least 7 days (art. 64 § 2 k.p.a.). The deadline runs from the day the letter is delivered."),
    )

    within_legal_stay = forms.BooleanField(
        label=_("Filed within the applicant's legal stay: issue the certificate of legal stay (art. 108)"),
        required=False,
    )
    evidence = forms.CharField(
        label=_("Evidence to ask for (art. 106f)"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Only for a complete application. One document or explanation per line; printed in the call."),
    )
    evidence_days = forms.IntegerField(
        label=_("Days to give the evidence, from delivery"),
        min_value=1,
        max_value=90,
        required=False,
        initial=14,
        help_text=_("At least 14 days (art. 106f)."),
    )

    stamp_duty_paid = forms.ChoiceField(
        label=_("Was the stamp duty for this purpose paid?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        initial="yes",
        required=False,
    )
    pay_days = forms.IntegerField(
        label=_("Days to pay the stamp duty, from delivery"),
        min_value=1,
        max_value=90,
        required=False,
        initial=14,
        help_text=_("7 to 14 days (art. 261 § 1 k.p.a.). Unpaid by then, the application is returned."),
    )
    ask_consul = forms.BooleanField(label=_("Consult the consul as well (art. 109)"), required=False)
    refuse_to_initiate = forms.CharField(
        label=_("The application cannot start a case: refuse to initiate proceedings (art. 61a k.p.a.), because"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Only when the application cannot start proceedings at all; the order states this reason."),
    )

    def clean(self):
        data = super().clean()
        if data.get("stamp_duty_paid") == "no" and data.get("pay_days") is not None:
            try:
                check_days(DeadlineKind.CALL_TO_PAY, data["pay_days"], field="pay_days")
            except ValidationError as error:
                self.add_error(None, error)
        data["defect_list"] = [line for line in (data.get("defects") or "").splitlines() if line.strip()]
        data["evidence_list"] = [line for line in (data.get("evidence") or "").splitlines() if line.strip()]
        if data["evidence_list"] and data.get("complete") == "no":
            self.add_error("evidence", _("Ask for evidence once the application is free of formal defects."))
        if data["evidence_list"] and data.get("evidence_days") is not None:
            try:
                check_days(DeadlineKind.CALL_FOR_EVIDENCE, data["evidence_days"], field="evidence_days")
            except ValidationError as error:
                self.add_error(None, error)
        if data.get("complete") == "no" and not data["defect_list"]:
            self.add_error("defects", _("List the formal defects the applicant must supplement."))
        if data.get("complete") == "no" and data.get("deadline_days") is not None:
            try:
                check_days(DeadlineKind.CALL_TO_SUPPLEMENT, data["deadline_days"], field="deadline_days")
            except ValidationError as error:
                self.add_error(None, error)
        return data


class BookAppointmentForm(forms.Form):
    slot = SlotChoiceField(
        label=_("Free slot"),
        queryset=AppointmentSlot.objects.none(),
        required=False,
        empty_label=_("No slot: give the date and place below"),
    )
    starts_at = forms.DateTimeField(
        label=_("Date and time"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=300)

    def __init__(self, *args, slots=None, **kwargs):
        super().__init__(*args, **kwargs)
        if slots is not None:
            self.fields["slot"].queryset = slots

    def clean(self):
        data = super().clean()
        if not data.get("slot") and not (data.get("starts_at") and (data.get("place") or "").strip()):
            raise forms.ValidationError(_("Choose a free slot, or give the date, time and place."))
        # Said on the date itself, before the draft is shown (`services.book_appointment` checks it again).
        if not data.get("slot") and data["starts_at"] < earliest_appointment(timezone.now()):
            self.add_error(
                "starts_at", _("The summons must be sent at least 7 days before the appointment (art. 106e).")
            )
        return data


class FingerprintsForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened at the appointment?"), choices=Appointment.Outcome.choices, widget=forms.RadioSelect
    )
    fingerprints = forms.BooleanField(label=_("Fingerprints recorded"), required=False)
    signature_specimen = forms.BooleanField(label=_("Signature specimen taken"), required=False)
    travel_document_seen = forms.BooleanField(label=_("Original travel document seen"), required=False)
    excuse = forms.ChoiceField(
        label=_("Excuse for not appearing (art. 106i)"),
        choices=[("", "—"), *Appointment.Excuse.choices],
        required=False,
        help_text=_("With an excuse the case gets a new date at least 7 days away."),
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Appointment.Outcome.NO_SHOW_REBOOK and not data.get("excuse"):
            self.add_error("excuse", _("Say which excuse the Act accepts, or record the no-show without excuse."))
        return data


class ConsultationForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("The agency's answer"),
        choices=[
            (Consultation.Answer.NO_OBJECTIONS.value, Consultation.Answer.NO_OBJECTIONS.label),
            (Consultation.Answer.OBJECTIONS.value, Consultation.Answer.OBJECTIONS.label),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea)
    extend = forms.BooleanField(
        label=_("Extend the agency's time to 60 days instead (art. 109)"),
        required=False,
        help_text=_("Only in a particularly justified case; the reason is recorded."),
    )
    extension_reason = forms.CharField(label=_("Reason for the extension"), required=False, widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        if data.get("extend"):
            if not (data.get("extension_reason") or "").strip():
                self.add_error("extension_reason", _("Give the reason for extending the time to 60 days."))
            return data
        if not data.get("answer"):
            self.add_error("answer", _("Record the agency's answer, or extend its time."))
        elif data.get("answer") == Consultation.Answer.OBJECTIONS and not (data.get("note") or "").strip():
            self.add_error("note", _("Say what the agency objects to."))
        return data


class ReviewForm(forms.Form):
    conditions = forms.MultipleChoiceField(
        label=_("Conditions met"), required=False, widget=forms.CheckboxSelectMultiple, choices=REVIEW_CONDITIONS
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea)
    proposed = forms.ChoiceField(label=_("Proposed decision"), choices=DecisionKind.choices, widget=forms.RadioSelect)

    def __init__(self, *args, work_permit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if work_permit:
            self.fields["conditions"].choices = [*REVIEW_CONDITIONS, WORK_CONDITION]


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Decision"), choices=DecisionKind.choices, widget=forms.RadioSelect)
    grounds = forms.MultipleChoiceField(
        label=_("Grounds of the refusal"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For a refusal: at least one ground the Act gives for this permit. Each is cited in the decision."),
    )
    # A date input takes ISO dates whatever the officer's language (a Polish 01.12.2026 would leave it empty).
    valid_from = forms.DateField(
        label=_("Valid from"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    valid_to = forms.DateField(
        label=_("Valid to"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Required for a refusal, and for a grant that differs from the request (a partial grant)."),
    )

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        add_ground_choices(self, application)
        if application is not None and fit_period_fields(self, application):
            return
        if application is not None and not self.is_bound:
            from .decisions import lawful_period

            longest = lawful_period(application, on=timezone.localdate())
            self.fields["valid_from"].initial, self.fields["valid_to"].initial = longest.start, longest.end
            self.fields["valid_to"].help_text = _("The longest period the law and the request allow is filled in.")

    def clean(self):
        """The same checks as `services.decide`, so each message stands by its field and the other answers stay."""

        data = super().clean()
        if data.get("kind") == DecisionKind.REFUSAL and not (data.get("justification") or "").strip():
            self.add_error("justification", _("A refusal needs a justification."))
        if data.get("kind") == DecisionKind.REFUSAL:
            add_ground_errors(self, self.application, data)
        if data.get("kind") == DecisionKind.GRANT and self.application is not None and not self.errors:
            add_grant_errors(self, self.application, data)
        return data


PERIOD_FIELDS = ("valid_from", "valid_to")


def fit_period_fields(form: forms.Form, application) -> bool:
    """For a permit granted for an indefinite time (`decisions.DecisionLaw.indefinite`) the grant has no period: the
    form shows no date fields (only a date typed anyway keeps its field, to carry the message refusing it). True for
    such a permit. The officer's decision, the voivode's grant of an appeal and the second instance's share it."""
    from .decisions import law_for

    if not law_for(application).indefinite:
        return False
    for name in PERIOD_FIELDS:
        if name in form.fields and not (form.is_bound and form.data.get(form.add_prefix(name))):
            del form.fields[name]
    chosen = form.fields.get("kind") or form.fields.get("outcome")
    if chosen is not None:
        said = _("This permit is granted for an indefinite time: a grant states no period.")
        chosen.help_text = f"{chosen.help_text} {said}" if chosen.help_text else said
    form.indefinite = True
    return True


def add_ground_choices(form: forms.Form, application) -> None:
    """Offer the grounds of refusal the Act gives for this case's permit; with none listed, no such field."""
    from .refusal_grounds import choices_for

    choices = choices_for(application) if application is not None else []
    if choices:
        form.fields["grounds"].choices = choices
    else:
        del form.fields["grounds"]


def add_ground_errors(form: forms.Form, application, data: dict) -> None:
    """A refusal names at least one ground of its permit: the message stands by the check-boxes."""
    from .refusal_grounds import chosen

    if application is None or "grounds" not in form.fields:
        return
    try:
        chosen(application, data.get("grounds") or [])
    except ValidationError as error:
        for message in error.message_dict["grounds"]:
            form.add_error("grounds", message)


def add_grant_errors(form: forms.Form, application, data: dict) -> None:
    """Put `check_grant`'s messages on the form's fields (a grant's period against the law and the request), so the
    other answers stay; the officer's decision and the voivode's own grant of an appeal share it."""
    from .decisions import check_grant

    try:
        check_grant(
            application,
            valid_from=data.get("valid_from"),
            valid_to=data.get("valid_to"),
            justification=data.get("justification") or "",
            on=timezone.localdate(),
        )
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field, message)


class ApprovalForm(forms.Form):
    approved = forms.ChoiceField(
        label=_("Your answer"),
        widget=forms.RadioSelect,
        choices=[("yes", _("Approve the decision")), ("no", _("Return it to the officer"))],
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea,
        help_text=_("When you return the decision, say why: the officer reads it on the returned task."),
    )

    def clean(self):
        data = super().clean()
        if data.get("approved") == "no" and not (data.get("note") or "").strip():
            self.add_error("note", _("Say why you return the decision: the officer reads it."))
        return data


class ResidenceCardForm(forms.Form):
    number = forms.CharField(label=_("Card number"), max_length=20)
    ready_at = forms.DateTimeField(
        label=_("Ready for collection from"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class ReassignForm(forms.Form):
    to_user = forms.ModelChoiceField(label=_("Give the task to"), queryset=None)

    def __init__(self, *args, people=(), **kwargs):
        # Its own ids: the step's form on the same page may have a `reason` too (the error summary links by id).
        kwargs.setdefault("auto_id", "handover_%s")
        super().__init__(*args, **kwargs)
        from accounts.models import User

        self.fields["to_user"].queryset = User.objects.filter(pk__in=[p.pk for p in people])


class HandoverForm(forms.Form):
    """Return a task one holds to the queue (no colleague chosen) or hand it to a colleague; the reason is audited."""

    to_user = forms.ModelChoiceField(
        label=_("Colleague"),
        required=False,
        queryset=None,
        empty_label=_("Nobody: return it to the office's queue"),
        error_messages={"invalid_choice": _("Choose a person of your office.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why you give the task back.")},
    )

    def __init__(self, *args, people=(), **kwargs):
        # Its own ids: the step's form on the same page may have a `reason` too (the error summary links by id).
        kwargs.setdefault("auto_id", "handover_%s")
        super().__init__(*args, **kwargs)
        from accounts.models import User

        self.fields["to_user"].queryset = User.objects.filter(pk__in=[p.pk for p in people]).order_by("email")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class SupplementForm(forms.Form):
    files = MultipleFileField(
        label=_("Documents"),
        required=False,
        help_text=_("PDF, JPEG or PNG, up to 10 MB each. You can choose several files."),
    )
    message = forms.CharField(label=_("Your answer"), required=False, widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("message") or "").strip():
            raise forms.ValidationError(_("Upload the missing documents or write an answer."))
        return data


class PickSlotForm(forms.Form):
    slot = SlotChoiceField(
        label=_("Choose a time"), queryset=AppointmentSlot.objects.none(), widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args, slots=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots if slots is not None else AppointmentSlot.objects.none()


class TaskFilterForm(forms.Form):
    """The filters and the order of an office list (GET); what they mean is `task_lists.filter_and_sort`."""

    stage = forms.ChoiceField(label=_("Stage"), required=False)
    permit = forms.ChoiceField(label=_("Permit"), required=False)
    purpose = forms.ChoiceField(label=_("Purpose of stay"), required=False)
    deadline = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[("", _("Any")), ("overdue", _("Overdue")), ("week", _("Due within 7 days"))],
    )
    assignee = forms.ModelChoiceField(label=_("Officer"), required=False, queryset=None, empty_label=_("Anybody"))
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("deadline", _("Legal deadline, nearest first")),
            ("filed", _("Filing date, oldest first")),
            ("case", _("Case number")),
        ],
    )

    def __init__(self, *args, stages=(), permits=(), purposes=(), people=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # options written in Python: Django's option templates cost ~1/3 of the page
            field.widget = FastSelect(choices=field.widget.choices)
        anything = [("", _("Any"))]
        self.fields["stage"].choices = anything + list(stages)
        self.fields["permit"].choices = anything + list(permits)
        self.fields["purpose"].choices = anything + list(purposes)
        if people is None:
            del self.fields["assignee"]
        else:
            self.fields["assignee"].queryset = people

    def criteria(self) -> dict:
        """The valid choices as keyword arguments of `filter_and_sort` (nothing chosen: the default order)."""
        self.is_valid()  # a choice that is not offered is dropped; the others still apply
        data = {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}
        data.setdefault("sort", "deadline")
        return data


class DelayNoticeForm(forms.Form):
    """The notice of a delay (art. 36 k.p.a.): why, and the new date (the watch's task and the case page alike)."""

    new_date = forms.DateField(label=_("New date for the decision"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Why the case cannot be decided in time"), widget=forms.Textarea)


class PaymentForm(forms.Form):
    paid = forms.BooleanField(label=_("The stamp duty has been paid"), required=True)


class SuspensionDecisionForm(forms.Form):
    suspend = forms.ChoiceField(
        label=_("Suspend the proceedings at the applicant's request (art. 98 k.p.a.)?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Why not (when refused)"), required=False, widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        if data.get("suspend") == "no" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why the proceedings are not suspended."))
        return data


class SuspensionRequestForm(forms.Form):
    reason = forms.CharField(label=_("Why (optional)"), required=False, widget=forms.Textarea, max_length=2000)
