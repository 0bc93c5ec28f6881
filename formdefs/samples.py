"""Complete, valid answers to each built-in form, as an applicant and an employer would give them.

One copy for the tests, the benchmarks and the seeded data; `tests/formdefs/test_builtin_definitions.py` proves they
pass the payload model of every built-in definition.
"""

from __future__ import annotations

from typing import Any

from .serialization import DEFINITIONS_DIR


def latest_version(slug: str) -> int:
    """The newest version shipped as a file for `slug` (what `load_form_definitions` publishes)."""
    return max((int(p.stem[1:]) for p in (DEFINITIONS_DIR / slug).glob("v*.json")), default=1)


def applicant_payload(slug: str, version: int | None = None) -> dict[str, Any]:
    """Valid answers to `version` of the form (by default the newest shipped, the one new drafts start on)."""
    version = version or latest_version(slug)
    payload: dict[str, Any] = {
        "personal": {
            "surname": "KOWALENKO",
            "previous_surnames": "not_applicable",
            "family_name": "SHEVCHENKO",
            "given_names": "OKSANA",
            "previous_given_names": "not_applicable",
            "father_name": "PETRO",
            "mother_name_unknown": True,
            "mother_maiden_name_unknown": True,
            "date_of_birth": "1990-05-17",
            "sex": "F",
        },
        "personal_more": {
            "place_of_birth": "LVIV",
            "country_of_birth": "UKR",
            "nationality": "ukraińska",
            "citizenship": ["UKR"],
            "marital_status": "married",
            "education": "higher",
            "height_cm": 168,
            "eye_colour": "green",
            "special_marks": "not_applicable",
            "pesel": "not_applicable",
            "phone": "+48600123456",
            "email": "oksana@example.com",
        },
        "residence": {
            "voivodeship": "14",
            "city": "Warszawa",
            "street": "Marszałkowska",
            "house_number": "10",
            "flat_number": "not_applicable",
            "postal_code": "00-950",
            "currently_abroad": False,
        },
        "travel_document": {
            "travel_documents_count": 1,
            "document_type": "passport",
            "document_series_number": "FX123456",
            "issue_date": "2020-01-10",
            "expiry_date": "2035-01-10",
            "issuing_authority": "4610",
        },
        "family": {
            "has_family_members": True,
            "family_members": [
                {
                    "surname": "KOWALENKO",
                    "given_names": "TARAS",
                    "sex": "M",
                    "date_of_birth": "1988-02-01",
                    "relationship": "spouse",
                    "citizenship": "UKR",
                    "residence_country": "POL",
                    "residence_city": "Warszawa",
                    "applies_with_applicant": False,
                    "dependent": False,
                }
            ],
        },
        "stays": {
            "has_previous_stays": True,
            "previous_stays": [{"date_from": "2022-03-01", "legal_basis": "visa_free"}],
            "has_travels_abroad": True,
            "travels_abroad": [{"country": "UKR", "date_from": "2023-07-01", "date_to": "2023-07-20"}],
        },
        "means": {
            "means_amount": "6500.00",
            "means_source": "Wynagrodzenie",
            "has_health_insurance": True,
            "insurer": "NFZ",
            "convicted_in_poland": False,
            "criminal_proceedings": False,
            "court_liabilities": True,
            "liabilities_details": "Alimenty",
            "tax_arrears": False,
        },
        "declaration": {"declaration_false_statement": True},
    }
    if slug.startswith("temporary-residence"):
        payload["purpose"] = {
            "purpose_of_stay": "work",
            "period_from": "2026-01-01",
            "period_to": "2028-12-31",
            "justification": "Praca w Warszawie.",
        }
    elif slug == "eu-blue-card":
        payload["purpose"] = {
            "purpose_of_stay": "blue_card",
            "period_from": "2026-01-01",
            "period_to": "2028-12-31",
            "qualification_basis": "higher_education",
            "school_name": "Lviv Polytechnic National University",
            "school_country": "UKR",
            "field_of_study": "Computer science",
            "diploma_date": "2014-06-30",
            "previous_blue_card": False,
            "justification": "Praca programisty w Warszawie.",
        }
    elif slug == "permanent-residence":
        payload["basis"] = {"permanent_basis": "pole_card", "justification": "Karta Polaka."}
    else:
        payload["long_term_stay"] = {
            "legal_stays": [{"date_from": "2019-01-01", "date_to": "2024-12-31", "legal_basis": "residence_permit"}]
        }
        payload["long_term_conditions"] = {
            "income_monthly": "7000.00",
            "income_source": "Umowa o pracę",
            "dependants_count": 1,
            "accommodation_title": "lease",
            "polish_knowledge": "certificate_b1",
        }
    if (version >= 2 and (slug.startswith("temporary-residence") or slug in _LAYOUT_2026)) or slug == "eu-blue-card":
        _add_2026_answers(payload)
    if version >= 2 and slug in _LAYOUT_2026:
        _LAYOUT_2026[slug](payload)
    return payload


def _permanent_residence_2026(payload: dict[str, Any]) -> None:
    payload["basis"] = {"permanent_basis": "spouse_of_polish_citizen", "justification": "Małżeństwo z obywatelem RP."}
    payload["spouse"] = {
        "spouse_surname": "KOWALSKI",
        "spouse_given_names": "TARAS",
        "spouse_date_of_birth": "1988-02-01",
        "spouse_citizenship": "POL",
        "marriage_date": "2019-06-01",
        "spouse_lives_in_poland": True,
    }
    payload["stamp_duty"] = {"stamp_duty_exemption": "none"}


def _eu_long_term_resident_2026(payload: dict[str, Any]) -> None:
    payload["long_term_stay"] = {
        "legal_stays": [
            {"date_from": "2019-01-01", "date_to": "2022-12-31", "legal_basis": "residence_permit"},
            {"date_from": "2023-01-01", "date_to": "2027-12-31", "legal_basis": "residence_permit"},
        ],
        "has_breaks": True,
        "breaks": [
            {"country": "UKR", "date_from": "2023-07-01", "date_to": "2023-07-20", "reason": "other"},
        ],
        "blue_card_route": False,
        "other_state_resident": False,
    }
    payload["long_term_conditions"] = {
        "income_year_1": "84000.00",
        "income_year_2": "80000.00",
        "income_year_3": "76000.00",
        "income_source": "Umowa o pracę",
        "dependants_count": 1,
        "has_health_insurance_3y": True,
        "accommodation_title": "loan_for_use",
        "lender_relationship": "spouse",
        "polish_knowledge": "certificate_b1",
        "justification": "Mieszkam i pracuję w Polsce od 2019 r.",
    }


_LAYOUT_2026 = {
    "permanent-residence": _permanent_residence_2026,
    "eu-long-term-resident": _eu_long_term_resident_2026,
}


def _add_2026_answers(payload: dict[str, Any]) -> None:
    """The items the 2026 layout (Dz.U. 2026 poz. 553) adds: current stay, detention, origin address, ..."""
    payload["residence"] = {**payload["residence"]}
    payload["origin_address"] = {
        "origin_country": "UKR",
        "origin_city": "LVIV",
        "origin_street": "Shevchenka",
        "origin_house_number": "5",
        "origin_postal_code": "79000",
    }
    payload["travel_document"] = {"has_travel_document": True, **payload["travel_document"]}
    payload["current_stay"] = {
        # Early enough for the tests that travel back to the spring of 2026 (an entry cannot lie in the future).
        "last_entry_date": "2025-09-05",
        "legal_basis": "visa",
        "visa_type": "national_d",
        "visa_series_number": "POL12345678",
        "visa_valid_from": "2025-09-01",
        "visa_valid_to": "2027-08-31",
        "visa_issuer": "Konsul RP we Lwowie",
        "legal_stay_until": "2027-08-31",
    }
    payload["detention"] = {"detained": False, "guarded_centre": False, "ban_on_leaving": False, "imprisoned": False}


def employer_payload(version: int = 1) -> dict[str, Any]:
    """Annex 1 as an employer fills it; version 2 (2026) also asks the working time in hours a month."""
    payload = _employer_payload_v1()
    if version >= 2:
        payload["work_terms"]["hours_per_month"] = 168
    return payload


def _employer_payload_v1() -> dict[str, Any]:
    return {
        "employer": {
            "employer_name": "Budex sp. z o.o.",
            "employer_kind": "registered",
            "city": "Warszawa",
            "street": "Prosta",
            "house_number": "1",
            "flat_number": "not_applicable",
            "postal_code": "00-850",
            "phone": "+48221234567",
            "email": "kadry@example.com",
        },
        "employer_identity": {
            "legal_form": "spółka z o.o.",
            "register_name": "KRS",
            "register_number": "0000012345",
            "nip": "5260250274",
            "regon": "012100784",
            "krs": "0000012345",
            "pkd_code": "41.20.Z",
            "employees_count": 25,
            "is_temp_agency": False,
        },
        "foreigner": {
            "surname": "KOWALENKO",
            "given_names": "OKSANA",
            "date_of_birth": "1990-05-17",
            "citizenship": "UKR",
            "document_number": "FX123456",
        },
        "work": {
            "position": "Murarz",
            "occupation_code": "711202",
            "workplaces": [{"city": "Warszawa", "street": "Prosta", "house_number": "1", "postal_code": "00-850"}],
            "duties": "Prace murarskie.",
            "requires_qualifications": False,
        },
        "work_terms": {
            "contract_type": "employment_contract",
            "working_time_fraction": "1",
            "hours_per_week": 40,
            "pay_amount": "6000.00",
            "pay_basis": "monthly",
            "period_from": "2026-01-01",
            "period_to": "2027-12-31",
        },
        "declarations": {
            "declaration_no_convictions": True,
            "declaration_equal_pay": True,
            "declaration_false_statement": True,
            "signatory_name": "Jan Nowak",
            "signatory_position": "Prezes zarządu",
        },
    }


def _institution(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "city": "Kraków",
        "street": "Gołębia",
        "house_number": "24",
        "flat_number": "not_applicable",
        "postal_code": "31-007",
        "phone": "+48124221033",
        "email": "office@example.edu.pl",
        "nip": "6750002236",
        "regon": "000001270",
    }


def _signature(*declarations: str) -> dict[str, Any]:
    return {
        **dict.fromkeys(declarations, True),
        "declaration_false_statement": True,
        "signatory_name": "Anna Nowak",
        "signatory_position": "Kierownik działu",
    }


def annex_payload(slug: str, version: int = 1) -> dict[str, Any]:
    """Valid answers to any built-in annex: the employer's Annex 1, the Blue Card employer's, the institutions'."""
    if slug == "employer-annex-1":
        return employer_payload(version)
    foreigner = _employer_payload_v1()["foreigner"]
    period = {"period_from": "2026-10-01", "period_to": "2027-09-30"}
    if slug == "eu-blue-card-employer":
        base = _employer_payload_v1()
        identity = {k: v for k, v in base["employer_identity"].items() if k != "is_temp_agency"}
        return {
            "employer": base["employer"],
            "employer_identity": identity,
            "foreigner": foreigner,
            "work": {
                "position": "Programista",
                "occupation_code": "251201",
                "qualifications_required": "Studia wyższe informatyczne.",
                "workplaces": [{"city": "Warszawa", "street": "Prosta", "house_number": "1", "postal_code": "00-850"}],
                "duties": "Tworzenie oprogramowania.",
                "contract_type": "employment_contract",
                "contract_from": "2026-10-01",
                "contract_to": "2028-09-30",
                "hours_per_month": 168,
                "monthly_pay": "16000.00",
            },
            "declarations": {
                "declaration_no_convictions": True,
                "declaration_equal_pay": True,
                "declaration_false_statement": True,
                "signatory_name": "Jan Nowak",
                "signatory_position": "Prezes zarządu",
            },
        }
    specific: dict[str, tuple[str, str, dict[str, Any], tuple[str, ...]]] = {
        "annex-university": (
            "Uniwersytet Jagielloński",
            "studies",
            {
                "status": "admitted",
                "field_of_study": "Informatyka",
                "level": "first_cycle",
                "form": "full_time",
                "language": "polski",
                "year": 1,
                "fees": "paid",
                **period,
            },
            ("declaration_accredited",),
        ),
        "annex-research-host": (
            "Instytut Fizyki PAN",
            "research",
            {
                "project_title": "Kwantowe kropki",
                "agreement_date": "2026-08-01",
                "approval_number": "ZJN/12/2025",
                "function": "badacz",
                "monthly_means": "7000.00",
                **period,
            },
            ("declaration_costs",),
        ),
        "annex-trainee-organiser": (
            "Budex sp. z o.o.",
            "traineeship",
            {
                "programme": "Staż w dziale projektowym.",
                "field_of_degree": "Budownictwo",
                "agreement_date": "2026-08-01",
                "costs_covered": True,
                **period,
            },
            ("declaration_return_costs",),
        ),
        "annex-volunteer-organiser": (
            "Fundacja Pomocy",
            "volunteering",
            {
                "programme": "Europejski Korpus Solidarności",
                "tasks": "Praca z dziećmi.",
                "hours_per_week": 30,
                "agreement_date": "2026-08-01",
                "board_and_lodging": True,
                "insurance": True,
                **period,
            },
            ("declaration_return_costs",),
        ),
    }
    name, step, answers, declarations = specific[slug]
    return {
        "institution": _institution(name),
        "foreigner": foreigner,
        step: answers,
        "declarations": _signature(*declarations),
    }
