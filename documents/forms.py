"""The public verification forms: a case number with a digest, or an uploaded PDF."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

CASE_NUMBER = re.compile(r"^\d{2}/\d{4}/\d{6}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
PDF_MAGIC = b"%PDF-"


def max_upload_bytes() -> int:
    return int(getattr(settings, "DOCUMENTS_VERIFY_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))


class VerifyDigestForm(forms.Form):
    case = forms.CharField(
        label=_("Case number"), max_length=20, help_text=_("As on the receipt, e.g. 14/2026/000123.")
    )
    sha256 = forms.CharField(
        label=_("SHA-256 digest"), max_length=80, help_text=_("64 characters 0–9 and a–f, as printed on the receipt.")
    )

    def clean_case(self) -> str:
        value = self.cleaned_data["case"].strip()
        if not CASE_NUMBER.match(value):
            raise forms.ValidationError(
                _("Enter the case number as it is printed, for example 14/2026/000123."), code="case_number"
            )
        return value

    def clean_sha256(self) -> str:
        value = re.sub(r"\s+", "", self.cleaned_data["sha256"]).lower()
        if not SHA256.match(value):
            raise forms.ValidationError(
                _("A SHA-256 digest has exactly 64 characters, digits 0–9 and letters a–f."), code="sha256"
            )
        return value


class VerifyUploadForm(forms.Form):
    file = forms.FileField(label=_("PDF document"), help_text=_("A document issued by MOS, as you received it."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too big: at most %(size)d MB."), code="too_big", params={"size": limit // 2**20}
            )
        upload.seek(0)
        if upload.read(len(PDF_MAGIC)) != PDF_MAGIC:
            raise forms.ValidationError(_("This file is not a PDF document."), code="not_pdf")
        upload.seek(0)
        return upload
