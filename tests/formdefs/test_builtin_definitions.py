"""The official form definitions (layout 2019), as shipped in `formdefs/definitions/`: valid, consistent, complete.

Plain checks on the resolved files; no database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from formdefs.schema import FormDefinitionSpec
from formdefs.serialization import DEFINITIONS_DIR, official_definition
from tests.samples import applicant_payload as sample_payload
from tests.samples import employer_payload


def applicant_payload(slug: str) -> dict[str, Any]:
    """The sample answers to version 1 (this file checks the version-1 files; version 2: test_definitions_2026.py)."""
    return sample_payload(slug, 1)


MAIN_FORMS = ["temporary-residence", "temporary-residence-work", "permanent-residence", "eu-long-term-resident"]
SLUGS = [*MAIN_FORMS, "employer-annex-1"]
SHARED_STEPS = ["personal", "personal_more", "residence", "travel_document", "family", "stays", "means", "declaration"]

# Part A of the official online filler: item number -> field keys, in this order.
PART_A = {
    "1": ["surname"],
    "2": ["previous_surnames"],
    "3": ["family_name"],
    "4": ["given_names"],
    "5": ["previous_given_names"],
    "6": ["father_name"],
    "7": ["mother_name"],
    "8": ["mother_maiden_name"],
    "9": ["date_of_birth"],
    "10": ["sex"],
    "11": ["place_of_birth"],
    "12": ["country_of_birth"],
    "13": ["nationality"],
    "14": ["citizenship"],
    "15": ["marital_status"],
    "16": ["education"],
    "17": ["height_cm", "eye_colour", "special_marks"],
    "18": ["pesel"],
    "19": ["phone"],
    "20": ["email"],
}


def load(slug: str) -> dict[str, Any]:
    return official_definition(slug)


def spec(slug: str) -> FormDefinitionSpec:
    return FormDefinitionSpec.model_validate(load(slug))


def answer_paths(definition: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``step.field``, ``step.group`` and ``step.group.field`` -> the item."""
    paths = {}
    for step in definition["steps"]:
        for item in step["items"]:
            paths[f"{step['key']}.{item['key']}"] = item
            for field in item.get("fields", []):
                paths[f"{step['key']}.{item['key']}.{field['key']}"] = field
    return paths


def fields_with_paths(definition: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every field (not group), with its path."""
    for path, item in answer_paths(definition).items():
        if item["type"] != "group":
            yield path, item


def condition_paths(condition: dict[str, Any] | None) -> Iterator[str]:
    if condition is None:
        return
    if "not" in condition:
        yield from condition_paths(condition["not"])
    elif "all" in condition or "any" in condition:
        for part in condition.get("all", condition.get("any", [])):
            yield from condition_paths(part)
    else:
        yield condition["field"]


def texts(node: Any) -> Iterator[dict[str, str]]:
    """Every four-language text in a definition."""
    if isinstance(node, dict):
        if set(node) == {"pl", "en", "uk", "ru"}:
            yield node
            return
        for value in node.values():
            yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)


def field(definition: dict[str, Any], path: str) -> dict[str, Any]:
    return answer_paths(definition)[path]


def choice_values(definition: dict[str, Any], path: str) -> list[str]:
    return [c["value"] for c in field(definition, path)["choices"]]


def date_order_pairs(definition: dict[str, Any]) -> set[tuple[str, str]]:
    return {(r["params"]["start"], r["params"]["end"]) for r in definition["rules"] if r["rule"] == "date_order"}


# --- Files ------------------------------------------------------------------------------------------------------


# The 2026 forms of issue 13 that have no 2019 version (tested in tests/formdefs/test_annexes_2026.py).
NEW_IN_2026 = [
    "annex-research-host",
    "annex-trainee-organiser",
    "annex-university",
    "annex-volunteer-organiser",
    "eu-blue-card",
    "eu-blue-card-employer",
]


def test_exactly_the_five_definitions_and_the_new_2026_ones_are_shipped():
    shipped = {p.parent.name for p in DEFINITIONS_DIR.glob("*/v*.json") if not p.parent.name.startswith("_")}
    assert sorted(shipped) == sorted({*SLUGS, *NEW_IN_2026})


@pytest.mark.parametrize("slug", SLUGS)
def test_definition_validates_against_the_schema(slug):
    definition = spec(slug)
    assert definition.slug == slug
    assert definition.version == 1
    assert definition.layout == "2019"


# --- References -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_validators_and_rules_exist_in_the_registry(slug):
    from validators.registry import field_validator_names, rule_names

    definition = load(slug)
    used = [v["name"] for _path, f in fields_with_paths(definition) for v in f.get("validators", [])]
    used += [v["name"] for a in definition["attachments"] for v in a.get("validators", [])]
    assert set(used) <= field_validator_names()
    assert {r["rule"] for r in definition["rules"]} <= rule_names()


@pytest.mark.parametrize("slug", SLUGS)
def test_condition_paths_point_at_answers(slug):
    definition = load(slug)
    paths = answer_paths(definition)
    for step in definition["steps"]:
        assert step.get("show_if") is None
        for item in step["items"]:
            owner = f"{step['key']}.{item['key']}"
            conditions = [item.get("show_if"), item.get("required_if")]
            for condition in conditions:
                for path in condition_paths(condition):
                    assert path in paths and paths[path]["type"] != "group", (owner, path)
            for row_field in item.get("fields", []):
                for condition in (row_field.get("show_if"), row_field.get("required_if")):
                    for path in condition_paths(condition):
                        # inside a row: a field of the same group (or an answer outside the group)
                        assert path in paths and paths[path]["type"] != "group", (owner, path)
                        if path.count(".") == 2:
                            assert path.startswith(owner + "."), (owner, path)
    for attachment in definition["attachments"]:
        for path in condition_paths(attachment.get("required_if")):
            assert path in paths, (attachment["key"], path)


@pytest.mark.parametrize("slug", SLUGS)
def test_rule_paths_point_at_answers(slug):
    definition = load(slug)
    paths = answer_paths(definition)
    steps = {s["key"] for s in definition["steps"]}
    for rule in definition["rules"]:
        roles = {role: v for role, v in rule["params"].items() if isinstance(v, str) and "." in v}
        assert roles, rule
        for role, path in roles.items():
            assert path.split(".")[0] in steps, (rule["rule"], role, path)
            assert path in paths and paths[path]["type"] != "group", (rule["rule"], role, path)
        groups = {".".join(p.split(".")[:2]) for p in roles.values() if p.count(".") == 2}
        assert len(groups) <= 1, rule


@pytest.mark.parametrize("slug", SLUGS)
def test_definition_passes_the_admin_checks(slug):
    parsing = pytest.importorskip("formdefs.parsing")
    parsing.parse_spec(load(slug))


# --- Layout and conventions -------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_steps_follow_the_official_parts(slug):
    steps = load(slug)["steps"]
    sections = [s["section"] for s in steps]
    assert sections[:4] == ["A", "A", "B", "C"]
    assert sections[-4:] == ["E", "E", "E", "F"]
    assert set(sections[4:-4]) == {"D"}
    keys = [s["key"] for s in steps]
    assert keys[:4] == ["personal", "personal_more", "residence", "travel_document"]
    assert keys[-4:] == ["family", "stays", "means", "declaration"]


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_part_a_has_items_1_to_20_in_the_official_order(slug):
    steps = load(slug)["steps"]
    numbered = [(i["number"], i["key"]) for s in steps if s["section"] == "A" for i in s["items"] if "number" in i]
    assert numbered == [(n, k) for n, keys in PART_A.items() for k in keys]
    first, second = steps[0], steps[1]
    assert {i["number"] for i in first["items"] if "number" in i} == {str(n) for n in range(1, 11)}
    assert {i["number"] for i in second["items"] if "number" in i} == {str(n) for n in range(11, 21)}
    assert all(i.get("number") is None for s in steps if s["section"] != "A" for i in s["items"])


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_voivodeship_routes_the_case(slug):
    definition = load(slug)
    voivodeship = field(definition, "residence.voivodeship")
    assert voivodeship["type"] == "voivodeship"
    assert voivodeship.get("required", True) is True
    assert field(definition, "residence.postal_code")["type"] == "postal_code"
    assert field(definition, "residence.flat_number")["not_applicable"] is True


def test_shared_parts_are_identical_in_the_four_main_forms():
    forms = [load(slug) for slug in MAIN_FORMS]
    for key in SHARED_STEPS:
        first, *others = [next(s for s in f["steps"] if s["key"] == key) for f in forms]
        assert all(other == first for other in others), key
    common = forms[0]["rules"][:6]
    assert all(f["rules"][:6] == common for f in forms)


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_declaration_is_the_last_step(slug):
    last = load(slug)["steps"][-1]
    assert (last["key"], last["section"]) == ("declaration", "F")
    declaration = next(i for i in last["items"] if i["key"] == "declaration_false_statement")
    assert declaration["type"] == "declaration"
    assert "233" in declaration["label"]["pl"] and "233" in declaration["label"]["en"]


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_unknown_parents_names_can_be_ticked(slug):
    definition = load(slug)
    for key in ("father_name", "mother_name", "mother_maiden_name"):
        name = field(definition, f"personal.{key}")
        tick = field(definition, f"personal.{key}_unknown")
        assert tick["type"] == "boolean" and tick["required"] is False
        unless_unknown = {"not": {"field": f"personal.{key}_unknown", "equals": True}}
        assert name["required"] is False
        assert name["required_if"] == unless_unknown == name["show_if"]


@pytest.mark.parametrize("slug", SLUGS)
def test_details_are_asked_and_required_together(slug):
    for path, spec_ in fields_with_paths(load(slug)):
        if "show_if" in spec_ and spec_["type"] != "group":
            assert spec_.get("required_if") == spec_["show_if"], path


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_not_applicable_where_the_paper_wants_nie_dotyczy(slug):
    definition = load(slug)
    for path in (
        "personal.previous_surnames",
        "personal.previous_given_names",
        "personal_more.special_marks",
        "personal_more.pesel",
        "residence.street",
        "residence.flat_number",
    ):
        assert field(definition, path)["not_applicable"] is True, path
    assert field(definition, "personal_more.special_marks").get("required", True) is True


@pytest.mark.parametrize("slug", SLUGS)
def test_every_from_to_pair_is_ordered(slug):
    definition = load(slug)
    pairs = date_order_pairs(definition)
    paths = {p for p, _f in fields_with_paths(definition)}
    for path in paths:
        for start, end in (("period_from", "period_to"), ("date_from", "date_to"), ("issue_date", "expiry_date")):
            if path.endswith("." + start):
                other = path[: -len(start)] + end
                assert other in paths and (path, other) in pairs, path


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_cross_field_rules_of_the_main_forms(slug):
    rules = {r["rule"]: r["params"] for r in load(slug)["rules"]}
    assert rules["pesel_matches_birth_and_sex"] == {
        "pesel": "personal_more.pesel",
        "date_of_birth": "personal.date_of_birth",
        "sex": "personal.sex",
    }
    assert rules["valid_on_submission"] == {"expiry": "travel_document.expiry_date"}
    assert rules["mrz_matches"]["mrz"] == "travel_document.mrz"
    assert rules["mrz_matches"]["document_number"] == "travel_document.document_series_number"
    if slug.startswith("temporary-residence"):
        assert rules["period_at_most"] == {"start": "purpose.period_from", "end": "purpose.period_to", "years": 3}


@pytest.mark.parametrize("slug", SLUGS)
def test_texts_are_translated(slug):
    for text in texts(load(slug)):
        assert all(text[lang].strip() for lang in ("pl", "en", "uk", "ru")), text
        assert text["uk"] != text["en"] and text["ru"] != text["en"], text


# --- Choice lists -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_choice_lists_of_the_shared_parts_are_complete(slug):
    definition = load(slug)
    sex = field(definition, "personal.sex")["choices"]
    assert [(c["value"], c["label"]["pl"]) for c in sex] == [("F", "kobieta"), ("M", "mężczyzna")]
    marital = field(definition, "personal_more.marital_status")["choices"]
    assert [c["value"] for c in marital] == ["single", "married", "divorced", "widowed"]
    assert [c["label"]["pl"] for c in marital] == [
        "kawaler / panna",
        "żonaty / zamężna",
        "rozwiedziony / rozwiedziona",
        "wdowiec / wdowa",
    ]
    assert choice_values(definition, "personal_more.education") == [
        "primary",
        "lower_secondary",
        "vocational",
        "secondary",
        "higher",
        "none",
    ]
    assert len(choice_values(definition, "personal_more.eye_colour")) >= 6
    assert choice_values(definition, "travel_document.document_type") == ["passport", "other"]
    assert choice_values(definition, "family.family_members.relationship") == ["spouse", "child", "parent", "other"]
    assert choice_values(definition, "stays.previous_stays.legal_basis") == [
        "visa",
        "residence_permit",
        "visa_free",
        "other",
    ]
    assert field(definition, "family.family_members.sex")["choices"] == sex


def test_purposes_of_temporary_residence_are_complete():
    definition = load("temporary-residence")
    assert choice_values(definition, "purpose.purpose_of_stay") == [
        "work",
        "blue_card",
        "seasonal_work",
        "intra_corporate_transfer",
        "business",
        "studies",
        "research",
        "training",
        "family_reunification",
        "spouse_of_polish_citizen",
        "minor_child",
        "trafficking_victim",
        "short_stay",
        "other",
    ]
    other = field(definition, "purpose.purpose_other")
    assert other["show_if"] == {"field": "purpose.purpose_of_stay", "equals": "other"}


def test_bases_of_permanent_residence_are_complete():
    assert choice_values(load("permanent-residence"), "basis.permanent_basis") == [
        "child_of_polish_citizen",
        "child_born_in_poland",
        "polish_origin",
        "spouse_of_polish_citizen",
        "pole_card",
        "protection",
        "trafficking_victim",
        "other",
    ]


# --- Per form ---------------------------------------------------------------------------------------------------


def test_work_form_is_for_work_only():
    definition = load("temporary-residence-work")
    assert definition["permit_type"] == "temporary-residence-work"
    assert choice_values(definition, "purpose.purpose_of_stay") == ["work"]
    assert "purpose.purpose_other" not in answer_paths(definition)
    assert "Annex 1" in definition["description"]["en"]
    assert "załącznik nr 1" in definition["description"]["pl"]


def test_employer_annex():
    definition = load("employer-annex-1")
    assert definition["annex_of"] == "temporary-residence-work"
    assert definition["permit_type"] == "temporary-residence-work"
    assert all(load(slug).get("annex_of") is None for slug in MAIN_FORMS)
    rules = {r["rule"]: r["params"] for r in definition["rules"]}
    assert rules["pay_not_below_minimum_wage"] == {
        "amount": "work_terms.pay_amount",
        "basis": "work_terms.pay_basis",
        "fraction": "work_terms.working_time_fraction",
    }
    assert choice_values(definition, "work_terms.pay_basis") == ["monthly", "hourly"]
    validators = {p: [v["name"] for v in f.get("validators", [])] for p, f in fields_with_paths(definition)}
    for path, name in (
        ("employer_identity.nip", "nip"),
        ("employer_identity.regon", "regon"),
        ("employer_identity.krs", "krs"),
        ("employer_identity.pkd_code", "pkd_code"),
        ("work.occupation_code", "occupation_code"),
    ):
        assert name in validators[path], path
    declarations = [p for p, f in fields_with_paths(definition) if f["type"] == "declaration"]
    assert len(declarations) == 3


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_attachments_of_every_main_form(slug):
    attachments = {a["key"]: a for a in load(slug)["attachments"]}
    photo = attachments["photo"]
    assert photo["accept"] == ["image/jpeg", "image/png"]
    assert photo["validators"] == [{"name": "photo_dimensions", "params": {"min_width": 492, "min_height": 633}}]
    assert attachments["travel_document_copy"]["multiple"] is True
    assert attachments["stamp_duty_proof"].get("required", True) is True
    assert attachments["other"]["required"] is False and attachments["other"]["multiple"] is True
    assert "health_insurance" in attachments


def test_attachments_of_the_eu_long_term_form():
    keys = {a["key"] for a in load("eu-long-term-resident")["attachments"]}
    assert {"stay_proof", "income_proof", "health_insurance", "accommodation_title", "polish_certificate"} <= keys
    assert load("eu-long-term-resident")["steps"][4]["items"][0]["min_items"] == 1


def test_temporary_residence_asks_for_means_and_purpose_documents():
    keys = {a["key"] for a in load("temporary-residence")["attachments"]}
    assert {"purpose_documents", "means_proof", "health_insurance"} <= keys


# --- The definitions at work: a complete application passes the payload checks ---------------------------------


@pytest.mark.parametrize("slug", MAIN_FORMS)
def test_a_complete_application_passes(slug):
    compile_payload = pytest.importorskip("formdefs.compile_payload")
    _cleaned, errors = compile_payload.validate_payload(spec(slug), applicant_payload(slug))
    assert errors == []


def test_a_complete_annex_passes_and_low_pay_does_not():
    compile_payload = pytest.importorskip("formdefs.compile_payload")
    _cleaned, errors = compile_payload.validate_payload(spec("employer-annex-1"), employer_payload())
    assert errors == []
    low = employer_payload()
    low["work_terms"]["pay_amount"] = "1000.00"
    _cleaned, errors = compile_payload.validate_payload(spec("employer-annex-1"), low)
    assert [e.path for e in errors] == ["work_terms.pay_amount"]


def test_unknown_father_and_missing_details_are_caught():
    compile_payload = pytest.importorskip("formdefs.compile_payload")
    payload = applicant_payload("temporary-residence")
    del payload["personal"]["father_name"]
    del payload["means"]["liabilities_details"]
    payload["travel_document"]["document_series_number"] = "FX 123456"
    _cleaned, errors = compile_payload.validate_payload(spec("temporary-residence"), payload)
    paths = {e.path for e in errors}
    assert {"personal.father_name", "means.liabilities_details"} <= paths
    payload["personal"]["father_name_unknown"] = True
    payload["means"]["liabilities_details"] = "Alimenty"
    payload["personal"]["surname"] = "КОВАЛЕНКО"  # not in Latin letters
    _cleaned, errors = compile_payload.validate_payload(spec("temporary-residence"), payload)
    assert {e.path for e in errors} == {"personal.surname"}
