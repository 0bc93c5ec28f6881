"""`{{ value|when }}`, `{{ value|when:"date" }}`, `"time"`, `"zone"`, `"iso"`: see `polishtime.format_when`."""

from django import template

from polishtime.formatting import format_when

register = template.Library()


@register.filter(name="when")
def when(value, style: str = "datetime") -> str:
    return format_when(value, style)  # type: ignore[arg-type]
