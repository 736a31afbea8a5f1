"""The zones every PA Hub has: the PA zone, the employers' zone and one zone for each
spoke's council area, each with a pinned welcome thread from `pahub/community/content/welcome/`.

`zones_ensure` runs after every `migrate` (signals.py), so a fresh database and a council
newly made a spoke both get their zone. It is idempotent: a zone that exists keeps its name,
its description and its welcome thread, even if someone has edited them since.
"""

from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from pahub.community.markdown import render_post
from pahub.community.models import Post, Thread, Zone
from pahub.community.threads import thread_refresh
from pahub.core import audit
from pahub.places.models import LocalAuthority

WELCOME_DIR = Path(__file__).resolve().parent.parent / "content" / "welcome"
PA_HUB_NAME = "PA Hub"
PAS_SLUG = "pas"
EMPLOYERS_SLUG = "employers"
# Paths under /community/ that are pages, not zones: no zone may take these slugs.
RESERVED_SLUGS = frozenset(
    {
        "api",
        "endorsements",
        "feedback",
        "groups",
        "help",
        "invitations",
        "meetups",
        "moderation",
        "name",
        "new",
        "posts",
        "reports",
        "suspensions",
    }
)


def welcome_text(kind: str, *, council: str = "") -> str:
    """A zone's welcome, in plain Markdown, with the shared community rules at the end."""
    moderators = f", and staff of the organisations serving {council}" if council else ""
    rules = (WELCOME_DIR / "rules.md").read_text().replace("{moderators}", moderators)
    body = (WELCOME_DIR / f"{kind}.md").read_text()
    return body.replace("{rules}", rules.strip()).replace("{council}", council).strip() + "\n"


def area_slug(local_authority: LocalAuthority) -> str:
    return slugify(local_authority.name)[:80]


def welcome_thread_add(*, zone: Zone, title: str, text: str) -> Thread:
    now = timezone.now()
    thread = Thread.objects.create(
        zone=zone, title=title, author=None, created_at=now, is_pinned=True, is_welcome=True
    )
    Post.objects.create(
        thread=thread,
        author=None,
        author_name=PA_HUB_NAME,
        body=text,
        body_html=render_post(text, site_links=True),
        created_at=now,
    )
    return thread_refresh(thread)


def zone_ensure(
    *, kind: str, slug: str, name: str, description: str, title: str, welcome: str, **fields
) -> Zone:
    zone = Zone.objects.filter(slug=slug).first()
    if zone is None:
        zone = Zone.objects.create(
            kind=kind, slug=slug, name=name, description=description, **fields
        )
        audit.record(None, "community.zone_created", zone)
    if not Thread.objects.filter(zone=zone, is_welcome=True).exists():
        welcome_thread_add(zone=zone, title=title, text=welcome)
    return zone


@transaction.atomic
def zones_ensure() -> list[Zone]:
    """Make any missing zone (and welcome thread); return every one of these zones."""
    zones = [
        zone_ensure(
            kind=Zone.Kind.PAS,
            slug=PAS_SLUG,
            name="PA zone",
            title="Welcome to the PA zone: please read this first",
            description="A private space for personal assistants only.",
            welcome=welcome_text("pas"),
        ),
        zone_ensure(
            kind=Zone.Kind.EMPLOYERS,
            slug=EMPLOYERS_SLUG,
            name="Employers' zone",
            title="Welcome to the employers' zone: please read this first",
            description="A private space for employers and their representatives only.",
            welcome=welcome_text("employers"),
        ),
    ]
    existing = set(
        Zone.objects.filter(kind=Zone.Kind.AREA).values_list("local_authority_id", flat=True)
    )
    for council in LocalAuthority.objects.filter(is_spoke=True).order_by("name"):
        if council.pk in existing:
            zones.append(Zone.objects.get(kind=Zone.Kind.AREA, local_authority=council))
            continue
        zones.append(
            zone_ensure(
                kind=Zone.Kind.AREA,
                slug=area_slug(council),
                name=council.name,
                title=f"Welcome to the {council.name} zone: please read this first",
                description=f"Everyone on PA Hub in {council.name}: PAs and employers.",
                welcome=welcome_text("area", council=council.name),
                local_authority=council,
            )
        )
    return zones
