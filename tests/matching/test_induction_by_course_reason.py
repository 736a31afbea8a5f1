"""A PA whose induction was PA Hub's own course says so in the level reason of a match (the
certificate can be checked); a PA whose induction staff recorded keeps the plain sentence."""

import dataclasses

from django.utils import timezone

from pahub.jobs.matches.queries import matches_for_job
from pahub.matching import scoring
from pahub.matching.scoring import LEVEL_SENTENCES
from pahub.register.models import InductionCompletion

LEVEL_2 = LEVEL_SENTENCES[2]
BY_COURSE = LEVEL_2 + scoring.INDUCTION_BY_COURSE


def test_the_level_sentence_names_the_course_only_from_level_2_up():
    pa = scoring.PACandidate(profile_id=1, level=2, induction_by_course=True)
    job = scoring.JobNeeds()
    assert scoring.level_part(job, pa).reasons == (BY_COURSE,)
    staff_recorded = dataclasses.replace(pa, induction_by_course=False)
    assert scoring.level_part(job, staff_recorded).reasons == (LEVEL_2,)
    entry = dataclasses.replace(pa, level=1)
    assert scoring.INDUCTION_BY_COURSE not in scoring.level_part(job, entry).reasons[0]


def test_a_match_says_the_induction_was_pa_hubs_course(employer, open_job, jordan):
    InductionCompletion.objects.update_or_create(
        user=jordan.user,
        defaults={
            "completed_on": timezone.localdate(),
            "source": "induction course on PA Hub",
            "certificate_code": "ABCD2345",
        },
    )
    [result] = matches_for_job(open_job, viewer=employer)
    assert BY_COURSE in result.match.reasons


def test_a_match_keeps_the_plain_sentence_for_an_induction_staff_recorded(
    employer, open_job, jordan
):
    InductionCompletion.objects.update_or_create(
        user=jordan.user,
        defaults={"completed_on": timezone.localdate(), "certificate_code": ""},
    )
    [result] = matches_for_job(open_job, viewer=employer)
    assert LEVEL_2 in result.match.reasons
