from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormdefsConfig(AppConfig):
    name = "formdefs"
    verbose_name = _("Form definitions")
