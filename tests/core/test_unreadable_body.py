"""A POST whose multipart body has no boundary cannot be read: the API answers 400 JSON and
pages a 400 page, never a 500, with or without DEBUG, and nothing changes."""

import pytest
from django.test import Client

from pahub.jobs.models import Job

NO_BOUNDARY = "multipart/form-data"


def signed_in_with_csrf(user) -> Client:
    # CSRF checks on, as in a browser: the check is what reads the unreadable body first.
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(user)
    client.get("/messages/")
    return client


def post_without_boundary(client: Client, url: str):
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    return client.generic(
        "POST", url, b"--x\r\nbroken", content_type=NO_BOUNDARY, headers={"X-CSRFToken": token}
    )


@pytest.mark.parametrize("debug", [False, True])
def test_the_api_answers_400_json(settings, employer_profile, draft_job, debug):
    settings.DEBUG = debug
    client = signed_in_with_csrf(employer_profile.user)

    for url in ["/api/v1/employer/jobs", f"/api/v1/employer/jobs/{draft_job.pk}/publish"]:
        response = post_without_boundary(client, url)

        assert response.status_code == 400, url
        assert response["Content-Type"].startswith("application/json")
        assert response.json()["detail"].startswith("The request body could not be read.")
    assert Job.objects.get(pk=draft_job.pk).status == Job.Status.DRAFT


def test_the_api_answers_400_json_without_csrf_checks_too(client_for, employer_profile):
    client = client_for(employer_profile.user)

    response = client.generic("POST", "/api/v1/employer/jobs", b"--x", content_type=NO_BOUNDARY)

    assert response.status_code == 400
    assert "detail" in response.json()


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("url", ["/messages/new/", "/accounts/login/"])
def test_a_page_answers_with_the_400_page(settings, employer, url, debug):
    settings.DEBUG = debug
    client = signed_in_with_csrf(employer)

    response = post_without_boundary(client, url)

    assert response.status_code == 400
    content = response.content.decode()
    assert "Sorry, there is a problem with what was sent" in content
    assert "Nothing was saved." in content
