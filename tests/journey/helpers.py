"""Drive the applicant's wizard through Django's test client, as a browser would post it."""

from __future__ import annotations

import io
from typing import Any

from django.urls import reverse
from PIL import Image

from applications.case_models import Draft
from formdefs.steps import answers_to_data, visible_wizard_steps


def step_url(draft: Draft, step: str) -> str:
    return reverse("applications:draft-step", kwargs={"draft_id": draft.public_id, "step": step})


def post_step(client, draft: Draft, step: str, answers: dict[str, Any], **extra):
    data = answers_to_data(draft.definition.spec.step(step), answers)
    data[f"draft_v{draft.definition.version}-current_step"] = [step]
    for key, value in extra.items():
        data[key] = [value]
    return client.post(step_url(draft, step), data)


def fill_every_step(client, draft: Draft, payload: dict[str, Any]) -> None:
    """Post each visible step in order, as the applicant moves on."""
    done: set[str] = set()
    while True:
        draft.refresh_from_db()
        pending = [s for s in visible_wizard_steps(draft.definition.spec, draft.answers) if s.key not in done]
        if not pending:
            return
        step = pending[0].key
        response = post_step(client, draft, step, payload.get(step, {}))
        assert response.status_code == 302, (step, response.context and response.context["step_form"].error_list())
        done.add(step)


def png_bytes(width: int = 600, height: int = 800) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 180, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg_bytes(width: int = 700, height: int = 900) -> bytes:
    """A photograph as the 2026 rules want it: JPEG, at least 684 x 883 pixels, 35:45."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 180, 160)).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
