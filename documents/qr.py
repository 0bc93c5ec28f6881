"""QR codes for documents: an SVG data URI, so the renderer needs no file and no network."""

from __future__ import annotations

import segno


def qr_data_uri(url: str, *, scale: int = 4, border: int = 2) -> str:
    """A QR code (error correction M) of `url` as an SVG data: URI for `<img src>`."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=scale, border=border)
