"""The wizard's select widgets write the same markup as Django's templates, only faster."""

from __future__ import annotations

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from formdefs.widgets import FastSelect, FastSelectMultiple
from validators.countries import country_choices

ATTRS = {"id": "id_personal-citizenship", "required": True, "aria-describedby": "id_personal-citizenship_helptext"}


@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
@pytest.mark.parametrize("value", [None, "", "UKR", "POL", "nonsense"])
def test_a_country_select_renders_exactly_as_djangos(language, value):
    choices = [("", "—"), *country_choices(language, include_special=True)]
    django_html = forms.Select(attrs={"class": "wide"}, choices=choices).render("citizenship", value, ATTRS)
    assert FastSelect(attrs={"class": "wide"}, choices=choices).render("citizenship", value, ATTRS) == django_html


@pytest.mark.parametrize("value", [None, [], ["UKR"], ["POL", "DEU"]])
def test_a_multiple_country_select_renders_exactly_as_djangos(value):
    choices = country_choices("uk", include_special=True)
    django_html = forms.SelectMultiple(choices=choices).render("countries", value, {"id": "id_countries"})
    assert FastSelectMultiple(choices=choices).render("countries", value, {"id": "id_countries"}) == django_html


@given(
    choices=st.lists(st.tuples(st.text(max_size=8), st.text(max_size=12)), max_size=6),
    value=st.one_of(st.none(), st.text(max_size=8)),
    attribute=st.one_of(st.booleans(), st.none(), st.text(max_size=6)),
)
def test_any_flat_choices_and_attributes_render_as_djangos(choices, value, attribute):
    attrs = {"id": "id_x", "data-x": attribute}
    expected = forms.Select(choices=choices).render("x", value, attrs)
    assert FastSelect(choices=choices).render("x", value, attrs) == expected


def test_grouped_choices_are_left_to_django():
    choices = [("Europe", [("POL", "Poland"), ("DEU", "Germany")])]
    assert FastSelect(choices=choices).render("x", "POL") == forms.Select(choices=choices).render("x", "POL")
