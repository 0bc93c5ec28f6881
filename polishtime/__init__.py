"""Dates and times as people read them: Polish legal time (Europe/Warsaw), in the reader's language.

One function (`format_when`) and one template filter (`when`) format every date and time shown on a page, in a letter
or in an e-mail, so a slot booked at 08:00 UTC in winter reads 09:00 everywhere, and 10:00 for 08:00 UTC in summer.
Values are stored in UTC; only their presentation is local.
"""

from .formatting import OFFICE_ZONE, format_when, office_localtime

__all__ = ["OFFICE_ZONE", "format_when", "office_localtime"]
