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


#: The submit buttons of a list of selects: add one more, or remove the n-th (handled by the wizard, no script needed).
ADD_ITEM = "add_item_"
REMOVE_ITEM = "remove_item_"


class SelectList(forms.SelectMultiple):
    """Several answers from a long list as one select per answer plus "Add another" (the GOV.UK pattern), instead
    of a native multi-select of 250 options that few people can use, and none with a screen reader at ease.

    Every select has the same name, so the POST carries a list as a multi-select would; an empty select is kept
    while the page is being filled and dropped by the field (`compress`).
    """

    input_type = "select"

    def __init__(self, attrs=None, choices=(), *, item_label: str = "", add_label: str = "", remove_label: str = ""):
        super().__init__(attrs, choices)
        self.item_label, self.add_label, self.remove_label = item_label, add_label, remove_label

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if values is None:
            return []
        return [values] if isinstance(values, str) else list(values)

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer=None) -> str:
        final_attrs = self.build_attrs(self.attrs, attrs)
        base_id = final_attrs.pop("id", f"id_{name}")
        final_attrs.pop("multiple", None)
        values = [str(v) for v in self.format_value(value)] or [""]
        select = FastSelect(choices=[("", "—"), *self.choices])
        parts = []
        for index, current in enumerate(values):
            item_id = base_id if index == 0 else f"{base_id}_{index}"
            label = ""
            if index:  # the first select is named by the question's own label
                label = format_html(
                    '<label class="visually-hidden" for="{}">{} ({})</label>', item_id, self.item_label, index + 1
                )
            remove = ""
            if len(values) > 1:
                remove = format_html(
                    '<button type="submit" name="{}{}_{}" value="1" class="link-button" formnovalidate>{}'
                    '<span class="visually-hidden"> {} ({})</span></button>',
                    REMOVE_ITEM,
                    name,
                    index,
                    self.remove_label,
                    self.item_label,
                    index + 1,
                )
            parts.append(
                format_html(
                    '<div class="add-another__item">{}{}{}</div>',
                    label,
                    select.render(name, current, {**final_attrs, "id": item_id}),
                    remove,
                )
            )
        add = format_html(
            '<button type="submit" name="{}{}" value="1" class="button button-secondary add-another__add" '
            "formnovalidate>{}</button>",
            ADD_ITEM,
            name,
            self.add_label,
        )
        return format_html('<div class="add-another">{}{}</div>', mark_safe("".join(parts)), add)  # noqa: S308
