"""Downloads for the case's applicant, and the public page where anybody checks a document."""

from __future__ import annotations

import hashlib

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from documents import selectors
from documents.forms import VerifyDigestForm, VerifyUploadForm
from documents.signals import document_opened
from documents.signing import verify_pdf_signature
from documents.storage import download_url, verify_digest
from documents.throttle import allow, verify_rate
from mos.client_address import client_ip

PRESIGNED_URL_SECONDS = 120


class DownloadView(LoginRequiredMixin, View):
    """The applicant's copy: streamed through this permission check, or a short-lived presigned URL on S3."""

    def get(self, request: HttpRequest, document_id) -> HttpResponse:
        document = get_object_or_404(selectors.documents_for_applicant(request.user), public_id=document_id)
        # Opening a letter in the account is its delivery: deadlines run from it (case processing records it).
        document_opened.send_robust(sender=type(document), document=document, user=request.user, at=timezone.now())
        url = download_url(document.file.name, expires=PRESIGNED_URL_SECONDS)
        if url:
            response: HttpResponse = HttpResponseRedirect(url)
        else:
            filename = f"{document.kind}-{document.application.case_number.replace('/', '-')}.pdf"
            response = FileResponse(
                document.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
            )
            response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class DraftSigningPackageView(LoginRequiredMixin, View):
    """The package of a draft, to be signed with a qualified electronic signature and uploaded back unchanged."""

    def get(self, request: HttpRequest, draft_id) -> HttpResponse:
        from applications.selectors import open_drafts_for_applicant
        from documents.signing_package import signing_package

        draft = get_object_or_404(open_drafts_for_applicant(request.user), public_id=draft_id)
        signing_request = signing_package(draft=draft, signer=request.user)
        response = FileResponse(
            signing_request.document.open("rb"),
            as_attachment=True,
            filename=f"wniosek-do-podpisu-{signing_request.public_id.hex[:8]}.pdf",
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        response["X-Signing-Request"] = str(signing_request.public_id)
        return response


class AnnexSigningPackageView(LoginRequiredMixin, View):
    """The employer's annex as a PDF, to be signed with a qualified electronic signature and uploaded back."""

    def get(self, request: HttpRequest, annex_id) -> HttpResponse:
        from applications.case_models import AnnexStatus
        from applications.selectors import annexes_for_employer
        from documents.signing_package import signing_package

        annex = get_object_or_404(annexes_for_employer(request.user), public_id=annex_id, status=AnnexStatus.DRAFT)
        signing_request = signing_package(annex=annex, signer=request.user)
        response = FileResponse(
            signing_request.document.open("rb"),
            as_attachment=True,
            filename=f"zalacznik-do-podpisu-{signing_request.public_id.hex[:8]}.pdf",
            content_type="application/pdf",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class FiledAnnexPdfView(LoginRequiredMixin, View):
    """The employer's (or institution's) copy of the annex it signed, as a PDF rendered like every package (#17)."""

    def get(self, request: HttpRequest, annex_id) -> HttpResponse:
        from applications.case_models import AnnexStatus
        from applications.selectors import annexes_for_employer
        from applications.signing import method_label
        from documents.package import render_package
        from documents.signing_package import annex_package_parts

        annex = get_object_or_404(annexes_for_employer(request.user), public_id=annex_id, status=AnnexStatus.COMPLETE)
        parts = annex_package_parts(annex, request.user)
        parts["declaration"] = {
            **parts["declaration"],
            "confirmed_at": annex.signed_at,
            "method": method_label(annex.signature_method, "pl"),
        }
        pdf = render_package(created=annex.completed_at, **parts)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="zalacznik-{annex.public_id.hex[:8]}.pdf"'
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class VerifyView(View):
    """Public: was a document with this digest issued in this case, and is it intact? Nothing personal is shown."""

    template_name = "documents/pages/verify.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        if {"case", "document"} <= set(request.GET) and "sha256" not in request.GET:
            if not self.allowed(request):
                return self.throttled(request, VerifyDigestForm())
            document = selectors.document_of_case(request.GET["case"], request.GET["document"])
            return self.page(request, VerifyDigestForm(), VerifyUploadForm(), digest_result=digest_result(document))
        if not ({"case", "sha256"} & set(request.GET)):
            return self.page(request, VerifyDigestForm(), VerifyUploadForm())
        if not self.allowed(request):
            return self.throttled(request, VerifyDigestForm(request.GET))
        form = VerifyDigestForm(request.GET)
        context = {}
        if form.is_valid():
            document = selectors.documents_matching(form.cleaned_data["case"], form.cleaned_data["sha256"]).first()
            context["digest_result"] = digest_result(document)
        return self.page(request, form, VerifyUploadForm(), **context)

    def post(self, request: HttpRequest) -> HttpResponse:
        if not self.allowed(request):
            return self.throttled(request, VerifyDigestForm())
        form = VerifyUploadForm(request.POST, request.FILES)
        context = {}
        if form.is_valid():
            data = b"".join(form.cleaned_data["file"].chunks())
            digest = hashlib.sha256(data).hexdigest()
            document = selectors.documents_with_digest(digest).first()
            signature = verify_pdf_signature(data)
            context["upload_result"] = {**digest_result(document), "sha256": digest, "signature": signature}
        return self.page(request, VerifyDigestForm(), form, **context)

    def allowed(self, request: HttpRequest) -> bool:
        return allow("documents-verify", client_ip(request), limit=verify_rate())

    def throttled(self, request: HttpRequest, digest_form: VerifyDigestForm) -> HttpResponse:
        response = self.page(
            request,
            digest_form,
            VerifyUploadForm(),
            throttled=_("Too many checks from your address. Please wait a minute and try again."),
        )
        response.status_code = 429
        response["Retry-After"] = "60"
        return response

    def page(self, request: HttpRequest, digest_form, upload_form, **context) -> HttpResponse:
        response = render(
            request, self.template_name, {"digest_form": digest_form, "upload_form": upload_form, **context}
        )
        response["Cache-Control"] = "no-store"
        return response


def digest_result(document) -> dict:
    """Only what the holder of the document may learn: that it was issued, when, of which kind, and intact."""
    if document is None:
        return {"found": False}
    return {
        "found": True,
        "kind": document.get_kind_display(),
        "issued_at": document.created_at,
        "intact": verify_digest(document.file.name, document.sha256),
        "lapsed_at": document.lapsed_at,
        "lapse_reason": document.get_lapse_reason_display(),
    }
