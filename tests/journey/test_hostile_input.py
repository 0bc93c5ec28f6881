"""No input, however hostile, makes a step fail with a 500: generated and malformed posts to every step."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from applications import services
from formdefs.models import FormDefinition, FormDefinitionStatus
from formdefs.schema import GroupSpec
from formdefs.steps import wizard_steps
from tests.factories import ApplicantFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TEXT = st.one_of(
    st.text(max_size=50),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e309",
            "NaN",
            "2024-02-30",
            "99999999999999999999",
            "true",
            "on",
            "not_applicable",
            "<script>alert(1)</script>",
            "a\x00b",
            "'; DROP TABLE x; --",
            "\x00",
            "ł" * 5000,
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
            "../../etc/passwd",
        ]
    ),
)


def keys_of(step) -> list[str]:
    keys = []
    for item in step.items:
        if isinstance(item, GroupSpec):
            keys += [
                f"{item.key}-TOTAL_FORMS",
                f"{item.key}-INITIAL_FORMS",
                f"{item.key}-MAX_NUM_FORMS",
                f"add_row_{item.key}",
                f"remove_row_{item.key}_0",
                f"remove_row_{item.key}_99",
            ]
            keys += [f"{item.key}-{i}-{f.key}" for i in (0, 1, 5) for f in item.fields]
        else:
            keys += [item.key, f"{item.key}__na"]
    return [*keys, "wizard_goto_step", "prefill_mrz", "mrz_lines", "return", "unknown_field"]


def definitions() -> list[FormDefinition]:
    return list(FormDefinition.objects.filter(status=FormDefinitionStatus.PUBLISHED))


@pytest.mark.parametrize(
    "slug",
    [
        "temporary-residence",
        "temporary-residence-work",
        "permanent-residence",
        "eu-long-term-resident",
        "employer-annex-1",
    ],
)
def test_every_step_answers_hostile_posts_without_a_server_error(slug):
    definition = FormDefinition.objects.get(slug=slug, status=FormDefinitionStatus.PUBLISHED)
    spec = definition.spec
    if spec.annex_of:
        from applications.case_models import EmployerAnnex
        from tests.factories import EmployerFactory

        owner = EmployerFactory()
        holder = EmployerAnnex.objects.create(employer=owner, definition=definition)
        url_name, kwargs = "applications:annex-step", {"annex_id": holder.public_id}
    else:
        owner = ApplicantFactory()
        holder = services.start_draft(applicant=owner, slug=slug)
        url_name, kwargs = "applications:draft-step", {"draft_id": holder.public_id}
    client = Client(raise_request_exception=True)
    client.force_login(owner)
    management = f"draft_v{definition.version}-current_step"

    steps = wizard_steps(spec)

    @settings(max_examples=12 * len(steps), deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(step=st.sampled_from(steps), draw=st.data(), current=st.sampled_from(["step", "step", "nonexistent", ""]))
    def post_garbage(step, draw, current):
        data = draw.draw(
            st.dictionaries(st.sampled_from(keys_of(step)), st.one_of(TEXT, st.lists(TEXT, max_size=3)), max_size=12)
        )
        url = reverse(url_name, kwargs={**kwargs, "step": step.key})
        management_value = step.key if current == "step" else current
        response = client.post(url, {**data, "unknown_field": "x\x00", management: management_value})
        assert response.status_code in (200, 302, 400), response.status_code

    post_garbage()
