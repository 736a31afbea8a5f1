"""A job in words: what the summary, the check-your-answers page, the printable job
description and the advert show. Reads only; a fixed number of queries per job.

Only the job's district and local authority are ever shown, never the employer's postcode.
"""

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from django.urls import reverse
from django.utils import timezone

from pahub.employers.models import EmployerProfile
from pahub.employers.wages import MinimumPay, minimum_pay_on
from pahub.jobs.builder.rules import hours_label, pay_check_date, posted_by_line
from pahub.jobs.matches.needs import job_must_haves
from pahub.jobs.models import Job
from pahub.matching.must_haves import Wording, must_haves_in_words
from pahub.register.availability import DAYS, PARTS, Slot, describe
from pahub.taxonomy.models import Skill

ADVERT_DESCRIPTION_WORDS = 45


@dataclass(frozen=True)
class CategoryTasks:
    category: Any
    skills: list[Skill]


@dataclass(frozen=True)
class GridDay:
    day: str
    parts: list[bool]


@dataclass
class JobFacts:
    job: Job
    tasks: list[Skill]
    tasks_by_category: list[CategoryTasks]
    hours_lines: list[str]
    grid: list[GridDay]
    part_names: list[dict[str, str]]
    must_haves: list[str]
    nice_to_haves: list[str]
    what_matters: str
    posted_by: str | None
    minimum: MinimumPay | None
    public_path: str

    @property
    def hours_per_week(self) -> str:
        return hours_label(self.job.hours_per_week)

    @property
    def place(self) -> str:
        job = self.job
        if job.district_id is None:
            return ""
        if job.local_authority_id:
            return f"{job.district_id}, {job.local_authority.name}"
        return job.district_id

    @property
    def pay(self) -> str:
        return f"£{self.job.hourly_pay} an hour" if self.job.hourly_pay is not None else ""

    @property
    def start(self) -> date | None:
        return self.job.start_date


def public_job_path(job: Job) -> str:
    """The public vacancy page, /jobs/<id>/."""
    return reverse("jobs:detail", kwargs={"job_id": job.pk})


def nice_to_haves_for(job: Job, interests: list[str], skills: list[Skill]) -> list[str]:
    lines = []
    if interests:
        lines.append("Shares interests: " + ", ".join(interests))
    if job.nice_years_experience:
        years = job.nice_years_experience
        lines.append(f"At least {years} year{'s' if years != 1 else ''} of experience")
    if skills:
        lines.append("Also: " + ", ".join(skill.name for skill in skills))
    return lines


def job_facts(job: Job, *, today: date | None = None) -> JobFacts:
    """Load `job` with select_related("district", "local_authority", "required_language",
    "posted_by_organisation") (`load_job_for_facts` does) to keep the count fixed."""
    tasks = list(
        job.tasks.select_related("category").order_by(
            "category__position", "category__name", "position", "name"
        )
    )
    required_skills = list(job.required_skills.order_by("name"))
    nice_skills = list(job.nice_skills.order_by("name"))
    interests = [interest.name for interest in job.nice_interests.order_by("name")]
    profile = EmployerProfile.objects.filter(user_id=job.employer_id).only("what_matters").first()
    grid = [
        GridDay(
            day=day,
            parts=[bool(job.hours_grid & Slot(index, part).bit) for part in range(len(PARTS))],
        )
        for index, day in enumerate(DAYS)
    ]
    return JobFacts(
        job=job,
        tasks=tasks,
        tasks_by_category=[
            CategoryTasks(category=category, skills=list(skills))
            for category, skills in groupby(tasks, key=lambda skill: skill.category)
        ],
        hours_lines=describe(job.hours_grid),
        grid=grid,
        part_names=[{"name": name, "hours": hours} for _, name, hours in PARTS],
        must_haves=must_haves_in_words(
            job_must_haves(job, required_skills=required_skills, with_reason=True),
            wording=Wording.CHECKLIST,
        ),
        nice_to_haves=nice_to_haves_for(job, interests, nice_skills),
        what_matters=profile.what_matters if profile else "",
        posted_by=posted_by_line(job),
        minimum=minimum_pay_on(
            pay_check_date(job, today=today or timezone.localdate()),
            is_apprenticeship=job.is_apprenticeship,
        ),
        public_path=public_job_path(job),
    )


def load_job_for_facts(job: Job) -> Job:
    return Job.objects.select_related(
        "district", "local_authority", "required_language", "posted_by_organisation"
    ).get(pk=job.pk)


def advert_summary(text: str, *, words: int = ADVERT_DESCRIPTION_WORDS) -> str:
    """The first `words` words of the employer's description, ending with "…" if cut."""
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]).rstrip(",;:.") + "…"
