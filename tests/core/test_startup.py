"""A server process loads what lives as long as it does (the URL configuration with every
view) before its first request, then puts it out of the garbage collector's sight."""

import gc

from django.urls import clear_url_caches, get_resolver

from pahub.core.startup import load_and_freeze


def test_the_url_configuration_is_loaded_then_frozen():
    clear_url_caches()  # a resolver nothing has asked yet, as in a new process
    try:
        load_and_freeze()

        resolver = get_resolver()
        patterns, names = resolver.url_patterns, resolver.reverse_dict
        collected = {id(thing) for thing in gc.get_objects()}
        assert gc.get_freeze_count() > 0
        # The URL patterns and the reverse look-ups were made before the freeze.
        assert gc.is_tracked(patterns) and gc.is_tracked(names)
        assert id(patterns) not in collected
        assert id(names) not in collected
    finally:
        gc.unfreeze()  # the test process's objects go back to the collector
