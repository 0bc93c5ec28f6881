"""Import a form definition from a JSON file as a new draft (or published at once with --publish)."""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from formdefs.parsing import DefinitionError
from formdefs.services import import_definition


class Command(BaseCommand):
    help = "Import a form definition: import_form_definition <file> [--publish]"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--publish", action="store_true")

    def handle(self, *args, file: str, publish: bool, **options) -> None:
        try:
            definition = import_definition(Path(file).read_text(encoding="utf-8"), publish=publish)
        except (DefinitionError, ValidationError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Imported {definition}")
