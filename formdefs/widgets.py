"""Select widgets that write their <option>s in Python.

Django renders every <option> through its own template (`select_option.html` plus `attrs.html`); a country list
has about 250 of them, so each country select took about 19 ms and a wizard step with five of them about 100 ms of
its 130 ms (measured with cProfile on the temporary-residence form). These widgets produce the same markup as
Django's templates (a test compares the two) in well under a millisecond. Grouped choices fall back to Django.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


class FastSelectMixin:
    """`render()` for `forms.Select` and `forms.SelectMultiple` with flat choices."""

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer=None) -> str:
        choices = list(self.choices)
        if not choices or any(isinstance(label, (list, tuple)) for _value, label in choices):
            return super().render(name, value, attrs, renderer)  # none, or optgroups: Django's templates
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        selected = {str(v) for v in self.format_value(value)}
        found = False
        options = []
        for option_value, option_label in choices:
            text = "" if option_value is None else str(option_value)
            is_selected = text in selected and (self.allow_multiple_selected or not found)
            found = found or is_selected
            options.append(
                f'<option value="{conditional_escape(text)}"{" selected" if is_selected else ""}>'
                f"{conditional_escape(option_label)}</option>"
            )
        return format_html(
            '<select name="{}"{}>\n  {}\n\n</select>',
            name,
            _attributes(final_attrs),
            mark_safe("\n\n  ".join(options)),  # noqa: S308 - every part escaped above
        )


def _attributes(attrs: dict) -> str:
    """As Django's `attrs.html`: in order, `True` as a bare name, `False` left out, anything else as text."""
    parts = []
    for key, value in attrs.items():
        if value is True:
            parts.append(f" {conditional_escape(key)}")
        elif value is not False:
            parts.append(f' {conditional_escape(key)}="{conditional_escape(str(value))}"')
    return mark_safe("".join(parts))  # noqa: S308 - escaped above


class FastSelect(FastSelectMixin, forms.Select):
    pass


class FastSelectMultiple(FastSelectMixin, forms.SelectMultiple):
    pass
