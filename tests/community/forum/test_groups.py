"""Groups: organisation staff start them and invite people; people join, leave, accept or
decline."""

import pytest
from django.urls import reverse

from pahub.community.forum import services
from pahub.community.models import GroupMember, Zone
from pahub.notifications.models import Notice


def test_staff_start_a_group_for_their_organisation(client_for, serving_staff, organisation):
    response = client_for(serving_staff).post(
        reverse("community:group_create"),
        {
            "organisation": organisation.pk,
            "name": "Employer peer group",
            "description": "Employers helping each other.",
            "audience": "employers",
            "joining": "invitation",
        },
    )

    zone = Zone.objects.get(kind=Zone.Kind.GROUP, name="Employer peer group")
    assert response.status_code == 302
    assert response["Location"] == reverse("community:group_members", args=[zone.slug])
    assert zone.organisation == organisation
    assert zone.audience == "employers"


def test_a_group_form_with_problems_keeps_what_was_typed(client_for, serving_staff):
    response = client_for(serving_staff).post(
        reverse("community:group_create"),
        {"name": "Peer group", "description": "", "audience": "nobody"},
    )

    assert response.status_code == 200
    assert "Say what the group is for" in response.text
    assert "Choose how people join" in response.text
    assert 'value="Peer group"' in response.text


@pytest.mark.parametrize("person", ["pa", "employer", "stranger"])
def test_people_who_are_not_staff_cannot_start_groups(client_for, request, person):
    response = client_for(request.getfixturevalue(person)).get(reverse("community:group_create"))

    assert response.status_code == 404


def test_an_invitation_notifies_and_can_be_accepted(
    client_for, serving_staff, invitation_group, pa
):
    staff = client_for(serving_staff)
    response = staff.post(
        reverse("community:group_members", args=[invitation_group.slug]),
        {"email": "PA@example.org"},
    )
    assert response.status_code == 302
    assert Notice.objects.filter(recipient=pa, kind="community.group_invitation").exists()

    person = client_for(pa)
    assert person.get(reverse("community:zone", args=[invitation_group.slug])).status_code == 200
    person.post(
        reverse("community:group_invitation", args=[invitation_group.slug]), {"answer": "accept"}
    )

    assert GroupMember.objects.get(zone=invitation_group, user=pa).status == "member"


def test_a_declined_invitation_leaves_no_trace_and_hides_the_group(
    client_for, invitation_group, group_invited
):
    client = client_for(group_invited)
    client.post(
        reverse("community:group_invitation", args=[invitation_group.slug]), {"answer": "decline"}
    )

    assert not GroupMember.objects.filter(user=group_invited).exists()
    assert client.get(reverse("community:zone", args=[invitation_group.slug])).status_code == 404


def test_an_unknown_answer_changes_nothing(client_for, invitation_group, group_invited):
    client_for(group_invited).post(
        reverse("community:group_invitation", args=[invitation_group.slug]), {"answer": "maybe"}
    )

    assert GroupMember.objects.get(user=group_invited).status == "invited"


def test_inviting_an_unknown_address_says_the_same_as_a_known_one(
    client_for, serving_staff, invitation_group
):
    response = client_for(serving_staff).post(
        reverse("community:group_members", args=[invitation_group.slug]),
        {"email": "nobody@example.org"},
        follow=True,
    )

    assert "If nobody@example.org has a PA Hub account" in response.text
    assert not GroupMember.objects.filter(zone=invitation_group).exists()


def test_a_bad_email_is_shown_beside_the_field(client_for, serving_staff, invitation_group):
    response = client_for(serving_staff).post(
        reverse("community:group_members", args=[invitation_group.slug]), {"email": "not-an-email"}
    )

    assert response.status_code == 200
    assert "Enter an email address in the right format" in response.text
    assert 'value="not-an-email"' in response.text


@pytest.mark.parametrize("person", ["pa", "group_member", "other_staff"])
def test_only_the_groups_moderators_see_its_members(client_for, request, invitation_group, person):
    response = client_for(request.getfixturevalue(person)).get(
        reverse("community:group_members", args=[invitation_group.slug])
    )

    assert response.status_code == 404


def test_people_join_and_leave_an_open_group(client_for, open_group, pa):
    client = client_for(pa)
    client.post(reverse("community:group_join", args=[open_group.slug]))
    assert GroupMember.objects.get(zone=open_group, user=pa).status == "member"

    client.post(reverse("community:group_leave", args=[open_group.slug]))
    assert GroupMember.objects.get(zone=open_group, user=pa).status == "left"


def test_nobody_joins_an_invitation_group_by_themselves(client_for, invitation_group, group_left):
    response = client_for(group_left).post(
        reverse("community:group_join", args=[invitation_group.slug])
    )

    assert response.status_code == 404
    with pytest.raises(services.ForumError):
        services.group_join(zone=invitation_group, user=group_left)


def test_an_employer_cannot_join_a_group_for_pas(open_pas_group, employer):
    with pytest.raises(services.ForumError):
        services.group_join(zone=open_pas_group, user=employer)


def test_group_slugs_never_take_a_page_name(organisation):
    assert services.group_slug("Name") == "name-2"
    assert services.group_slug("!!!") == "group"
