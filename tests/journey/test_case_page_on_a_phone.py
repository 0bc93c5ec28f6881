"""The confirmation shows the access code for /status/, the case page links /status/ and /verify/ and keeps the
SHA-256 digests folded away, and "My applications" stacks its table on a phone (issue 17)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from applications.services import access_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant_client(client, submitted_application):
    client.force_login(submitted_application.applicant)
    return client


def case_url(case, **query) -> str:
    url = reverse("applications:case", kwargs={"case_id": case.public_id})
    return url + ("?submitted" if query.get("submitted") else "")


def test_the_confirmation_shows_the_access_code_for_the_status_page(applicant_client, submitted_application):
    html = applicant_client.get(case_url(submitted_application, submitted=True)).content.decode()
    assert access_code(submitted_application) in html
    assert f'href="{reverse("applications:status")}"' in html


def test_the_access_code_is_not_repeated_on_the_ordinary_case_page(applicant_client, submitted_application):
    html = applicant_client.get(case_url(submitted_application)).content.decode()
    assert access_code(submitted_application) not in html


def test_the_case_page_links_status_and_verification_and_folds_the_digests(applicant_client, submitted_application):
    html = applicant_client.get(case_url(submitted_application)).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert f'href="{reverse("applications:status")}"' in main and f'href="{reverse("documents:verify")}"' in main
    digests = [attachment.sha256 for attachment in submitted_application.attachments.all()]
    # Each full digest only inside a closed <details>, whose summary shows its first 12 characters.
    folded = re.findall(r'<details class="digest"><summary>SHA-256 (\w+)…</summary><code>(\w+)</code>', main)
    assert sorted(full for _short, full in folded) == sorted(digests)
    assert all(full.startswith(short) and len(short) == 12 for short, full in folded)
    assert all(main.count(digest) == digests.count(digest) for digest in digests)


def test_my_applications_table_stacks_with_a_label_on_every_cell(applicant_client, submitted_application):
    html = applicant_client.get(reverse("applications:dashboard")).content.decode()
    table = html[html.index('<table class="stack">') : html.index("</table>")]
    cells = re.findall(r"<td([^>]*)>", table)
    assert cells and all("data-label=" in cell for cell in cells)
