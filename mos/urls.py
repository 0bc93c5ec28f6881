from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path
from django_otp.admin import OTPAdminSite

from applications.views import public as application_views

from . import views
from .api import api

# The admin site demands a verified second factor, and its login goes through ours (password, then code).
admin.site.__class__ = OTPAdminSite
admin.site.login = lambda request, extra_context=None: redirect_to_login(request.get_full_path())
admin.site.site_header = "MOS"
admin.site.site_title = "MOS"

handler500 = "mos.views.server_error"

urlpatterns = [
    path("", application_views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    # Browsers and bookmarks ask for /favicon.ico whatever the page links: send them to the icon (permanently).
    path("favicon.ico", views.favicon, name="favicon"),
    path("accounts/saml/", include("accounts.saml_urls")),
    path("csp-report/", views.csp_report, name="csp-report"),
    path("accounts/", include("accounts.urls")),
    path("", include("applications.urls")),
    path("", include("documents.urls")),
    path("office/", include("workflows.urls")),
    path("info/", include("information.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
