from django.apps import AppConfig


class PolishTimeConfig(AppConfig):
    name = "polishtime"
    verbose_name = "Polish time"
