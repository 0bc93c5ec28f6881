"""Version 2 (layout 2026, Dz.U. 2026 poz. 488 and 487) of the permanent residence and EU long-term resident forms:
the bases of art. 195, the spouse, the stamp-duty exemptions, the EU resident's conditions (art. 211-212), their
cross-field rules (every refusal names its field) and the continuous-stay notice."""

from __future__ import annotations

import copy
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from formdefs.compile_payload import validate_payload
from formdefs.notices import notices_for
from formdefs.parsing import parse_spec
from formdefs.samples import applicant_payload
from formdefs.serialization import official_definition

PERMANENT, EU = "permanent-residence", "eu-long-term-resident"


def spec(slug):
    return parse_spec(official_definition(slug, 2))


SPECS = {PERMANENT: spec(PERMANENT), EU: spec(EU)}


def errors(slug, payload):
    return {e.path: e.code for e in validate_payload(SPECS[slug], payload)[1]}


def test_both_forms_follow_the_2026_layout_and_keep_version_1_beside_them():
    for slug in (PERMANENT, EU):
        assert (SPECS[slug].version, SPECS[slug].layout) == (2, "2026")
        assert parse_spec(official_definition(slug, 1)).layout == "2019"
        keys = [s.key for s in SPECS[slug].steps]
        assert {"current_stay", "detention", "origin_address"} <= set(keys)
        assert errors(slug, applicant_payload(slug)) == {}


def test_the_permanent_bases_are_those_of_art_195_ust_1():
    basis = SPECS[PERMANENT].step("basis").items[0]
    values = [c.value for c in basis.choices]
    assert values == [
        "child_of_foreigner",
        "child_of_polish_citizen",
        "polish_origin",
        "spouse_of_polish_citizen",
        "trafficking_victim",
        "protection",
        "tolerated_stay",
        "asylum",
        "pole_card",
        "other",
    ]
    for number, choice in enumerate(basis.choices[:-1], start=1):
        assert f"pkt {number})" in choice.label.pl
    tolerated = basis.choices[values.index("tolerated_stay")].label.pl
    assert "10 lat" in tolerated and "pobyt tolerowany" in tolerated
    child = basis.choices[0].label.pl
    assert "rezydenta długoterminowego UE" in child and "urodzone w Polsce" not in child


def test_the_child_of_a_foreigner_says_when_it_was_born():
    payload = applicant_payload(PERMANENT)
    payload["basis"] = {"permanent_basis": "child_of_foreigner", "justification": "Dziecko."}
    assert errors(PERMANENT, payload) == {"basis.parent_status": "required"}
    payload["basis"]["parent_status"] = "born_during_temporary"
    assert errors(PERMANENT, payload) == {}


def test_the_spouse_is_asked_only_of_a_married_applicant():
    payload = applicant_payload(PERMANENT)
    payload["personal_more"]["marital_status"] = "single"
    payload["basis"] = {"permanent_basis": "pole_card", "justification": "Karta Polaka."}
    assert errors(PERMANENT, payload) == {"spouse": "not_asked"}
    del payload["spouse"]
    assert errors(PERMANENT, payload) == {}


@settings(deadline=None, max_examples=25)
@given(citizenship=st.sampled_from(["POL", "UKR", "DEU", "BLR", "VNM"]))
def test_the_spouse_of_a_polish_citizen_basis_needs_a_polish_spouse(citizenship):
    payload = applicant_payload(PERMANENT)
    payload["spouse"]["spouse_citizenship"] = citizenship
    expected = {} if citizenship == "POL" else {"spouse.spouse_citizenship": "rule"}
    assert errors(PERMANENT, payload) == expected
    payload["basis"]["permanent_basis"] = "polish_origin"
    assert errors(PERMANENT, payload) == {}, "another basis takes a spouse of any citizenship"


@settings(deadline=None, max_examples=20)
@given(status=st.sampled_from(["single", "married", "divorced", "widowed"]))
def test_the_spouse_basis_needs_a_married_applicant(status):
    payload = applicant_payload(PERMANENT)
    payload["personal_more"]["marital_status"] = status
    if status != "married":
        del payload["spouse"]
    found = errors(PERMANENT, payload)
    assert found == ({} if status == "married" else {"personal_more.marital_status": "rule"})


@settings(deadline=None, max_examples=30)
@given(
    basis=st.sampled_from(["asylum", "pole_card", "protection", "polish_origin"]),
    exemption=st.sampled_from(["none", "pole_card", "asylum"]),
)
def test_the_asylum_exemption_needs_the_asylum_basis(basis, exemption):
    payload = applicant_payload(PERMANENT)
    payload["basis"] = {"permanent_basis": basis, "justification": "Uzasadnienie."}
    payload["stamp_duty"] = {"stamp_duty_exemption": exemption}
    found = errors(PERMANENT, payload)
    assert found == ({"basis.permanent_basis": "rule"} if exemption == "asylum" and basis != "asylum" else {})


def test_the_documents_follow_the_basis_and_the_exemption():
    attachments = {a.key: a for a in SPECS[PERMANENT].attachments}
    from formdefs.conditions import evaluate

    def required(answers):
        return {k for k, a in attachments.items() if a.required or evaluate(a.required_if, answers)}

    answers = applicant_payload(PERMANENT)
    assert {"marriage_certificate", "stamp_duty_proof", "photo"} <= required(answers)
    assert "pole_card_copy" not in required(answers)
    answers["basis"]["permanent_basis"] = "pole_card"
    answers["stamp_duty"]["stamp_duty_exemption"] = "pole_card"
    assert "pole_card_copy" in required(answers) and "stamp_duty_proof" not in required(answers)
    answers["basis"]["permanent_basis"] = "tolerated_stay"
    assert "protection_decision" in required(answers) and "marriage_certificate" not in required(answers)


RELATIVES = ["spouse", "ascendant", "descendant", "sibling"]


@settings(deadline=None, max_examples=30)
@given(
    title=st.sampled_from(["ownership", "lease", "loan_for_use"]),
    lender=st.sampled_from([*RELATIVES, "other"]),
)
def test_a_loan_for_use_is_a_title_only_from_the_close_relatives(title, lender):
    payload = applicant_payload(EU)
    conditions = payload["long_term_conditions"]
    conditions["accommodation_title"] = title
    conditions["lender_relationship"] = lender
    if title != "loan_for_use":
        del conditions["lender_relationship"]
    found = errors(EU, payload)
    refused = title == "loan_for_use" and lender not in RELATIVES
    assert found == ({"long_term_conditions.lender_relationship": "rule"} if refused else {})


def test_the_lender_must_be_named_for_a_loan_for_use():
    payload = applicant_payload(EU)
    del payload["long_term_conditions"]["lender_relationship"]
    assert errors(EU, payload) == {"long_term_conditions.lender_relationship": "required"}


@pytest.mark.parametrize(("blue_card", "third_year_needed"), [(False, True), (True, False)])
def test_income_is_asked_for_3_years_and_for_2_on_the_blue_card_route(blue_card, third_year_needed):
    payload = applicant_payload(EU)
    del payload["long_term_conditions"]["income_year_3"]
    if blue_card:
        payload["long_term_stay"]["blue_card_route"] = True
        payload["long_term_stay"]["other_member_states"] = [
            {"country": "DEU", "date_from": "2019-01-01", "date_to": "2021-12-31", "blue_card": True}
        ]
    found = errors(EU, payload)
    assert found == ({"long_term_conditions.income_year_3": "required"} if third_year_needed else {})


def test_status_in_another_member_state_is_asked_with_its_details():
    payload = applicant_payload(EU)
    payload["long_term_stay"]["other_state_resident"] = True
    assert set(errors(EU, payload)) == {
        "long_term_stay.other_state_country",
        "long_term_stay.other_state_granted_on",
        "long_term_stay.other_state_authority",
    }


def test_a_break_that_ends_before_it_starts_is_refused_on_its_field():
    payload = applicant_payload(EU)
    payload["long_term_stay"]["breaks"][0]["date_to"] = "2023-06-01"
    found = validate_payload(SPECS[EU], payload)[1]
    assert [(e.path, e.code) for e in found] == [("long_term_stay.breaks.0.date_to", "date_order")]


def test_the_continuous_stay_notice_warns_but_does_not_refuse():
    payload = applicant_payload(EU)
    on = datetime.date(2026, 12, 1)
    assert notices_for(SPECS[EU], payload, on=on) == []
    short = copy.deepcopy(payload)
    short["long_term_stay"]["legal_stays"] = [
        {"date_from": "2023-01-01", "date_to": "2027-12-31", "legal_basis": "residence_permit"}
    ]
    found = notices_for(SPECS[EU], short, on=on)
    assert [n.code for n in found] == ["stay_too_short"]
    assert "1826" in found[0].message or "1827" in found[0].message
    assert errors(EU, short) == {}, "a notice never stops the submission"
    studies = copy.deepcopy(payload)
    for period in studies["long_term_stay"]["legal_stays"]:
        period["legal_basis"] = "studies"  # counts by half (art. 212 ust. 1 pkt 3)
    assert [n.code for n in notices_for(SPECS[EU], studies, on=on)] == ["stay_too_short"]
    long_break = copy.deepcopy(payload)
    long_break["long_term_stay"]["breaks"][0]["date_to"] = "2024-03-01"
    assert [n.code for n in notices_for(SPECS[EU], long_break, on=on)] == ["break_too_long"]
    long_break["long_term_stay"]["breaks"][0]["reason"] = "work_for_polish_employer"
    assert notices_for(SPECS[EU], long_break, on=on) == []


def test_the_2026_package_writes_brak_where_a_question_does_not_apply():
    from documents.package import package_sections

    rows = [
        row
        for section in package_sections(SPECS[PERMANENT], applicant_payload(PERMANENT))
        for entry in section["entries"]
        if entry["kind"] == "fields"
        for row in entry["rows"]
    ]
    assert any(row["value"] == "brak" for row in rows)
    assert not any(row["value"] == "NIE DOTYCZY" for row in rows)
