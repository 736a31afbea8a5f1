"""Loading both matching pools when a server process starts, not at its first match.

A first load takes seconds at 200,000 PAs and 50,000 jobs (`bench/matching_bench.py` prints
it); without this, the first person to open a match page on each new worker would wait for
it. `pahub.wsgi` starts `warm_pools_in_background` in every gunicorn worker: a thread of its
own loads the pools while the worker already serves other pages, and a match asked for
meanwhile waits for the pool's lock rather than loading it a second time.

Once loaded, what the pools and the index hold is frozen out of the garbage collector's
sight (`gc.freeze`), as `pahub.wsgi` does with what start-up made: they are a few hundred
containers, but two lists of 200,000 names and thousands of sets of ids, which every full
collection walked, item by item (18 to 21 ms each with the national seed on PostgreSQL; 0 ms
once frozen). They are not cyclic garbage, so freeing them later (an hourly reload replaces
them) is done by reference counting as usual.
"""

import gc
import logging
import threading

from django.db import connection

from pahub.matching.pool import PROFILES
from pahub.register.search_index import INDEX as REGISTER_INDEX

from .pool import JOBS

logger = logging.getLogger(__name__)


def warm_pools() -> None:
    """Load (or bring up to date) the pool of PAs, the pool of jobs and the register's
    search index (the same kind of copy, for the staff register search), then put them out
    of the collector's sight."""
    PROFILES.refresh()
    JOBS.refresh()
    REGISTER_INDEX.refresh()
    gc.freeze()


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
