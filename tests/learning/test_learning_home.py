"""The learning home shows each person the tools for their role, every one of which opens for
them; the header links to it; the staff area links to course and event pages for staff who may
use them; and people see their own bookings."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.learning.home import learning_tools
from pahub.learning.models import Event, EventBooking
from tests.factories import OrganisationFactory, UserFactory, make_staff

pytestmark = pytest.mark.django_db
HOME = reverse("learning:home")


@pytest.fixture
def provider():
    return OrganisationFactory(kind="training_provider")


@pytest.fixture
def trainer(provider):
    return make_staff(organisation=provider, email="trainer@example.org")


def tool_titles(user) -> list[str]:
    return [tool.title for tool in learning_tools(user)]


def test_a_pa_is_offered_the_self_assessment_plan_cpd_and_prior_learning(pa):
    titles = tool_titles(pa)
    for title in ("Check your skills", "Your learning plan", "Your CPD log", "Your bookings"):
        assert title in titles
    assert "Suggest a module to your PA" not in titles


def test_an_employer_is_offered_suggesting_a_module_and_not_the_pas_tools(employer):
    titles = tool_titles(employer)
    assert "Suggest a module to your PA" in titles
    assert "Your CPD log" not in titles


def test_a_trainer_is_offered_writing_courses_and_listing_events(trainer):
    titles = tool_titles(trainer)
    assert "Write and publish courses" in titles
    assert "List your organisation's courses and events" in titles
    assert "Your bookings" not in titles


@pytest.mark.parametrize("who", ["pa", "employer", "representative", "trainer"])
def test_every_tool_on_the_home_opens_for_the_person_it_is_shown_to(request, client_for, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    page = client.get(HOME).content.decode()
    for tool in learning_tools(user):
        assert f'href="{tool.href}"' in page
        assert client.get(tool.href).status_code == 200, tool.href


def test_signed_out_people_see_courses_and_events_but_no_tools(client):
    page = client.get(HOME).content.decode()
    assert 'id="learning-tools"' not in page
    assert reverse("learning:event_list") in page


def test_the_header_links_to_learning_for_everyone(client, client_for, pa):
    for page in (client.get("/"), client_for(pa).get("/")):
        assert f'href="{HOME}"' in page.content.decode()


def test_the_staff_area_links_to_course_and_event_pages_only_for_staff_who_may_use_them(
    client_for, trainer
):
    verifier = make_staff(
        organisation=OrganisationFactory(kind="support_agency"), email="v@example.org"
    )
    trainer_home = client_for(trainer).get(reverse("staff:home")).content.decode()
    assert reverse("learning:authoring:courses") in trainer_home
    assert reverse("learning:event_manage") in trainer_home
    verifier_home = client_for(verifier).get(reverse("staff:home")).content.decode()
    assert reverse("learning:authoring:courses") not in verifier_home
    assert reverse("learning:event_manage") not in verifier_home


def an_event(organisation, *, days: int, title: str = "First aid for PAs") -> Event:
    starts = timezone.now() + timedelta(days=days)
    return Event.objects.create(
        organisation=organisation,
        title=title,
        description="A morning course.",
        format=Event.Format.ONLINE,
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        capacity=10,
        published_at=timezone.now(),
    )


def test_your_bookings_lists_only_your_own_live_bookings_soonest_first(
    client_for, pa, provider, django_assert_max_num_queries
):
    later = an_event(provider, days=20, title="Moving and handling")
    sooner = an_event(provider, days=5, title="First aid for PAs")
    cancelled = an_event(provider, days=7, title="Cancelled booking")
    someone_elses = an_event(provider, days=6, title="Someone else's course")
    other = UserFactory(email="other@example.org", roles=[Role.PA])
    for event in (later, sooner):
        EventBooking.objects.create(event=event, user=pa)
    EventBooking.objects.create(event=cancelled, user=pa, cancelled_at=timezone.now())
    EventBooking.objects.create(event=someone_elses, user=other)
    client = client_for(pa)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("learning:my_bookings")).content.decode()
    assert page.index("First aid for PAs") < page.index("Moving and handling")
    assert "Cancelled booking" not in page
    assert "Someone else" not in page
    assert reverse("learning:event_calendar", args=[sooner.pk]) in page


def test_your_bookings_needs_you_signed_in(client):
    response = client.get(reverse("learning:my_bookings"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
