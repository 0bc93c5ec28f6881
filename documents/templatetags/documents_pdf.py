"""Template helpers for the official documents."""

from __future__ import annotations

from django import template

from documents.qr import qr_data_uri as _qr_data_uri

register = template.Library()


@register.filter
def qr_data_uri(url: str) -> str:
    """`<img src="{{ url|qr_data_uri }}">`: a QR code of the URL as an SVG data URI."""
    return _qr_data_uri(str(url)) if url else ""
