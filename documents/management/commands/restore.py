"""`manage.py restore DIR`: a backup into a fresh database and empty storage, then every digest checked."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a `manage.py backup` directory into the (freshly created, empty) database of DATABASE_URL and "
        "the (empty) file storage, then check every document and upload against its SHA-256."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory")

    def handle(self, *args, directory: str, **options) -> None:
        try:
            checked = restore(Path(directory))
        except BackupError as error:
            raise CommandError(str(error)) from error
        if checked.damaged:
            raise CommandError(f"{len(checked.damaged)} file(s) do not match their digest: {checked.damaged[:10]}")
        self.stdout.write(
            self.style.SUCCESS(
                f"restored; {checked.documents} document(s) and {checked.attachments} upload(s) match their SHA-256"
            )
        )
