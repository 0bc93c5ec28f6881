"""Every number the JSON API accepts is bounded, and out-of-range numbers in any operation are a 4xx, never a 500.

The operations and their parameters are read from the API's own OpenAPI schema, so a new operation is fuzzed (and
its integers are required to have a range) without changing this test.
"""

from __future__ import annotations

import json
import uuid

import pytest

from applications.api_tokens import create_api_token
from mos.api import api
from tests.factories import ApplicantFactory, StaffFactory
from tests.workflows.conftest import login_through_pages

pytestmark = pytest.mark.django_db

HUGE = "9" * 31
#: Out of every range a number could have: too large for any database column, negative, fractional, not finite.
HOSTILE_NUMBERS = [HUGE, f"-{HUGE}", "-1", "1e400", "0.5", "NaN", "Infinity", str(2**63), str(-(2**63) - 1)]


def schema() -> dict:
    return api.get_openapi_schema()


def operations() -> list[tuple[str, str, dict]]:
    return [(method, path, op) for path, ops in schema()["paths"].items() for method, op in ops.items()]


def resolve(node: dict) -> dict:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return schema()["components"]["schemas"][name]
    return node


def body_schema(op: dict) -> dict | None:
    content = op.get("requestBody", {}).get("content", {}).get("application/json")
    return resolve(content["schema"]) if content else None


def integers_of(node: dict, where: str):
    """Every integer (or number) in a parameter's or body's schema, with where it is."""
    node = resolve(node)
    if node.get("type") in {"integer", "number"}:
        yield where, node
    for name, child in node.get("properties", {}).items():
        yield from integers_of(child, f"{where}.{name}")
    for child in node.get("anyOf", []) + node.get("allOf", []):
        yield from integers_of(child, where)
    if "items" in node:
        yield from integers_of(node["items"], f"{where}[]")


def test_every_integer_the_api_accepts_has_a_minimum_and_a_maximum():
    unbounded = []
    for method, path, op in operations():
        for parameter in op.get("parameters", []):
            for where, node in integers_of(parameter["schema"], f"{method} {path} {parameter['name']}"):
                if "minimum" not in node or "maximum" not in node:
                    unbounded.append(where)
        body = body_schema(op)
        for where, node in integers_of(body or {}, f"{method} {path} body"):
            if "minimum" not in node or "maximum" not in node:
                unbounded.append(where)
    assert unbounded == []
    # The officers' lists are the ones with numbers today, bounded as the pages are.
    queue = schema()["paths"]["/api/v1/officer/queue"]["get"]["parameters"]
    assert {p["name"]: (p["schema"]["minimum"], p["schema"]["maximum"]) for p in queue} == {
        "limit": (1, 100),
        "offset": (0, 100_000),
    }


@pytest.fixture
def callers(client):
    """A client for each kind of caller, so a parameter is judged rather than the login refused first."""
    from django.test import Client

    token = create_api_token(user=ApplicantFactory())[1]
    officer_client = login_through_pages(Client(HTTP_ACCEPT_LANGUAGE="en"), StaffFactory(office="14"))
    # An address of its own: the status lookup's throttle counts it, and must not count the other tests' 127.0.0.1.
    address = {"REMOTE_ADDR": "192.0.2.250"}
    return {
        "officer": (officer_client, address),
        "applicant": (client, {"HTTP_AUTHORIZATION": f"Bearer {token}", **address}),
        "public": (client, address),
    }


def call(callers, method: str, op: dict, path: str, *, query=None, body=None):
    client, headers = callers[op["tags"][0]]
    if method == "get":
        return client.get(path, query or {}, **headers)
    return client.post(path, json.dumps(body or {}), content_type="application/json", **headers)


def sound_path(path: str) -> str:
    return path.replace("{case_id}", str(uuid.uuid4())).replace("{slug}", "temporary-residence")


def test_out_of_range_numbers_in_any_parameter_of_any_operation_are_a_4xx(callers):
    answers: dict[str, int] = {}
    for method, path, op in operations():
        parameters = op.get("parameters", [])
        for value in HOSTILE_NUMBERS:
            for parameter in parameters:
                if parameter["in"] == "path":
                    target = path.replace("{" + parameter["name"] + "}", value)
                    response = call(callers, method, op, sound_path(target))
                else:
                    response = call(callers, method, op, sound_path(path), query={parameter["name"]: value})
                answers[f"{method} {path} {parameter['name']}={value}"] = response.status_code
            body = body_schema(op)
            for name in (body or {}).get("properties", {}):
                for as_json in (value, _number(value)):
                    response = call(callers, method, op, sound_path(path), body={name: as_json})
                    answers[f"{method} {path} body.{name}={as_json!r}"] = response.status_code
    assert {key: status for key, status in answers.items() if not 400 <= status < 500} == {}
    # The number from the report, which was a 500.
    officer_client, _ = callers["officer"]
    assert officer_client.get(f"/api/v1/officer/queue?offset={HUGE}").status_code == 422
    assert officer_client.get("/api/v1/officer/queue?limit=101").status_code == 422
    assert officer_client.get("/api/v1/officer/queue?offset=100000&limit=100").status_code == 200


def test_numbers_sent_to_operations_that_take_none_are_ignored_without_a_5xx(callers):
    for method, path, op in operations():
        if op.get("parameters") or body_schema(op):
            continue
        for value in HOSTILE_NUMBERS:
            response = call(callers, method, op, path, query={"offset": value, "limit": value, "page": value})
            assert response.status_code < 500, (path, value)


def _number(text: str):
    """The JSON number a hostile client would send (json.dumps writes inf and nan as bare words, as some do)."""
    try:
        return int(text)
    except ValueError:
        return float(text)
