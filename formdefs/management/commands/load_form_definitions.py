"""Load the official form definitions shipped in formdefs/builtin/ (idempotent)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from formdefs.models import FormDefinition
from formdefs.services import import_definition

BUILTIN = Path(__file__).resolve().parents[2] / "builtin"


class Command(BaseCommand):
    help = "Import every built-in form definition as published, unless that slug and version exist already."

    def handle(self, *args, **options) -> None:
        for path in sorted(BUILTIN.glob("*.json")):
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
            if FormDefinition.objects.filter(slug=data.get("slug"), version=data.get("version")).exists():
                continue
            definition = import_definition(text, publish=True)
            if options["verbosity"]:
                self.stdout.write(f"Loaded {definition}")
