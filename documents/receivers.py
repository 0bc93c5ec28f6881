"""What documents does when applications announce something (connected in DocumentsConfig.ready)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from applications.signals import application_submitted

logger = logging.getLogger(__name__)


@receiver(application_submitted, dispatch_uid="documents.render_submission_documents")
def enqueue_submission_documents(sender, application, **kwargs) -> None:
    """Queue the package and receipt after the submission commits.

    Robust: the submission is already saved, so a broker that is down (or, eager, a render that failed after its
    retries) is logged for re-issuing (`manage.py issue_submission_documents`) instead of failing the request.
    """
    if not getattr(settings, "DOCUMENTS_RENDER_ON_SUBMIT", True):
        return
    from documents.tasks import render_submission_documents

    application_id = application.pk
    transaction.on_commit(lambda: render_submission_documents.delay(application_id), robust=True)
