"""Bulk benchmark data: N submitted cases over the 16 voivodeships and every stage, with processes, tasks and events.

    manage.py seed_cases 1000000            # add a million cases (COPY on PostgreSQL)
    manage.py seed_cases --reset            # delete every seeded row (users @seed.mos.example and their cases)
    manage.py seed_cases 100000 --reset     # both: start again from nothing seeded

The generation lives in `benchmarks.seed`; never run this against production data.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create N realistic submitted cases (bulk inserts; users marked @seed.mos.example). --reset removes them."

    def add_arguments(self, parser) -> None:
        parser.add_argument("count", nargs="?", type=int, default=0, help="number of cases to add")
        parser.add_argument("--reset", action="store_true", help="delete the seeded rows first")
        parser.add_argument("--years", type=int, default=2, help="spread submissions over this many years")

    def handle(self, *args, count: int, reset: bool, years: int, **options) -> None:
        from django.core.management import call_command

        from benchmarks import seed
        from formdefs.api import FormDefinition

        if count > 0 and not FormDefinition.objects.filter(status="published").exists():
            # A freshly migrated database has the voivodeships but no forms: the cases need the built-in ones.
            call_command("load_form_definitions", verbosity=0)
        if reset:
            deleted = seed.reset()
            self.stdout.write(f"Deleted seeded rows: {deleted}")
        if count > 0:
            result = seed.seed(
                count,
                years=years,
                progress=lambda done, seconds: self.stdout.write(
                    f"  {done} cases in {seconds:.0f} s ({done / seconds:.0f}/s)"
                ),
            )
            self.stdout.write(
                f"Seeded {result['cases']} cases, {result['applicants']} applicants, "
                f"{result['tasks']} tasks, {result['events']} events in {result['seconds']} s "
                f"({result['cases_per_second']} cases/s)."
            )
