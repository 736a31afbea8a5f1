"""WSGI entry point (gunicorn pahub.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pahub.settings")
application = get_wsgi_application()

# Each worker loads the matching pools as it starts, not at its first match (warm.py).
if os.environ.get("PAHUB_WARM_POOLS", "1") == "1":
    from pahub.jobs.matches.warm import warm_pools_in_background

    warm_pools_in_background()
