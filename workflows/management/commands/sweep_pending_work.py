"""Run the sweep once, now (what Celery beat runs every SWEEP_INTERVAL_SECONDS): for cron, or after an outage."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from applications.tasks import sweep_event_notifications
from documents.tasks import sweep_submission_documents
from workflows.tasks import sweep_case_processes


class Command(BaseCommand):
    help = (
        "Start missing case processes and enqueue the missing packages, receipts and e-mails of work older than "
        "--grace seconds (default SWEEP_GRACE_SECONDS). Enqueueing needs the broker; without REDIS_URL it runs here."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--grace", type=int, default=None, help="only work older than this many seconds")

    def handle(self, *args, grace: int | None, **options) -> None:
        processes = sweep_case_processes.run(grace)
        documents = sweep_submission_documents.run(grace)
        emails = sweep_event_notifications.run(grace)
        self.stdout.write(
            f"{processes} process(es) started, {documents} case(s) enqueued for documents, {emails} e-mail(s) enqueued"
        )
