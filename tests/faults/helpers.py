"""What the fault tests do as the applicant, and how they wait for other processes (polling, never sleeping)."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import contextmanager, suppress
from pathlib import Path

from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD


def wait_for(what: str, condition: Callable[[], object], timeout: float, interval: float = 0.1, *, log=None):
    """Poll another process's progress until `condition()` is truthy; fail saying what never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(interval)
    tail = f"\n--- {log.name} log ---\n{log.output()[-4000:]}" if log is not None else ""
    raise AssertionError(f"{what}: not within {timeout:.0f} s{tail}")


def applicant_client(applicant) -> Client:
    """The applicant's browser, logged in; server errors come back as pages (as a browser sees them)."""
    client = Client(HTTP_ACCEPT_LANGUAGE="en", raise_request_exception=False)
    client.force_login(applicant)
    return client


def sign_form(client: Client, draft) -> tuple[str, dict[str, str]]:
    """The signing page's address and what the applicant sends from it: every declaration ticked, the password."""
    url = reverse("applications:draft-sign", kwargs={"draft_id": draft.public_id})
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = {field.key: "on" for field in page.context["form"].declarations}
    return url, {**data, "password": PASSWORD}


def submitted_to_case_page(response) -> bool:
    return response.status_code == 302 and "/cases/" in response["Location"]


def document_kinds(application) -> list[str]:
    return sorted(application.documents.values_list("kind", flat=True))


def log_mark(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


@contextmanager
def default_database(url: str):
    """Point Django's `default` connection (in every thread) at `url` for a while, then back."""
    import dj_database_url
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections

    def forget_connection() -> None:
        connections.close_all()
        with suppress(AttributeError):  # this thread had none
            del connections["default"]
        ContentType.objects.clear_cache()

    saved = connections.settings["default"]
    forget_connection()
    config = dj_database_url.parse(url, conn_max_age=0)
    connections.settings["default"] = connections.configure_settings({"default": config})["default"]
    try:
        yield
    finally:
        forget_connection()
        connections.settings["default"] = saved
