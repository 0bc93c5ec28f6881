"""Load the official form definitions shipped in formdefs/definitions/ (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from formdefs.models import FormDefinition
from formdefs.serialization import definition_files
from formdefs.services import import_definition


class Command(BaseCommand):
    help = "Import every official form definition as published, unless that slug and version exist already."

    def handle(self, *args, **options) -> None:
        for path in definition_files():
            slug, version = path.parent.name, int(path.stem[1:])
            if FormDefinition.objects.filter(slug=slug, version=version).exists():
                continue
            definition = import_definition(path.read_text(encoding="utf-8"), publish=True)
            if options["verbosity"]:
                self.stdout.write(f"Loaded {definition}")
