"""Nothing typed is lost: a step with wrong answers keeps the right ones and shows the wrong ones again as typed,
after a reload, on another device and in another language; and the check-answers page links every missing item."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applications import services
from applications.case_models import Draft
from formdefs.api import is_field_visible
from formdefs.parsing import parse_spec
from formdefs.schema import FieldSpec, FieldType
from formdefs.serialization import official_definition
from formdefs.steps import answers_to_data, visible_wizard_steps
from tests.factories import ApplicantFactory
from tests.journey.helpers import step_url
from tests.samples import applicant_payload

pytestmark = pytest.mark.django_db

SLUGS = [
    "temporary-residence",
    "temporary-residence-work",
    "permanent-residence",
    "eu-long-term-resident",
    "eu-blue-card",
]

#: What a person might type that the field refuses, per type (shown again exactly so).
INVALID = {
    FieldType.NAME: "Шевченко",
    FieldType.DATE: "2020-02-30",
    FieldType.INTEGER: "dwa",
    FieldType.DECIMAL: "dużo",
    FieldType.PESEL: "1234",
    FieldType.EMAIL: "olena at example",
    FieldType.POSTAL_CODE: "1234",
    FieldType.PHONE: "12",
    FieldType.DOCUMENT_NUMBER: "FX 12/34",
}


def _draft_with_other_steps_answered(
    slug: str, step_key: str, *, version: int | None = None
) -> tuple[Client, Draft, dict]:
    """A draft with every step but `step_key` answered; `version=1`: a draft started on the 2019 form before version 2
    was published (it keeps that version to the end)."""
    applicant = ApplicantFactory()
    client = Client(headers={"accept-language": "en"})
    client.force_login(applicant)
    draft = services.start_draft(applicant=applicant, slug=slug)
    if version is not None:
        Draft.objects.filter(pk=draft.pk).update(
            definition=services.FormDefinition.objects.get(slug=slug, version=version)
        )
        draft.refresh_from_db()
    payload = applicant_payload(slug, draft.definition.version)
    Draft.objects.filter(pk=draft.pk).update(answers={k: v for k, v in payload.items() if k != step_key})
    draft.refresh_from_db()
    return client, draft, payload


def _post(client, draft, step_key: str, data: dict[str, list[str]], **headers):
    body = {**data, f"draft_v{draft.definition.version}-current_step": [step_key]}
    return client.post(step_url(draft, step_key), body, **headers)


#: The version new drafts start on (the Blue Card was born in 2026: its version 1 has the 2026 layout).
PUBLISHED_VERSION = {"eu-blue-card": 1}


def _candidates(slug: str) -> list[tuple[str, list[str]]]:
    version = PUBLISHED_VERSION.get(slug, 2)
    payload = applicant_payload(slug, version)
    spec = parse_spec(official_definition(slug, version))
    found = []
    for step in visible_wizard_steps(spec, payload):
        # The questions the sample answers show, also those shown by another answer (the 2026 travel document and
        # current stay steps ask their dates and numbers only once "yes" or a basis is chosen).
        keys = [
            i.key for i in step.items if isinstance(i, FieldSpec) and i.type in INVALID and is_field_visible(i, payload)
        ]
        if keys:
            found.append((step.key, keys))
    return found


#: Every step of every form a new draft starts on that has a typed answer to get wrong, with those answers.
EVERY_STEP = [(slug, step_key, keys) for slug in SLUGS for step_key, keys in _candidates(slug)]


@st.composite
def step_with_wrong_answers(draw):
    slug, step_key, keys = draw(st.sampled_from(EVERY_STEP))
    wrong = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=len(keys), unique=True))
    return slug, step_key, wrong


def _assert_the_valid_answers_are_kept_and_the_invalid_ones_shown_as_typed(slug, step_key, wrong):
    client, draft, payload = _draft_with_other_steps_answered(slug, step_key)
    assert draft.definition.version == PUBLISHED_VERSION.get(slug, 2)
    step = draft.definition.spec.step(step_key)
    fields = {i.key: i for i in step.items if isinstance(i, FieldSpec)}
    data = answers_to_data(step, payload.get(step_key) or {})
    for key in wrong:
        data[key] = [INVALID[fields[key].type]]

    response = _post(client, draft, step_key, data)

    assert response.status_code == 200
    draft.refresh_from_db()
    stored = draft.unsaved_input[step_key]
    assert step_key not in draft.answers  # not accepted: something on it is wrong
    for key, values in data.items():  # every answer is in the draft, the valid ones and the wrong ones as typed
        assert stored.get(key) == values, key
    another_device = Client()
    another_device.force_login(draft.applicant)
    for page in (response, another_device.get(step_url(draft, step_key))):
        html = page.content.decode()
        assert 'class="error-summary"' in html
        for key in wrong:
            assert f'id="id_{key}_error"' in html and f'value="{escape(INVALID[fields[key].type])}"' in html
        for key, field in fields.items():
            if key in wrong or key not in data or field.type not in INVALID:
                continue
            assert f'id="id_{key}_error"' not in html, key
            assert f'value="{escape(data[key][0])}"' in html, key


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=step_with_wrong_answers())
def test_the_valid_answers_of_a_step_are_kept_and_the_invalid_ones_shown_again_as_typed(case):
    _assert_the_valid_answers_are_kept_and_the_invalid_ones_shown_as_typed(*case)


@pytest.mark.parametrize(("slug", "step_key", "keys"), EVERY_STEP, ids=[f"{s}-{k}" for s, k, _ in EVERY_STEP])
def test_every_step_of_the_2026_forms_shows_all_its_wrong_answers_again_as_typed(slug, step_key, keys):
    # Hypothesis above mixes right and wrong answers on steps it draws; here no step with a typed answer is left out.
    _assert_the_valid_answers_are_kept_and_the_invalid_ones_shown_as_typed(slug, step_key, keys)


def test_switching_the_language_after_an_error_keeps_what_was_typed_and_translates_the_message():
    client, draft, payload = _draft_with_other_steps_answered("temporary-residence", "personal")
    step = draft.definition.spec.step("personal")
    data = {**answers_to_data(step, payload["personal"]), "surname": ["Коваленко"]}
    page = _post(client, draft, "personal", data, HTTP_ACCEPT_LANGUAGE="uk")
    assert "латинськ" in page.content.decode().lower()  # "Use Latin letters, as in your passport" in Ukrainian

    switched = client.post(
        reverse("accounts:switch-language"), {"language": "pl", "next": step_url(draft, "personal")}, follow=True
    )

    html = switched.content.decode()
    assert '<html lang="pl"' in html
    assert 'value="Коваленко"' in html and 'value="SHEVCHENKO"' in html and 'value="OKSANA"' in html
    assert "Użyj liter łacińskich, tak jak w paszporcie." in html


def test_the_check_answers_page_links_every_missing_item_to_its_field():
    client, draft, _payload = _draft_with_other_steps_answered("temporary-residence", "travel_document")
    answers = dict(draft.answers)
    answers["personal"] = {k: v for k, v in answers["personal"].items() if k not in ("surname", "date_of_birth")}
    Draft.objects.filter(pk=draft.pk).update(answers=answers)
    errors = services.check_draft(Draft.objects.get(pk=draft.pk))

    html = client.get(reverse("applications:draft-check", kwargs={"draft_id": draft.public_id})).content.decode()

    missing = html[html.index('class="missing-list"') : html.index("</ul>", html.index('class="missing-list"'))]
    links = re.findall(r'<a href="([^"]+)">', missing)
    assert len(links) == len(errors) > 3
    for url in links:
        path, _sep, anchor = url.replace("&amp;", "&").partition("#")
        target = client.get(path)
        assert target.status_code == 200
        if anchor:
            assert f'id="{anchor}"' in target.content.decode(), url
    assert any(u.endswith("#id_surname") for u in links) and any(u.endswith("#id_date_of_birth") for u in links)
    assert any("travel_document" in u for u in links)  # a step not answered at all is linked too
    # A change link per question, landing on that question.
    assert html.count('class="summary-list__actions"') >= len(answers["personal"]) and "#id_given_names" in html


def test_the_passport_mrz_prefill_shows_no_errors_and_sets_the_passport_type():
    client, draft, _payload = _draft_with_other_steps_answered("temporary-residence", "travel_document")
    Draft.objects.filter(pk=draft.pk).update(answers={})
    mrz = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    client.post(
        step_url(draft, "personal"),
        {"prefill_mrz": "1", "mrz_lines": mrz, f"draft_v{draft.definition.version}-current_step": "personal"},
    )
    for step_key in ("personal", "travel_document"):
        html = client.get(step_url(draft, step_key)).content.decode()
        assert "error-summary" not in html and "aria-invalid" not in html, step_key
    html = client.get(step_url(draft, "travel_document")).content.decode()
    assert re.search(r'<option value="passport" selected>', html)
    # Once the applicant submits the step, it is judged: the specimen passport expired in 2012.
    draft.refresh_from_db()
    typed = {k: v for k, v in draft.unsaved_input["travel_document"].items() if not k.startswith("__")}
    assert "error-summary" in _post(client, draft, "travel_document", typed).content.decode()


def test_i_do_not_know_is_one_checkbox_and_is_not_printed_when_unticked():
    client, draft, payload = _draft_with_other_steps_answered("temporary-residence", "personal")
    html = client.get(step_url(draft, "personal")).content.decode()
    assert 'type="checkbox" name="mother_name_unknown"' in html
    assert 'name="mother_name_unknown" value="false"' not in html
    assert re.search(r"<label[^>]*>[^<]*:</label>", html) is None  # no label ends in a colon
    answers = {**payload["personal"], "father_name_unknown": False}
    services.save_step_answers(draft=draft, step_key="personal", answers=answers)
    check = client.get(reverse("applications:draft-check", kwargs={"draft_id": draft.public_id}))
    text = check.content.decode()
    rows = re.findall(r'<dt class="summary-list__key">([^<]*)</dt>\s*<dd class="summary-list__value">([^<]*)<', text)
    # A ticked box reads as the answer to its question ("7. Mother's given name — I do not know"); the unticked
    # father's box prints nothing, and no row is titled "I do not know".
    assert not [label for label, value in rows if label == "I do not know"]
    unknown = [unescape(label) for label, value in rows if value == "I do not know"]
    assert len(unknown) == 2 and unknown[0].endswith("Mother's given name"), unknown
    assert "Mother's family name" in unknown[1], unknown
    assert "Father's given name" in unescape(" ".join(label for label, value in rows))


def _page_letters(client, draft, keys):
    return [
        re.search(r'class="section-letter">([^<]*)<', client.get(step_url(draft, key)).content.decode()).group(1)
        for key in keys
    ]


def test_sections_spanning_several_pages_are_numbered():
    # The 2019 form letters its sections: family, stays and means are the three pages of part E.
    client, draft, _payload = _draft_with_other_steps_answered("temporary-residence", "family", version=1)
    assert _page_letters(client, draft, ("family", "stays", "means")) == ["E.1.", "E.2.", "E.3."]


def test_on_version_2_each_part_has_its_own_letter_and_detention_is_not_shared():
    # Version 2 (2026 layout): the detention questions are part E alone; family, stays and means follow as part G.
    client, draft, _payload = _draft_with_other_steps_answered("temporary-residence", "family")
    assert draft.definition.version == 2
    keys = ("current_stay", "detention", "purpose", "family", "stays", "means")
    assert _page_letters(client, draft, keys) == ["D.", "E.", "F.", "G.1.", "G.2.", "G.3."]


def test_citizenship_is_a_select_with_add_another_that_works_without_a_script():
    client, draft, payload = _draft_with_other_steps_answered("temporary-residence", "personal_more")
    step = draft.definition.spec.step("personal_more")
    data = answers_to_data(step, payload["personal_more"])
    page = _post(client, draft, "personal_more", {**data, "add_item_citizenship": ["1"]}).content.decode()
    assert page.count('name="citizenship"') == 2 and 'id="id_citizenship_1"' in page and "multiple" not in page
    response = _post(client, draft, "personal_more", {**data, "citizenship": ["UKR", "POL"]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.answers["personal_more"]["citizenship"] == ["UKR", "POL"]
