"""The contact form: strict, with a message for each field in the visitor's language."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.voivodeships import VOIVODESHIPS
from information.models import ContactTopic
from information.selectors import offices_for_choice

CASE_NUMBER = re.compile(r"^(?P<teryt>\d{2})/(?P<year>\d{4})/(?P<number>\d{6})$")
TERYT_CODES = frozenset(item["code"] for item in VOIVODESHIPS)
FIRST_CASE_YEAR = 2014  # the Act on Foreigners of 12 December 2013 applies from 1 May 2014
MESSAGE_MIN, MESSAGE_MAX = 20, 5000


def clean_case_number(value: str, today: datetime.date | None = None) -> str:
    """`NN/YYYY/NNNNNN`: a voivodeship's TERYT code, a year that has begun, six digits."""
    value = re.sub(r"\s+", "", value)
    match = CASE_NUMBER.match(value)
    if not match:
        raise forms.ValidationError(
            _(
                "Enter the case number as it is printed on the receipt: two digits, the year and six digits, "
                "for example 14/2026/000123."
            ),
            code="case_number_format",
        )
    if match["teryt"] not in TERYT_CODES:
        raise forms.ValidationError(
            _("A case number starts with the code of a voivodeship, for example 14."), code="case_number_voivodeship"
        )
    year = int(match["year"])
    if not FIRST_CASE_YEAR <= year <= (today or timezone.localdate()).year:
        raise forms.ValidationError(_("The year in the case number is not possible."), code="case_number_year")
    return value


class OfficeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.voivodeship.name} — {obj.name}"


class ContactForm(forms.Form):
    office = OfficeChoiceField(
        label=_("Voivodeship office"),
        queryset=offices_for_choice(),
        empty_label=_("Choose the voivodeship"),
        help_text=_("The office of the voivodeship where you live or where your case is."),
        error_messages={
            "required": _("Choose the voivodeship office your message is for."),
            "invalid_choice": _("Choose one of the voivodeship offices in the list."),
        },
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        choices=[("", _("Choose a topic")), *ContactTopic.choices],
        error_messages={
            "required": _("Choose the topic of your message."),
            "invalid_choice": _("Choose one of the topics in the list."),
        },
    )
    case_number = forms.CharField(
        label=_("Case number (optional)"),
        required=False,
        max_length=20,
        help_text=_("If you have already applied: as on the receipt, for example 14/2026/000123."),
        error_messages={"max_length": _("A case number has 14 characters, for example 14/2026/000123.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send a confirmation and the answer to this address."),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the right format, like name@example.com."),
        },
    )
    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 8}),
        strip=True,
        help_text=_("Between 20 and 5000 characters. Please do not write passport or PESEL numbers."),
        error_messages={"required": _("Write your message.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the voivodeship office processes my e-mail address and my message to answer me."),
        error_messages={"required": _("Tick the box to agree, or we cannot answer you.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["case_number"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def clean_case_number(self) -> str:
        value = self.cleaned_data["case_number"]
        return clean_case_number(value) if value else ""

    def clean_message(self) -> str:
        value = self.cleaned_data["message"].replace("\x00", "")
        if len(value) < MESSAGE_MIN:
            raise forms.ValidationError(
                _("Your message is too short: write at least %(min)d characters (now %(count)d)."),
                code="message_too_short",
                params={"min": MESSAGE_MIN, "count": len(value)},
            )
        if len(value) > MESSAGE_MAX:
            raise forms.ValidationError(
                _("Your message is too long: write at most %(max)d characters (now %(count)d)."),
                code="message_too_long",
                params={"max": MESSAGE_MAX, "count": len(value)},
            )
        return value


class FaqSearchForm(forms.Form):
    q = forms.CharField(label=_("Search the questions and answers"), max_length=200, required=False)
