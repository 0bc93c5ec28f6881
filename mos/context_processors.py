from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict:
    return {"source_code_url": settings.SOURCE_CODE_URL}
