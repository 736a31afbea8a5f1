"""The "Documents for this job" section of an employer's job page (registered with
`jobs.sections` from `LibraryConfig.ready`: jobs sits below the library and cannot link to it)."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from pahub.accounts.models import User
from pahub.jobs.models import Job
from pahub.library.documents.sources import published_template_titles
from pahub.library.documents.values import name_on_documents
from pahub.register.queries import pa_name

# The four an employer needs most, in the order they need them, named as the links say.
MAIN_DOCUMENTS = (
    ("contract-of-employment", "contract draft"),
    ("job-description", "job description"),
    ("job-advert", "job advert"),
    ("timesheet", "timesheet"),
)


@dataclass(frozen=True)
class DocumentLink:
    slug: str
    name: str
    title: str
    page_url: str
    docx_url: str


def document_link(job: Job, slug: str, title: str, name: str = "") -> DocumentLink:
    return DocumentLink(
        slug=slug,
        name=name,
        title=title,
        page_url=reverse("library:fill", kwargs={"slug": slug, "job_id": job.pk}),
        docx_url=reverse("library:fill_docx", kwargs={"slug": slug, "job_id": job.pk}),
    )


def job_documents_section(job: Job, viewer: User) -> tuple[str, dict[str, Any]]:
    titles = published_template_titles()
    main_slugs = {slug for slug, _ in MAIN_DOCUMENTS}
    hired = job.hired_pa if job.status == Job.Status.FILLED and job.hired_pa_id else None
    return (
        "library/documents/_job_documents.html",
        {
            "main": [
                document_link(job, slug, titles[slug], name)
                for slug, name in MAIN_DOCUMENTS
                if slug in titles
            ],
            "more": [
                document_link(job, slug, title)
                for slug, title in titles.items()
                if slug not in main_slugs
            ],
            "pa_name": name_on_documents(hired, pa_name(hired)) if hired else "",
        },
    )
