"""Every register profile in this process's memory as columns of numbers, so the staff register
search over a whole region (200,000 PAs) is a few passes along arrays instead of two queries
that read every profile in scope (one to count, one to sort by name).

The same idea as the matching pool (`pahub/matching/pool.py`), for every profile rather than
those looking for work, and for the register's filters rather than a job's must-haves. It is
never the truth:

- each search first reads the change feed the matching app keeps (database triggers record
  every insert, update and delete of a profile, its languages and chosen areas, and a PA's
  name, home area and district) and reloads the profiles named there, so a change committed by
  any process is seen by the next search in every other. The matching app lends the feed at
  start-up (`use_change_feed`): it sits above the register, which must not import it;
- the order by name is the database's own (the profiles' ids as `ORDER BY full_name, user_id`
  returns them, read again after a name changes or a profile is added), so it follows the
  database's collation exactly;
- the rows shown are loaded through the staff member's scope as SQL (`search.register_page`), so
  a profile the copy got wrong can never be shown to someone who may not see it.

Without the feed (nothing lent it) or for a filter it cannot answer (a skill or language
numbered beyond the 63 bits), `find` returns None and the search runs in the database as before
(`search.search_profiles`). The tests compare both on random registers for every filter.
"""

import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

import numpy as np

from pahub.core.slot_sets import SlotSets
from pahub.register.masks import has_bit
from pahub.register.models import PAProfile, ProfileLanguage

# More changed profiles than this at once (a seed, an import): load everything afresh.
RELOAD_AFTER_CHANGES = 5_000
# As the matching pool: never trust a copy not refreshed for an hour (the feed keeps a day).
RELOAD_AFTER_SECONDS = 60 * 60
# A name search scans the names for its longest word; past this many hits, it tests every
# profile left by the other filters instead (a word like "a" is in nearly every name).
NAME_HITS_LIMIT = 20_000

VISIBILITY_CODES = {
    PAProfile.Visibility.HIDDEN: 0,
    PAProfile.Visibility.ALL_EMPLOYERS: 1,
    PAProfile.Visibility.LOCAL: 2,
}
UNKNOWN = -2  # the code of a district or area the index has never seen: matches nobody

COLUMNS = (
    "pk",
    "user_id",
    "user__local_authority_id",
    "user__district_id",
    "level",
    "skills_mask",
    "availability",
    "is_paused",
    "visibility",
    "user__full_name",
    "user__known_as",
    "display_name",
)
INT_COLUMNS = (
    "pk",
    "user",
    "home_area",
    "district",
    "level",
    "skills",
    "languages",
    "availability",
    "paused",
    "visibility",
)


class ChangeFeedReader(Protocol):
    """What the index needs of the matching app's change feed (`pool.ChangeFeed`)."""

    def start_at_newest(self) -> None: ...

    def read(self) -> dict[str, set[int]] | None: ...


class IndexQuery(Protocol):
    """The filters the index answers (`search.RegisterFilters`)."""

    district: str
    local_authority: str
    min_level: int | None
    availability_mask: int
    available_in_each: tuple[int, ...]
    status: str


class Codes:
    """Small whole numbers for strings (districts, areas), so the columns are numeric."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}

    def of(self, value: str | None) -> int:
        if not value:
            return -1
        return self.number.setdefault(value, len(self.number))

    def known(self, value: str) -> int:
        return self.number.get(value, UNKNOWN)


class RegisterIndex:
    """One process's copy (see the module's docstring). Thread-safe: one lock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.feed_factory: Callable[[], ChangeFeedReader] | None = None
        self.profile_kind = self.user_kind = ""
        self._empty()

    def use_change_feed(
        self, factory: Callable[[], ChangeFeedReader], *, profile_kind: str, user_kind: str
    ) -> None:
        """Called once by the matching app as it starts: the feed and its kinds of change."""
        with self.lock:
            self.feed_factory = factory
            self.profile_kind, self.user_kind = profile_kind, user_kind
            self._empty()

    def _empty(self) -> None:
        self.size = 0
        self.data = {name: np.zeros(0, dtype=np.int64) for name in INT_COLUMNS}
        self.live = np.zeros(0, dtype=bool)
        self.slot_of: dict[int, int] = {}
        self.full_names: list[str] = []
        # Lower-case names: ("full name\nknown as", "display name"), for the name search.
        self.names: list[tuple[str, str]] = []
        self.districts = Codes()
        self.areas = Codes()
        self.chosen = SlotSets()  # area code -> the slots that chose it
        self.order = np.zeros(0, dtype=np.int64)  # live slots, by name as the database sorts
        self.order_stale = False
        self.haystack: tuple[str, np.ndarray] | None = None
        self.loaded = False
        self.refreshed_at = 0.0
        self.feed = self.feed_factory() if self.feed_factory else None

    def forget(self) -> None:
        """Drop the copy; the next search loads it again (tests, and a database replaced)."""
        with self.lock:
            self._empty()

    @property
    def available(self) -> bool:
        return self.feed_factory is not None

    # Keeping in step

    def refresh(self) -> None:
        """Apply every change recorded since the last call (or load everything)."""
        with self.lock:
            if self.feed is None:
                return
            too_old = time.monotonic() - self.refreshed_at > RELOAD_AFTER_SECONDS
            changes = None if not self.loaded or too_old else self.feed.read()
            if changes is None:
                self._load_all()
                return
            profile_ids = set(changes.get(self.profile_kind, ()))
            if user_ids := changes.get(self.user_kind):
                profile_ids |= set(
                    PAProfile.objects.filter(user_id__in=sorted(user_ids)).values_list(
                        "pk", flat=True
                    )
                )
            if len(profile_ids) > RELOAD_AFTER_CHANGES:
                self._load_all()
                return
            if profile_ids:
                self._load_some(sorted(profile_ids))
            self.refreshed_at = time.monotonic()

    def _load_all(self) -> None:
        self._empty()
        assert self.feed is not None
        self.feed.start_at_newest()
        rows = list(PAProfile.objects.order_by("user__full_name", "user_id").values_list(*COLUMNS))
        languages, chosen = self._lists(None)
        self._grow(len(rows))
        for row in rows:
            self._put(row, languages.get(row[0], 0), chosen.get(row[0], ()))
        # Loaded in the database's order by name: slot order is name order.
        self.order = np.arange(self.size, dtype=np.int64)
        self.order_stale = False
        self.loaded = True
        self.refreshed_at = time.monotonic()

    def _load_some(self, ids: list[int]) -> None:
        rows = list(PAProfile.objects.filter(pk__in=ids).values_list(*COLUMNS))
        languages, chosen = self._lists([row[0] for row in rows])
        for gone in set(ids) - {row[0] for row in rows}:
            self._drop(gone)
        self._grow(self.size + len(rows))
        for row in rows:
            self._put(row, languages.get(row[0], 0), chosen.get(row[0], ()))

    def _lists(self, ids: list[int] | None) -> tuple[dict[int, int], dict[int, tuple[int, ...]]]:
        """Each profile's languages as bits and its chosen areas as codes."""
        languages = ProfileLanguage.objects.all()
        areas = PAProfile.visible_in.through.objects.all()
        if ids is not None:
            languages = languages.filter(profile_id__in=ids)
            areas = areas.filter(paprofile_id__in=ids)
        bits: dict[int, int] = defaultdict(int)
        for profile_id, language_id in languages.values_list("profile_id", "language_id"):
            if has_bit(language_id):
                bits[profile_id] |= 1 << (language_id - 1)
        chosen: dict[int, list[int]] = defaultdict(list)
        for profile_id, area in areas.values_list("paprofile_id", "localauthority_id"):
            chosen[profile_id].append(self.areas.of(area))
        return bits, {key: tuple(codes) for key, codes in chosen.items()}

    def _grow(self, size: int) -> None:
        if size <= len(self.live):
            return
        capacity = max(1024, size, len(self.live) * 2)
        for name, column in self.data.items():
            grown = np.zeros(capacity, dtype=np.int64)
            grown[: len(column)] = column
            self.data[name] = grown
        live = np.zeros(capacity, dtype=bool)
        live[: len(self.live)] = self.live
        self.live = live

    def _put(self, row: tuple, languages: int, chosen: tuple[int, ...]) -> None:
        (pk, user, home_area, district, level, skills, availability, paused, visibility,
         full_name, known_as, display_name) = row  # fmt: skip
        slot = self.slot_of.get(pk)
        if slot is None:
            slot = self.size
            self.size += 1
            self.slot_of[pk] = slot
            self.full_names.append(full_name)
            self.names.append(("", ""))
            self.order_stale = self.loaded or self.order_stale
        elif self.full_names[slot] != full_name or self.data["user"][slot] != user:
            self.full_names[slot] = full_name
            self.order_stale = True
        values = {
            "pk": pk,
            "user": user,
            "home_area": self.areas.of(home_area),
            "district": self.districts.of(district),
            "level": level,
            "skills": skills,
            "languages": languages,
            "availability": availability,
            "paused": int(paused),
            "visibility": VISIBILITY_CODES.get(visibility, -1),
        }
        for name, value in values.items():
            self.data[name][slot] = value
        self.live[slot] = True
        names = (f"{full_name}\n{known_as}".lower(), display_name.lower())
        if self.names[slot] != names:
            self.names[slot] = names
            self.haystack = None
        self._choose(slot, chosen)

    def _choose(self, slot: int, chosen: tuple[int, ...]) -> None:
        self.chosen.choose(slot, chosen)

    def _drop(self, pk: int) -> None:
        slot = self.slot_of.get(pk)
        if slot is not None:
            self.live[slot] = False
            self._choose(slot, ())

    def _name_order(self) -> np.ndarray:
        """Live slots in the database's order by name, read again when it may have changed."""
        if self.order_stale:
            ids = PAProfile.objects.order_by("user__full_name", "user_id").values_list(
                "pk", flat=True
            )
            slots = [self.slot_of.get(pk) for pk in ids]
            self.order = np.array([slot for slot in slots if slot is not None], dtype=np.int64)
            self.order_stale = False
        return self.order

    # Searching

    def find(
        self,
        filters: IndexQuery,
        *,
        areas: Iterable[str] | None,
        skill_id: int | None = None,
        language_id: int | None = None,
        name_words: Sequence[str] = (),
        among_ids: Sequence[int] | None = None,
    ) -> np.ndarray | None:
        """Ids of the profiles the filters find, by name as the database sorts them; None when
        the index cannot answer (no feed, or a skill or language without a bit).

        `areas`: the staff member's local authorities (None: every profile). `skill_id`,
        `language_id`: the chosen skill's and language's ids (0: one that does not exist).
        `name_words`: matched here, each anywhere in the names (SQLite's rule); on PostgreSQL
        the caller passes the full-text search's ids as `among_ids` instead, as it does for
        the evidence filter."""
        if not self.available or any(
            item and not has_bit(item) for item in (skill_id, language_id)
        ):
            return None
        self.refresh()
        with self.lock:
            keep = self._matching(filters, areas, skill_id, language_id, among_ids)
            if name_words:
                keep &= self._named(name_words, keep)
            order = self._name_order()
            return self.data["pk"][order[keep[order]]].copy()

    def _matching(
        self,
        filters: IndexQuery,
        areas: Iterable[str] | None,
        skill_id: int | None,
        language_id: int | None,
        among_ids: Sequence[int] | None,
    ) -> np.ndarray:
        data = {name: column[: self.size] for name, column in self.data.items()}
        keep = self.live[: self.size].copy()
        if areas is not None:
            keep &= self._in_areas(areas)
        if filters.district:
            keep &= data["district"] == self.districts.known(filters.district)
        if filters.local_authority:
            keep &= data["home_area"] == self.areas.known(filters.local_authority)
        if filters.min_level:
            keep &= data["level"] >= filters.min_level
        for column, item in (("skills", skill_id), ("languages", language_id)):
            if item is not None:
                # 0: a skill or language that does not exist, which nobody has.
                keep &= ((data[column] >> max(item - 1, 0)) & 1 == 1) & (item > 0)
        if filters.availability_mask:
            mask = filters.availability_mask
            keep &= (data["availability"] & mask) == mask
        for mask in filters.available_in_each:
            keep &= (data["availability"] & mask) != 0
        if filters.status:
            keep &= self._status(filters.status, data)
        if among_ids is not None:
            keep &= np.isin(data["pk"], np.asarray(among_ids, dtype=np.int64))
        return keep

    def _status(self, status: str, data: dict[str, np.ndarray]) -> np.ndarray:
        hidden = data["visibility"] == VISIBILITY_CODES[PAProfile.Visibility.HIDDEN]
        paused = data["paused"] == 1
        statuses = {"looking": ~paused & ~hidden, "paused": paused, "hidden": hidden}
        return statuses[status]

    def _in_areas(self, areas: Iterable[str]) -> np.ndarray:
        """Profiles living in, or visible in, any of these areas (the staff's scope)."""
        codes = [self.areas.known(area) for area in areas]
        codes = [code for code in codes if code != UNKNOWN]
        inside = np.isin(self.data["home_area"][: self.size], codes)
        for code in codes:
            inside |= self._chosen_mask(code)
        return inside

    def _chosen_mask(self, code: int) -> np.ndarray:
        """Which slots chose the area with this code."""
        return self.chosen.mask(code, self.size)

    def _named(self, words: Sequence[str], keep: np.ndarray) -> np.ndarray:
        """Profiles whose person names hold every word, or whose display name does: each word
        anywhere in them, ignoring case (`search.name_condition`'s rule on SQLite)."""
        words = [word.lower() for word in words]
        candidates = self._slots_containing(max(words, key=len), keep)
        named = np.zeros(self.size, dtype=bool)
        for slot in candidates:
            person, shown = self.names[slot]
            if all(word in person for word in words) or all(word in shown for word in words):
                named[slot] = True
        return named

    def _slots_containing(self, word: str, keep: np.ndarray) -> Iterable[int]:
        """Slots still kept whose names hold `word`: found by scanning every name at once, or
        (when the word is in too many) by testing each slot kept."""
        text, starts = self._haystack()
        hits = []
        for found in re.finditer(re.escape(word), text):
            hits.append(found.start())
            if len(hits) > NAME_HITS_LIMIT:
                return np.flatnonzero(keep).tolist()
        slots = np.unique(np.searchsorted(starts, np.array(hits, dtype=np.int64), "right") - 1)
        return slots[keep[slots]].tolist()

    def _haystack(self) -> tuple[str, np.ndarray]:
        """Every slot's names in one string (NUL between slots and between a slot's two names:
        never in a search word, which is letters and digits), and where each slot's start."""
        if self.haystack is None:
            texts = [f"{person}\0{shown}" for person, shown in self.names]
            lengths = np.fromiter((len(text) + 1 for text in texts), dtype=np.int64)
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
            self.haystack = ("\0".join(texts), starts)
        return self.haystack


INDEX = RegisterIndex()

__all__ = ["INDEX", "RegisterIndex"]
