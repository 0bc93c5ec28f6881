"""Every text of a definition reaches the page in the reader's language, never as a Python repr (issue 12).

The legend of every repeating group used to print `pl='Członkowie rodziny' en='Family members' ...`, and its error
read ": Add at least 1." with no name.
"""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from applications import services
from formdefs.models import FormDefinition, FormDefinitionStatus
from formdefs.schema import GroupSpec, translate
from formdefs.steps import visible_wizard_steps
from tests.factories import ApplicantFactory
from tests.journey.helpers import post_step, step_url
from tests.samples import applicant_payload

pytestmark = pytest.mark.django_db
LANGUAGES = ["pl", "en", "uk", "ru"]
REPR = re.compile(r"\b(pl|en|uk|ru)=('|&#x27;|&#39;)")  # how pydantic prints a Text, escaped for HTML or not


@pytest.fixture
def published(db):
    call_command("load_form_definitions", verbosity=0)
    return list(FormDefinition.objects.filter(status=FormDefinitionStatus.PUBLISHED).order_by("slug"))


def answered_draft(client, slug):
    """A draft with the sample answers saved, so every step and group they open is shown."""
    applicant = ApplicantFactory()
    client.force_login(applicant)
    draft = services.start_draft(applicant=applicant, slug=slug)
    for step, answers in applicant_payload(slug).items():
        draft = services.save_step_answers(draft=draft, step_key=step, answers=answers)
    return draft


def assert_no_repr(page: str, where: str) -> None:
    found = REPR.search(page)
    assert found is None, f"{where}: {page[found.start() - 80 : found.end() + 80]!r}"


@pytest.mark.slow
def test_every_step_of_every_published_main_form_shows_its_texts_in_each_language(client, published):
    main_forms = [d for d in published if not d.spec.annex_of]
    assert len(main_forms) == 5  # the four of 2019 and the EU Blue Card (issue 13)
    for definition in main_forms:
        draft = answered_draft(client, definition.slug)
        steps = visible_wizard_steps(definition.spec, draft.answers)
        for language in LANGUAGES:
            for step in steps:
                response = client.get(step_url(draft, step.key), HTTP_ACCEPT_LANGUAGE=language)
                assert response.status_code == 200, (definition.slug, step.key, language)
                page = response.content.decode().replace("&#x27;", "'")
                assert_no_repr(page, f"{definition.slug}/{step.key}/{language}")
                assert translate(step.title, language) in page
                for group in (i for i in step.items if isinstance(i, GroupSpec)):
                    legend = f"{group.number}. " if group.number else ""
                    legend += translate(group.label, language)
                    assert f"<legend>{legend}</legend>" in page, (definition.slug, group.key)


def test_every_step_of_every_published_definition_previews_in_each_language(admin_client, published):
    """The admin's preview draws every step (the annex's too), hidden or not, with its groups."""
    for definition in published:
        for language in LANGUAGES:
            response = admin_client.get(f"/admin/formdefs/formdefinition/{definition.pk}/preview/?lang={language}")
            assert response.status_code == 200
            page = response.content.decode()
            assert_no_repr(page, f"preview {definition.slug}/{language}")
            for step in definition.spec.steps:
                for group in (i for i in step.items if isinstance(i, GroupSpec)):
                    assert translate(group.label, language).replace("'", "&#x27;") in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_for_an_empty_required_group_names_the_group(client, published, language):
    draft = answered_draft(client, "temporary-residence")
    answers = {**applicant_payload("temporary-residence")["family"], "family_members": []}
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    response = post_step(client, draft, "family", answers)
    assert response.status_code == 200
    group = next(i for i in draft.definition.spec.step("family").items if i.key == "family_members")
    name = translate(group.label, language)
    errors = response.context["step_form"].error_list()
    assert any(message.startswith(f"{name}: ") for _, _, message in errors), errors
    page = response.content.decode().replace("&#x27;", "'")
    assert_no_repr(page, f"family/{language}")
    assert f'<a href="#group-family_members">{name}: ' in page, "the error summary names the group"
