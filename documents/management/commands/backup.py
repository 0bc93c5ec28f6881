"""`manage.py backup DIR`: the database (pg_dump) and every stored file, with a manifest of digests."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.backup import BackupError, back_up


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and every stored file (local or S3) into a new directory."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="a new or empty directory")

    def handle(self, *args, directory: str, **options) -> None:
        try:
            manifest = back_up(Path(directory))
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = sum(entry["size"] for entry in manifest["files"].values())
        self.stdout.write(
            self.style.SUCCESS(f"database and {len(manifest['files'])} file(s), {size} bytes, in {directory}")
        )
