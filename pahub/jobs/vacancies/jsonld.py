"""schema.org JobPosting for a public vacancy, so job sites and search engines can read it.

Built only from a `PublicJob`, so it carries no more than the page shows: the job's district
and local authority, never the employer's name or address. Posted in a
`<script type="application/ld+json">` block: a data block, which browsers never run, so the
Content-Security-Policy's script-src (nonces) does not apply to it and it needs no nonce.
"""

import json
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from pahub.jobs.models import Job
from pahub.jobs.vacancies.public_job import PublicJob

PRIVATE_EMPLOYER = "PA Hub (on behalf of a private employer)"
# Hours a week from which a job counts as full-time for job sites (the usual UK threshold).
FULL_TIME_HOURS = Decimal("35")

# Characters that could end the <script> element or start HTML inside it are written as
# JSON unicode escapes; the JSON means exactly the same. (The same set Django's json_script
# escapes, which cannot be used here because it always writes type="application/json".)
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def employment_types(job: PublicJob) -> list[str]:
    hours = job.hours_per_week
    types = ["FULL_TIME" if hours is not None and hours >= FULL_TIME_HOURS else "PART_TIME"]
    if job.kind == Job.Kind.COVER:
        types.append("TEMPORARY")
    return types


def job_posting(job: PublicJob, *, url: str) -> dict[str, Any]:
    """The JobPosting as a dict: https://schema.org/JobPosting."""
    hiring_organisation = job.posted_by_organisation or PRIVATE_EMPLOYER
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": job.title,
        "description": job.description or job.title,
        "identifier": {"@type": "PropertyValue", "name": "PA Hub", "value": str(job.id)},
        "url": url,
        "employmentType": employment_types(job),
        "hiringOrganization": {
            "@type": "Organization",
            "name": hiring_organisation,
            "sameAs": settings.SITE_URL,
        },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": job.district,
                "addressRegion": job.local_authority,
                "addressCountry": "GB",
            },
        },
        "directApply": True,
    }
    if job.published_at:
        posting["datePosted"] = job.published_at.date().isoformat()
    if job.start_date:
        posting["jobStartDate"] = job.start_date.isoformat()
    if job.hourly_pay is not None:
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "GBP",
            "value": {
                "@type": "QuantitativeValue",
                "value": float(job.hourly_pay),
                "unitText": "HOUR",
            },
        }
    hours = [job.hours_label, *job.hours_lines] if job.hours_per_week is not None else []
    if hours:
        posting["workHours"] = "; ".join(hours)
    if job.tasks:
        posting["responsibilities"] = ", ".join(task.name for task in job.tasks)
    if job.must_haves:
        posting["qualifications"] = "; ".join(job.must_haves)
    return posting


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """`<script type="application/ld+json">` with the data, safe whatever the text holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
