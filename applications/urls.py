from django.urls import path

from .views import annex, attachments, cases, drafts, representation, signing, status, wizard

app_name = "applications"

urlpatterns = [
    path("start/", drafts.StartView.as_view(), name="start"),
    path("my/", drafts.DashboardView.as_view(), name="dashboard"),
    path("drafts/<uuid:draft_id>/", drafts.ResumeDraftView.as_view(), name="draft-resume"),
    path(
        "drafts/<uuid:draft_id>/step/<str:step>/",
        wizard.DraftWizardView.as_view(url_name="applications:draft-step", done_step_name="done"),
        name="draft-step",
    ),
    path("drafts/<uuid:draft_id>/attachments/", attachments.AttachmentsView.as_view(), name="draft-attachments"),
    path("drafts/<uuid:draft_id>/annex/", annex.AnnexCodeView.as_view(), name="draft-annex"),
    path("drafts/<uuid:draft_id>/check/", drafts.CheckAnswersView.as_view(), name="draft-check"),
    path("drafts/<uuid:draft_id>/sign/", signing.SignAndSubmitView.as_view(), name="draft-sign"),
    path(
        "drafts/<uuid:draft_id>/sign/trusted-profile/return/",
        signing.TrustedProfileReturnView.as_view(),
        name="draft-sign-return",
    ),
    path("drafts/<uuid:draft_id>/delete/", drafts.DeleteDraftView.as_view(), name="draft-delete"),
    path(
        "attachments/<uuid:attachment_id>/remove/", attachments.RemoveAttachmentView.as_view(), name="attachment-remove"
    ),
    path(
        "attachments/<uuid:attachment_id>/replace/",
        attachments.ReplaceAttachmentView.as_view(),
        name="attachment-replace",
    ),
    path(
        "attachments/<uuid:attachment_id>/download/",
        attachments.DownloadAttachmentView.as_view(),
        name="attachment-download",
    ),
    path("cases/<uuid:case_id>/", cases.CaseView.as_view(), name="case"),
    path("cases/<uuid:case_id>/withdraw/", cases.WithdrawView.as_view(), name="case-withdraw"),
    path("cases/<uuid:case_id>/letter/", representation.LetterView.as_view(), name="case-letter"),
    path(
        "cases/<uuid:case_id>/representatives/",
        representation.RepresentativesView.as_view(),
        name="case-representatives",
    ),
    path("status/", status.StatusView.as_view(), name="status"),
    path("employer/", annex.EmployerDashboardView.as_view(), name="employer-dashboard"),
    path(
        "employer/annexes/<uuid:annex_id>/step/<str:step>/",
        annex.AnnexWizardView.as_view(url_name="applications:annex-step", done_step_name="done"),
        name="annex-step",
    ),
    path("employer/annexes/<uuid:annex_id>/", annex.AnnexCheckView.as_view(), name="annex-check"),
    path(
        "employer/annexes/<uuid:annex_id>/sign/trusted-profile/return/",
        signing.AnnexTrustedProfileReturnView.as_view(),
        name="annex-sign-return",
    ),
]
