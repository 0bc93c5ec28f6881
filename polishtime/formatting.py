"""How a date or a time is written for a reader of each language (see the package docstring)."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from django.utils import dateformat, timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

#: The legal time of the offices and of every deadline (Act on Foreigners, k.p.a.): Polish time, whatever the server.
OFFICE_ZONE = ZoneInfo("Europe/Warsaw")

Style = Literal["datetime", "date", "time", "clock", "seconds", "zone", "iso"]

#: Django date-format strings per language: (date, date and time). "E" is the month's genitive (1 grudnia, 1 декабря).
FORMATS: dict[str, tuple[str, str]] = {
    "pl": ("d.m.Y", "d.m.Y H:i"),
    "en": ("j F Y", "j F Y, H:i"),
    "uk": ("j E Y", "j E Y, H:i"),
    "ru": ("j E Y", "j E Y, H:i"),
}


def office_localtime(value: datetime) -> datetime:
    """`value` in Polish time (a naive value is taken to be Polish time already)."""
    if timezone.is_naive(value):
        return value.replace(tzinfo=OFFICE_ZONE)
    return value.astimezone(OFFICE_ZONE)


def _parse(value):
    if isinstance(value, str):
        return parse_datetime(value) or parse_date(value)
    return value


def format_when(value, style: Style = "datetime", *, language: str | None = None) -> str:
    """`value` (a datetime, a date, or an ISO string of either) written for a reader: '' for nothing or nonsense.

    Styles: "datetime" (01.12.2026 09:00 / 1 December 2026, 09:00), "date", "time" (09:00), "clock" (09:00:05) and
    "seconds" (a date and time to the second, for receipts), "zone" (a date and time with the zone named, for
    appointments and deadlines an applicant abroad must not misread), "iso" (for the `datetime` attribute of
    `<time>`, in Polish time with its offset).
    """
    value = _parse(value)
    if not isinstance(value, date):
        return ""
    has_time = isinstance(value, datetime)
    if has_time:
        value = office_localtime(value)
    if style == "iso":
        return value.isoformat()
    active = translation.get_language() or "pl"
    code = (language or active).split("-")[0]
    date_format, datetime_format = FORMATS.get(code, FORMATS["en"])
    # Switching the language costs more than formatting: only when the reader's is not the active one.
    with translation.override(code) if code != active else nullcontext():
        if not has_time or style == "date":
            return dateformat.format(value, date_format)
        if style in ("time", "clock"):
            return dateformat.format(value, "H:i:s" if style == "clock" else "H:i")
        if style == "seconds":
            return dateformat.format(value, datetime_format + ":s")
        text = dateformat.format(value, datetime_format)
        if style == "zone":
            # Translators: a date and time, then the zone's abbreviation: "1 December 2026, 09:00 (Polish time, CET)".
            return _("%(when)s (Polish time, %(zone)s)") % {"when": text, "zone": value.tzname()}
        return text
