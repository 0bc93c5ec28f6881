"""Celery application: a Redis broker when REDIS_URL is set, eager execution otherwise."""

import gc
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mos.settings")

app = Celery("mos")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def freeze_startup_objects(**kwargs) -> None:
    """Keep what a worker process loaded at start out of the cyclic garbage collector, as `mos.wsgi` does: a
    document render builds large object graphs, and full collections that walked every startup object too took
    ~150 ms of a 7-page package's render (measured in `benchmarks.documents_bench` with the collector paused)."""
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    gc.collect()
    gc.freeze()
