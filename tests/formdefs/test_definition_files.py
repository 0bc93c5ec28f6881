"""The official forms as data files: canonical text, fragments by reference, and one serialiser for files, export and
import (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from formdefs import serialization
from formdefs.models import FormDefinition, FormDefinitionChange
from formdefs.parsing import DefinitionError, parse_spec
from formdefs.serialization import FRAGMENTS_DIR, FragmentError, definition_files, dumps, loads, resolve
from formdefs.services import export_definition, import_definition

FILES = list(definition_files())
V1_OF_2019 = {
    "employer-annex-1",
    "eu-long-term-resident",
    "permanent-residence",
    "temporary-residence",
    "temporary-residence-work",
}  # the forms of 2019; issue 13 adds version 2 and new forms beside them
FRAGMENTS = sorted(FRAGMENTS_DIR.glob("*.json"))


def test_the_five_official_forms_and_their_shared_fragments_are_files():
    assert [f"{p.parent.name}/{p.name}" for p in FILES if p.parent.name in V1_OF_2019] == [
        "employer-annex-1/v1.json",
        "employer-annex-1/v2.json",
        "eu-long-term-resident/v1.json",
        "eu-long-term-resident/v2.json",
        "permanent-residence/v1.json",
        "permanent-residence/v2.json",
        "temporary-residence/v1.json",
        "temporary-residence/v2.json",
        "temporary-residence-work/v1.json",
        "temporary-residence-work/v2.json",
    ]
    assert {p.stem for p in FRAGMENTS} >= {
        "personal-data",
        "place-of-stay",
        "travel-document",
        "additional-information",
        "declaration",
        "address",
    }


@pytest.mark.parametrize("path", FILES + FRAGMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_is_written_in_the_one_canonical_form(path):
    """A hand edit that drifts from the serialiser's layout (key order, indent, escapes) fails here."""
    text = path.read_text(encoding="utf-8")
    assert dumps(loads(text)) == text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_every_file_resolves_into_a_definition_the_schema_accepts(path):
    data = serialization.read_definition_file(path)
    assert "$ref" not in json.dumps(data)
    spec = parse_spec(data)
    assert (spec.slug, f"v{spec.version}.json") == (path.parent.name, path.name)


def test_the_forms_refer_to_the_shared_fragments_instead_of_repeating_them():
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        if path.parent.name == "employer-annex-1" and path.name == "v1.json":
            assert text.count('"$ref": "address#') == 9  # the employer's seat and the places of work
        elif '"annex_of"' in text:
            assert '"$ref": "address#city"' in text, path  # an annex names its signer's address by the fragment
        elif '"layout": "2026"' in text:  # the 2026 layout: the 2026 fragments where the 2026 forms differ
            for fragment in ("personal-data", "2026-place-of-stay", "2026-travel-document", "2026-current-stay"):
                assert f'"$ref": "{fragment}"' in text, (path, fragment)
            for fragment in (
                "2026-detention",
                "2026-origin-address",
                "2026-attachments#photo",
                "additional-information",
            ):
                assert f'"$ref": "{fragment}"' in text, (path, fragment)
            assert '"$ref": "declaration"' in text
        else:
            for fragment in ("personal-data", "place-of-stay", "travel-document", "additional-information"):
                assert f'"$ref": "{fragment}"' in text, (path, fragment)
            assert '"$ref": "declaration"' in text
    assert '"$ref": "address#postal_code"' in (FRAGMENTS_DIR / "place-of-stay.json").read_text(encoding="utf-8")


LETTERED_2026 = [
    p
    for p in FILES
    if '"layout": "2026"' in p.read_text(encoding="utf-8")
    and serialization.read_definition_file(p)["steps"][0].get("section") == "A"
]  # the applicant's forms (the annexes number their parts 1, 2, 3, ...)


@pytest.mark.parametrize("path", LETTERED_2026, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_2026_form_letters_each_part_once_in_order_and_numbers_its_items_by_their_part(path):
    """No letter for two parts (version 2 once had detention and family, stays and means all as E): the parts run
    A, B, C, ... in the order the form asks them, a part's pages together, and an item's number starts with its
    part's letter (part A keeps its bare 1-20 of the online filler)."""
    steps = serialization.read_definition_file(path)["steps"]
    letters = [s["section"] for s in steps]
    distinct = list(dict.fromkeys(letters))
    assert distinct == [chr(ord("A") + i) for i in range(len(distinct))], letters
    assert letters == sorted(letters), letters  # no letter comes back after another
    for step in (s for s in steps if s["section"] != "A"):
        for item in step["items"]:
            if "number" in item:
                assert item["number"].startswith(step["section"] + "."), (step["key"], item["key"], item["number"])


COVERAGE = sorted((serialization.DEFINITIONS_DIR / "coverage").glob("*.md"))
CHECKED_AGAINST = {"2026 text", "2025 poz. 1647 text", "ours, unverified"}


def _coverage_rows(table: Path) -> list[list[str]]:
    lines = table.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| part | no. |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


@pytest.mark.parametrize("table", [t for t in COVERAGE if t.stem != "SOURCES"], ids=lambda t: t.name)
def test_each_coverage_table_lists_every_item_with_its_number_and_what_that_was_checked_against(table):
    """The table beside the definitions (issue 13, point 7) follows the 2026 definition it names: every item, its part
    and number as the definition has them, and per row the source the number and wording were checked against."""
    version = max(int(p.stem[1:]) for p in (serialization.DEFINITIONS_DIR / table.stem).glob("v*.json"))
    definition = serialization.official_definition(table.stem, version)
    expected = {}
    for step in definition["steps"]:
        for item in step["items"]:
            path = f"{step['key']}.{item['key']}"
            expected[path] = (step.get("section", ""), item.get("number") or "—")
            for field in item.get("fields") or []:
                expected[f"{path}.{field['key']}"] = (step.get("section", ""), field.get("number") or "—")
    listed = {}
    for part, number, _label, where, _in_definition, checked, _basis in _coverage_rows(table):
        assert checked in CHECKED_AGAINST, (where, checked)
        listed[where.strip("`")] = (part, number)
    assert {k: v for k, v in listed.items() if not k.startswith("attachments.")} == expected


@pytest.mark.django_db
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.parent.name)
def test_export_prints_the_resolved_file_byte_for_byte_and_importing_it_changes_nothing(path, capsys):
    call_command("load_form_definitions", verbosity=0)
    slug, version = path.parent.name, int(path.stem[1:])
    stored = FormDefinition.objects.get(slug=slug, version=version)
    changes = FormDefinitionChange.objects.count()
    call_command("export_form_definition", slug, "--version", str(version))
    exported = capsys.readouterr().out
    assert exported == dumps(serialization.read_definition_file(path))
    assert dumps(loads(exported)) == exported
    assert import_definition(exported) == stored
    stored.refresh_from_db()
    assert stored.definition == serialization.read_definition_file(path)
    assert FormDefinitionChange.objects.count() == changes


def test_export_does_not_depend_on_the_key_order_the_database_returns():
    """PostgreSQL's jsonb stores keys in its own order; the export is the same text either way."""
    data = serialization.official_definition("temporary-residence")

    def reversed_keys(value):
        if isinstance(value, dict):
            return {k: reversed_keys(value[k]) for k in reversed(list(value))}
        if isinstance(value, list):
            return [reversed_keys(v) for v in value]
        return value

    shuffled = reversed_keys(data)
    assert list(shuffled) != list(data)
    assert export_definition(FormDefinition(definition=shuffled)) == export_definition(FormDefinition(definition=data))


def test_a_fragment_can_be_overridden_key_by_key_and_a_key_removed():
    city = resolve({"$ref": "address#city"})
    changed = resolve({"$ref": "address#city", "$with": {"label": {**city["label"], "pl": "Gmina"}, "help": None}})
    assert changed["label"]["pl"] == "Gmina" and "help" not in changed and changed["key"] == "city"


def test_a_fragment_that_is_a_list_is_overridden_in_each_of_its_steps_and_stays_as_it_was_elsewhere():
    lettered = resolve({"steps": [{"$ref": "additional-information", "$with": {"section": "G"}}]})["steps"]
    as_is = resolve({"steps": [{"$ref": "additional-information"}]})["steps"]
    assert [s["key"] for s in lettered] == [s["key"] for s in as_is] == ["family", "stays", "means"]
    assert [s["section"] for s in lettered] == ["G", "G", "G"]
    assert [s["section"] for s in as_is] == ["E", "E", "E"]  # version 1 keeps the 2019 letter
    assert [{**s, "section": "E"} for s in lettered] == as_is


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ({"$ref": "no-such-fragment"}, "no fragment"),
        ({"$ref": "address#country"}, "has no part"),
        ({"$ref": "declaration", "key": "x"}, "takes only"),
        ({"$ref": "../definitions/temporary-residence/v1"}, "no fragment"),
    ],
)
def test_a_bad_reference_is_refused_with_a_reason(reference, message):
    with pytest.raises(FragmentError, match=message):
        resolve({"steps": [reference]})


@pytest.mark.django_db
def test_importing_a_file_with_a_bad_reference_names_it():
    with pytest.raises(DefinitionError, match="no fragment 'nope'"):
        import_definition('{"slug": "x", "version": 1, "steps": [{"$ref": "nope"}]}')
