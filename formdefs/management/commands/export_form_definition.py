"""Export one version of a form definition as JSON (the published one unless --version says otherwise)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from formdefs.models import FormDefinition, FormDefinitionStatus
from formdefs.services import export_definition


class Command(BaseCommand):
    help = "Export a form definition as JSON: export_form_definition <slug> [--version N] [-o file]"

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("-o", "--output")

    def create_parser(self, prog_name: str, subcommand: str, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser._optionals.conflict_handler = "resolve"  # --version names the definition's version here, not Django's
        parser.add_argument("--version", type=int, dest="definition_version")
        return parser

    def handle(self, *args, slug: str, definition_version: int | None, output: str | None, **options) -> None:
        versions = FormDefinition.objects.filter(slug=slug)
        if definition_version is not None:
            definition = versions.filter(version=definition_version).first()
        else:
            definition = versions.filter(status=FormDefinitionStatus.PUBLISHED).first() or versions.first()
        if definition is None:
            raise CommandError(
                f"No form definition {slug!r}" + (f" version {definition_version}" if definition_version else "")
            )
        text = export_definition(definition)
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
