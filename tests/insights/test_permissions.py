"""Who reads which insights: a council's commissioners, for their council's areas only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from pahub.accounts.models import Membership
from pahub.accounts.queries import insights_local_authority_ids
from pahub.core.models import AuditEvent
from pahub.insights.permissions import ALL_AREAS_LABEL, access_scope, area_choices

pytestmark = pytest.mark.usefixtures("test_dashboards")


def test_a_commissioner_reads_insights_for_their_councils_areas(commissioner, newcastle):
    assert insights_local_authority_ids(commissioner) == frozenset([newcastle.pk])


@pytest.mark.parametrize(
    "who", ["council_colleague", "council_admin", "verifier", "employer", "pa", "admin"]
)
def test_nobody_else_reads_insights(request, who, period):
    user = request.getfixturevalue(who)

    assert insights_local_authority_ids(user) == frozenset()
    with pytest.raises(PermissionDenied):
        access_scope(user, None, *period)


def test_reading_insights_at_an_organisation_that_is_not_a_council_counts_for_nothing(
    organisation, verifier
):
    Membership.objects.filter(user=verifier).update(views_insights=True)

    assert insights_local_authority_ids(verifier) == frozenset()


def test_all_their_areas_is_the_default_scope(commissioner, newcastle, period):
    scope = access_scope(commissioner, None, *period)

    assert scope.local_authority_ids == frozenset([newcastle.pk])
    assert scope.label == ALL_AREAS_LABEL
    assert (scope.start, scope.end) == period


def test_one_of_their_councils_is_a_scope(commissioner, newcastle, period):
    scope = access_scope(commissioner, newcastle.pk, *period)

    assert scope.local_authority_ids == frozenset([newcastle.pk])
    assert scope.label == "Newcastle upon Tyne"


def test_their_region_is_a_scope_of_every_council_in_it(commissioner, newcastle, durham, period):
    scope = access_scope(commissioner, f"region:{newcastle.region_name}", *period)

    assert {newcastle.pk, durham.pk} <= scope.local_authority_ids
    assert scope.label == newcastle.region_name


@pytest.mark.parametrize("area", ["durham", "region:Wales", "E99999999", "region:"])
def test_an_area_that_is_not_theirs_is_not_found(request, commissioner, durham, area, period):
    area = durham.pk if area == "durham" else area
    with pytest.raises(Http404):
        access_scope(commissioner, area, *period)


def test_the_area_filter_offers_their_areas_and_region_only(commissioner, newcastle):
    values = [choice.value for choice in area_choices(commissioner)]

    assert values == ["all", newcastle.pk, f"region:{newcastle.region_name}"]


# Switching it on: the council's admin, one person at a time.


def toggle_url(council, member) -> str:
    membership = Membership.objects.get(user=member, organisation=council)
    return reverse("staff:member_insights", args=[council.pk, membership.pk])


def test_the_council_admin_switches_insights_on_for_a_colleague_and_it_is_audited(
    client_for, council, council_admin, council_colleague, newcastle
):
    client = client_for(council_admin)
    page = client.get(reverse("staff:organisation", args=[council.pk])).content.decode()
    assert "Reads insights" in page

    response = client.post(toggle_url(council, council_colleague), {"views_insights": "yes"})

    assert response.status_code == 302
    assert insights_local_authority_ids(council_colleague) == frozenset([newcastle.pk])
    event = AuditEvent.objects.get(action="staff.insights_changed")
    assert event.detail == {"member": council_colleague.email, "views_insights": True}

    client.post(toggle_url(council, council_colleague), {"views_insights": "no"})
    assert insights_local_authority_ids(council_colleague) == frozenset()


def test_a_member_who_is_not_an_admin_cannot_switch_it_on(client_for, council, council_colleague):
    response = client_for(council_colleague).post(
        toggle_url(council, council_colleague), {"views_insights": "yes"}
    )

    assert response.status_code == 404
    assert not Membership.objects.get(user=council_colleague).views_insights


def test_another_councils_admin_cannot_switch_it_on(
    client_for, council, council_colleague, durham_council
):
    from tests.factories import make_staff

    durham_admin = make_staff(organisation=durham_council, role=Membership.StaffRole.ADMIN)

    response = client_for(durham_admin).post(
        toggle_url(council, council_colleague), {"views_insights": "yes"}
    )

    assert response.status_code == 404


def test_organisations_that_are_not_councils_have_no_insights_switch(
    client_for, organisation, org_admin, verifier
):
    page = client_for(org_admin).get(reverse("staff:organisation", args=[organisation.pk]))
    assert "Reads insights" not in page.content.decode()

    response = client_for(org_admin).post(
        toggle_url(organisation, verifier), {"views_insights": "yes"}
    )
    assert response.status_code == 404


def test_the_staff_area_links_to_insights_only_for_those_who_read_them(
    client_for, commissioner, council_colleague
):
    link = reverse("insights:home")

    assert link in client_for(commissioner).get(reverse("staff:home")).content.decode()
    assert link not in client_for(council_colleague).get(reverse("staff:home")).content.decode()
