"""WSGI entry point (gunicorn pahub.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pahub.settings")
application = get_wsgi_application()

# What start-up made (Django, the apps, the URL configuration with every view) lives as long
# as the process: out of the collector's sight, a full collection walks only what requests
# made, instead of some 270,000 objects each time (pahub/core/startup.py).
from pahub.core.startup import load_and_freeze  # noqa: E402 - needs Django set up

load_and_freeze()

# Each worker loads the matching pools as it starts, not at its first match (warm.py).
if os.environ.get("PAHUB_WARM_POOLS", "1") == "1":
    from pahub.jobs.matches.warm import warm_pools_in_background

    warm_pools_in_background()
