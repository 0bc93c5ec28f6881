"""Start the process of every submitted case that has none (after a failure when the submission signal ran)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from applications.case_models import Application, ApplicationStatus
from workflows.services import start_case


class Command(BaseCommand):
    help = "Start the case-processing flow for submitted applications that have no process yet."

    def handle(self, *args, **options) -> None:
        missing = Application.objects.filter(process__isnull=True, status=ApplicationStatus.SUBMITTED)
        count = 0
        for application in missing.order_by("submitted_at"):
            start_case(application)
            count += 1
        self.stdout.write(f"Started {count} case process(es).")
