"""Zones, threads and posts for community tests, made with the ORM (the forum's posting
pages are another part's)."""

import factory
from django.utils import timezone

from pahub.community.models import Post, Thread, Zone
from tests.factories import local_authority


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone

    kind = Zone.Kind.PAS
    slug = factory.Sequence(lambda n: f"zone-{n}")
    name = factory.Sequence(lambda n: f"Zone {n}")
    description = "A place to talk."


def area_zone(area: str, **fields) -> Zone:
    """The zone for everyone in a council's area: the one PA Hub made for a spoke (after
    migrate), or a new one for an area that is not a spoke."""
    existing = Zone.objects.filter(kind=Zone.Kind.AREA, local_authority=local_authority(area))
    zone = existing.first()
    if zone is None:
        return ZoneFactory(
            kind=Zone.Kind.AREA,
            local_authority=local_authority(area),
            name=f"Everyone in {area}",
            **fields,
        )
    for name, value in fields.items():
        setattr(zone, name, value)
    if fields:
        zone.save(update_fields=list(fields))
    return zone


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    zone = factory.SubFactory(ZoneFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author_name = factory.LazyAttribute(
        lambda o: o.author.full_name.split()[0] if o.author else "A former member"
    )
    body = "Does anyone know a good moving and handling course?"
    body_html = factory.LazyAttribute(lambda o: f"<p>{o.body}</p>")
    status = Post.Status.PUBLISHED
    created_at = factory.LazyFunction(timezone.now)
