from django.urls import path

from information import views

app_name = "information"

urlpatterns = [
    path("", views.index, name="index"),
    path("faq/", views.faq_search, name="faq-search"),
    path("contact/", views.contact, name="contact"),
    path("contact/sent/", views.contact_sent, name="contact-sent"),
    path("accessibility/", views.legal_page, {"page": "accessibility"}, name="accessibility"),
    path("privacy/", views.legal_page, {"page": "privacy"}, name="privacy"),
    path("cookies/", views.legal_page, {"page": "cookies"}, name="cookies"),
    path("applications-not-filed-in-mos/", views.not_in_mos, name="not-in-mos"),
    path("<slug:slug>/", views.permit, name="permit"),
]
