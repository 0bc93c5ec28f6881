"""Demo data for `make run`: voivodeships, offices and one account per role. Safe to run again."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import Role, User
from accounts.second_factor import b32_secret, demo_key_for, reset_static_tokens, setup_totp
from accounts.services import assign_role, ensure_role_groups
from applications.models import Office
from workflows.models import AppointmentSlot, StaffMembership

DEMO_PASSWORD = "mos-demo-2026"  # noqa: S105 - printed on screen on purpose; development data only

DEMO_ACCOUNTS = [
    # email, role, first name, last name, office (TERYT code) or None
    ("applicant@mos.example", Role.APPLICANT, "Olena", "Kovalenko", None),
    ("employer@mos.example", Role.EMPLOYER, "Jan", "Kowalski", None),
    ("officer.mazowieckie@mos.example", Role.OFFICER, "Anna", "Nowak", "14"),
    ("supervisor.mazowieckie@mos.example", Role.SUPERVISOR, "Piotr", "Wiśniewski", "14"),
    ("officer.malopolskie@mos.example", Role.OFFICER, "Katarzyna", "Wójcik", "12"),
    # The Head of the Office for Foreigners (the second instance): no voivodeship office, sees forwarded appeals only.
    ("second.instance@mos.example", Role.SECOND_INSTANCE, "Tomasz", "Lewandowski", None),
    ("admin@mos.example", Role.ADMINISTRATOR, "Adam", "Zieliński", None),
]


class Command(BaseCommand):
    help = "Load the demo data (voivodeships, offices, accounts of every role) and print the accounts."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        call_command("load_voivodeships", verbosity=0)
        call_command("load_form_definitions", verbosity=0)
        ensure_role_groups()
        rows = []
        for email, role, first_name, last_name, office_code in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(email=email)
            user.first_name, user.last_name = first_name, last_name
            user.email_verified = True
            user.is_active = True
            user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
            user.set_password(DEMO_PASSWORD)
            user.save()
            assign_role(user, role)
            second_factor = ""
            if office_code:
                StaffMembership.objects.update_or_create(
                    user=user, defaults={"office": Office.objects.get(voivodeship__code=office_code)}
                )
            if user.needs_second_factor:
                device = setup_totp(user, key_hex=demo_key_for(email))
                backup = [f"{role.value[:4]}{n}demo" for n in range(1, 4)]
                reset_static_tokens(user, backup)
                second_factor = f"TOTP secret {b32_secret(device)}; backup codes {', '.join(backup)}"
            rows.append((email, role.label, office_code or "", second_factor))

        self.publish_demo_slots()
        self.stdout.write(self.style.SUCCESS(f"Demo accounts (password for all: {DEMO_PASSWORD})"))
        for email, role, office, second_factor in rows:
            line = f"  {email:38} {role!s:24} {('office ' + office) if office else '':10} {second_factor}"
            self.stdout.write(line.rstrip())
        self.stdout.write(
            "Staff log in with a second factor: add the TOTP secret to an authenticator app, use a backup code, "
            "or print the current code with `.venv/bin/python manage.py totp_code EMAIL`."
        )

    def publish_demo_slots(self) -> None:
        """A few free fingerprints appointments in the demo offices (next working days, 9:00 and 11:00)."""
        from datetime import datetime, time, timedelta

        from django.utils import timezone

        today = timezone.localdate()
        for code in {office for *_rest, office in DEMO_ACCOUNTS if office}:
            office = Office.objects.get(voivodeship__code=code)
            if AppointmentSlot.objects.filter(office=office, starts_at__gt=timezone.now()).exists():
                continue
            days = [today + timedelta(days=n) for n in range(1, 10) if (today + timedelta(days=n)).weekday() < 5][:3]
            for day in days:
                for hour in (9, 11):
                    AppointmentSlot.objects.create(
                        office=office,
                        place=f"{office.street}, {office.city}",
                        starts_at=timezone.make_aware(datetime.combine(day, time(hour))),
                    )
