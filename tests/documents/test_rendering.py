"""Official documents rendered to PDF/A-3b: content, metadata, repeatability and an offline renderer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from documents.qr import qr_data_uri
from documents.rendering import (
    FONTS_DIR,
    ForbiddenURL,
    PdfAttachment,
    RestrictedURLFetcher,
    render_html,
    render_pdf,
)
from tests.documents.helpers import pdf_text, reader, xmp
from tests.documents.samples import CASE_NUMBER, OFFICE, SUBMITTED_AT, decision_context, receipt_context

CREATED = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


def render_receipt(**overrides) -> bytes:
    return render_pdf(
        "documents/receipt.html",
        {**receipt_context(), **overrides},
        language="pl",
        title="Urzędowe poświadczenie odbioru",
        case_number=CASE_NUMBER,
        created=CREATED,
    )


def test_receipt_carries_the_case_number_digest_and_a_qr_code():
    pdf = render_receipt()
    text = pdf_text(pdf)
    assert len(reader(pdf).pages) == 1
    assert "URZĘDOWE POŚWIADCZENIE ODBIORU" in text
    assert CASE_NUMBER in text
    assert "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" in text.replace("\n", "")
    assert "14.03.2025" in text and "10:26:53" in text  # 09:26:53 UTC is 10:26:53 in Warsaw
    assert "Mazowiecki Urząd Wojewódzki w Warszawie" in text
    assert "7KQ2-MX9P" in text
    assert "Олена Українська" in text
    # The QR code is an SVG drawn as vector paths, so it is checked in the HTML the PDF is made from.
    html = render_html("documents/receipt.html", receipt_context(), language="pl", title="UPO", case_number=CASE_NUMBER)
    assert f'src="{qr_data_uri(receipt_context()["verification_url"])}"' in html


def test_receipt_adds_the_applicants_language_version_only_for_a_foreign_language():
    foreign = pdf_text(render_receipt(applicant_language="en"))
    polish = pdf_text(render_receipt(applicant_language="pl"))
    assert "Official receipt: translation for the applicant" in foreign
    assert "translation for the applicant" not in polish
    assert "strona 1 z 1" in polish


def test_polish_and_cyrillic_text_are_extractable():
    pdf = render_pdf(
        "documents/receipt.html",
        receipt_context(applicant_language="pl") | {"applicant_name": "Zażółć gęślą jaźń Український"},
        language="pl",
        title="UPO",
        case_number=CASE_NUMBER,
    )
    text = pdf_text(pdf)
    assert "Zażółć gęślą jaźń" in text
    assert "Український" in text


def test_document_is_pdf_a_3b_with_metadata_from_the_case():
    pdf = render_receipt()
    metadata = xmp(pdf)
    assert 'pdfaid:part="3"' in metadata and 'pdfaid:conformance="B"' in metadata
    root = reader(pdf).trailer["/Root"]
    assert root["/OutputIntents"]
    assert root["/Lang"] == "pl"
    info = reader(pdf).metadata
    assert info.title == "Urzędowe poświadczenie odbioru"
    assert CASE_NUMBER in info["/Keywords"] and CASE_NUMBER in info.subject
    assert info.creator == "MOS"


def test_attachment_is_embedded_as_data():
    pdf = render_pdf(
        "documents/receipt.html",
        receipt_context(),
        language="pl",
        title="UPO",
        case_number=CASE_NUMBER,
        attachments=[PdfAttachment("application.json", '{"a": "żółw"}')],
    )
    assert reader(pdf).attachments["application.json"] == ['{"a": "żółw"}'.encode()]
    assert "/Data" in str(reader(pdf).trailer["/Root"]["/AF"][0].get_object()["/AFRelationship"])


def test_two_renders_with_the_same_date_are_byte_identical():
    assert render_receipt() == render_receipt()


def test_two_renders_on_different_dates_differ_only_in_timestamps():
    first = render_receipt()
    later = render_pdf(
        "documents/receipt.html",
        receipt_context(),
        language="pl",
        title="Urzędowe poświadczenie odbioru",
        case_number=CASE_NUMBER,
        created=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    )
    assert first != later
    assert pdf_text(first) == pdf_text(later)
    assert reader(first).trailer["/ID"][0] == reader(later).trailer["/ID"][0]  # the permanent identifier
    assert reader(later).metadata["/CreationDate"].startswith("D:20260102030405")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:1/x.png",
        "https://example.org/x.png",
        "ftp://127.0.0.1/x",
        "http://169.254.169.254/latest",
        "file:///etc/passwd",
        f"file://{FONTS_DIR}/../../mos/settings.py",
        "file://evil.example/etc/passwd",
    ],
)
def test_restricted_fetcher_refuses_network_and_foreign_files(url):
    with pytest.raises(ForbiddenURL):
        RestrictedURLFetcher().fetch(url)


def test_restricted_fetcher_serves_data_urls_and_the_projects_fonts():
    fetcher = RestrictedURLFetcher()
    assert fetcher.fetch("data:text/plain,abc").read() == b"abc"
    font = fetcher.fetch((FONTS_DIR / "DejaVuSans.ttf").as_uri())
    assert font.read(4) == (FONTS_DIR / "DejaVuSans.ttf").read_bytes()[:4]


@pytest.fixture
def test_templates(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parent / "templates"]}
    ]


@pytest.mark.parametrize("src", ["http://127.0.0.1:1/x.png", "file:///etc/passwd"])
def test_markup_injected_past_escaping_cannot_make_the_renderer_fetch(test_templates, src):
    with pytest.raises(ForbiddenURL):
        render_pdf("documents_test/unsafe.html", {"value": f'<img src="{src}">'}, language="pl", title="x")


def test_applicant_markup_is_printed_as_text():
    pdf = render_receipt(applicant_name='<img src="http://127.0.0.1:1/x.png">')
    assert '<img src="http://127.0.0.1:1/x.png">' in pdf_text(pdf).replace("\n", "")


def test_call_to_supplement_lists_defects_the_period_from_delivery_and_consequence():
    context = {
        "office": OFFICE,
        "issued_at": SUBMITTED_AT,
        "place": "Warszawa",
        "deadline_days": 7,
        "addressee": {"name": "Olena Українська", "address": "ul. Żelazna 12\n00-851 Warszawa"},
        "defects": ["brak fotografii", "brak podpisu pracodawcy na załączniku nr 1"],
    }
    text = pdf_text(
        render_pdf(
            "documents/call_to_supplement.html",
            context,
            language="pl",
            title="Wezwanie do usunięcia braków formalnych",
            case_number=CASE_NUMBER,
        )
    )
    assert "art. 64 § 2" in text
    assert "brak fotografii" in text and "brak podpisu pracodawcy" in text
    assert "7 dni od dnia doręczenia" in text.replace("\n", " ")
    assert "pozostawienie wniosku bez rozpoznania" in text.replace("\n", " ")
    assert CASE_NUMBER in text


def test_summons_for_fingerprints_gives_date_time_place_and_legal_basis():
    context = {
        "office": OFFICE,
        "issued_at": SUBMITTED_AT,
        "place": "Warszawa",
        "appointment_at": datetime(2025, 4, 8, 9, 15, tzinfo=UTC),
        "place_of_appointment": "ul. Marszałkowska 3/5, sala 12, Warszawa",
    }
    text = pdf_text(
        render_pdf(
            "documents/summons_fingerprints.html",
            context,
            language="pl",
            title="Wezwanie do osobistego stawiennictwa",
            case_number=CASE_NUMBER,
        )
    )
    assert "odcisków linii papilarnych" in text
    assert "art. 106e" in text and "umorzeniem postępowania" in text.replace("\n", " ")
    assert "08.04.2025" in text and "11:15" in text
    assert "sala 12" in text


@pytest.mark.parametrize("outcome", ["grant", "refusal"])
def test_decision_states_outcome_and_the_appeal_instruction(outcome):
    text = pdf_text(
        render_pdf(
            "documents/decision.html",
            decision_context(outcome),
            language="pl",
            title="Decyzja",
            case_number=CASE_NUMBER,
        )
    ).replace("\n", " ")
    assert "Szefa Urzędu do Spraw Cudzoziemców" in text
    assert "14 dni" in text
    if outcome == "grant":
        assert "udzielić" in text and "01.06.2028" in text
    else:
        assert "odmówić udzielenia" in text and "Uzasadnienie" in text
