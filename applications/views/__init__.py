"""Applicant and employer pages, one module per part of the journey."""
