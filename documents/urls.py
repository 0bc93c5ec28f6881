from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("documents/<uuid:document_id>/download/", views.DownloadView.as_view(), name="download"),
    path(
        "documents/drafts/<uuid:draft_id>/signing-package/",
        views.DraftSigningPackageView.as_view(),
        name="draft-signing-package",
    ),
    path(
        "documents/annexes/<uuid:annex_id>/signing-package/",
        views.AnnexSigningPackageView.as_view(),
        name="annex-signing-package",
    ),
    path("documents/annexes/<uuid:annex_id>/filed.pdf", views.FiledAnnexPdfView.as_view(), name="annex-filed-pdf"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
]
