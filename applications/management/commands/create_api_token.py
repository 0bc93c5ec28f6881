"""Create a personal API token for a user and print its key (shown once)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from applications.api_tokens import create_api_token


class Command(BaseCommand):
    help = "Create a personal API token for the user with this e-mail address and print the key (shown once)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="A name to recognise the token by.")

    def handle(self, *args, email: str, name: str, **options) -> None:
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None or not user.is_active:
            raise CommandError(f"No active user with the e-mail address {email}.")
        _token, key = create_api_token(user=user, name=name)
        self.stdout.write(key)
