"""One serialiser for form definitions: the files in `formdefs/definitions/`, the admin's export and the import.

The files are JSON (the format the database, the admin editor, the API and the import already speak; no implicit typing,
so a country code "NO" or a choice value "yes" stays a string). Keys are written in the schema's order, whatever
order the database returns them in (PostgreSQL's jsonb reorders them), so the same definition is always the same bytes.

A definition file may name shared fragments (`definitions/_fragments/`) instead of repeating them:

- ``{"$ref": "travel-document"}`` stands for the fragment's content;
- inside a list, a fragment that is itself a list is spliced in (``"steps": [{"$ref": "personal-data"}, ...]``);
- ``{"$ref": "address#city"}`` takes one entry of a fragment that is an object of named parts;
- ``{"$ref": "...", "$with": {"label": {...}, "help": null}}`` replaces (or, with null, removes) keys of the part;
  on a fragment that is a list, of each of its objects (``{"$ref": "additional-information", "$with": {"section":
  "G"}}``: the three steps, lettered as the 2026 layout has them, while version 1 keeps the fragment's letter).

`resolve()` expands them; what is stored, exported and validated is always the resolved definition.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import schema

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"
FRAGMENTS_DIR = DEFINITIONS_DIR / "_fragments"
REF, WITH = "$ref", "$with"


class FragmentError(ValueError):
    """A reference to a fragment that does not exist or cannot be used where it stands."""


@cache
def _key_rank() -> dict[str, int]:
    """Every key the schema knows, in the order the models declare them (definition, step, item, ... first)."""
    models: list[type[BaseModel]] = [
        schema.FormDefinitionSpec,
        schema.StepSpec,
        schema.FieldSpec,
        schema.GroupSpec,
        schema.AttachmentSpec,
        schema.RuleSpec,
        schema.NoticeSpec,
        schema.Choice,
        schema.ValidatorRef,
        schema.Text,
        schema.Equals,
        schema.In,
        schema.Compare,
        schema.IsSet,
        schema.Not,
        schema.All,
        schema.AnyOf,
    ]
    # What names an object comes first (its key, its type, the field a condition reads), then the models' order.
    leading = (REF, WITH, "slug", "version", "key", "type", "value", "name", "rule", "field", "section", "number")
    rank: dict[str, int] = {key: index for index, key in enumerate(leading)}
    for model in models:
        for name, info in model.model_fields.items():
            rank.setdefault(info.alias or name, len(rank))
    return rank


def ordered(value: Any) -> Any:
    """The same data with every object's keys in schema order (unknown keys, such as a rule's params, after them
    in alphabetical order)."""
    if isinstance(value, dict):
        rank = _key_rank()
        keys = sorted(value, key=lambda k: (rank.get(k, len(rank)), k))
        return {k: ordered(value[k]) for k in keys}
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return value


def dumps(data: Any) -> str:
    """The canonical text of a definition (or a fragment): schema-ordered keys, two-space indent, UTF-8 as is."""
    return json.dumps(ordered(data), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> Any:
    """Read a definition's text; a syntax error says where (`json.JSONDecodeError` has the line and column)."""
    return json.loads(text)


@cache
def _fragment_text(name: str) -> str:
    path = FRAGMENTS_DIR / f"{name}.json"
    if not path.is_file() or path.parent != FRAGMENTS_DIR:
        raise FragmentError(f"no fragment {name!r} in {FRAGMENTS_DIR}")
    return path.read_text(encoding="utf-8")


def fragment(reference: str) -> Any:
    """The content a reference names (a whole fragment, or one named part of it), not yet resolved."""
    name, _, part = reference.partition("#")
    content = loads(_fragment_text(name))
    if not part:
        return content
    if not isinstance(content, dict) or part not in content:
        raise FragmentError(f"fragment {name!r} has no part {part!r}")
    return content[part]


def _expand(ref: dict[str, Any], seen: tuple[str, ...]) -> Any:
    reference = ref[REF]
    if set(ref) - {REF, WITH}:
        raise FragmentError(f"a reference takes only {REF} and {WITH}: {sorted(ref)}")
    if reference in seen:
        raise FragmentError(f"fragment {reference!r} refers to itself ({' -> '.join(seen)})")
    content = resolve(fragment(reference), (*seen, reference))
    overrides = ref.get(WITH)
    if overrides:
        if isinstance(content, list) and content and all(isinstance(part, dict) for part in content):
            return [_override(part, overrides, seen) for part in content]
        if not isinstance(content, dict):
            raise FragmentError(f"{WITH} needs a fragment that is an object or a list of objects: {reference!r}")
        content = _override(content, overrides, seen)
    return content


def _override(content: dict[str, Any], overrides: dict[str, Any], seen: tuple[str, ...]) -> dict[str, Any]:
    content = dict(content)
    for key, value in overrides.items():
        if value is None:
            content.pop(key, None)
        else:
            content[key] = resolve(value, seen)
    return content


def resolve(value: Any, seen: tuple[str, ...] = ()) -> Any:
    """The data with every fragment reference expanded (lists splice fragments that are lists)."""
    if isinstance(value, dict):
        if REF in value:
            return _expand(value, seen)
        return {k: resolve(v, seen) for k, v in value.items()}
    if isinstance(value, list):
        out: list[Any] = []
        for element in value:
            if isinstance(element, dict) and REF in element:
                expanded = _expand(element, seen)
                out.extend(expanded if isinstance(expanded, list) else [expanded])
            else:
                out.append(resolve(element, seen))
        return out
    return value


def definition_files() -> Iterator[Path]:
    """Every official definition file: `definitions/<slug>/v<N>.json`, by slug and version."""
    for path in sorted(DEFINITIONS_DIR.glob("*/v*.json"), key=lambda p: (p.parent.name, int(p.stem[1:]))):
        if not path.parent.name.startswith("_"):
            yield path


def read_definition_file(path: Path) -> dict[str, Any]:
    """A definition file, resolved: what is loaded into the database."""
    return resolve(loads(path.read_text(encoding="utf-8")))


def official_definition(slug: str, version: int = 1) -> dict[str, Any]:
    """One official definition as shipped, resolved (`definitions/<slug>/v<version>.json`)."""
    return read_definition_file(DEFINITIONS_DIR / slug / f"v{version}.json")
