"""In Chromium: log in through the (local) national node, then sign the application with a qualified signature by
downloading the package and uploading it signed; axe-core finds nothing on our pages."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from accounts.identity_models import NationalIdentity
from applications.case_models import Application
from tests.browser import assert_no_axe_violations
from tests.identity.conftest import running_national_node
from tests.identity.pki import pades_sign

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_node(live_server, tmp_path, settings):
    with running_national_node(tmp_path / "node", live_server.url) as node:
        for name, value in node["settings"].items():
            setattr(settings, name, value)
        yield node


def test_a_person_logs_in_with_login_gov_pl_and_submits_with_a_qualified_signature(
    new_page, browser_node, qualified_ca, trusted_ca, tmp_path
):
    from tests.samples import ready_draft

    page = new_page()
    page.goto("/accounts/login/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Log in with login.gov.pl").click()
    # The node's own login page (not ours: no axe check), where the person proves who they are.
    page.locator("input[name=given_name]").fill("OKSANA")
    page.locator("input[name=family_name]").fill("KOWALENKO")
    page.locator("input[name=date_of_birth]").fill("1990-05-17")
    page.locator("input[name=person_identifier]").fill("PL/PL/90051712345")
    page.get_by_role("button", name="Zaloguj").click()
    page.wait_for_url(lambda url: url.startswith(browser_node["settings"]["SITE_URL"]) and "/saml/" not in url)
    user = NationalIdentity.objects.get(pesel="90051712345").user

    draft = ready_draft(user)
    page.goto(f"/drafts/{draft.public_id}/sign/")
    assert_no_axe_violations(page)
    page.locator("input[type=checkbox]").first.check()
    page.get_by_label("Qualified electronic signature").check()
    page.get_by_role("button", name="Submit the application").click()
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the application package (PDF)").click()
    package = open(download.value.path(), "rb").read()  # noqa: SIM115
    signed = tmp_path / "signed.pdf"
    certificate = trusted_ca.issue(given_name="Oksana", surname="Kowalenko")
    with ThreadPoolExecutor(max_workers=1) as pool:  # pyHanko runs its own event loop; Playwright's runs here
        signed.write_bytes(pool.submit(pades_sign, package, certificate, trusted_ca, tmp_path).result())
    page.get_by_label("Qualified electronic signature").check()
    page.locator("input[type=file]").set_input_files(str(signed))
    page.get_by_role("button", name="Submit the application").click()
    page.wait_for_url("**/cases/**")
    assert_no_axe_violations(page)
    application = Application.objects.get(draft=draft)
    assert application.signature_method == "qualified" and application.applicant == user
