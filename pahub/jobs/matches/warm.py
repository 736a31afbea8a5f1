"""Loading both matching pools when a server process starts, not at its first match.

A first load takes seconds at 200,000 PAs and 50,000 jobs (`bench/matching_bench.py` prints
it); without this, the first person to open a match page on each new worker would wait for
it. `pahub.wsgi` starts `warm_pools_in_background` in every gunicorn worker: a thread of its
own loads the pools while the worker already serves other pages, and a match asked for
meanwhile waits for the pool's lock rather than loading it a second time.
"""

import logging
import threading

from django.db import connection

from pahub.matching.pool import PROFILES
from pahub.register.search_index import INDEX as REGISTER_INDEX

from .pool import JOBS

logger = logging.getLogger(__name__)


def warm_pools() -> None:
    """Load (or bring up to date) the pool of PAs, the pool of jobs and the register's
    search index (the same kind of copy, for the staff register search)."""
    PROFILES.refresh()
    JOBS.refresh()
    REGISTER_INDEX.refresh()


def _warm_and_close() -> None:
    try:
        warm_pools()
    except Exception:
        # A pool that failed to load is loaded by the first match instead; never fatal.
        logger.exception("Loading the matching pools at start-up failed.")
    finally:
        connection.close()  # this thread's own connection


def warm_pools_in_background() -> threading.Thread:
    thread = threading.Thread(target=_warm_and_close, name="warm-matching-pools", daemon=True)
    thread.start()
    return thread
