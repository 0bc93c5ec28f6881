"""The public status of a case: case number + access code from the receipt, no login, nothing personal.

A wrong code and an unknown case number look the same and take the same work (the code is derived for any number
and compared in constant time). Lookups are throttled in Django's cache per IP address (every attempt) and per case
number (wrong codes only) (`STATUS_LOOKUP_LIMIT_PER_IP`, `STATUS_LOOKUP_LIMIT_PER_CASE` per `STATUS_LOOKUP_WINDOW` s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mos import throttle

from .case_models import Application, ApplicationStatus
from .services import access_code_matches

CASE_NUMBER_PATTERN = r"^[0-9]{2}/[0-9]{4}/[0-9]{6}$"
ACCESS_CODE_PATTERN = r"^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$"

#: What a visitor may learn about each status: the stage, in words that say nothing about the person.
PUBLIC_STAGES: dict[str, str] = {
    ApplicationStatus.SUBMITTED: _("Submitted, waiting for the office"),
    ApplicationStatus.FORMAL_CHECK: _("Formal check"),
    ApplicationStatus.AWAITING_SUPPLEMENT: _("Waiting for documents from the applicant"),
    ApplicationStatus.IN_PROGRESS: _("Being examined"),
    ApplicationStatus.DECISION_ISSUED: _("Decision issued"),
    ApplicationStatus.LEFT_UNEXAMINED: _("Left unexamined"),
    ApplicationStatus.WITHDRAWN: _("Withdrawn"),
    ApplicationStatus.CLOSED: _("Closed"),
    ApplicationStatus.DISCONTINUED: _("Proceedings discontinued"),
    ApplicationStatus.AWAITING_PAYMENT: _("Waiting for the stamp duty"),
    ApplicationStatus.RETURNED: _("Application returned (stamp duty not paid)"),
    ApplicationStatus.REFUSED_TO_INITIATE: _("Refusal to initiate proceedings"),
    ApplicationStatus.SUSPENDED: _("Proceedings suspended at the applicant's request"),
}
#: Statuses told with their date, in the same words as the applicant's case page (`tracking.status_in_words`).
STAGES_WITH_A_DATE = frozenset(
    {
        ApplicationStatus.GRANTED_FINAL,
        ApplicationStatus.REFUSED_FINAL,
        ApplicationStatus.APPEAL_FILED,
        ApplicationStatus.APPEAL_AT_SECOND_INSTANCE,
        # Discontinued by the Head of the Office (art. 138 § 1 pkt 2 k.p.a.) it says so with the day; else its label.
        ApplicationStatus.DISCONTINUED,
    }
)

NOT_FOUND_MESSAGE = _("We found no case with this number and access code. Check both and try again.")
THROTTLED_MESSAGE = _("Too many attempts. Please try again in an hour.")


@dataclass(frozen=True)
class PublicStatus:
    case_number: str
    status: str
    stage: str
    changed_on: date


class StatusLookupForm(forms.Form):
    case_number = forms.CharField(
        label=_("Case number"),
        max_length=14,
        help_text=_("As on the receipt, for example 14/2026/000123."),
        validators=[
            RegexValidator(
                CASE_NUMBER_PATTERN,
                _(
                    "Enter the case number as on the receipt: two digits, the year and six digits, "
                    "for example 14/2026/000123."
                ),
                "invalid",
            )
        ],
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}),
    )
    access_code = forms.CharField(
        label=_("Access code"),
        max_length=20,
        help_text=_("Printed on the receipt, for example ABCD-EFGH-JKLM."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_case_number(self) -> str:
        return self.cleaned_data["case_number"].strip()

    def clean_access_code(self) -> str:
        code = self.cleaned_data["access_code"].strip().upper().replace(" ", "")
        if not re.fullmatch(ACCESS_CODE_PATTERN, code):
            raise forms.ValidationError(
                _("Enter the access code as on the receipt: twelve letters and digits, for example ABCD-EFGH-JKLM."),
                code="invalid",
            )
        return code


def _window() -> int:
    return int(getattr(settings, "STATUS_LOOKUP_WINDOW", 3600))


def allow_lookup(ip: str | None) -> bool:
    """Count one attempt from `ip`; False once the address is over its limit (every attempt counts)."""
    limit = int(getattr(settings, "STATUS_LOOKUP_LIMIT_PER_IP", 10))
    return throttle.allow("status-lookup:ip", ip or "-", limit=limit, window=_window())


def allow_failure_on_case(case_number: str) -> bool:
    """Count one wrong code for `case_number`; False once the case is over its limit of failures."""
    limit = int(getattr(settings, "STATUS_LOOKUP_LIMIT_PER_CASE", 5))
    return throttle.allow("status-lookup:case-failure", case_number, limit=limit, window=_window())


@dataclass(frozen=True)
class LookupOutcome:
    result: PublicStatus | None
    throttled: bool = False


def throttled_lookup(*, ip: str | None, case_number: str, code: str) -> LookupOutcome:
    """A lookup within the limits: per address every attempt counts; per case only wrong codes do.

    So strangers guessing one case's code from many addresses are slowed, yet the right code (from the receipt)
    always answers while its holder's own address is within its limit.
    """
    if not allow_lookup(ip):
        return LookupOutcome(None, throttled=True)
    result = lookup(case_number, code)
    if result is None and not allow_failure_on_case(case_number):
        return LookupOutcome(None, throttled=True)
    return LookupOutcome(result)


def lookup(case_number: str, code: str) -> PublicStatus | None:
    """The public status of the case, or None when the number or the code is wrong (indistinguishably)."""
    application = (
        Application.objects.filter(case_number=case_number).only("case_number", "status", "status_changed_at").first()
    )
    # Derive and compare a code even for an unknown number, so both answers take the same time.
    matches = access_code_matches(application or Application(case_number=case_number), code)
    if application is None or not matches:
        return None
    if application.status in STAGES_WITH_A_DATE:
        from .tracking import status_in_words

        stage = status_in_words(application)
    else:
        stage = str(PUBLIC_STAGES.get(application.status, _("In progress")))
    return PublicStatus(
        case_number=application.case_number,
        status=application.status,
        stage=stage,
        changed_on=timezone.localdate(application.status_changed_at),
    )
