"""What the applicant sees in a step form and what the server accepts in a payload."""

from __future__ import annotations

from datetime import date

from django.utils import translation
from django.utils.datastructures import MultiValueDict

from formdefs.compile_forms import bind_step, build_group_formset, build_step_form
from formdefs.compile_payload import payload_json_schema, payload_model, validate_payload

VALID = {
    "personal": {
        "surname": "Kowalski",
        "given_names": "Jan",
        "sex": "M",
        "date_of_birth": "1944-05-14",
        "pesel": "44051401359",
        "citizenship": "UKR",
        "married": False,
        "height": 170,
    },
    "contact": {
        "email": "anna@example.org",
        "postal_code": "00950",
        "voivodeship": "14",
        "languages": ["pl", "en"],
        "income": "4500.50",
        "has_stays": True,
        "declaration": True,
        "stays": [{"start": "2020-01-01", "end": "2020-06-30", "purpose": "work"}],
    },
    "document": {"document_number": "AB1234567", "expiry": "2030-01-01"},
}


def test_step_form_shows_numbered_labels_widgets_and_html_hints_in_the_language_asked(rich_spec):
    form = build_step_form(rich_spec, "personal", language="en")()
    html = form.as_p()
    assert form.fields["surname"].label == "1. Surname"
    assert 'maxlength="40"' in html and 'name="surname" required' in html
    assert 'type="date"' in html and 'name="pesel__na"' in html
    assert "required" not in str(form["spouse_name"])  # asked only sometimes: no HTML required
    assert "Ukraine" in str(form["citizenship"])
    polish = build_step_form(rich_spec, "personal", language="pl")()
    assert polish.fields["surname"].label == "1. Surname (pl)"
    contact = build_step_form(rich_spec, "contact", language="de")()
    assert 'type="checkbox"' in str(contact["languages"]) and 'type="tel"' in str(contact["phone"])
    assert "mazowieckie" in str(contact["voivodeship"]) and 'step="0.01"' in str(contact["income"])
    assert contact.fields["email"].widget.input_type == "email"
    assert "<textarea" in str(build_step_form(rich_spec, "document")()["mrz"])


def test_a_valid_payload_is_accepted_and_cleaned_to_json_types(rich_spec):
    cleaned, errors = validate_payload(rich_spec, VALID)
    assert errors == []
    assert cleaned["contact"]["postal_code"] == "00-950"
    assert cleaned["contact"]["income"] == "4500.50"
    assert cleaned["personal"]["date_of_birth"] == "1944-05-14"
    assert validate_payload(rich_spec, '{"personal": 1')[1][0].code == "json_invalid"
    assert validate_payload(rich_spec, "[]")[1][0].code == "model_type"


def test_the_payload_model_is_strict_and_refuses_unknown_keys(rich_spec):
    data = {**VALID, "personal": {**VALID["personal"], "height": "170", "nickname": "Ania"}, "extra": {}}
    _cleaned, errors = validate_payload(rich_spec, data)
    assert {e.path for e in errors} == {"personal.height", "personal.nickname", "extra"}
    assert payload_model(rich_spec) is payload_model(rich_spec)
    assert payload_model(rich_spec).model_validate(
        {"personal": {"date_of_birth": date(1990, 1, 1)}},
        strict=True,
        context={"failed": {"personal", "contact", "document"}},
    )


def test_a_wrongly_typed_step_or_row_does_not_hide_the_other_problems(rich_spec):
    data = {**VALID, "personal": "Anna", "contact": {**VALID["contact"], "stays": ["not a row"]}}
    _cleaned, errors = validate_payload(rich_spec, data)
    assert {e.path for e in errors} >= {"personal", "contact.stays.0"}


def test_required_if_and_show_if_are_enforced_by_the_server(rich_spec):
    married = {**VALID, "personal": {**VALID["personal"], "married": True}}
    _cleaned, errors = validate_payload(rich_spec, married)
    assert [(e.path, e.code) for e in errors] == [("personal.spouse_name", "required")]
    no_email = {**VALID, "contact": {**VALID["contact"], "email": None}}
    assert [e.path for e in validate_payload(rich_spec, no_email)[1]] == ["contact.phone"]
    hidden_answer = {**VALID, "personal": {**VALID["personal"], "spouse_name": "Jan"}}
    assert [(e.path, e.code) for e in validate_payload(rich_spec, hidden_answer)[1]] == [
        ("personal.spouse_name", "not_asked")
    ]
    no_stays = {**VALID, "contact": {**VALID["contact"], "has_stays": False}}
    assert [e.path for e in validate_payload(rich_spec, no_stays)[1]] == ["contact.stays"]


def test_cross_field_rules_spanning_steps_are_checked_on_the_payload(rich_spec):
    with translation.override("en"):
        late = {**VALID, "document": {**VALID["document"], "expiry": "1940-01-01"}}
        errors = validate_payload(rich_spec, late)[1]
    assert [(e.path, e.message) for e in errors] == [("document.expiry", "The document expires before your birth?")]
    wrong_pesel = {**VALID, "personal": {**VALID["personal"], "sex": "F"}}
    assert [e.path for e in validate_payload(rich_spec, wrong_pesel)[1]] == ["personal.pesel"]


def test_a_step_form_keeps_what_was_typed_and_reports_errors_on_fields(rich_spec):
    data = MultiValueDict(
        {
            "surname": ["R2D2"],
            "married": ["true"],
            "height": ["abc"],
            "pesel__na": ["on"],
            "pesel": ["44051401359"],
            "date_of_birth": ["1990-01-01"],
        }
    )
    with translation.override("en"):
        bound = bind_step(rich_spec, "personal", data, language="en")
        assert not bound.is_valid()
    errors = bound.form.errors
    assert {"surname", "height", "pesel", "spouse_name", "given_names", "sex", "citizenship"} <= set(errors)
    assert 'value="R2D2"' in str(bound.form["surname"])
    assert "not both" in errors["pesel"][0]


def test_a_step_form_accepts_not_applicable_and_cleans_values(rich_spec):
    data = MultiValueDict(
        {
            "surname": ["Kowalska"],
            "given_names": ["Anna"],
            "sex": ["F"],
            "married": ["false"],
            "date_of_birth": ["1990-01-01"],
            "citizenship": ["ukr"],
            "pesel__na": ["on"],
        }
    )
    bound = bind_step(rich_spec, "personal", data)
    assert bound.is_valid(), bound.form.errors
    assert bound.cleaned_answers["pesel"] == "not_applicable"
    assert bound.cleaned_answers["citizenship"] == "UKR"


def test_group_rows_are_a_formset_with_row_conditions_and_row_rules(rich_spec):
    data = MultiValueDict(
        {
            "email": ["a@example.org"],
            "postal_code": ["00-950"],
            "voivodeship": ["02"],
            "languages": ["pl"],
            "has_stays": ["true"],
            "declaration": ["on"],
            "stays-TOTAL_FORMS": ["2"],
            "stays-INITIAL_FORMS": ["0"],
            "stays-0-start": ["2020-02-01"],
            "stays-0-end": ["2020-01-01"],
            "stays-0-purpose": ["work"],
            "stays-1-start": ["2020-02-01"],
            "stays-1-end": ["2020-03-01"],
            "stays-1-purpose": ["other"],
        }
    )
    bound = bind_step(rich_spec, "contact", data)
    assert not bound.is_valid()
    assert bound.error_keys() == {"stays.0.end", "stays.1.purpose_other"}
    assert "income" not in bound.form.fields or "income" not in bound.cleaned_answers
    empty = build_group_formset(rich_spec, "contact", "stays")(prefix="stays")
    assert "purpose_other" in empty.empty_form.fields


def test_json_schema_documents_the_payload(rich_spec):
    schema = payload_json_schema(rich_spec)
    personal = schema["$defs"]["Personal"]["properties"]
    assert personal["surname"]["maxLength"] == 40 and personal["surname"]["x-number"] == "1"
    assert personal["code"]["pattern"] == "^[A-Z]{2}[0-9]{3}$"
    assert set(schema["properties"]) == {"personal", "contact", "document"}


def test_an_invalid_answer_counts_as_not_set_for_conditions_in_the_form_and_the_payload(rich_spec):
    # `income` is asked when a language is "en", `phone` is required without an e-mail: an answer that is refused -
    # however it is refused (by a form field, a payload type or a check) - neither shows nor requires anything.
    payload = {
        **VALID,
        "contact": {
            **VALID["contact"],
            "email": "not-an-email",
            "voivodeship": "02",
            "languages": ["en", "nope"],
            "income": None,
        },
    }
    assert {(e.path, e.code) for e in validate_payload(rich_spec, payload)[1]} == {
        ("contact.email", "email"),
        ("contact.languages", "literal_error"),
        ("contact.phone", "required"),
    }
    data = MultiValueDict(
        {
            "email": ["not-an-email"],
            "postal_code": ["00-950"],
            "voivodeship": ["02"],
            "languages": ["en", "nope"],
            "income": ["10"],
            "has_stays": ["false"],
            "declaration": ["on"],
            "stays-TOTAL_FORMS": ["0"],
            "stays-INITIAL_FORMS": ["0"],
        }
    )
    bound = bind_step(rich_spec, "contact", data)
    assert not bound.is_valid()
    assert bound.error_keys() == {"email", "languages", "phone"}
    assert "income" not in bound.form.typed_values  # not asked: dropped, as the payload would refuse it
