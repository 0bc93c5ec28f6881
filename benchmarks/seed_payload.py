"""The sample answers of each permit form (one copy, in `formdefs.samples`)."""

from formdefs.samples import applicant_payload, employer_payload

__all__ = ["applicant_payload", "employer_payload"]
