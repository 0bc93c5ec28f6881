"""Issue the missing package or receipt of submitted cases (after a broker outage, say); safe to run any time."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from documents.selectors import cases_missing_submission_documents
from documents.services import issue_submission_documents


class Command(BaseCommand):
    help = "Issue the application package and receipt of cases that lack them (in this process)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("case_numbers", nargs="*", help="only these cases (default: every case missing one)")

    def handle(self, *args, case_numbers: list[str], **options) -> None:
        cases = cases_missing_submission_documents()
        if case_numbers:
            cases = cases.filter(case_number__in=case_numbers)
        count = 0
        for application_id, case_number in cases.values_list("pk", "case_number"):
            issue_submission_documents(application_id)
            count += 1
            self.stdout.write(f"{case_number}: package and receipt issued")
        self.stdout.write(self.style.SUCCESS(f"{count} case(s) completed"))
