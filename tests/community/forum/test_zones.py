"""The standard zones: made by migrate, once, with a pinned welcome thread each."""

from pahub.community.forum.zones import welcome_text, zones_ensure
from pahub.community.models import Post, Thread, Zone
from pahub.places.models import LocalAuthority


def test_migrate_made_the_pa_employers_and_one_zone_per_spoke(db):
    spokes = LocalAuthority.objects.filter(is_spoke=True).count()

    assert Zone.objects.filter(kind=Zone.Kind.PAS).count() == 1
    assert Zone.objects.filter(kind=Zone.Kind.EMPLOYERS).count() == 1
    assert Zone.objects.filter(kind=Zone.Kind.AREA).count() == spokes > 0


def test_running_again_changes_nothing(db):
    before = (Zone.objects.count(), Thread.objects.count(), Post.objects.count())

    zones_ensure()
    zones_ensure()

    assert (Zone.objects.count(), Thread.objects.count(), Post.objects.count()) == before


def test_each_zone_has_one_pinned_welcome_thread_from_pa_hub(db):
    for zone in Zone.objects.all():
        welcome = Thread.objects.get(zone=zone, is_welcome=True)
        post = welcome.posts.get()
        assert welcome.is_pinned
        assert welcome.author is None
        assert post.author_name == "PA Hub"
        assert 'href="/concerns/new/"' in post.body_html


def test_a_council_made_a_spoke_gets_its_zone(db):
    council = LocalAuthority.objects.filter(is_spoke=False).order_by("name").first()
    council.is_spoke = True
    council.save(update_fields=["is_spoke"])

    zones_ensure()

    zone = Zone.objects.get(kind=Zone.Kind.AREA, local_authority=council)
    assert zone.name == council.name
    assert council.name in zone.threads.get().posts.get().body


def test_the_welcome_texts_state_the_rules_and_who_can_see():
    area = welcome_text("area", council="Sunderland")

    assert "Sunderland" in area
    assert "{" not in area
    for kind in ("pas", "employers", "area"):
        text = welcome_text(kind, council="Sunderland")
        assert "Be kind" in text
        assert "personal details private" in text
        assert "Do not name employers or PAs" in text
        assert "Report" in text
        assert "/concerns/new/" in text
        assert "Who can see it" in text
        assert "moderators are PA Hub's own staff" in text
