from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    name = "workflows"
    verbose_name = _("Case processing")

    def ready(self) -> None:
        from workflows import receivers  # noqa: F401 - connects the signal receivers
        from workflows.tasks import install_beat_schedule

        install_beat_schedule()
