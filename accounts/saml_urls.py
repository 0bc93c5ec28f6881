from django.urls import path

from . import saml_views

app_name = "saml"

urlpatterns = [
    path("login/", saml_views.SamlLoginView.as_view(), name="login"),
    path("acs/", saml_views.assertion_consumer, name="acs"),
    path("complete/", saml_views.CompleteLoginView.as_view(), name="complete"),
    path("logout/", saml_views.SamlLogoutView.as_view(), name="logout"),
    path("sls/", saml_views.SingleLogoutServiceView.as_view(), name="sls"),
    path("metadata/", saml_views.metadata, name="metadata"),
]
