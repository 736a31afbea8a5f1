"""What job sites read: schema.org JobPosting on each job page, and /jobs/feed.xml."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse

from pahub.jobs.models import Job
from pahub.jobs.vacancies.jsonld import PRIVATE_EMPLOYER, json_ld_script
from tests.factories import make_job
from tests.jobs.public.fixtures import html_of, queries_outside_the_cache

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld_of(response) -> dict:
    [block] = JSON_LD.findall(html_of(response))
    return json.loads(block)


def test_each_job_page_carries_a_job_posting(client, open_job):
    posting = json_ld_of(client.get(reverse("jobs:detail", args=[open_job.pk])))

    assert posting["@context"] == "https://schema.org"
    assert posting["@type"] == "JobPosting"
    assert posting["title"] == "Morning PA for a busy mum"
    assert posting["description"] == "Help getting up, washed and dressed before the school run."
    assert posting["datePosted"] == open_job.published_at.date().isoformat()
    assert posting["jobStartDate"] == "2027-01-04"
    assert posting["employmentType"] == ["PART_TIME"]
    assert posting["hiringOrganization"]["name"] == PRIVATE_EMPLOYER
    assert posting["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "NE1",
        "addressRegion": "Newcastle upon Tyne",
        "addressCountry": "GB",
    }
    assert posting["baseSalary"]["currency"] == "GBP"
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 13.5,
        "unitText": "HOUR",
    }
    assert posting["directApply"] is True
    assert posting["url"].endswith(f"/jobs/{open_job.pk}/")
    assert "Amira" not in json.dumps(posting)


def test_cover_and_full_time_jobs_say_so(client, employer_profile):
    job = make_job(employer_profile.user, kind=Job.Kind.COVER, hours_per_week="37.5")

    posting = json_ld_of(client.get(reverse("jobs:detail", args=[job.pk])))

    assert posting["employmentType"] == ["FULL_TIME", "TEMPORARY"]


def test_a_job_posted_by_staff_names_their_organisation(client, open_job, organisation):
    Job.objects.filter(pk=open_job.pk).update(posted_by_organisation=organisation)

    posting = json_ld_of(client.get(reverse("jobs:detail", args=[open_job.pk])))

    assert posting["hiringOrganization"]["name"] == "Newcastle Independent Living"


def test_text_that_could_end_the_script_block_is_escaped(client, employer_profile):
    job = make_job(employer_profile.user, title="Evil </script><script>alert(1)</script> job")

    response = client.get(reverse("jobs:detail", args=[job.pk]))

    assert "<script>alert(1)" not in html_of(response)
    assert json_ld_of(response)["title"] == "Evil </script><script>alert(1)</script> job"


def test_the_script_block_is_data_not_code():
    """A data block (type application/ld+json) is never run by browsers, so the CSP's
    nonce rule for scripts does not apply to it: it needs no nonce and is not blocked."""
    block = json_ld_script({"@type": "JobPosting", "title": "a & b <c>"})

    assert block.startswith('<script type="application/ld+json">')
    assert "nonce" not in block
    assert json.loads(JSON_LD.match(block).group(1)) == {
        "@type": "JobPosting",
        "title": "a & b <c>",
    }


def test_job_pages_keep_the_content_security_policy(client, open_job):
    response = client.get(reverse("jobs:detail", args=[open_job.pk]))

    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy


def parse_feed(client):
    response = client.get(reverse("jobs:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    # Our own feed, built from our own data: the standard parser is fine here.
    return response, ElementTree.fromstring(response.content)  # noqa: S314


def test_the_feed_is_rss_listing_only_open_jobs(client, open_job, employer_profile):
    make_job(employer_profile.user, status="draft", title="A draft")
    make_job(employer_profile.user, status="filled", title="Already filled")

    _, root = parse_feed(client)

    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "Open Personal Assistant jobs on PA Hub"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Morning PA for a busy mum (NE1)"]
    [item] = items
    assert item.findtext("link").endswith(f"/jobs/{open_job.pk}/")
    description = item.findtext("description")
    assert "Where: NE1, Newcastle upon Tyne" in description
    assert "Pay: £13.50 an hour" in description
    assert item.findtext("pubDate")


def test_the_feed_has_no_personal_data(client, open_job):
    response, _ = parse_feed(client)

    body = response.content.decode()
    for detail in ("Amira", "Khan", "employer@example.org", "NE1 4ST"):
        assert detail not in body


@pytest.mark.parametrize("count", [2, 12])
def test_the_feed_query_count_does_not_grow_with_jobs(
    client, employer_profile, django_assert_max_num_queries, count
):
    for number in range(count):
        make_job(employer_profile.user, title=f"Job {number}", nice_skills=["food.meal_prep"])

    with django_assert_max_num_queries(20) as queries:
        _, root = parse_feed(client)

    # Besides the database cache's own table (which Redis replaces in production).
    assert len(queries_outside_the_cache(queries)) <= 6

    assert len(root.find("channel").findall("item")) == count
