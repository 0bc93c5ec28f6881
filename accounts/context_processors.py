from django.http import HttpRequest


def roles(request: HttpRequest) -> dict:
    """Expose the signed-in user's roles to the layout (navigation), evaluated lazily."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"user_roles": frozenset()}
    return {"user_roles": user.roles}
