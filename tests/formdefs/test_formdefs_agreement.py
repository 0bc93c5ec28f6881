"""The Django step forms and the payload model agree: the same answers are accepted or refused, on the same fields.

Both compilers call `formdefs.checks`; this property test guards the parts that differ (parsing of
POST strings versus strict JSON types, formsets versus lists, "not applicable" checkbox versus a constant).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from formdefs.compile_forms import NA_SUFFIX, bind_step
from formdefs.compile_payload import validate_payload
from formdefs.conditions import NOT_APPLICABLE, is_step_visible
from formdefs.parsing import parse_spec, rule_roles
from formdefs.schema import FieldSpec, FieldType, GroupSpec
from formdefs.serialization import definition_files, read_definition_file

RICH = Path(__file__).with_name("rich_definition.json")

SAMPLES: dict[FieldType, list] = {
    FieldType.TEXT: ["Warszawa", "AB123", "ab123", "x" * 70, "  padded  ", "", "a\x00b", "ZZ999"],
    FieldType.TEXTAREA: ["Line one\nline two", "y" * 250, "", "ok"],
    FieldType.NAME: ["Kowalski", "Anna-Maria", "O'Brien", "Łukasz", "Шевченко", "R2D2", "", "x" * 50, "  "],
    FieldType.INTEGER: [0, 99, 100, 180, 210, 250, 251, -5, "abc", "1.5"],
    FieldType.DECIMAL: [Decimal("0"), Decimal("12.50"), Decimal("12.345"), Decimal("-1"), Decimal("1000001"), "abc"],
    FieldType.DATE: [
        date(1990, 1, 1),
        date(2020, 5, 31),
        date(2099, 1, 1),
        date(1900, 1, 1),
        "2020-13-01",
        "31.12.2020",
    ],
    FieldType.BOOLEAN: [True, False, "maybe"],
    FieldType.DECLARATION: [True, False],
    FieldType.COUNTRY: ["POL", "UKR", "XXA", "ZZZ", "pol", "PL"],
    FieldType.EMAIL: ["anna@example.org", "not-an-email", "a@b", "ANNA@EXAMPLE.ORG"],
    FieldType.PHONE: ["+48601234567", "601234567", "123", "+380441234567", "phone"],
    FieldType.PESEL: ["44051401359", "44051401358", "123", "90010112345"],
    FieldType.POSTAL_CODE: ["00-950", "00950", "0-95", "ab-cde"],
    FieldType.DOCUMENT_NUMBER: ["AB1234567", "EK123456", "!!", "A"],
    FieldType.MRZ: [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
        "garbage",
    ],
    FieldType.VOIVODESHIP: ["14", "02", "03", "99"],
}


def value_strategy(field: FieldSpec) -> st.SearchStrategy:
    """Valid and invalid answers of the field's type (as the payload would hold them), or None for no answer."""
    if field.type in (FieldType.CHOICE, FieldType.MULTICHOICE):
        values = [c.value for c in field.choices or []] + ["nope"]
        base = (
            st.sampled_from(values) if field.type == FieldType.CHOICE else st.lists(st.sampled_from(values), max_size=4)
        )
    elif field.type == FieldType.COUNTRIES:
        base = st.lists(st.sampled_from(SAMPLES[FieldType.COUNTRY]), max_size=4)
    else:
        base = st.sampled_from(SAMPLES[field.type])
        if field.type in (FieldType.TEXT, FieldType.NAME):
            base = base | st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8)
        if field.type == FieldType.DATE:
            base = base | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
    extra = [st.just(None)] + ([st.just(NOT_APPLICABLE)] if field.not_applicable else [])
    return st.one_of(base, *extra)


def fields_strategy(fields: list[FieldSpec]) -> st.SearchStrategy:
    return st.fixed_dictionaries({f.key: value_strategy(f) for f in fields})


def step_strategy(step) -> st.SearchStrategy:
    parts = {}
    for item in step.items:
        if isinstance(item, GroupSpec):
            parts[item.key] = st.lists(fields_strategy(item.fields), max_size=min(item.max_items + 1, 3))
        else:
            parts[item.key] = value_strategy(item)
    return st.fixed_dictionaries(parts)


def post_fields(fields: list[FieldSpec], values: dict, prefix: str, data: MultiValueDict) -> None:
    for field in fields:
        value, name = values.get(field.key), prefix + field.key
        if value is None:
            continue
        if value == NOT_APPLICABLE and field.not_applicable:
            data[name + NA_SUFFIX] = "on"
        elif field.type == FieldType.DECLARATION:
            if value is True:
                data[name] = "on"
        elif isinstance(value, bool):
            data[name] = "true" if value else "false"
        elif isinstance(value, list):
            data.setlist(name, [str(v) for v in value])
        elif isinstance(value, date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)


def as_post(step, answers: dict) -> MultiValueDict:
    data = MultiValueDict()
    post_fields([i for i in step.items if isinstance(i, FieldSpec)], answers, "", data)
    for group in (i for i in step.items if isinstance(i, GroupSpec)):
        rows = answers.get(group.key) or []
        data[f"{group.key}-TOTAL_FORMS"] = str(len(rows))
        data[f"{group.key}-INITIAL_FORMS"] = "0"
        for index, row in enumerate(rows):
            post_fields(group.fields, row, f"{group.key}-{index}-", data)
    return data


def dropped_by_form(form, values: dict) -> set[str]:
    """Answers the form dropped silently because their question is hidden (the wizard never sends those)."""
    return {
        k
        for k, v in values.items()
        if v not in (None, "", [])
        and k not in form.typed_values
        and k not in form.errors
        and k + NA_SUFFIX not in form.errors
    }


def payload_for(step, answers: dict, bound) -> dict:
    plain = {
        k: v
        for k, v in answers.items()
        if k not in dropped_by_form(bound.form, answers) and not isinstance(step_item(step, k), GroupSpec)
    }
    for group in (i for i in step.items if isinstance(i, GroupSpec)):
        formset = bound.formsets.get(group.key)
        if formset is None:
            continue  # the group is hidden: the form ignores it, the payload must leave it out
        rows = answers.get(group.key) or []
        plain[group.key] = [
            {k: v for k, v in row.items() if k not in dropped_by_form(form, row)}
            for row, form in zip(rows, formset.forms, strict=True)
        ]
    return plain


def step_item(step, key):
    return next(i for i in step.items if i.key == key)


def assert_agreement(spec, step, answers: dict) -> None:
    bound = bind_step(spec, step.key, as_post(step, answers), language="en", answers={})
    bound.is_valid()
    form_errors = bound.error_keys()
    # Rules that span steps are checked at submission only, so they stay out of a one-step comparison.
    within = [
        r for r in spec.rules if all(p.startswith(step.key + ".") for p in rule_roles(spec, r.params)[0].values())
    ]
    one_step = spec.model_copy(update={"rules": within})
    _cleaned, errors = validate_payload(one_step, {step.key: payload_for(step, answers, bound)})
    payload_errors = {
        e.path.removeprefix(step.key + ".") for e in errors if e.path == step.key or e.path.startswith(step.key + ".")
    }
    assert form_errors == payload_errors, (answers, form_errors, payload_errors, errors)


def cases(paths: list[Path]) -> list:
    found = []
    for path in paths:
        spec = parse_spec(read_definition_file(path))
        found += [
            pytest.param(spec, step, id=f"{spec.slug}-{step.key}") for step in spec.steps if is_step_visible(step, {})
        ]
    return found


def run_property(spec, step, examples: int) -> None:
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(step_strategy(step))
    def check(answers):
        assert_agreement(spec, step, answers)

    check()


@pytest.mark.parametrize(("spec", "step"), cases([RICH]))
def test_form_and_payload_model_agree_on_the_rich_test_definition(spec, step):
    run_property(spec, step, examples=100)


@pytest.mark.slow
@pytest.mark.parametrize(("spec", "step"), cases(list(definition_files())))
def test_form_and_payload_model_agree_on_every_builtin_definition(spec, step):
    run_property(spec, step, examples=40)


def test_a_condition_on_an_invalid_answer_is_judged_alike_by_form_and_payload():
    """Regression: `income` is shown because `languages` holds "en", yet `languages` itself is refused ("nope")."""
    spec = parse_spec(RICH.read_text(encoding="utf-8"))
    answers = {
        "email": None,
        "phone": None,
        "postal_code": None,
        "voivodeship": None,
        "languages": ["en", "nope"],
        "income": Decimal("0"),
        "has_stays": None,
        "stays": [],
        "declaration": None,
    }
    assert_agreement(spec, spec.step("contact"), answers)
