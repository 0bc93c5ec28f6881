from django.core.management.base import BaseCommand

from applications.models import Office, Voivodeship
from applications.voivodeships import load_voivodeships


class Command(BaseCommand):
    help = "Create or update the 16 voivodeships and their voivodeship offices (idempotent)."

    def handle(self, *args, **options) -> None:
        count = load_voivodeships(Voivodeship, Office)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{count} voivodeships and offices loaded."))
