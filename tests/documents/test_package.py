"""The application package: the form walked section by section, and the answers embedded as application.json."""

from __future__ import annotations

import json

from documents.package import (
    BLANK,
    NOT_APPLICABLE,
    answers_json,
    format_answer,
    package_sections,
    render_package,
)
from tests.documents.helpers import pdf_text, reader, xmp
from tests.documents.samples import CASE_NUMBER, package_parts, small_answers, small_definition


def rows_of(section):
    return [row for entry in section["entries"] if entry["kind"] == "fields" for row in entry["rows"]]


def test_sections_keep_the_official_letters_numbers_and_polish_labels():
    sections = package_sections(small_definition(), small_answers())
    assert [s["letter"] for s in sections] == ["A", "F", "G"]
    assert sections[0]["title"] == "Dane osobowe cudzoziemca"
    personal = {row["label"]: (row["number"], row["value"]) for row in rows_of(sections[0])}
    assert personal["Nazwisko"] == ("1", "Zażółć gęślą jaźń")
    assert personal["Płeć"] == ("8", "kobieta")
    assert personal["Data urodzenia"] == ("9", "17.05.1990")
    assert personal["Pozostaje w związku małżeńskim"] == ("12", "NIE")


def test_not_applicable_and_absent_answers_read_nie_dotyczy_and_an_empty_optional_one_a_dash():
    sections = package_sections(small_definition(), small_answers())
    personal = {row["label"]: row for row in rows_of(sections[0])}
    assert personal["Numer PESEL"]["value"] == NOT_APPLICABLE and personal["Numer PESEL"]["not_applicable"]
    work = {row["label"]: row["value"] for row in rows_of(sections[2])}
    assert work["Stanowisko"] == BLANK
    assert work["Wynagrodzenie miesięczne brutto (PLN)"] == "7\u00a0350,50"
    missing_step = package_sections(small_definition(), {"personal": small_answers()["personal"]})[2]
    assert {row["value"] for row in rows_of(missing_step)} == {NOT_APPLICABLE}


def test_repeatable_group_becomes_a_table_with_one_row_per_entry():
    group = package_sections(small_definition(), small_answers())[1]["entries"][1]
    assert group["kind"] == "group"
    assert [c["label"] for c in group["columns"]] == ["Od", "Do", "Cel pobytu"]
    assert [[cell["value"] for cell in row] for row in group["rows"]] == [
        ["02.01.2019", "31.03.2019", "turystyka"],
        ["01.06.2021", "31.05.2022", "nauka w Łodzi"],
    ]
    empty = package_sections(small_definition(), {"stays": {"stayed_before": False}})[1]["entries"][1]
    assert empty["rows"] == [] and empty["empty"] == NOT_APPLICABLE


def test_choice_answers_print_their_polish_label_and_an_unknown_value_as_is():
    sex = small_definition().step("personal").items[2]
    assert format_answer(sex, "M") == "mężczyzna"
    assert format_answer(sex, "X") == "X"


def test_package_pdf_shows_the_answers_attachments_and_declaration():
    pdf = render_package(**package_parts())
    text = pdf_text(pdf)
    for expected in (
        "A. Dane osobowe cudzoziemca",
        "F. Informacje o pobytach",
        "G. Zatrudnienie",
        "Zażółć gęślą jaźń",
        "Український",
        "kobieta",
        "NIE DOTYCZY",
        "nauka w Łodzi",
        "TAK",
        "zdjęcie.jpg",
        CASE_NUMBER,
        "Oświadczenie",
        "Olena Zażółć",
        "203.0.113.7",
    ):
        assert expected in text, expected
    assert "0f" * 32 in text.replace("\n", "")


def test_package_is_pdf_a_3b_and_embeds_the_answers_as_application_json():
    answers = small_answers()
    pdf = render_package(**package_parts(answers=answers))
    assert 'pdfaid:part="3"' in xmp(pdf) and 'pdfaid:conformance="B"' in xmp(pdf)
    assert reader(pdf).trailer["/Root"]["/OutputIntents"]
    embedded = reader(pdf).attachments["application.json"][0]
    assert json.loads(embedded) == answers
    assert embedded.decode() == answers_json(answers)


def test_long_groups_repeat_their_header_row_on_every_page():
    answers = small_answers()
    answers["stays"]["previous_stays"] = [
        {"from_date": "2010-01-01", "to_date": "2010-02-01", "purpose": f"pobyt nr {i}"} for i in range(120)
    ]
    pdf = render_package(**package_parts(answers=answers))
    pages = [page.extract_text() for page in reader(pdf).pages]
    assert len(pages) >= 3
    assert f"strona 2 z {len(pages)}" in pages[1]
    assert all("Cel pobytu" in page for page in pages[1:-2]), "the header row repeats on continuation pages"


def test_annex_is_rendered_after_the_main_form_and_embedded_separately():
    parts = package_parts()
    parts["annex"] = {"definition": small_definition(), "answers": {"work": {"employer": "Annex Employer Ltd"}}}
    pdf = render_package(**parts)
    assert "Annex Employer Ltd" in pdf_text(pdf)
    assert json.loads(reader(pdf).attachments["annex.json"][0]) == {"work": {"employer": "Annex Employer Ltd"}}
