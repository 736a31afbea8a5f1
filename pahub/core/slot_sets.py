"""Which slots of an in-memory column store belong to each key (an area a PA chose), with
each key's slots as a boolean mask over every slot, built when first asked and dropped when
a slot's keys change. Shared by the matching pool (`pahub/matching/pool.py`) and the
register's search index (`pahub/register/search_index.py`)."""

from collections import defaultdict

import numpy as np


class SlotSets:
    def __init__(self) -> None:
        self.slots: dict[int, set[int]] = defaultdict(set)  # key -> slots
        self.keys_of: dict[int, tuple[int, ...]] = {}  # slot -> keys
        self.masks: dict[int, np.ndarray] = {}

    def choose(self, slot: int, keys: tuple[int, ...]) -> None:
        """This slot's keys are now these (none: it leaves every set)."""
        for key in self.keys_of.pop(slot, ()):
            self.slots[key].discard(slot)
            self.masks.pop(key, None)
        if keys:
            self.keys_of[slot] = keys
            for key in keys:
                self.slots[key].add(slot)
                self.masks.pop(key, None)

    def mask(self, key: int, size: int) -> np.ndarray:
        """Which of the first `size` slots have this key."""
        mask = self.masks.get(key)
        if mask is None or len(mask) != size:
            mask = np.zeros(size, dtype=bool)
            slots = self.slots.get(key, ())
            mask[np.fromiter(slots, dtype=np.int64, count=len(slots))] = True
            self.masks[key] = mask
        return mask
