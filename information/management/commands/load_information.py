from django.core.management.base import BaseCommand

from information.initial_content import load_information
from information.models import FaqEntry, LegalAct, PermitPage, ProcedureStep


class Command(BaseCommand):
    help = (
        "Create the shipped information pages, their steps and FAQ, and the legal acts, where missing "
        "(idempotent; --reset puts the shipped content back over administrators' edits)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--reset", action="store_true", help="Overwrite the pages with the shipped content.")

    def handle(self, *args, reset: bool = False, **options) -> None:
        count = load_information(PermitPage, ProcedureStep, FaqEntry, LegalAct, reset=reset)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{count} information pages written."))
