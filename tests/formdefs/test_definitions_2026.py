"""Version 2 of the temporary residence forms (layout 2026, Dz.U. 2026 poz. 553): the 2026 items and their checks,
the legal-stay finding, attachments by purpose and the 2026 file limits, the fees as data.

The cross-field rules are checked with hypothesis on valid and invalid answers; every refusal names its field.
"""

from __future__ import annotations

import copy
import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from formdefs.api import (
    fee_table,
    fees_for,
    legal_stay_check,
    purpose_fees,
    residence_card_fee,
    stamp_duty,
    validate_payload,
)
from formdefs.legal_stay import UNTIL_FIELD, Finding
from formdefs.schema import FormDefinitionSpec
from formdefs.serialization import official_definition
from tests.samples import applicant_payload
from validators.files import validate_upload
from validators.registry import get_field_validator

FORMS_2026 = ["temporary-residence", "temporary-residence-work"]
TODAY = datetime.date(2026, 12, 1)
dates = st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2026, 11, 30))


def spec(slug: str) -> FormDefinitionSpec:
    return FormDefinitionSpec.model_validate(official_definition(slug, 2))


SPECS = {slug: spec(slug) for slug in FORMS_2026}
TEMPORARY = SPECS["temporary-residence"]


def errors_of(slug: str, payload: dict) -> dict[str, str]:
    _cleaned, errors = validate_payload(SPECS[slug], payload)
    return {e.path: e.code for e in errors}


def with_stay(slug: str = "temporary-residence", **answers) -> dict:
    payload = applicant_payload(slug, 2)
    payload["current_stay"] = {**payload["current_stay"], **answers}
    return payload


def from_abroad(slug: str = "temporary-residence") -> dict:
    """The sample answers of an applicant who says in B.7 that they are outside Poland, with the address there."""
    payload = applicant_payload(slug, 2)
    payload["residence"].update(
        {"currently_abroad": True, "abroad_country": "UKR", "abroad_city": "Lwów", "abroad_house_number": "5"}
    )
    del payload["current_stay"]
    return payload


def in_poland(answers: dict) -> dict:
    """Answers that say in B.7 the applicant is in Poland, and (when given) their part D."""
    return {"residence": {"currently_abroad": False}, **({"current_stay": answers} if answers else {})}


# --- The files --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", FORMS_2026)
def test_version_2_follows_the_2026_layout_and_its_sample_answers_pass(slug):
    definition = SPECS[slug]
    assert (definition.version, definition.layout) == (2, "2026")
    keys = [s.key for s in definition.steps]
    for step in ("current_stay", "detention", "origin_address", "travel_document", "residence"):
        assert step in keys
    assert errors_of(slug, applicant_payload(slug, 2)) == {}


def test_the_work_form_offers_the_posted_worker_purpose():
    purpose = SPECS["temporary-residence-work"].step("purpose").items[0]
    assert [c.value for c in purpose.choices] == ["work", "posted_worker"]
    payload = applicant_payload("temporary-residence-work", 2)
    payload["purpose"]["purpose_of_stay"] = "posted_worker"
    assert errors_of("temporary-residence-work", payload) == {}


def test_every_2026_item_has_an_official_number_and_four_languages():
    for definition in SPECS.values():
        for key in ("current_stay", "detention", "origin_address", "travel_document", "residence"):
            for item in definition.step(key).items:
                assert item.number, (key, item.key)
                assert all(getattr(item.label, lang) for lang in ("pl", "en", "uk", "ru"))


# --- Current stay: cross-field rules ----------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry=dates, until=st.dates(min_value=datetime.date(2015, 1, 1), max_value=datetime.date(2030, 12, 31)))
def test_the_legal_stay_cannot_end_before_the_last_entry(entry, until):
    errors = errors_of(
        "temporary-residence", with_stay(last_entry_date=entry.isoformat(), legal_stay_until=until.isoformat())
    )
    if until < entry:
        assert errors == {"current_stay.legal_stay_until": "date_order"}
    else:
        assert errors == {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=dates, end=dates)
def test_a_visa_is_valid_from_before_it_is_valid_to(start, end):
    errors = errors_of(
        "temporary-residence",
        with_stay(visa_valid_from=start.isoformat(), visa_valid_to=end.isoformat(), last_entry_date=start.isoformat()),
    )
    assert ("current_stay.visa_valid_to" in errors) == (end < start)
    assert set(errors) <= {"current_stay.visa_valid_to", "current_stay.legal_stay_until"}
    assert all(path.startswith("current_stay.") for path in errors)


VISA_FIELDS = ["visa_type", "visa_series_number", "visa_valid_from", "visa_valid_to", "visa_issuer"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(missing=st.sets(st.sampled_from(VISA_FIELDS), min_size=1))
def test_a_visa_basis_needs_every_visa_detail_and_names_the_missing_ones(missing):
    payload = with_stay()
    for key in missing:
        del payload["current_stay"][key]
    assert errors_of("temporary-residence", payload) == {f"current_stay.{key}": "required" for key in missing}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(basis=st.sampled_from(["visa_free", "residence_permit", "protection", "other"]))
def test_visa_details_are_not_asked_for_another_basis(basis):
    payload = with_stay(legal_basis=basis)
    refused = errors_of("temporary-residence", payload)
    assert set(refused) == {f"current_stay.{key}" for key in VISA_FIELDS} | (
        {"current_stay.permit_number": "required"}.keys()
        if basis == "residence_permit"
        else {"current_stay.protection_kind"}
        if basis == "protection"
        else {"current_stay.basis_other"}
        if basis == "other"
        else set()
    )
    assert {refused[f"current_stay.{key}"] for key in VISA_FIELDS} == {"not_asked"}
    for key in VISA_FIELDS:
        del payload["current_stay"][key]
    extra = {"residence_permit": ("permit_number", "KP1234567"), "protection": ("protection_kind", "ochrona czasowa")}
    extra["other"] = ("basis_other", "Wniosek złożony w terminie.")
    if basis in extra:
        key, value = extra[basis]
        payload["current_stay"][key] = value
    assert errors_of("temporary-residence", payload) == {}


@pytest.mark.parametrize("slug", FORMS_2026)
def test_whether_the_applicant_is_in_poland_is_asked_once_in_b7_and_part_d_has_no_question_of_its_own(slug):
    """B.7 (outside Poland?) and D.1 (in Poland?) asked the same fact inverted: D.1 is gone, part D follows B.7."""
    definition = SPECS[slug]
    residence, stay = definition.step("residence"), definition.step("current_stay")
    assert next(i for i in residence.items if i.key == "currently_abroad").number == "B.7"
    assert [i.key for i in stay.items if i.key == "in_poland"] == []
    assert all(i.type != "boolean" for i in stay.items), "part D asks nothing yes-or-no about being in Poland"
    assert stay.show_if.field == "residence.currently_abroad" and stay.show_if.equals is False


@pytest.mark.parametrize("slug", FORMS_2026)
def test_in_poland_by_b7_the_legal_stay_questions_are_asked_and_required(slug):
    payload = with_stay(slug)
    assert payload["residence"]["currently_abroad"] is False
    assert errors_of(slug, payload) == {}
    payload["current_stay"] = {}
    assert errors_of(slug, payload) == {
        "current_stay.last_entry_date": "required",
        "current_stay.legal_basis": "required",
        "current_stay.legal_stay_until": "required",
    }


@pytest.mark.parametrize("slug", FORMS_2026)
def test_abroad_by_b7_nothing_is_asked_about_the_stay(slug):
    payload = from_abroad(slug)
    assert errors_of(slug, payload) == {}
    payload["current_stay"] = {"legal_stay_until": "2027-01-01"}
    assert errors_of(slug, payload) == {"current_stay": "not_asked"}


def test_the_last_entry_cannot_be_in_the_future():
    later = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    errors = errors_of("temporary-residence", with_stay(last_entry_date=later, legal_stay_until="2030-01-01"))
    assert errors == {"current_stay.last_entry_date": "date_in_future"}


# --- Detention, travel document or another identity document ----------------------------------------------------


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yes=st.sets(st.sampled_from(["detained", "guarded_centre", "ban_on_leaving", "imprisoned"])))
def test_each_yes_about_detention_needs_its_details(yes):
    payload = applicant_payload("temporary-residence", 2)
    payload["detention"] = {**payload["detention"], **dict.fromkeys(yes, True)}
    assert errors_of("temporary-residence", payload) == {f"detention.{key}_details": "required" for key in yes}
    payload["detention"].update({f"{key}_details": "Zatrzymany przez Straż Graniczną w 2021 r." for key in yes})
    assert errors_of("temporary-residence", payload) == {}


def test_without_a_travel_document_another_identity_document_and_the_reason_are_asked():
    payload = applicant_payload("temporary-residence", 2)
    payload["travel_document"] = {"has_travel_document": False}
    assert errors_of("temporary-residence", payload) == {
        "travel_document.no_document_reason": "required",
        "travel_document.other_document_type": "required",
    }
    payload["travel_document"].update(
        {
            "no_document_reason": "Konsulat mojego państwa nie wydaje paszportów.",
            "other_document_type": "dowód osobisty",
            "other_document_number": "not_applicable",
            "other_document_issuer": "not_applicable",
        }
    )
    assert errors_of("temporary-residence", payload) == {}
    payload["travel_document"]["document_series_number"] = "FX123456"
    assert errors_of("temporary-residence", payload) == {"travel_document.document_series_number": "not_asked"}


def test_the_place_of_stay_abroad_is_asked_by_parts():
    payload = applicant_payload("temporary-residence", 2)
    payload["residence"]["currently_abroad"] = True
    del payload["current_stay"]  # part D is asked only in Poland
    assert errors_of("temporary-residence", payload) == {
        "residence.abroad_country": "required",
        "residence.abroad_city": "required",
        "residence.abroad_house_number": "required",
    }
    payload["residence"].update(
        {"abroad_country": "UKR", "abroad_city": "Lwów", "abroad_house_number": "5", "abroad_postal_code": "79000"}
    )
    assert errors_of("temporary-residence", payload) == {}


# --- The legal-stay finding -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(until=dates, filed=dates)
def test_the_application_is_late_exactly_when_filed_after_the_last_day_of_legal_stay(until, filed):
    check = legal_stay_check(in_poland({"legal_stay_until": until.isoformat()}), filed, spec=TEMPORARY)
    assert check.late == (filed > until)
    assert check.finding == (Finding.LATE if filed > until else Finding.LAST_DAY if filed == until else Finding.ON_TIME)
    assert check.days_left == (until - filed).days
    assert check.field == UNTIL_FIELD == "current_stay.legal_stay_until"
    assert check.message()


def test_the_finding_speaks_plainly():
    late = legal_stay_check(in_poland({"legal_stay_until": "2026-11-30"}), TODAY, spec=TEMPORARY)
    assert late.late and "art. 108" in late.message() and "certificate of legal stay" in late.message()
    last = legal_stay_check(in_poland({"legal_stay_until": "2026-12-01"}), TODAY, spec=TEMPORARY)
    assert last.finding == Finding.LAST_DAY and "Submit the application today" in last.message()
    abroad = legal_stay_check({"residence": {"currently_abroad": True}}, TODAY, spec=TEMPORARY)
    assert abroad.finding == Finding.ABROAD and not abroad.late
    assert legal_stay_check(in_poland({}), TODAY, spec=TEMPORARY) is None, "no date yet: nothing to compare"
    assert legal_stay_check({"personal": {}}, TODAY, spec=TEMPORARY) is None, "B.7 not answered yet"


def test_the_finding_reads_b7_and_not_a_d1_answer_left_in_an_earlier_draft():
    stale = {"in_poland": False, "legal_stay_until": "2026-11-30"}
    assert legal_stay_check(in_poland(stale), TODAY, spec=TEMPORARY).finding == Finding.LATE
    abroad = {"residence": {"currently_abroad": True}, "current_stay": {"in_poland": True}}
    assert legal_stay_check(abroad, TODAY, spec=TEMPORARY).finding == Finding.ABROAD


def test_a_form_of_the_2019_layout_gives_no_finding_though_it_asks_b7_too():
    version_1 = FormDefinitionSpec.model_validate(official_definition("temporary-residence", 1))
    answers = applicant_payload("temporary-residence", 1)
    answers["residence"]["currently_abroad"] = True
    assert legal_stay_check(answers, TODAY, spec=version_1) is None


# --- Attachments by purpose, 2026 file limits -------------------------------------------------------------------


def required_attachments(slug: str, purpose: str) -> set[str]:
    from formdefs.api import evaluate

    answers = {"purpose": {"purpose_of_stay": purpose}}
    return {
        a.key
        for a in SPECS[slug].attachments
        if a.required or (a.required_if is not None and evaluate(a.required_if, answers))
    }


@pytest.mark.parametrize(
    ("purpose", "document"),
    [
        ("work", "work_documents"),
        ("seasonal_work", "work_documents"),
        ("studies", "university_certificate"),
        ("family_reunification", "family_certificates"),
        ("spouse_of_polish_citizen", "family_certificates"),
        ("research", "research_agreement"),
        ("training", "training_agreement"),
        ("business", "business_documents"),
        ("short_stay", "short_stay_documents"),
    ],
)
def test_the_attachments_follow_the_purpose(purpose, document):
    required = required_attachments("temporary-residence", purpose)
    assert {"photo", "travel_document_copy", "stamp_duty_proof", document} <= required
    others = {"work_documents", "university_certificate", "family_certificates", "research_agreement"} - {document}
    assert not (others & required)


def test_a_posted_worker_attaches_the_posting_documents():
    assert {"work_documents", "posting_documents"} <= required_attachments("temporary-residence-work", "posted_worker")
    assert "posting_documents" not in required_attachments("temporary-residence-work", "work")


def jpeg(width: int, height: int, quality: int = 85) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 180, 160)).save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


def photo_rule() -> dict:
    photo = next(a for a in SPECS["temporary-residence"].attachments if a.key == "photo")
    assert photo.accept == ["image/jpeg"]
    return {"accept": photo.accept, "max_size_mb": photo.max_size_mb, **photo.validators[0].params}


def test_the_2026_photo_rules():
    rule = photo_rule()
    assert rule["min_width"] == 684 and rule["min_height"] == 883 and rule["max_kb"] == 2560
    validate_upload(SimpleUploadedFile("p.jpg", jpeg(700, 900)), **rule)
    for content, code in [
        (jpeg(600, 771), "upload_photo_too_small"),
        (jpeg(900, 900), "upload_photo_proportion"),
    ]:
        with pytest.raises(ValidationError) as error:
            validate_upload(SimpleUploadedFile("p.jpg", content), **rule)
        assert error.value.code == code
    png = io.BytesIO()
    Image.new("RGB", (700, 900)).save(png, format="PNG")
    with pytest.raises(ValidationError) as error:
        validate_upload(SimpleUploadedFile("p.png", png.getvalue()), **rule)
    assert error.value.code == "upload_type"


@settings(max_examples=25, deadline=None)
@given(width=st.integers(684, 1400), height=st.integers(883, 1800))
def test_a_photo_passes_exactly_when_it_is_35_by_45_within_two_percent(width, height):
    check = get_field_validator("photo_dimensions")
    params = {"min_width": 684, "min_height": 883, "max_kb": 2560, "proportion": "35:45"}
    upload = SimpleUploadedFile("p.jpg", jpeg(width, height, quality=30))
    in_proportion = abs(width / height - 35 / 45) <= 0.02 * 35 / 45
    if in_proportion:
        assert check(upload, **params) is upload
    else:
        with pytest.raises(ValidationError) as error:
            check(upload, **params)
        assert error.value.code == "upload_photo_proportion"


def test_a_photo_over_2_5_mb_is_refused_with_its_size():
    noise = Image.effect_noise((1400, 1800), 120).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, format="JPEG", quality=100)
    content = buffer.getvalue()
    assert len(content) > 2560 * 1024
    with pytest.raises(ValidationError) as error:  # between 2.5 MB and the file limit: the photo's own rule
        validate_upload(SimpleUploadedFile("p.jpg", content), **{**photo_rule(), "max_size_mb": 10})
    assert error.value.code == "upload_photo_too_large"
    assert error.value.params["max_kb"] == 2560


def test_scans_are_pdf_of_at_most_10_mb():
    for attachment in SPECS["temporary-residence"].attachments:
        if attachment.key != "photo":
            assert attachment.accept == ["application/pdf"], attachment.key
            assert attachment.max_size_mb == 10


# --- Fees -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "purpose", "amount"),
    [
        ("temporary-residence", "work", "440"),
        ("temporary-residence", "blue_card", "440"),
        ("temporary-residence", "intra_corporate_transfer", "440"),
        ("temporary-residence", "seasonal_work", "170"),
        ("temporary-residence", "short_stay", "85"),
        ("temporary-residence", "short_stay_personal", "340"),
        ("temporary-residence", "studies", "340"),
        ("temporary-residence", "family_reunification", "340"),
        ("temporary-residence-work", "work", "440"),
        ("temporary-residence-work", "posted_worker", "340"),
        ("eu-blue-card", None, "440"),
        ("permanent-residence", "spouse_of_polish_citizen", "640"),
        ("eu-long-term-resident", None, "640"),
    ],
)
def test_the_stamp_duty_goes_by_purpose(slug, purpose, amount):
    assert stamp_duty(slug, purpose) == Decimal(amount)
    answers = {"purpose": {"purpose_of_stay": purpose}, "basis": {"permanent_basis": purpose}}
    fees = fees_for(slug, answers)
    assert fees.stamp_duty == Decimal(amount) and fees.exemption is None
    assert fees.residence_card == residence_card_fee() == Decimal(100)


@pytest.mark.parametrize(
    ("slug", "answers", "key"),
    [
        ("permanent-residence", {"basis": {"permanent_basis": "pole_card"}}, "pole_card"),
        ("permanent-residence", {"basis": {"permanent_basis": "protection"}}, "protection"),
        ("temporary-residence", {"purpose": {"purpose_of_stay": "trafficking_victim"}}, "trafficking_victim"),
    ],
)
def test_the_exemptions(slug, answers, key):
    fees = fees_for(slug, answers)
    assert fees.stamp_duty == 0 and fees.exemption.key == key and fees.exemption.label.pl


def test_the_fee_table_lists_each_purpose_and_an_annex_has_none():
    table = fee_table("temporary-residence")
    assert table["stamp_duty"]["default"] == "340" and table["residence_card"] == "100"
    assert table["stamp_duty"]["by_purpose"]["seasonal_work"] == "170"
    assert fee_table("employer-annex-1") is None and fees_for("employer-annex-1", {}) is None
    rows = {row["value"]: row for row in purpose_fees(SPECS["temporary-residence"])}
    assert rows["work"]["amount"] == 440 and rows["trafficking_victim"]["exempt"]
    assert rows["studies"]["label"].pl == "studia"


def test_the_sample_answers_are_not_changed_by_the_tests():
    assert applicant_payload("temporary-residence", 2) == copy.deepcopy(applicant_payload("temporary-residence", 2))


@pytest.mark.parametrize(
    ("language", "written"), [("pl", "30.11.2026"), ("en", "30 November 2026"), ("uk", "30 листопада 2026")]
)
def test_the_finding_writes_the_end_of_the_stay_as_the_one_date_filter_does(language, written):
    from django.utils import translation

    late = legal_stay_check(in_poland({"legal_stay_until": "2026-11-30"}), TODAY, spec=TEMPORARY)
    with translation.override(language):
        assert written in late.message()


#: What a family member outside Poland does not file in MOS (art. 106l): the one in Poland files it on paper.
FAMILY_FROM_ABROAD = {"family_reunification", "spouse_of_polish_citizen"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    purpose=st.sampled_from(
        [c.value for c in SPECS["temporary-residence"].step("purpose").items[0].choices if c.value != "other"]
    ),
    here=st.booleans(),
)
def test_family_reunification_from_abroad_is_refused_on_the_purpose_and_anything_else_is_not(purpose, here):
    payload = applicant_payload("temporary-residence", 2) if here else from_abroad()
    payload["purpose"] = {**payload["purpose"], "purpose_of_stay": purpose}
    _cleaned, errors = validate_payload(SPECS["temporary-residence"], payload)
    refused = [e for e in errors if "106l" in str(e.message)]
    if purpose in FAMILY_FROM_ABROAD and not here:
        assert [e.path for e in refused] == ["purpose.purpose_of_stay"]
    else:
        assert refused == []


# --- A draft's answers as the form asks them now ----------------------------------------------------------------


def test_a_drafts_answers_to_questions_no_longer_asked_are_left_out_and_the_rest_kept():
    from formdefs.api import answers_as_asked

    stored = with_stay(in_poland=True)  # saved before D.1 was dropped
    stored["no_such_step"] = {"x": 1}
    asked = answers_as_asked(TEMPORARY, stored)
    assert "in_poland" not in asked["current_stay"] and "no_such_step" not in asked
    assert asked["current_stay"]["legal_basis"] == "visa" and asked["personal"] == stored["personal"]
    assert errors_of("temporary-residence", asked) == {}
    assert errors_of("temporary-residence", stored)["current_stay.in_poland"] == "extra_forbidden", (
        "the payload check itself still refuses a key the form does not have"
    )

    stored["residence"].update(from_abroad()["residence"])  # B.7 changed after part D was filled
    asked = answers_as_asked(TEMPORARY, stored)
    assert "current_stay" not in asked, "a page B.7 now hides"
    assert errors_of("temporary-residence", asked) == {}
