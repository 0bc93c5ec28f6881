"""The WSGI application (gunicorn `mos.wsgi`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mos.settings")
application = get_wsgi_application()

# Everything loaded so far (Django, the apps, the models) lives as long as the process: move it out of the cyclic
# garbage collector's sight. The requests' reference cycles (forms and their fields, the wizard) outlive the young
# generations and wait for a full collection, which CPython runs only once the old generation has grown by a quarter;
# with ~200,000 startup objects in it that took ~1,000 wizard pages, and the arenas they filled stayed allocated
# (a worker grew 155 -> 174 MiB). Frozen, they no longer count, so full collections come early and stay cheap.
gc.collect()
gc.freeze()
