"""Two-factor is a property of the staff session, not of a URL prefix.

Anyone who must use two-factor (organisation staff, site admins, `is_staff`) and has not set
it up gets the set-up page (pages) or a 403 JSON error (API) everywhere, except the set-up
pages, sign-out and public pages. The walks below visit EVERY URL pattern and EVERY API
operation, so a new page is protected unless someone marks it public on purpose (and lists
it here, where a reviewer sees it).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import time, timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.http import urlencode

from pahub.accounts.models import Membership
from pahub.api import api
from pahub.messaging.models import Message
from pahub.messaging.services import conversation_get_or_create, message_post
from pahub.register.models import PAProfile
from tests.cover.conftest import make_request
from tests.factories import TOTP_SECRET, UserFactory, give_employer_consent, make_staff

SETUP_MESSAGE = "Set up two-factor authentication before using PA Hub as staff."

# Pages anyone signed out may see: a staff member without two-factor may see them too.
PUBLIC_PAGES = {
    "core:home",
    "core:becoming_a_pa",
    "core:accessibility",
    "core:privacy",
    "core:privacy_retention",
    "core:cookies",
    "core:contact",
    "core:licence",
    "jobs:list",
    "jobs:feed",
    "jobs:detail",
    "jobs:saved_search_unsubscribe",  # one-click unsubscribe, by token
    "notifications:unsubscribe",  # one-click unsubscribe from an email, by token
    "matching:how_matching_works",
    "register:reference_answer",  # a referee's link, by token
    "register:claim",  # an imported PA claims their profile, by token
    "accounts:invitation",  # an invitation to join a team, by token
    "cover:feed",  # a PA's calendar feed, by token
    "api:openapi-json",
    "api:openapi-view",
    # The learning zone: courses are free to read, certificates free to check, events free
    # to find (taking quizzes, booking and anything of one's own need sign-in).
    "learning:home",
    "learning:course",
    "learning:module",
    "learning:module_page",
    "learning:module_print",
    "learning:verify",
    "learning:event_list",
    "learning:event_detail",
    # Meet-ups are found like the learning zone's events (saying you're coming needs sign-in).
    "community:meetups",
    # Anyone may raise a safeguarding concern, signed in or not: nothing may stand in the way.
    "concerns:new",
    "concerns:raised",
    # The cost calculator holds nothing about anyone until a plan is saved (saving needs sign-in).
    "costs:calculator",
    # The directory of support and services, and its downloads, are for everyone.
    "directory:search",
    "directory:service",
    "directory:download_csv",
    "directory:download_json",
    # The library's guidance and templates, their print view and versions, are for everyone.
    "library:home",
    "library:detail",
    "library:print",
    "library:versions",
    "library:version",
    # Who helps and how, and the national services to turn to, for anyone.
    "support:home",
    # Each council's spoke: who to call, news, courses and work in the area, for anyone.
    "spokes:list",
    "spokes:detail",
    # A council's local rules are public policy.
    "rules:list",
}

# Signing in and out, email and password, and the two-factor set-up itself.
SETUP_PAGES = {
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_reauthenticate",
    "account_email",
    "account_email_verification_sent",
    "account_confirm_email",
    "account_change_password",
    "account_set_password",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_confirm_login_code",
    "mfa_index",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "accounts:home",  # "your account", which tells them to set two-factor up
}

# API operations declared with `auth=None`: open to anyone, signed in or not.
PUBLIC_OPERATIONS = {
    ("GET", "/api/v1/health"),
    ("GET", "/api/v1/places/local-authorities"),
    ("GET", "/api/v1/places/districts/{outcode}"),
    ("GET", "/api/v1/places/distance"),
    ("GET", "/api/v1/taxonomy/skills"),
    ("GET", "/api/v1/jobs"),
    ("GET", "/api/v1/jobs/{job_id}"),
    ("GET", "/api/v1/learning/courses"),
    ("GET", "/api/v1/learning/courses/{slug}"),
    ("GET", "/api/v1/learning/courses/{slug}/modules/{module}"),
    ("GET", "/api/v1/learning/certificates/{code}"),
    ("GET", "/api/v1/learning/events"),
    ("GET", "/api/v1/learning/events/{event_id}"),
    ("POST", "/api/v1/costs/calculate"),
    # Open Referral UK: the profile requires its endpoints to be open, without a key.
    ("GET", "/api/v1/directory/openreferral"),
    ("GET", "/api/v1/directory/openreferral/services"),
    ("GET", "/api/v1/directory/openreferral/services/{service_id}"),
    ("GET", "/api/v1/directory/openreferral/service_at_locations"),
    ("GET", "/api/v1/directory/openreferral/service_at_locations/{service_at_location_id}"),
    ("GET", "/api/v1/directory/openreferral/taxonomies"),
    ("GET", "/api/v1/directory/openreferral/taxonomies/{taxonomy_id}"),
    ("GET", "/api/v1/directory/openreferral/taxonomy_terms"),
    ("GET", "/api/v1/directory/openreferral/taxonomy_terms/{term_id}"),
    ("GET", "/api/v1/directory/openreferral/organizations"),
    ("GET", "/api/v1/directory/openreferral/organizations/{organization_id}"),
    ("GET", "/api/v1/library/resources"),
    ("GET", "/api/v1/library/resources/{slug}"),
    # The councils' spokes, as public as their pages.
    ("GET", "/api/v1/areas"),
    ("GET", "/api/v1/areas/{slug}"),
    ("GET", "/api/v1/areas/{slug}/rules"),
}
PUBLIC_API_NAMES = {
    "api:health",
    "api:local_authorities",
    "api:district",
    "api:distance",
    "api:skills_taxonomy",
    "api:jobs_search",
    "api:job_detail",
    "api:course_list",
    "api:course_detail",
    "api:module_detail",
    "api:certificate_verify",
    "api:events_search",
    "api:event_detail",
    # The same addresses as the two above (POST and PATCH there need an organisation's key):
    # the walk asks each address with GET, which is the public search and detail.
    "api:event_create",
    "api:event_update",
    # Not "api:cost_calculate": it is open to anyone, but only by POST, and the walk asks
    # with GET, which no one may (PUBLIC_OPERATIONS lists its POST).
    "api:openreferral_info",
    "api:openreferral_services",
    "api:openreferral_service",
    "api:openreferral_service_at_locations",
    "api:openreferral_service_at_location",
    "api:openreferral_taxonomies",
    "api:openreferral_taxonomy",
    "api:openreferral_taxonomy_terms",
    "api:openreferral_taxonomy_term",
    "api:openreferral_organizations",
    "api:openreferral_organization",
    "api:library_search",
    "api:library_resource",
    "api:spokes_list",
    "api:spoke_detail",
    "api:council_rules",
}

OPEN = PUBLIC_PAGES | SETUP_PAGES | PUBLIC_API_NAMES


# Walking the URL patterns


@dataclass(frozen=True)
class Page:
    name: str  # namespaced URL name, or "" when the pattern has none
    route: str  # the pattern as written, for messages
    url: str  # a concrete address that resolves to this pattern


# Plausible values for path parameters: the ids need not exist, a blocked page must refuse
# before the view looks anything up.
CONVERTER_VALUES = {"int": "999999", "slug": "dummy-slug", "str": "dummy-token", "path": "1"}
REGEX_GROUP_VALUES = {
    "app_label": "accounts",
    "key": "dummy-key",
    "uidb36": "1",
    "token": "t" * 24,
    "url": "dummy",
}
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def concrete(pattern) -> str:
    text = str(pattern.pattern)
    if hasattr(pattern.pattern, "_route"):
        return ROUTE_PARAMETER.sub(
            lambda match: CONVERTER_VALUES[match["converter"] or "str"], text
        )
    text = text.removeprefix("^").removesuffix("$").replace("\\.", ".")
    return REGEX_GROUP.sub(lambda match: REGEX_GROUP_VALUES[match["name"]], text)


def walk(patterns, prefix: str = "/", namespace: str = "", route: str = "") -> Iterator[Page]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(
                pattern.url_patterns,
                prefix + concrete(pattern),
                inner,
                route + str(pattern.pattern),
            )
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield Page(
                name=name or "",
                route=route + str(pattern.pattern),
                url=prefix + concrete(pattern),
            )


ALL_PAGES = list(walk(get_resolver().url_patterns))


def test_the_walk_finds_every_kind_of_page():
    names = {page.name for page in ALL_PAGES}
    for expected in ("core:home", "register:profile_detail", "employer:job", "api:requests_get"):
        assert expected in names
    assert len(ALL_PAGES) > 150
    for page in ALL_PAGES:
        assert resolve(page.url), page.route  # each concrete address reaches a view


def is_setup_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("mfa_activate_totp") + "?"
    )


def is_setup_refusal(response) -> bool:
    return (
        response.status_code == 403
        and response["Content-Type"].startswith("application/json")
        and response.json() == {"detail": SETUP_MESSAGE}
    )


@pytest.fixture(params=["organisation_admin", "site_admin", "django_staff"])
def without_two_factor(request, db, organisation):
    """The kinds of person who must use two-factor, none of whom has set it up."""
    if request.param == "organisation_admin":
        return make_staff(
            organisation=organisation,
            role=Membership.StaffRole.ADMIN,
            two_factor=False,
            email="no.second.factor@example.org",
        )
    if request.param == "site_admin":
        return UserFactory(email="new.admin@example.org", is_staff=True, is_superuser=True)
    return UserFactory(email="django.staff@example.org", is_staff=True)


def test_every_page_sends_them_to_set_up_two_factor_unless_it_is_open(
    client_for, without_two_factor
):
    client = client_for(without_two_factor)
    wrong = []
    for page in ALL_PAGES:
        response = client.get(page.url)
        refused = (
            is_setup_refusal(response)
            if page.url.startswith("/api/")
            else is_setup_redirect(response)
        )
        if page.name in OPEN and refused:
            wrong.append(f"{page.route} ({page.name}) is open but was refused")
        if page.name not in OPEN and not refused:
            wrong.append(
                f"{page.route} ({page.name or 'no name'}) answered {response.status_code}: "
                "protect it, or mark it @public_page and list it in this test"
            )
    assert wrong == []


def test_the_set_up_redirect_says_why_and_comes_back(client_for, without_two_factor):
    response = client_for(without_two_factor).get(reverse("staff:home"), follow=True)

    assert response.redirect_chain[0][0] == (
        f"{reverse('mfa_activate_totp')}?{urlencode({'next': reverse('staff:home')})}"
    )
    assert "two-factor" in str(next(iter(response.context["messages"])))


# Walking the API operations


def api_operations() -> Iterator[tuple[str, str]]:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    for path, operations in schema["paths"].items():
        for method in operations:
            yield method.upper(), path


ALL_OPERATIONS = sorted(api_operations())
PATH_PARAMETER = re.compile(r"\{(\w+)\}")


def test_every_api_operation_is_in_the_walk():
    assert ("GET", "/api/v1/cover/requests/{request_id}") in ALL_OPERATIONS
    assert ("PATCH", "/api/v1/employer/jobs/{job_id}") in ALL_OPERATIONS
    assert set(ALL_OPERATIONS) >= PUBLIC_OPERATIONS
    assert len(ALL_OPERATIONS) > 40


def test_every_api_operation_refuses_them_with_json_unless_it_is_public(
    client_for, without_two_factor
):
    client = client_for(without_two_factor)
    wrong = []
    for method, path in ALL_OPERATIONS:
        url = PATH_PARAMETER.sub(lambda match: "NE1" if match[1] == "outcode" else "999999", path)
        response = client.generic(method, url, "{}", content_type="application/json")
        refused = is_setup_refusal(response)
        if (method, path) in PUBLIC_OPERATIONS and refused:
            wrong.append(f"{method} {path} is public but was refused")
        if (method, path) not in PUBLIC_OPERATIONS and not refused:
            wrong.append(
                f"{method} {path} answered {response.status_code}: only `auth=None` "
                "operations are open before two-factor"
            )
    assert wrong == []


def test_public_operations_are_exactly_those_declared_auth_none():
    declared = set()
    for router_prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                if operation.auth_param is None:
                    full = "/api/v1" + "/".join(
                        ["", router_prefix.strip("/"), path.strip("/")]
                    ).replace("//", "/")
                    for method in operation.methods:
                        declared.add((method, full.rstrip("/")))

    assert declared == PUBLIC_OPERATIONS


# The holes the review found, named


@pytest.fixture
def helping_staff_without_two_factor(organisation, employer, employer_profile):
    """Staff at an organisation Amira has asked for help, who never set up two-factor."""
    give_employer_consent(employer=employer, organisation=organisation, how_given="On the phone.")
    return make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        two_factor=False,
        email="helper.no.2fa@example.org",
    )


@pytest.fixture
def conversation(employer_profile, pa, open_job):
    conversation = conversation_get_or_create(employer=employer_profile.user, pa=pa, job=open_job)
    message_post(
        conversation=conversation,
        author=pa,
        author_role=Message.AuthorRole.PA,
        body="Hello, I would love to hear more about the job.",
    )
    return conversation


def test_they_cannot_read_an_employers_cover_request(
    client_for, helping_staff_without_two_factor, employer
):
    tomorrow = timezone.localdate() + timedelta(days=1)
    cover_request = make_request(employer, slots=[(tomorrow, time(8), time(11))])

    response = client_for(helping_staff_without_two_factor).get(
        f"/api/v1/cover/requests/{cover_request.pk}"
    )

    assert is_setup_refusal(response)
    assert "address" not in response.content.decode()


def test_they_cannot_post_a_cover_request(client_for, helping_staff_without_two_factor, employer):
    response = client_for(helping_staff_without_two_factor).post(
        "/api/v1/cover/requests",
        {"employer_id": employer.pk},
        content_type="application/json",
    )

    assert is_setup_refusal(response)
    assert not employer.cover_requests.exists()


def test_they_cannot_change_an_employers_job(
    client_for, helping_staff_without_two_factor, open_job
):
    response = client_for(helping_staff_without_two_factor).patch(
        f"/api/v1/employer/jobs/{open_job.pk}",
        {"title": "Changed by someone without two-factor"},
        content_type="application/json",
    )

    assert is_setup_refusal(response)
    open_job.refresh_from_db()
    assert open_job.title != "Changed by someone without two-factor"


@pytest.mark.parametrize("method", ["get", "post"])
def test_they_cannot_read_or_send_messages_as_an_employer(
    client_for, helping_staff_without_two_factor, conversation, method
):
    client = client_for(helping_staff_without_two_factor)
    url = f"/api/v1/conversations/{conversation.pk}/messages"

    if method == "get":
        response = client.get(url)
    else:
        response = client.post(url, {"body": "Sent as Amira."}, content_type="application/json")

    assert is_setup_refusal(response)
    assert is_setup_refusal(client.get(f"/api/v1/conversations/{conversation.pk}"))
    assert conversation.messages.count() == 1


def test_they_are_sent_to_set_up_before_a_hidden_pa_profile(
    client_for, helping_staff_without_two_factor, pa
):
    profile = PAProfile.objects.create(
        user=pa, display_name="Jordan", visibility=PAProfile.Visibility.HIDDEN
    )
    url = reverse("register:profile_detail", args=[profile.pk])

    response = client_for(helping_staff_without_two_factor).get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_activate_totp')}?{urlencode({'next': url})}"


def test_they_are_sent_to_set_up_before_a_draft_job(
    client_for, helping_staff_without_two_factor, draft_job
):
    response = client_for(helping_staff_without_two_factor).get(
        reverse("employer:job", args=[draft_job.pk])
    )

    assert is_setup_redirect(response)


# Once two-factor is set up, nothing stands in the way


@pytest.mark.parametrize(
    "url",
    [
        "/staff/",
        "/my-account/details/",
        "/employer/",
        "/messages/",
        "/api/v1/me",
        "/api/v1/conversations",
        "/api/v1/cover/requests",
    ],
)
def test_with_two_factor_set_up_the_same_person_is_let_through(client_for, organisation, url):
    staff = make_staff(
        organisation=organisation,
        role=Membership.StaffRole.ADMIN,
        two_factor=False,
        email="soon.secure@example.org",
    )
    client = client_for(staff)
    assert is_setup_redirect(client.get(url)) or is_setup_refusal(client.get(url))

    TOTP.activate(staff, TOTP_SECRET)
    response = client.get(url)

    assert not is_setup_redirect(response)
    assert not is_setup_refusal(response)
    assert response.status_code < 400


@pytest.mark.parametrize("url", ["/my-account/details/", "/employer/", "/api/v1/me"])
def test_people_who_need_no_second_factor_are_never_asked(client_for, employer, pa, url):
    for person in (employer, pa):
        response = client_for(person).get(url)

        assert not is_setup_redirect(response)
        assert not is_setup_refusal(response)


def test_organisation_api_keys_still_work_without_a_session(client, organisation, org_admin):
    from pahub.accounts.services import api_key_create

    _, key = api_key_create(organisation=organisation, name="Case system", by=org_admin)

    response = client.get("/api/v1/organisation", headers={"authorization": f"Bearer {key}"})

    assert response.status_code == 200
    assert response.json()["name"] == organisation.name
