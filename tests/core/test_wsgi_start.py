"""What a web process does as it starts (pahub/wsgi.py)."""

import gc
import importlib
import sys


def test_start_up_objects_are_frozen_out_of_the_collectors_sight(monkeypatch):
    monkeypatch.setenv("PAHUB_WARM_POOLS", "0")  # no pools loaded by this test
    monkeypatch.delitem(sys.modules, "pahub.wsgi", raising=False)
    gc.unfreeze()
    try:
        importlib.import_module("pahub.wsgi")

        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
