"""The registry that form definitions name validators from."""

from __future__ import annotations

import pytest

from validators.registry import field_validator, get_field_validator, get_rule, rule


def test_a_name_cannot_be_registered_twice_for_different_functions():
    with pytest.raises(ValueError, match="already registered"):
        field_validator("pesel")(lambda value: value)
    with pytest.raises(ValueError, match="already registered"):
        rule("date_order")(lambda values: None)


def test_registering_the_same_function_again_is_harmless():
    assert field_validator("pesel")(get_field_validator("pesel")) is get_field_validator("pesel")
    assert rule("date_order")(get_rule("date_order")) is get_rule("date_order")
