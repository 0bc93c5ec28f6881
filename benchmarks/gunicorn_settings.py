"""Settings for the servers the benchmarks start: the project's settings, with the public status throttle raised so
a load test measures the lookup rather than the 429 page (the limits are settings `applications.public_status`
reads; the code is unchanged)."""

from mos.settings import *  # noqa: F403

STATUS_LOOKUP_LIMIT_PER_IP = 10_000_000
STATUS_LOOKUP_LIMIT_PER_CASE = 10_000_000

# The benchmarks measure the pages, not static files: plain names, so no `collectstatic` is needed before a run
# (the production manifest is exercised by `make check-deploy` and tests/browser/test_production_server.py).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
