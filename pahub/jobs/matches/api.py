"""API: ranked matches with their explanations, both ways, from the job side.

- `GET /api/v1/jobs/{job_id}/matches`: PAs for a job, for its employer side and staff
  overseeing its area (as the match page).
- `GET /api/v1/me/matches`: open jobs for the signed-in PA.

Each result carries the score, its parts (key, label, points, max_points, sentence), the
reasons and what is missing, and public details only: never a full name, postcode, email
address or phone number.
"""

from datetime import date
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status
from ninja.security import django_auth

from pahub.core import audit
from pahub.core.api_errors import ErrorOut
from pahub.core.schemas import InputSchema
from pahub.employers.permissions import EmployerSide, employer_side_role
from pahub.jobs.permissions import access_job_for_employer_side
from pahub.matching.engine import DEFAULT_LIMIT, MAX_LIMIT
from pahub.matching.presenters import public_name
from pahub.matching.scoring import Match, score_words
from pahub.register.levels import LEVEL_NAMES
from pahub.register.models import PAProfile

from .permissions import may_see_own_matches
from .queries import matches_for_job, matches_for_pa

# The tag and the operation ids are the ones these endpoints had when they lived in
# `pahub.matching`, so the published OpenAPI description (and clients generated from it)
# did not change when they moved to the job side.
router = Router(tags=["matching"])


class PartOut(Schema):
    key: str = Field(description="availability, distance, tasks, nice_to_haves, interests, ...")
    label: str
    points: float
    max_points: float = Field(description="The part's weight; 0 when the job asks nothing of it")
    sentence: str


class MatchOut(Schema):
    score: float = Field(description="0 to 100: points earned over points possible")
    score_words: str
    parts: list[PartOut]
    reasons: list[str]
    missing: list[str]
    miles: float | None = Field(description="Between district centres, to 0.1 of a mile")


class MatchedPAOut(Schema):
    id: int = Field(description="The PA profile's id")
    name: str = Field(description="The name the PA shows employers (never their full name)")
    district: str | None
    level: int
    level_name: str
    profile_url: str


class PAMatchOut(Schema):
    pa: MatchedPAOut
    match: MatchOut


class JobMatchesOut(Schema):
    job_id: int
    count: int
    results: list[PAMatchOut]


class MatchedJobOut(Schema):
    id: int
    title: str
    district: str | None
    hours_per_week: Decimal | None
    hourly_pay: Decimal | None
    kind: str
    start_date: date | None
    url: str | None


class JobMatchOut(Schema):
    job: MatchedJobOut
    match: MatchOut


class MyMatchesOut(Schema):
    count: int
    results: list[JobMatchOut]


class LimitQuery(InputSchema):
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def match_out(match: Match) -> MatchOut:
    return MatchOut(
        score=round(match.score, 1),
        score_words=score_words(match.score),
        parts=[
            PartOut(
                key=part.key,
                label=part.label,
                points=round(part.points, 2),
                max_points=part.max_points,
                sentence=part.sentence,
            )
            for part in match.parts
        ],
        reasons=list(match.reasons),
        missing=list(match.missing),
        miles=round(match.miles, 1) if match.miles != float("inf") else None,
    )


def pa_out(profile: PAProfile) -> MatchedPAOut:
    return MatchedPAOut(
        id=profile.pk,
        name=public_name(profile),
        district=profile.user.district_id,
        level=profile.level,
        level_name=LEVEL_NAMES.get(profile.level, ""),
        profile_url=reverse("register:profile_detail", kwargs={"profile_id": profile.pk}),
    )


@router.get(
    "/jobs/{job_id}/matches",
    response={200: JobMatchesOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    operation_id="pahub_matching_api_job_matches",
    summary="PAs who match a job, best first, with the reasons",
    description=(
        "For the job's employer, their representatives, and staff acting for them or "
        "overseeing the job's area (staff need two-factor set up; their views are recorded). "
        "Anyone else gets 404."
    ),
)
def job_matches(request: HttpRequest, job_id: int, query: Query[LimitQuery]):
    user = request.auth
    try:
        job = access_job_for_employer_side(user, job_id)
    except Http404:
        return Status(404, {"detail": "No job with that id that you can see."})
    role = employer_side_role(user, job.employer)
    if role not in (EmployerSide.EMPLOYER, EmployerSide.REPRESENTATIVE):
        audit.record_view(user, job)
    results = matches_for_job(job, viewer=user, limit=query.limit)
    return Status(
        200,
        JobMatchesOut(
            job_id=job.pk,
            count=len(results),
            results=[
                PAMatchOut(pa=pa_out(result.profile), match=match_out(result.match))
                for result in results
            ],
        ),
    )


@router.get(
    "/me/matches",
    response={200: MyMatchesOut, 403: ErrorOut, 404: ErrorOut},
    auth=django_auth,
    operation_id="pahub_matching_api_my_matches",
    summary="Open jobs that match the signed-in PA, best first, with the reasons",
)
def my_matches(request: HttpRequest, query: Query[LimitQuery]):
    user = request.auth
    if not may_see_own_matches(user):
        return Status(403, {"detail": "Matched jobs are for Personal Assistants."})
    profile = PAProfile.objects.filter(user=user).first()
    if profile is None:
        return Status(404, {"detail": "You have not started your profile yet."})
    results = matches_for_pa(profile, limit=query.limit)
    return Status(
        200,
        MyMatchesOut(
            count=len(results),
            results=[
                JobMatchOut(
                    job=MatchedJobOut(
                        id=result.job.pk,
                        title=result.job.title,
                        district=result.job.district_id,
                        hours_per_week=result.job.hours_per_week,
                        hourly_pay=result.job.hourly_pay,
                        kind=result.job.kind,
                        start_date=result.job.start_date,
                        url=reverse("jobs:detail", kwargs={"job_id": result.job.pk}),
                    ),
                    match=match_out(result.match),
                )
                for result in results
            ],
        ),
    )
