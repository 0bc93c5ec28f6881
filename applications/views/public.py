from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ..permits import PERMIT_TYPES


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "applications/home.html", {"permit_types": PERMIT_TYPES})
