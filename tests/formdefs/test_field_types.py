"""The field-type registry: one behaviour per type, used by the forms, the checks, the payload model, the pages, the
package and the page script (issue 12)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

from formdefs.api import display_answer
from formdefs.compile_forms import form_field
from formdefs.schema import FieldSpec, FieldType
from formdefs.types import kind_of, registered

ROOT = Path(__file__).resolve().parents[2]
# The seven places that used to decide by `if kind == ...` what a type means.
FORMER_LADDERS = [
    "formdefs/compile_forms.py",
    "formdefs/checks.py",
    "formdefs/compile_payload.py",
    "formdefs/steps.py",
    "applications/presentation.py",
    "documents/package.py",
]


def spec(kind: str, **extra) -> FieldSpec:
    label = {"pl": "Pole", "en": "Field", "uk": "Поле", "ru": "Поле"}
    return FieldSpec.model_validate({"key": "f", "type": kind, "label": label, **extra})


def test_every_field_type_has_exactly_one_behaviour_in_its_own_module():
    kinds = registered()
    assert set(kinds) == set(FieldType)
    for field_type, kind in kinds.items():
        assert kind.type == field_type
        assert Path(type(kind).__module__.replace(".", "/") + ".py").stem == field_type.value


@pytest.mark.parametrize("path", FORMER_LADDERS)
def test_no_module_decides_by_field_type_any_more(path):
    source = (ROOT / path).read_text(encoding="utf-8")
    assert not re.search(r"\.type\s*(==|!=|in\b|not in\b)|FieldType\.\w+", source), path


def test_the_page_script_reads_answers_by_the_kind_the_widget_carries():
    script = (ROOT / "static/js/conditions.js").read_text(encoding="utf-8")
    assert 'getAttribute("data-kind")' in script
    for field_type in ("boolean", "declaration", "multichoice", "countries", "text", "date"):
        extra = {"choices": [{"value": "a", "label": {"pl": "a", "en": "a", "uk": "a", "ru": "a"}}]}
        field = spec(field_type, **(extra if field_type == "multichoice" else {}))
        html = str(form_field(field, "en").widget.render("f", None))
        assert f'data-kind="{kind_of(field).script_kind}"' in html
        assert kind_of(field).script_kind in script


@pytest.mark.parametrize(
    ("field", "value", "screen_en", "printed"),
    [
        (spec("boolean"), True, "Yes", "TAK"),
        (spec("boolean"), False, "No", "NIE"),
        (spec("declaration"), True, "Yes", "TAK"),
        (spec("date"), "2024-05-31", "31 May 2024", "31.05.2024"),
        (spec("decimal"), Decimal("7350.5"), "7350.5", "7\u00a0350,50"),
        (spec("country"), "UKR", "Ukraine", "Ukraina (UKR)"),
        (spec("countries"), ["UKR", "DEU"], "Ukraine, Germany", "Ukraina (UKR), Niemcy (DEU)"),
        (spec("voivodeship"), "14", "mazowieckie", "mazowieckie"),
        (
            spec("choice", choices=[{"value": "F", "label": {"pl": "kobieta", "en": "female", "uk": "ж", "ru": "ж"}}]),
            "F",
            "female",
            "kobieta",
        ),
        (spec("text"), "Kowalska", "Kowalska", "Kowalska"),
    ],
)
def test_one_display_code_shows_an_answer_on_screen_and_prints_it_in_the_package(field, value, screen_en, printed):
    with translation.override("en"):
        assert display_answer(field, value, language="en") == screen_en
    assert display_answer(field, value, language="en", printed=True) == printed
