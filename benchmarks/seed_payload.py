"""The sample answers of each permit form (one copy, in `formdefs.builtin.samples`)."""

from formdefs.builtin.samples import applicant_payload, employer_payload

__all__ = ["applicant_payload", "employer_payload"]
