"""A definition is refused with the JSON path of its mistake; conditions hold or not as the applicant expects."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from formdefs.conditions import (
    evaluate,
    is_field_required,
    is_field_visible,
    visible_steps,
)
from formdefs.parsing import DefinitionError, format_loc, parse_spec
from formdefs.schema import FieldSpec, FormDefinitionSpec


def refused(data) -> list[str]:
    with pytest.raises(DefinitionError) as info:
        parse_spec(data)
    return info.value.messages


def test_a_choice_field_without_choices_is_refused_at_its_path(rich_data):
    del rich_data["steps"][0]["items"][2]["choices"]
    assert "steps[0].items[2].choices: a choice field needs choices" in refused(rich_data)


def test_a_condition_of_unknown_kind_is_refused_without_discriminator_tags(rich_data):
    rich_data["steps"][1]["items"][6]["show_if"] = {"all": [{"field": "contact.has_stays", "bogus": 1}]}
    messages = refused(rich_data)
    assert messages[0].startswith("steps[1].items[6].show_if.all[0]: a condition needs one of"), messages


def test_a_bad_pattern_a_duplicate_key_and_missing_translation_are_each_located(rich_data):
    data = copy.deepcopy(rich_data)
    data["steps"][0]["items"][12]["pattern"] = "([unclosed"
    assert refused(data)[0].startswith("steps[0].items[12].pattern: pattern is not a regular expression")
    data = copy.deepcopy(rich_data)
    data["steps"][0]["items"][1]["key"] = "surname"
    assert refused(data) == ["steps[0].items: item keys in a step must be unique: 'surname' appears twice"]
    data = copy.deepcopy(rich_data)
    del data["steps"][2]["title"]["uk"]
    assert refused(data) == ["steps[2].title.uk: Field required"]


def test_references_to_unknown_answers_validators_and_rules_are_refused(rich_data):
    rich_data["steps"][0]["items"][8]["show_if"] = {"field": "personal.nowhere", "is_set": True}
    rich_data["steps"][0]["items"][3]["validators"] = [{"name": "no_such_validator"}]
    rich_data["rules"][0]["rule"] = "no_such_rule"
    rich_data["rules"][1]["params"]["end"] = "contact.stays.nothing"
    messages = refused(rich_data)
    assert (
        "steps[0].items[8].show_if: the condition refers to 'personal.nowhere', which is not an answer of this "
        "form" in messages
    )
    assert "steps[0].items[3].validators[0].name: unknown validator 'no_such_validator'" in messages
    assert "rules[0].rule: unknown rule 'no_such_rule'" in messages
    assert "rules[1].params.end: 'contact.stays.nothing' is not an answer of this form" in messages


def test_text_that_is_not_json_or_not_an_object_is_refused():
    assert refused("{not json")[0].startswith("(definition): not valid JSON")
    assert refused("[1, 2]") == ["(definition): a definition is a JSON object"]


def test_format_loc_strips_tags_of_nested_conditions():
    loc = ("steps", 0, "items", 3, "group", "fields", 1, "show_if", "not", "not", "any", "any", 0, "in", "in")
    assert format_loc(loc) == "steps[0].items[3].fields[1].show_if.not.any[0].in"
    assert format_loc(()) == "(definition)"


ANSWERS = {
    "personal": {
        "height": 205,
        "married": True,
        "date_of_birth": "1990-01-01",
        "sex": "F",
        "previous_citizenships": ["UKR", "BLR"],
        "pesel": "not_applicable",
        "note": "",
    },
    "contact": {"income": "12.50"},
}


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"field": "personal.married", "equals": True}, True),
        ({"field": "personal.married", "equals": 1}, False),
        ({"field": "personal.sex", "in": ["F", "X"]}, True),
        ({"field": "personal.previous_citizenships", "equals": "BLR"}, True),
        ({"field": "personal.height", "gt": 200}, True),
        ({"field": "personal.height", "le": 200}, False),
        ({"field": "contact.income", "ge": 12.5}, True),
        ({"field": "contact.income", "lt": 12}, False),
        ({"field": "personal.date_of_birth", "lt": "2000-01-01"}, True),
        ({"field": "personal.date_of_birth", "equals": "1990-01-01"}, True),
        ({"field": "personal.sex", "gt": 3}, False),
        ({"field": "personal.nothing", "gt": 3}, False),
        ({"field": "personal.note", "is_set": False}, True),
        ({"field": "personal.note", "equals": None}, True),
        ({"field": "personal.pesel", "is_set": True}, True),
        ({"field": "personal.pesel", "equals": "12345678901"}, False),
        ({"not": {"field": "personal.married", "equals": True}}, False),
        (
            {
                "all": [
                    {"field": "personal.married", "equals": True},
                    {"any": [{"field": "personal.sex", "equals": "M"}, {"field": "personal.height", "ge": 205}]},
                ]
            },
            True,
        ),
    ],
)
def test_conditions_of_every_kind(condition, expected):
    field = FieldSpec.model_validate(
        {
            "key": "x",
            "type": "text",
            "label": dict.fromkeys(("pl", "en", "uk", "ru"), "x"),
            "required": False,
            "show_if": condition,
        }
    )
    assert evaluate(field.show_if, ANSWERS) is expected


def test_a_condition_inside_a_group_looks_at_the_same_row(rich_spec):
    group = rich_spec.step("contact").items[7]
    other = group.fields[3]
    assert is_field_visible(other, {}, row={"purpose": "other"})
    assert not is_field_visible(other, {}, row={"purpose": "work"})
    assert is_field_required(other, {}, row={"purpose": "other"})
    assert not evaluate(other.show_if, {"contact": {"purpose": "other"}})  # no row: not set


def test_required_if_and_visible_steps(rich_spec):
    phone = rich_spec.step("contact").items[1]
    assert is_field_required(phone, {"contact": {}})
    assert not is_field_required(phone, {"contact": {"email": "anna@example.org"}})
    spouse = rich_spec.step("personal").items[10]
    assert not is_field_required(spouse, {"personal": {"married": False}})
    hidden_step = rich_spec.steps[2].model_copy(update={"show_if": evaluate_field("personal.married")})
    spec = FormDefinitionSpec.model_validate(
        {**rich_spec.model_dump(by_alias=True), "steps": [*map(dump, rich_spec.steps[:2]), dump(hidden_step)]}
    )
    assert [s.key for s in visible_steps(spec, {"personal": {"married": False}})] == ["personal", "contact"]
    assert len(visible_steps(spec, {"personal": {"married": True}})) == 3
    assert evaluate(None, {})
    with pytest.raises(TypeError):
        evaluate("not a condition", {})


def evaluate_field(path):
    from formdefs.schema import Equals

    return Equals(field=path, equals=True)


def dump(model):
    return model.model_dump(by_alias=True, exclude_none=True)


def test_dates_in_answers_may_be_date_objects(rich_spec):
    field = FieldSpec.model_validate(
        {
            "key": "x",
            "type": "text",
            "label": dict.fromkeys(("pl", "en", "uk", "ru"), "x"),
            "required": False,
            "show_if": {"field": "a.b", "ge": "2000-01-01"},
        }
    )
    assert evaluate(field.show_if, {"a": {"b": date(2001, 1, 1)}})
    assert not evaluate(field.show_if, {"a": {"b": "not a date"}})
    assert not evaluate(field.show_if, {"a": {"b": 5}})
