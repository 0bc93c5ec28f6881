from django.urls import path

from . import appeal_views, applicant_views, representation_views, views

app_name = "workflows"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("queue/", views.QueueView.as_view(), name="queue"),
    path("tasks/", views.OfficeTasksView.as_view(), name="office-tasks"),
    path("tasks/<int:task_id>/", views.TaskView.as_view(), name="task"),
    path("tasks/<int:task_id>/claim/", views.ClaimView.as_view(), name="task-claim"),
    path("tasks/<int:task_id>/reassign/", views.ReassignView.as_view(), name="task-reassign"),
    path("tasks/<int:task_id>/handover/", views.HandoverView.as_view(), name="task-handover"),
    path("tasks/<int:task_id>/letter-preview/", views.LetterPreviewView.as_view(), name="task-letter-preview"),
    path("tasks/<int:task_id>/decision-draft/", views.DecisionDraftView.as_view(), name="task-decision-draft"),
    path("cases/", views.CaseListView.as_view(), name="cases"),
    path("cases/<uuid:case_id>/", views.CaseView.as_view(), name="case"),
    path(
        "cases/<uuid:case_id>/delay-notice-draft/", views.DelayNoticeDraftView.as_view(), name="case-delay-notice-draft"
    ),
    path(
        "cases/<uuid:case_id>/powers-of-attorney/",
        representation_views.PowersOfAttorneyView.as_view(),
        name="case-powers-of-attorney",
    ),
    path(
        "cases/<uuid:case_id>/powers-of-attorney/<int:representation_id>/<str:which>/",
        representation_views.PowerOfAttorneyFileView.as_view(),
        name="case-power-of-attorney-file",
    ),
    path("dashboard/", views.DashboardView.as_view(), name="dashboard"),
    path("knowledge/", views.KnowledgeView.as_view(), name="knowledge"),
    path("knowledge/<slug:slug>/", views.KnowledgeArticleView.as_view(), name="knowledge-article"),
    path("documents/<uuid:document_id>/download/", views.DocumentDownloadView.as_view(), name="document-download"),
    path(
        "attachments/<uuid:attachment_id>/download/", views.AttachmentDownloadView.as_view(), name="attachment-download"
    ),
    path("attachments/<uuid:attachment_id>/view/", views.AttachmentInlineView.as_view(), name="attachment-view"),
    path("supplement/<uuid:case_id>/", applicant_views.SupplementView.as_view(), name="supplement"),
    path("evidence/<uuid:case_id>/", applicant_views.EvidenceView.as_view(), name="evidence"),
    path("suspend/<uuid:case_id>/", applicant_views.SuspensionRequestView.as_view(), name="suspend"),
    path("resume/<uuid:case_id>/", applicant_views.SuspensionRequestView.as_view(resume=True), name="resume"),
    path("appointment/<uuid:case_id>/", applicant_views.AppointmentView.as_view(), name="appointment"),
    # The appeal: the applicant's page, and the Head of the Office for Foreigners' queue and decision.
    path("appeal/<uuid:case_id>/", appeal_views.AppealView.as_view(), name="appeal"),
    path("appeals/", appeal_views.SecondInstanceQueueView.as_view(), name="second-instance-queue"),
    path("appeals/<int:task_id>/", appeal_views.SecondInstanceTaskView.as_view(), name="second-instance-task"),
    path(
        "appeals/<int:task_id>/decision-draft/",
        appeal_views.SecondInstanceDecisionDraftView.as_view(),
        name="second-instance-decision-draft",
    ),
]
