"""Submitted cases for the document tests, made through the applications services."""

from __future__ import annotations

from tests.samples import submit_sample

__all__ = ["submit_sample", "submit_work_permit"]


def submit_work_permit(applicant=None, employer=None, language: str = "uk"):
    """A temporary residence and work application with the employer's Annex 1 completed."""
    return submit_sample(
        applicant, "temporary-residence-work", employer=employer, language=language, ip="198.51.100.23"
    )
