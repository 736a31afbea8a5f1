"""How many PAs the register holds, and of which kind: the counts behind the workforce figures.

Every function is one GROUP BY over the register (never a query per PA) and returns plain
tuples, `(local_authority_id, district_id, <what is counted>, number)`, for the insights
collector to store (docs/insights.md#workforce-dashboard).

Who counts: a PA with a profile on the register whose account is open (not deleted or
suspended) and who lives in a known local authority (their postcode's). Paused and hidden
profiles count: staff can still find them on the register, and `registered_pas_by_status`
says how many are looking for work.
"""

from datetime import date

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    IntegerField,
    QuerySet,
    Sum,
    Value,
    When,
)

from pahub.accounts.queries import deleted_pa_accounts_by_month
from pahub.core.local_time import LocalMonth
from pahub.register.availability import ALL_SLOTS, DAYS, PARTS, Slot
from pahub.register.models import PAProfile, ProfileLanguage
from pahub.taxonomy.models import Language, Skill

AREA = ("user__local_authority_id", "user__district_id")

AreaCount = tuple[str, str, str, int]  # (local authority, district, dimension, number)
SlotCount = tuple[str, str, str, str, int]  # (local authority, district, day, part, number)
MonthCount = tuple[str, date, int]  # (local authority, first day of month, number)

LOOKING, PAUSED, HIDDEN = "looking", "paused", "hidden"
STATUS_NAMES = {
    LOOKING: "Looking for work",
    PAUSED: "Paused",
    HIDDEN: "Hidden from employers",
}
# Upper bound (inclusive) in miles of each band a PA's travel distance falls in.
TRAVEL_BANDS = (
    ("up_to_5", "Up to 5 miles", 5),
    ("6_to_10", "6 to 10 miles", 10),
    ("11_to_20", "11 to 20 miles", 20),
    ("21_to_50", "21 to 50 miles", 50),
    ("over_50", "Over 50 miles", 100),
)
DRIVING = (
    ("licence", "Has a driving licence", "has_driving_licence"),
    ("own_car", "Has their own car", "has_own_car"),
    ("offers_driving", "Offers to drive the people they support", "offers_driving"),
)
WEEKEND = "weekend"
# The languages councils ask about first: British Sign Language and Makaton.
FIRST_LANGUAGES = ("bfi", "makaton")


def registered_profiles() -> QuerySet[PAProfile]:
    """The PAs counted on the register (see the module docstring)."""
    return PAProfile.objects.filter(
        user__deleted_at__isnull=True,
        user__is_active=True,
        user__local_authority__isnull=False,
    )


def _grouped(queryset: QuerySet, dimension: str) -> list[AreaCount]:
    rows = queryset.values(*AREA, dimension).annotate(number=Count("pk")).order_by()
    return [
        (
            row["user__local_authority_id"],
            row["user__district_id"] or "",
            str(row[dimension]),
            row["number"],
        )
        for row in rows
    ]


def registered_pas_by_status() -> list[AreaCount]:
    """Looking for work (neither paused nor hidden), paused, or hidden from employers."""
    status = Case(
        When(is_paused=True, then=Value(PAUSED)),
        When(visibility=PAProfile.Visibility.HIDDEN, then=Value(HIDDEN)),
        default=Value(LOOKING),
        output_field=CharField(),
    )
    return _grouped(registered_profiles().annotate(status=status), "status")


def registered_pas_by_level() -> list[AreaCount]:
    return _grouped(registered_profiles(), "level")


def registered_pas_by_skill() -> list[AreaCount]:
    """A PA with three skills counts once under each of them."""
    links = PAProfile.skills.through.objects.filter(paprofile__in=registered_profiles())
    rows = (
        links.values("paprofile__user__local_authority_id", "paprofile__user__district_id")
        .annotate(skill=F("skill__code"), number=Count("paprofile_id"))
        .order_by()
    )
    return [
        (
            row["paprofile__user__local_authority_id"],
            row["paprofile__user__district_id"] or "",
            row["skill"],
            row["number"],
        )
        for row in rows
    ]


def registered_pas_by_language() -> list[AreaCount]:
    """Languages PAs named at any level (basic to first language); each once per PA."""
    spoken = ProfileLanguage.objects.filter(profile__in=registered_profiles())
    rows = (
        spoken.values("profile__user__local_authority_id", "profile__user__district_id")
        .annotate(language=F("language__code"), number=Count("profile_id"))
        .order_by()
    )
    return [
        (
            row["profile__user__local_authority_id"],
            row["profile__user__district_id"] or "",
            row["language"],
            row["number"],
        )
        for row in rows
    ]


def _part_mask(part: int) -> int:
    return sum(Slot(day, part).bit for day in range(len(DAYS)))


def _weekend_mask() -> int:
    saturday, sunday = DAYS.index("Saturday"), DAYS.index("Sunday")
    return sum(Slot(day, part).bit for day in (saturday, sunday) for part in range(len(PARTS)))


def _availability_rows(masks: dict[str, int]) -> list[dict]:
    """Per area, how many PAs are free at some time in each named mask, in one query: the
    bitwise AND runs in the database."""
    profiles = registered_profiles().alias(
        **{f"free_{name}": F("availability").bitand(mask) for name, mask in masks.items()}
    )
    free_in = {
        name: Sum(
            Case(
                When(**{f"free_{name}": 0}, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        for name in masks
    }
    return list(profiles.values(*AREA).annotate(**free_in).order_by())


def registered_pas_by_time_of_day() -> list[AreaCount]:
    """PAs free in each part of the day on at least one day, and at some time at weekends.

    A PA free on Monday and Friday mornings counts once under "morning".
    """
    masks = {key: _part_mask(part) for part, (key, _, _) in enumerate(PARTS)}
    masks[WEEKEND] = _weekend_mask()
    return [
        (row["user__local_authority_id"], row["user__district_id"] or "", name, row[name])
        for row in _availability_rows(masks)
        for name in masks
        if row[name]
    ]


def registered_pas_by_slot() -> list[SlotCount]:
    """PAs free in each of the 42 weekly slots (day and part of the day)."""
    slots = {f"slot_{number}": slot for number, slot in enumerate(ALL_SLOTS)}
    rows = _availability_rows({name: slot.bit for name, slot in slots.items()})
    return [
        (
            row["user__local_authority_id"],
            row["user__district_id"] or "",
            DAYS[slot.day].lower(),
            PARTS[slot.part][0],
            row[name],
        )
        for row in rows
        for name, slot in slots.items()
        if row[name]
    ]


def registered_pas_by_travel_band() -> list[AreaCount]:
    """How far PAs will travel to work, in bands."""
    band = Case(
        *(When(travel_miles__lte=upper, then=Value(key)) for key, _, upper in TRAVEL_BANDS[:-1]),
        default=Value(TRAVEL_BANDS[-1][0]),
        output_field=CharField(),
    )
    return _grouped(registered_profiles().annotate(band=band), "band")


def registered_pas_driving() -> list[AreaCount]:
    """PAs with a driving licence, with their own car, offering to drive (one PA may be all)."""
    aggregates = {
        key: Sum(Case(When(**{field: True}, then=Value(1)), default=Value(0)))
        for key, _, field in DRIVING
    }
    rows = registered_profiles().values(*AREA).annotate(**aggregates).order_by()
    return [
        (row["user__local_authority_id"], row["user__district_id"] or "", key, row[key])
        for row in rows
        for key, _, _ in DRIVING
        if row[key]
    ]


def new_pas_by_month() -> list[MonthCount]:
    """PAs who made their register profile, by the month they made it (London time).

    Only PAs still on the register: a profile deleted with its account is gone.
    """
    rows = (
        registered_profiles()
        .annotate(month=LocalMonth("created_at", output_field=DateField()))
        .values("user__local_authority_id", "month")
        .annotate(number=Count("pk"))
        .order_by()
    )
    return [(row["user__local_authority_id"], row["month"], row["number"]) for row in rows]


def leaving_pas_by_month() -> list[MonthCount]:
    """PAs who deleted their account (which deletes their profile), by month and by the
    local authority they lived in then: what the audit log recorded when they left."""
    return deleted_pa_accounts_by_month()


def skill_names() -> dict[str, str]:
    return dict(Skill.objects.values_list("code", "name"))


def language_names() -> dict[str, str]:
    return dict(Language.objects.values_list("code", "name"))
