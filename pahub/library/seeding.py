"""Library resources at scale for `manage.py seed --resources N`: guidance and templates with
varied titles, summaries, bodies and tags, a fifth of them local additions of the spoke
councils, each with one published version, so the library search has the size of a large
shared library to work on (`bench/library_bench.py`).

Deterministic (one ``random.Random`` per seed) and fast: everything goes in with
``bulk_create``, nothing is audited and `publish_version` is not called (it is one resource
at a time, by design). Seeded resources have slugs starting "seeded-<seed>-" and are replaced,
not added to, when the same seed runs again.
"""

import hashlib
import random
import time
from collections.abc import Callable
from datetime import date

from django.db import transaction

from pahub.library.models import Audience, Kind, Resource, ResourceAudience, ResourceVersion, Tag
from pahub.library.services import add_months
from pahub.places.models import LocalAuthority

BATCH_SIZE = 1000
TOPICS = [
    ("holiday pay", "holiday", "Holiday builds up at 12.07% of hours worked for irregular hours."),
    ("car insurance", "car-insurance", "Car insurance must cover business use for work trips."),
    ("payroll", "payroll", "A payroll service works out tax and National Insurance each payday."),
    ("DBS checks", "dbs", "An enhanced check with the adults' barred list suits personal care."),
    ("right to work", "right-to-work", "Check the right to work before the first day."),
    ("lone working", "lone-working", "Agree who to call and how the PA lets someone know."),
    ("sick pay", "sick-pay", "Statutory Sick Pay is paid from the first day of sickness."),
    ("pensions", "pensions", "Put eligible PAs into a workplace pension and pay in 3%."),
    ("moving and assisting", "moving-and-assisting", "Use a hoist only after training."),
    ("ending employment", "ending-employment", "Give notice in writing and pay holiday owed."),
    ("recruitment", "recruitment", "Write a clear advert and ask the same questions of everyone."),
    ("direct payments", "direct-payments", "Keep receipts and statements for the council."),
]
WORDS = ["A guide to", "Questions about", "Checklist:", "Explained:", "Getting started with"]


def seed_prefix(seed: int) -> str:
    return f"seeded-{seed}-"


def seed_library_delete(seed: int) -> int:
    resources = Resource.objects.filter(slug__startswith=seed_prefix(seed))
    # Versions point back at their resource, and the resource at its current version.
    resources.update(current_version=None)
    ResourceVersion.objects.filter(resource__in=resources).delete()
    deleted, _ = resources.delete()
    return deleted


@transaction.atomic
def seed_library(*, seed: int, count: int, batch_size: int = BATCH_SIZE) -> int:
    """Make `count` published resources for this seed (replacing any it made before)."""
    seed_library_delete(seed)
    if count <= 0:
        return 0
    rng = random.Random(f"library-{seed}")
    councils = list(LocalAuthority.objects.filter(is_spoke=True).values_list("pk", flat=True))
    tags = {slug: Tag.objects.get_or_create(slug=slug)[0] for _, slug, _ in TOPICS}
    prefix = seed_prefix(seed)
    reviewed = date(2026, 11, 20)
    made = 0
    for start in range(0, count, batch_size):
        size = min(batch_size, count - start)
        picks = [rng.sample(TOPICS, 2) for _ in range(size)]
        resources = Resource.objects.bulk_create(
            [
                Resource(
                    slug=f"{prefix}{start + index + 1}",
                    kind=rng.choice(Kind.values),
                    title=f"{rng.choice(WORDS)} {first[0]} ({start + index + 1})",
                    summary=f"{first[2]} Also: {second[0]}.",
                    body=f"## {first[0].capitalize()}\n\n{first[2]}\n\n## {second[0].capitalize()}"
                    f"\n\n{second[2]}\n\nSeeded text for trying the library at scale.",
                    keywords=f"{first[1].replace('-', ' ')} {second[1].replace('-', ' ')}",
                    local_authority_id=(
                        rng.choice(councils) if councils and rng.random() < 0.2 else None
                    ),
                    last_reviewed=reviewed,
                    review_due_on=add_months(reviewed, 12),
                )
                for index, (first, second) in enumerate(picks)
            ],
            batch_size=batch_size,
        )
        versions = ResourceVersion.objects.bulk_create(
            [
                ResourceVersion(
                    resource=resource,
                    number=1,
                    title=resource.title,
                    summary=resource.summary,
                    body=resource.body,
                    change_note="Seeded",
                    content_hash=hashlib.sha256(resource.body.encode()).hexdigest(),
                )
                for resource in resources
            ],
            batch_size=batch_size,
        )
        for resource, version in zip(resources, versions, strict=True):
            resource.current_version = version
        Resource.objects.bulk_update(resources, ["current_version"], batch_size=batch_size)
        Resource.tags.through.objects.bulk_create(
            [
                Resource.tags.through(resource_id=resource.pk, tag_id=tags[topic[1]].pk)
                for resource, pair in zip(resources, picks, strict=True)
                for topic in pair
            ],
            batch_size=batch_size,
        )
        ResourceAudience.objects.bulk_create(
            [
                ResourceAudience(resource=resource, audience=audience)
                for resource in resources
                for audience in rng.sample(Audience.values, rng.randint(1, 3))
            ],
            batch_size=batch_size,
        )
        made += len(resources)
    return made


def seed_extension(*, seed: int, count: int, batch_size: int, say: Callable[[str], None]) -> str:
    """The seed command's part for the library: makes the resources and says how long."""
    started = time.perf_counter()
    made = seed_library(seed=seed, count=count, batch_size=min(batch_size, BATCH_SIZE))
    seconds = time.perf_counter() - started
    say(f"  library: {made:,} resources in {seconds:.1f} s")
    return f"Library: {made:,} resources in {seconds:.1f} s."
