"""Small definitions and contexts for the document tests (and the benchmark)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from formdefs.schema import FormDefinitionSpec

CASE_NUMBER = "WSO-MZ-2025-000123"
SUBMITTED_AT = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
OFFICE = {"name": "Mazowiecki Urząd Wojewódzki w Warszawie", "address": "pl. Bankowy 3/5, 00-950 Warszawa"}


def text(pl: str, en: str | None = None) -> dict:
    return {"pl": pl, "en": en or pl, "uk": en or pl, "ru": en or pl}


def small_definition() -> FormDefinitionSpec:
    """Three steps: personal data with a choice, travel history with a repeatable group, employment."""
    return FormDefinitionSpec.model_validate(
        {
            "slug": "temporary-residence-work",
            "version": 3,
            "permit_type": "temporary-residence-work",
            "title": text("Wniosek o udzielenie zezwolenia na pobyt czasowy i pracę", "Temporary residence and work"),
            "steps": [
                {
                    "key": "personal",
                    "section": "A",
                    "title": text("Dane osobowe cudzoziemca"),
                    "items": [
                        {"key": "surname", "type": "name", "number": "1", "label": text("Nazwisko")},
                        {"key": "given_names", "type": "name", "number": "4", "label": text("Imię (imiona)")},
                        {
                            "key": "sex",
                            "type": "choice",
                            "number": "8",
                            "label": text("Płeć"),
                            "choices": [
                                {"value": "F", "label": text("kobieta", "female")},
                                {"value": "M", "label": text("mężczyzna", "male")},
                            ],
                        },
                        {"key": "date_of_birth", "type": "date", "number": "9", "label": text("Data urodzenia")},
                        {
                            "key": "pesel",
                            "type": "pesel",
                            "number": "18",
                            "label": text("Numer PESEL"),
                            "required": False,
                            "not_applicable": True,
                        },
                        {
                            "key": "married",
                            "type": "boolean",
                            "number": "12",
                            "label": text("Pozostaje w związku małżeńskim"),
                        },
                    ],
                },
                {
                    "key": "stays",
                    "section": "F",
                    "title": text("Informacje o pobytach"),
                    "items": [
                        {
                            "key": "stayed_before",
                            "type": "boolean",
                            "number": "1",
                            "label": text("Czy przebywał(a) wcześniej w Polsce"),
                        },
                        {
                            "key": "previous_stays",
                            "type": "group",
                            "number": "2",
                            "label": text("Poprzednie pobyty w Polsce"),
                            "fields": [
                                {"key": "from_date", "type": "date", "label": text("Od")},
                                {"key": "to_date", "type": "date", "label": text("Do")},
                                {"key": "purpose", "type": "text", "label": text("Cel pobytu")},
                            ],
                        },
                    ],
                },
                {
                    "key": "work",
                    "section": "G",
                    "title": text("Zatrudnienie"),
                    "items": [
                        {"key": "employer", "type": "text", "number": "1", "label": text("Nazwa pracodawcy")},
                        {
                            "key": "salary",
                            "type": "decimal",
                            "number": "2",
                            "label": text("Wynagrodzenie miesięczne brutto (PLN)"),
                        },
                        {
                            "key": "position",
                            "type": "text",
                            "number": "3",
                            "label": text("Stanowisko"),
                            "required": False,
                        },
                    ],
                },
            ],
        }
    )


def small_answers() -> dict:
    return {
        "personal": {
            "surname": "Zażółć gęślą jaźń",
            "given_names": "Український",
            "sex": "F",
            "date_of_birth": "1990-05-17",
            "married": False,
        },
        "stays": {
            "stayed_before": True,
            "previous_stays": [
                {"from_date": "2019-01-02", "to_date": "2019-03-31", "purpose": "turystyka"},
                {"from_date": "2021-06-01", "to_date": "2022-05-31", "purpose": "nauka w Łodzi"},
            ],
        },
        "work": {"employer": "Przedsiębiorstwo Ślusarskie „Żuraw” sp. z o.o.", "salary": "7350.5", "position": ""},
    }


def package_parts(definition: FormDefinitionSpec | None = None, answers: dict | None = None) -> dict:
    return {
        "definition": definition or small_definition(),
        "answers": answers if answers is not None else small_answers(),
        "attachments": [
            {"label": "Fotografia", "name": "zdjęcie.jpg", "size": 48213, "sha256": "0f" * 32},
            {"label": "Paszport", "name": "paszport.pdf", "size": 812004, "sha256": "a1" * 32},
        ],
        "annex": None,
        "declaration": {"confirmed_by": "Olena Zażółć", "confirmed_at": SUBMITTED_AT, "ip": "203.0.113.7"},
        "case_number": CASE_NUMBER,
        "office": OFFICE,
        "submitted_at": SUBMITTED_AT,
    }


def receipt_context(applicant_language: str = "uk") -> dict:
    return {
        "office": OFFICE,
        "submitted_at": SUBMITTED_AT,
        "applicant_name": "Олена Українська (Olena Ukrainska)",
        "package_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "verification_url": f"http://127.0.0.1:8000/sprawdz/{CASE_NUMBER}",
        "access_code": "7KQ2-MX9P",
        "applicant_language": applicant_language,
        "application_title": "Wniosek o udzielenie zezwolenia na pobyt czasowy i pracę",
    }


def decision_context(outcome: str = "grant") -> dict:
    return {
        "office": OFFICE,
        "outcome": outcome,
        "decision_number": "WSC-II-P.6151.1234.2025",
        "issued_at": date(2025, 6, 2),
        "place": "Warszawa",
        "application_date": date(2025, 3, 14),
        "applicant": {
            "name": "Olena Українська",
            "date_of_birth": date(1990, 5, 17),
            "citizenship": "Ukraina",
            "address": "ul. Żelazna 12 m. 4, 00-851 Warszawa",
        },
        "permit_title": "zezwolenia na pobyt czasowy i pracę",
        "purpose": "wykonywanie pracy",
        "valid_from": date(2025, 6, 2),
        "valid_until": date(2028, 6, 1),
        "legal_basis": ["art. 114 ust. 1 ustawy z dnia 12 grudnia 2013 r. o cudzoziemcach"],
        "justification": (
            "Cudzoziemka nie spełnia warunku, o którym mowa w art. 114 ust. 1 pkt 2.\n\nW toku postępowania ustalono…"
        ),
        "voivode": "Wojewody Mazowieckiego",
        "officer": {"name": "Jan Kowalski", "position": "Kierownik Oddziału"},
    }
