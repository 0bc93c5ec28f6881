from django import template

register = template.Library()


@register.simple_tag
def national_login_available() -> bool:
    """Whether the login through the national node is configured (the link is shown only then)."""
    from accounts.saml import is_configured

    return is_configured()
