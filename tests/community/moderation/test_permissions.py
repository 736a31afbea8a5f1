"""The queue's query of moderated zones is the same rule as `can_moderate_zone`."""

import pytest

from pahub.community.models import Zone
from pahub.community.moderation.permissions import moderates_any_zone, zones_moderated_by
from pahub.community.permissions import can_moderate_zone
from tests.community.factories import ZoneFactory


@pytest.fixture
def zones(zone, other_zone, organisation, other_organisation):
    """Every zone: PA Hub's own (the PA zone, the employers' zone, one per spoke) and two
    groups."""
    ZoneFactory(kind=Zone.Kind.GROUP, organisation=organisation)
    ZoneFactory(kind=Zone.Kind.GROUP, organisation=other_organisation)
    return list(Zone.objects.all())


@pytest.mark.parametrize(
    "person",
    ["moderator", "org_admin", "other_moderator", "admin", "pa", "employer", "outsider"],
)
def test_zones_moderated_by_agrees_with_can_moderate_zone(request, zones, person):
    user = request.getfixturevalue(person)
    by_query = set(zones_moderated_by(user))
    by_rule = {zone for zone in zones if can_moderate_zone(user, zone)}
    assert by_query == by_rule
    assert moderates_any_zone(user) == bool(by_rule)
