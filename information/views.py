"""Public pages: the permits explained, the FAQ search and the contact form (thin: parse, call, render)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from information import selectors, services
from information.forms import ContactForm, FaqSearchForm
from mos.client_address import client_ip


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "information/index.html",
        {
            "permits": selectors.permit_summaries(),
            "general_faq": selectors.general_faq(),
            "search_form": FaqSearchForm(),
        },
    )


def permit(request: HttpRequest, slug: str) -> HttpResponse:
    info = selectors.permit_info(slug)
    if info is None:
        raise Http404
    return render(request, "information/permit.html", {"info": info, "search_form": FaqSearchForm()})


def not_in_mos(request: HttpRequest) -> HttpResponse:
    """The permits applied for outside MOS (art. 106k, 106l): who files them and where."""
    return render(request, "information/not_in_mos.html", {"search_form": FaqSearchForm()})


def faq_search(request: HttpRequest) -> HttpResponse:
    form = FaqSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = selectors.search_faq(query) if query else []
    return render(request, "information/faq_search.html", {"search_form": form, "query": query, "results": results})


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "information/contact.html", {"form": ContactForm()})
    form = ContactForm(request.POST)
    if not form.is_valid():
        return render(request, "information/contact.html", {"form": form})
    ip = client_ip(request)
    # Only messages that would be stored and e-mailed count: a visitor correcting typos is not throttled.
    if not services.allow_contact_message(ip):
        response = render(
            request,
            "information/contact.html",
            {
                "form": form,
                "throttled": _("You have sent too many messages from your address. Please wait an hour and try again."),
            },
        )
        response.status_code = 429
        response["Retry-After"] = "3600"
        return response
    contact_message = services.send_contact_message(**form.cleaned_data, language=get_language(), ip=ip)
    request.session["information_contact_sent"] = contact_message.pk
    return redirect("information:contact-sent")


def contact_sent(request: HttpRequest) -> HttpResponse:
    number = request.session.get("information_contact_sent")
    if number is None:
        return redirect("information:contact")
    return render(request, "information/contact_sent.html", {"number": number})


# The footer's pages: the accessibility statement (ustawa z dnia 4 kwietnia 2019 r. o dostępności cyfrowej, art. 10,
# laid out as the minister's template), the privacy notice (RODO art. 13), cookies and contact. Their text is a
# template per language (information/legal/<page>_<language>.html), as long legal text reads better whole than cut
# into catalogue entries; a missing language falls back to Polish.
LEGAL_PAGES = {
    "accessibility": gettext_lazy("Accessibility statement"),
    "privacy": gettext_lazy("Privacy notice"),
    "cookies": gettext_lazy("Cookies"),
}


def legal_page(request: HttpRequest, page: str) -> HttpResponse:
    from django.conf import settings

    from information.models import current_language

    language = current_language()
    return render(
        request,
        "information/legal/page.html",
        {
            "title": LEGAL_PAGES[page],
            "body_templates": [f"information/legal/{page}_{language}.html", f"information/legal/{page}_pl.html"],
            "operator": {
                "name": settings.OPERATOR_NAME,
                "address": settings.OPERATOR_ADDRESS,
                "email": settings.OPERATOR_EMAIL,
                "phone": settings.OPERATOR_PHONE,
                "dpo_email": settings.DPO_EMAIL,
                "accessibility_contact": settings.ACCESSIBILITY_CONTACT_NAME,
            },
            "dates": settings.ACCESSIBILITY_STATEMENT_DATES,
            "site_url": settings.SITE_URL,
        },
    )
