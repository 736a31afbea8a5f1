"""Directory entries at scale for `manage.py seed --services N`: organisations with services
spread over the North East's postcode districts, each with needs, council areas, a location
and opening hours, all approved, so the search and the Open Referral UK API have something
the size of a real regional directory to work on (`bench/directory_bench.py`).

Deterministic (one ``random.Random`` per seed) and fast: everything goes in with
``bulk_create``, nothing is audited. Seeded entries are named "Seeded directory <seed> …" and
are replaced, not added to, when the same seed runs again. Their contact details are
fictional: example.org addresses and Ofcom's drama numbers (0191 498 0000 to 0999).
"""

import random
import time
from collections.abc import Callable
from datetime import time as clock

from django.db import transaction

from pahub.directory.models import (
    Location,
    Need,
    OpeningHours,
    Organisation,
    Service,
    ServiceNeed,
)
from pahub.directory.queries import area_choices
from pahub.places.models import District

SERVICES_PER_ORGANISATION = 5
BATCH_SIZE = 2000
NEEDS = [code for code, _ in Need.choices]
KINDS = [code for code, _ in Service.Kind.choices]
WORDS = ["advice", "support", "help desk", "drop-in", "line", "service", "hub", "club"]


def seed_prefix(seed: int) -> str:
    return f"Seeded directory {seed} "


def seed_directory_delete(seed: int) -> int:
    deleted, _ = Organisation.objects.filter(name__startswith=seed_prefix(seed)).delete()
    return deleted


@transaction.atomic
def seed_directory(*, seed: int, count: int, batch_size: int = BATCH_SIZE) -> int:
    """Make `count` approved services for this seed (replacing any it made before)."""
    seed_directory_delete(seed)
    if count <= 0:
        return 0
    rng = random.Random(f"directory-{seed}")
    districts = list(
        District.objects.filter(
            local_authority__in=area_choices(), latitude__isnull=False
        ).values_list("outcode", "local_authority_id")
    )
    prefix = seed_prefix(seed)
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{prefix}organisation {number + 1}",
                description="A seeded organisation for trying PA Hub's directory at scale.",
                email=f"org{number + 1}@seed-{seed}.example.org",
                phone=f"0191 498 0{rng.randrange(1000):03d}",
            )
            for number in range(
                (count + SERVICES_PER_ORGANISATION - 1) // SERVICES_PER_ORGANISATION
            )
        ],
        batch_size=batch_size,
    )
    made = 0
    for start in range(0, count, batch_size):
        size = min(batch_size, count - start)
        picks = [rng.choice(districts) for _ in range(size)]
        services = Service.objects.bulk_create(
            [
                Service(
                    organisation=organisations[(start + index) // SERVICES_PER_ORGANISATION],
                    name=f"{prefix}{rng.choice(WORDS)} {start + index + 1}",
                    kind=rng.choice(KINDS),
                    description="A seeded service for trying PA Hub's directory at scale.",
                    phone=f"0191 498 0{rng.randrange(1000):03d}",
                    email=f"service{start + index + 1}@seed-{seed}.example.org",
                    cost=rng.choice(Service.Cost.values),
                    languages=["English"],
                    status=Service.Status.APPROVED,
                )
                for index in range(size)
            ],
            batch_size=batch_size,
        )
        ServiceNeed.objects.bulk_create(
            [
                ServiceNeed(service=service, need=need)
                for service in services
                for need in rng.sample(NEEDS, rng.randint(1, 3))
            ],
            batch_size=batch_size,
        )
        Service.areas.through.objects.bulk_create(
            [
                Service.areas.through(service_id=service.pk, localauthority_id=area)
                for service, (_, area) in zip(services, picks, strict=True)
                if area
            ],
            batch_size=batch_size,
        )
        Location.objects.bulk_create(
            [
                Location(service=service, district_id=outcode, town="", name="")
                for service, (outcode, _) in zip(services, picks, strict=True)
            ],
            batch_size=batch_size,
        )
        OpeningHours.objects.bulk_create(
            [
                OpeningHours(service=service, day=day, opens_at=clock(9), closes_at=clock(17))
                for service in services
                for day in range(5)
            ],
            batch_size=batch_size,
        )
        made += len(services)
    return made


def seed_extension(*, seed: int, count: int, batch_size: int, say: Callable[[str], None]) -> str:
    """The seed command's part for the directory: makes the services and says how long."""
    started = time.perf_counter()
    made = seed_directory(seed=seed, count=count, batch_size=min(batch_size, BATCH_SIZE))
    seconds = time.perf_counter() - started
    say(f"  directory: {made:,} services in {seconds:.1f} s")
    return f"Directory: {made:,} services in {seconds:.1f} s."
