"""The support dashboard: every figure equals the same count made naively from the rows, for
the scope's councils only, in a bounded number of queries; concerns are only ever counted."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pahub.accounts.models import Role
from pahub.community.models.zones import Post, Thread, Zone
from pahub.insights import summaries
from pahub.insights.dashboard import dashboard_for
from pahub.insights.dashboards.support import COMMUNITY, HELP_OUTCOMES
from pahub.insights.models import Fact
from pahub.learning.models import Event
from pahub.places.models import LocalAuthority
from pahub.support.models.concerns import Concern
from pahub.support.models.help import HelpRequest
from tests.factories import OrganisationFactory, UserFactory, district
from tests.insights.dashboard_helpers import ago, figures, month_of, monthly, scope_of, table

pytestmark = pytest.mark.django_db

AREAS = ["Newcastle upon Tyne", "County Durham"]
POSTCODES = ["NE1 2AA", "NE3 2AA", "DH1 2AA"]
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
days_ago = st.integers(0, 75)
area_names = st.sampled_from(AREAS)
help_states = st.sampled_from(
    [("waiting", ""), ("helping", "")]
    + [("closed", outcome) for outcome in HelpRequest.Outcome.values]
)


@st.composite
def support_specs(draw) -> dict:
    return {
        "people": draw(st.lists(st.sampled_from(POSTCODES), min_size=1, max_size=4)),
        "help": draw(st.lists(st.tuples(area_names, help_states, days_ago), max_size=6)),
        "concerns": draw(st.lists(st.tuples(area_names, days_ago), max_size=5)),
        # (author, days ago, replies: (author, days later, published?))
        "threads": draw(
            st.lists(
                st.tuples(
                    st.integers(0, 3),
                    days_ago,
                    st.lists(
                        st.tuples(st.integers(0, 3), st.integers(0, 5), st.booleans()), max_size=3
                    ),
                ),
                max_size=4,
            )
        ),
        "meetups": draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["NE1", "DH1", None]),
                    st.sampled_from(["meetup", "peer_group", "training"]),
                    days_ago,
                    st.booleans(),
                ),
                max_size=4,
            )
        ),
    }


def create_support(spec: dict):
    organisation = OrganisationFactory()
    people = [
        UserFactory(email=f"sup{n}@example.org", postcode=postcode, roles=[Role.PA])
        for n, postcode in enumerate(spec["people"])
    ]
    areas = dict(LocalAuthority.objects.values_list("name", "gss_code"))
    for number, (area, (status, outcome), made) in enumerate(spec["help"]):
        request = HelpRequest.objects.create(
            person=people[0],
            topic="using",
            need="How do I add my availability?",
            area_id=areas[area],
            status=status,
            outcome=outcome,
            organisation=None if status == "waiting" else organisation,
        )
        HelpRequest.objects.filter(pk=request.pk).update(created_at=ago(made, hours=number))
    for number, (area, made) in enumerate(spec["concerns"]):
        Concern.objects.create(
            area_id=areas[area],
            who="A neighbour",
            what_happened="Something worrying.",
            in_danger=False,
            may_contact=False,
            created_at=ago(made, hours=number),
        )
    zone = Zone.objects.get(slug="pas")
    for number, (author, made, replies) in enumerate(spec["threads"]):
        writer = people[author % len(people)]
        started = ago(made, hours=number)
        thread = Thread.objects.create(zone=zone, title="Hello", author=writer, created_at=started)
        make_post(thread, writer, started, published=True)
        for reply_author, later, published in replies:
            when = min(started + timedelta(days=later), ago(0))
            make_post(thread, people[reply_author % len(people)], when, published=published)
    for number, (outcode, kind, held, cancelled) in enumerate(spec["meetups"]):
        starts = ago(held, hours=number)
        Event.objects.create(
            organisation=organisation,
            kind=kind,
            title="Coffee morning",
            description="Tea and a chat.",
            format="in_person" if outcode else "online",
            district=district(outcode) if outcode else None,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            published_at=starts - timedelta(days=10),
            cancelled_at=starts if cancelled else None,
        )


def make_post(thread, author, when, *, published: bool) -> Post:
    return Post.objects.create(
        thread=thread,
        author=author,
        author_name=author.full_name,
        body="Hello",
        body_html="<p>Hello</p>",
        status="published" if published else "hidden",
        created_at=when,
    )


def naive_support(scope) -> dict:
    areas = scope.local_authority_ids
    requests = Counter()
    for request in HelpRequest.objects.filter(area_id__in=areas):
        outcome = request.outcome if request.status == "closed" else "open"
        requests[(month_of(request.created_at), outcome)] += 1
    concerns = Counter(
        month_of(concern.created_at) for concern in Concern.objects.filter(area_id__in=areas)
    )
    activity = Counter()
    for thread in Thread.objects.all():
        if thread.author and thread.author.local_authority_id in areas:
            activity[(month_of(thread.created_at), "threads")] += 1
        posts = sorted(thread.posts.all(), key=lambda post: (post.created_at, post.pk))
        for post in posts[1:]:
            placed = post.author and post.author.local_authority_id in areas
            if placed and post.status == "published":
                activity[(month_of(post.created_at), "replies")] += 1
    for event in Event.objects.filter(kind__in=["meetup", "peer_group", "hot_seat"]):
        held_in = event.district.local_authority_id if event.district else None
        if held_in in areas and event.published_at and not event.cancelled_at:
            activity[(month_of(event.starts_at), "meetups")] += 1
    columns = {
        "help-requests": [
            {month: n for (month, key), n in requests.items() if key == outcome}
            for outcome, _ in HELP_OUTCOMES
        ],
        "community-activity": [
            {month: n for (month, kind), n in activity.items() if kind == key}
            for key, _ in COMMUNITY
        ],
    }
    expected = {"concerns": monthly(scope, concerns)}
    for key, found in columns.items():
        rows = [monthly(scope, column) for column in found]
        expected[key] = {label: tuple(row[label][0] for row in rows) for label in rows[0]}
    return expected


@EXAMPLES
@given(spec=support_specs(), areas=st.sampled_from([AREAS[:1], AREAS[1:], AREAS]))
def test_every_figure_equals_a_naive_count_of_the_rows(db, spec, areas):
    with transaction.atomic():
        create_support(spec)
        summaries.refresh(["support"])
        scope = scope_of(*areas)

        shown = {found.key: figures(found) for found in dashboard_for("support").tables(scope)}

        assert shown == naive_support(scope)
        transaction.set_rollback(True)


def test_another_councils_concerns_are_not_counted(db):
    create_support(
        {"people": ["DH1 2AA"], "help": [("County Durham", ("waiting", ""), 0)], "threads": []}
        | {"concerns": [("County Durham", 0), ("County Durham", 1)], "meetups": []}
    )
    summaries.refresh(["support"])

    tables = dashboard_for("support").tables(scope_of("Newcastle upon Tyne"))

    assert all(values == (0,) for values in figures(table(tables, "concerns")).values())
    assert all(sum(values) == 0 for values in figures(table(tables, "help-requests")).values())


def test_concerns_are_stored_as_counts_of_an_area_and_a_month_only(db):
    create_support(
        {"people": ["NE1 2AA"], "help": [], "threads": [], "meetups": []}
        | {"concerns": [("Newcastle upon Tyne", 0), ("Newcastle upon Tyne", 0)]}
    )
    summaries.refresh(["support"])

    facts = list(
        Fact.objects.filter(metric="support.concerns").values(
            "local_authority_id", "district_id", "dimension", "dimension_2", "value"
        )
    )

    assert [(fact["district_id"], fact["dimension"], fact["dimension_2"]) for fact in facts] == [
        ("", "", "")
    ]
    assert sum(fact["value"] for fact in facts) == 2
    assert dashboard_for("support").tables(scope_of("Newcastle upon Tyne"))[2].unit == "people"


def test_the_tables_take_the_same_few_queries_whatever_the_data(db):
    scope = scope_of(*AREAS)
    summaries.refresh(["support"])
    with CaptureQueriesContext(connection) as empty:
        dashboard_for("support").tables(scope)
    create_support(
        {
            "people": POSTCODES,
            "help": [(AREAS[n % 2], ("closed", "answered"), n) for n in range(20)],
            "concerns": [(AREAS[n % 2], n) for n in range(20)],
            "threads": [(n, n, [(n + 1, 1, True)]) for n in range(10)],
            "meetups": [("NE1", "meetup", n, False) for n in range(10)],
        }
    )
    summaries.refresh(["support"])
    with CaptureQueriesContext(connection) as full:
        dashboard_for("support").tables(scope)
    assert len(full) == len(empty) <= 3
