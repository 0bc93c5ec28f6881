"""Forms of the appeal: the applicant's appeal or waiver, the voivode's step and the second instance's decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import MultipleFileField, add_grant_errors, add_ground_choices, add_ground_errors, fit_period_fields
from .models import Appeal, DecisionKind

DATE = forms.DateInput(attrs={"type": "date"})


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Your appeal"),
        widget=forms.Textarea,
        help_text=_("Say what you disagree with in the decision and why. You do not need a lawyer."),
        required=False,
    )
    files = MultipleFileField(
        label=_("Attachments to the appeal"),
        required=False,
        help_text=_("PDF, JPEG or PNG, up to 10 MB each. You can choose several files."),
    )


class WaiverForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I waive my right to appeal against this decision"),
        help_text=_("The decision becomes final today, and you cannot appeal against it later (art. 127a k.p.a.)."),
    )


class AppealReviewForm(forms.Form):
    """The voivode's step within 7 days (art. 132, 133 k.p.a.)."""

    outcome = forms.ChoiceField(label=_("The appeal"), choices=Appeal.VoivodeOutcome.choices, widget=forms.RadioSelect)
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DATE)
    valid_to = forms.DateField(label=_("Valid to"), required=False, widget=DATE)
    justification = forms.CharField(
        label=_("Justification"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Required when you grant the appeal: the new decision gives its reasons."),
    )

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        if application is not None:
            fit_period_fields(self, application)

    def clean(self):
        """A grant of the appeal is a new decision (art. 132 k.p.a.): its period is checked as the first one was, each
        message by its field (`workflows.decisions.check_grant`)."""
        data = super().clean()
        if data.get("outcome") != Appeal.VoivodeOutcome.GRANTED:
            return data
        if not (data.get("justification") or "").strip():
            self.add_error("justification", _("Give the reasons for granting the appeal."))
        if self.application is not None and not self.errors:
            add_grant_errors(self, self.application, data)
        return data


class SecondInstanceForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision on the appeal"), choices=Appeal.Outcome.choices, widget=forms.RadioSelect
    )
    kind = forms.ChoiceField(
        label=_("How the case is decided"),
        choices=[("", "—"), *DecisionKind.choices],
        required=False,
        help_text=_("Only when the decision is overturned and the case decided."),
    )
    grounds = forms.MultipleChoiceField(
        label=_("Grounds of the refusal"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("When the case is decided by a refusal: at least one ground the Act gives for this permit."),
    )
    valid_from = forms.DateField(label=_("Valid from"), required=False, widget=DATE)
    valid_to = forms.DateField(label=_("Valid to"), required=False, widget=DATE)
    justification = forms.CharField(label=_("Justification"), widget=forms.Textarea)

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.indefinite = application is not None and fit_period_fields(self, application)
        add_ground_choices(self, application)

    def clean(self):
        """Overturned and granted for an indefinite time: the grant states no period (`decisions.check_grant`, each
        message by its field); a temporary permit's grant keeps the period check of `appeals.decide_appeal`.
        Overturned and decided by a refusal: the new decision names its grounds, as the first one must."""
        data = super().clean()
        overturned_grant = data.get("outcome") == Appeal.Outcome.OVERTURNED and data.get("kind") == DecisionKind.GRANT
        if overturned_grant and self.indefinite and not self.errors:
            add_grant_errors(self, self.application, data)
        if data.get("outcome") == Appeal.Outcome.OVERTURNED and data.get("kind") == DecisionKind.REFUSAL:
            add_ground_errors(self, self.application, data)
        return data
