"""Sections of an employer's job page that apps above jobs contribute.

Jobs sits below the cost calculator (and anything else that knows more about a job), so it
cannot import them to show, say, what the job costs a year. Each such app registers a
provider here from its AppConfig.ready(), as `pahub.register.profile.sections` does for PA
profiles, and the job page renders whatever the providers return.

A provider is called with the job and the person looking at it (who may act for the
employer: the page has checked). It returns a template name and that template's context, or
None to show nothing. The template is included with its context as `section`; its headings
start at h2. A provider reads what it needs in a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pahub.accounts.models import User
from pahub.jobs.models import Job

SectionContent = tuple[str, dict[str, Any]]
SectionProvider = Callable[[Job, User], SectionContent | None]

_providers: dict[str, SectionProvider] = {}


@dataclass(frozen=True)
class JobSection:
    name: str
    template: str
    context: dict[str, Any]


def register_job_section(name: str, provider: SectionProvider) -> None:
    """Let a higher app add a section to the job page; registering a name again replaces it."""
    _providers[name] = provider


def unregister_job_section(name: str) -> None:
    """For tests that register a section of their own."""
    _providers.pop(name, None)


def job_sections(job: Job, viewer: User) -> list[JobSection]:
    """The sections to show on this job's page, in the order they registered."""
    sections = []
    for name, provider in _providers.items():
        content = provider(job, viewer)
        if content is not None:
            template, context = content
            sections.append(JobSection(name=name, template=template, context=context))
    return sections
