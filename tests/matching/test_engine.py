"""The engine against the database: who is found for a job and for a PA, in what order,
and in a number of queries that does not grow with the register."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pahub.accounts.models import Role
from pahub.employers.models import EmployerProfile
from pahub.jobs.matches.needs import job_needs
from pahub.jobs.matches.queries import explain_jobs_for_pa, matches_for_job, matches_for_pa
from pahub.jobs.models import Job
from pahub.matching import engine
from pahub.matching.filters import TalentFilters
from pahub.register.availability import mask_from_keys
from pahub.register.models import PAProfile
from pahub.taxonomy.models import Interest, Language, Skill
from tests.factories import UserFactory, make_employer_profile, make_job
from tests.matching.conftest import WEEKDAY_EARLY, make_pa
from tests.matching.naive import naive_matches_for_job, naive_matches_for_pa

pytestmark = pytest.mark.django_db


def found(results) -> list[str]:
    return [result.profile.display_name for result in results]


# A job's PAs


def test_jordan_matches_amiras_job_with_reasons(employer, open_job, jordan):
    results = matches_for_job(open_job, viewer=employer)

    assert found(results) == ["Jordan"]
    match = results[0].match
    assert "Free for all 15 hours" in match.reasons
    assert any(reason.endswith("miles away") for reason in match.reasons)
    assert "Level 2: DBS checked and induction done" in match.reasons
    assert match.missing == ()


def test_hidden_and_paused_profiles_never_appear(employer, open_job, jordan):
    make_pa(name="Hidden", visibility=PAProfile.Visibility.HIDDEN)
    make_pa(name="Paused", is_paused=True)

    assert found(matches_for_job(open_job, viewer=employer)) == ["Jordan"]


def test_a_pa_visible_only_in_another_area_is_not_found(employer, open_job, jordan):
    make_pa(name="Durham only", visibility=PAProfile.Visibility.LOCAL, visible_in=["County Durham"])
    make_pa(
        name="Newcastle", visibility=PAProfile.Visibility.LOCAL, visible_in=["Newcastle upon Tyne"]
    )

    assert sorted(found(matches_for_job(open_job, viewer=employer))) == [
        "Jordan",
        "Newcastle",
    ]


@pytest.mark.parametrize(
    ("field", "value", "pa_fields"),
    [
        ("required_dbs_rank", 3, {"dbs_rank": 2}),
        ("requires_driver", True, {"has_driving_licence": True, "has_own_car": False}),
        ("required_gender", "woman", {"gender": "man"}),
    ],
)
def test_a_pa_missing_a_must_have_is_not_found(employer, open_job, field, value, pa_fields):
    make_pa(name="Nearly", **pa_fields)
    updates = {field: value}
    if field == "required_gender":
        updates["gender_reason"] = "Intimate personal care"
    Job.objects.filter(pk=open_job.pk).update(**updates)
    open_job.refresh_from_db()

    assert found(matches_for_job(open_job, viewer=employer)) == []


def test_a_required_language_and_skill_must_both_be_on_the_profile(employer, open_job):
    polish = Language.objects.get(code="pl")
    hoist = Skill.objects.get(code="mobility.hoist")
    open_job.required_language = polish
    open_job.save(update_fields=["required_language"])
    open_job.required_skills.set([hoist])
    make_pa(name="Polish only", languages=("en", "pl"))
    make_pa(name="Hoist only", skills=("mobility.hoist",))
    make_pa(name="Both", languages=("pl",), skills=("mobility.hoist", "personal_care.dressing"))

    assert found(matches_for_job(open_job, viewer=employer)) == ["Both"]


def test_a_pa_beyond_their_own_travel_distance_is_not_found(employer, open_job):
    make_pa(name="Durham, 3 miles", postcode="DH1 1AA", travel_miles=3)
    make_pa(name="Durham, 30 miles", postcode="DH1 1AA", travel_miles=30)

    assert found(matches_for_job(open_job, viewer=employer)) == ["Durham, 30 miles"]


def test_a_pa_free_at_none_of_the_jobs_times_is_not_found(employer, open_job):
    make_pa(name="Evenings", availability=["monday_evening", "tuesday_evening"])
    make_pa(name="One morning", availability=["monday_early"])

    assert found(matches_for_job(open_job, viewer=employer)) == ["One morning"]


def test_the_employer_never_matches_their_own_job(employer, open_job):
    employer.roles.create(role=Role.PA)
    profile = make_pa(name="Me")
    profile.user = employer
    PAProfile.objects.filter(pk=profile.pk).update(user=employer)

    assert found(matches_for_job(open_job, viewer=employer)) == []


def test_more_of_the_jobs_hours_ranks_higher(employer, open_job):
    make_pa(name="Two mornings", availability=WEEKDAY_EARLY[:2])
    make_pa(name="All mornings", availability=WEEKDAY_EARLY)
    make_pa(name="Three mornings", availability=WEEKDAY_EARLY[:3])

    assert found(matches_for_job(open_job, viewer=employer)) == [
        "All mornings",
        "Three mornings",
        "Two mornings",
    ]


def test_nearer_ranks_higher_when_all_else_is_equal(employer, open_job):
    make_pa(name="NE6", postcode="NE6 1AA")
    make_pa(name="NE1", postcode="NE1 2AA")
    make_pa(name="NE28", postcode="NE28 1AA", travel_miles=20)

    assert found(matches_for_job(open_job, viewer=employer)) == ["NE1", "NE6", "NE28"]


def test_shared_interests_with_the_employer_count(employer_profile, open_job):
    employer_profile.interests.set(Interest.objects.filter(name__in=["Gardening", "Football"]))
    make_pa(name="Gardener", interests=("Gardening", "Football"))
    make_pa(name="Reader", interests=("Reading",))

    results = matches_for_job(open_job, viewer=employer_profile.user)

    assert found(results) == ["Gardener", "Reader"]
    assert "Shares: football, gardening" in results[0].match.reasons


def test_the_limit_keeps_the_best(employer, open_job):
    for days in range(6):
        make_pa(name=f"Level {days % 5}", level=days % 5, days_inactive=days * 40)

    best = matches_for_job(open_job, viewer=employer, limit=2)

    assert [result.profile.level for result in best] == [4, 3]


def test_matches_are_the_same_as_loading_everyone_and_scoring_in_python(employer, open_job):
    open_job.nice_skills.set(Skill.objects.filter(code__in=["food.meal_prep", "core.first_aid"]))
    Job.objects.filter(pk=open_job.pk).update(nice_years_experience=3)
    open_job.refresh_from_db()
    postcodes = ["NE1 1AA", "NE2 1AA", "NE3 1AA", "NE4 1AA", "NE6 1AA", "NE7 1AA", "NE15 1AA"]
    for number in range(28):
        make_pa(
            name=f"PA {number}",
            postcode=postcodes[number % len(postcodes)],
            availability=WEEKDAY_EARLY[: 1 + number % 5],
            skills=("personal_care.dressing", "food.meal_prep")[: number % 3],
            level=number % 5,
            years_experience=number % 7,
            days_inactive=(number * 13) % 200,
            travel_miles=5 + number % 4,
        )

    for limit in (1, 3, 10, 50):
        quick = matches_for_job(open_job, viewer=employer, limit=limit)
        slow = naive_matches_for_job(open_job, viewer=employer, limit=limit)
        assert [(r.profile.pk, r.match) for r in quick] == [(r.profile.pk, r.match) for r in slow]


@pytest.mark.parametrize("ranked_by", ["pool", "database"])
def test_a_later_page_is_the_same_slice_of_the_whole_ranking(employer, monkeypatch, ranked_by):
    if ranked_by == "database":
        monkeypatch.setattr(engine.pool, "fits", lambda needs: False)
    for number in range(9):
        make_pa(name=f"PA {number}", level=number % 5, days_inactive=(number * 37) % 200)
    filters = TalentFilters(outcode="NE1")

    everyone, total = engine.search_talent_with_count(viewer=employer, filters=filters)
    pages = [
        engine.search_talent_with_count(viewer=employer, filters=filters, limit=4, offset=start)
        for start in (0, 4, 8)
    ]

    assert total == 9
    assert [count for _, count in pages] == [9, 9, 9]
    assert [[r.profile.pk for r in page] for page, _ in pages] == [
        [r.profile.pk for r in everyone[start : start + 4]] for start in (0, 4, 8)
    ]


def test_a_page_never_starts_beyond_the_best_that_are_ranked(employer, monkeypatch):
    monkeypatch.setattr(engine, "MAX_LIMIT", 3)
    for number in range(5):
        make_pa(name=f"PA {number}", level=number % 5)
    filters = TalentFilters(outcode="NE1")

    beyond, total = engine.search_talent_with_count(
        viewer=employer, filters=filters, limit=2, offset=7
    )

    assert total == 5
    assert len(beyond) == 1


def test_the_database_adds_up_the_parts_as_python_does(employer_profile, open_job):
    """`partial_points` is the score without distance, in SQL: the two must agree."""
    employer_profile.interests.set(Interest.objects.filter(name__in=["Gardening", "Football"]))
    open_job.nice_skills.set(Skill.objects.filter(code__in=["food.meal_prep"]))
    Job.objects.filter(pk=open_job.pk).update(nice_years_experience=2)
    for number in range(10):
        make_pa(
            name=f"PA {number}",
            interests=("Gardening", "Football", "Reading")[: number % 4],
            skills=("personal_care.dressing", "food.meal_prep", "mobility.hoist")[: number % 4],
            availability=[*WEEKDAY_EARLY[: 1 + number % 5], "saturday_evening"],
            level=number % 5,
            years_experience=number % 4 or None,
            days_inactive=[0, 7, 8, 30, 31, 90, 91, 180, 181, 400][number],
        )
    now = timezone.now()
    needs = job_needs(open_job)
    rows = dict(
        PAProfile.objects.annotate(partial=engine.partial_points(needs, now=now)).values_list(
            "pk", "partial"
        )
    )
    candidates = engine.candidates_for_profiles(list(rows), now=now)

    for pk, partial in rows.items():
        match = engine.score(needs, candidates[pk])
        python_partial = sum(part.points for part in match.parts if part.key != "distance")
        assert partial == pytest.approx(python_partial, abs=1e-9), pk


# Who sees whom


def test_a_representative_sees_what_both_they_and_the_employer_may_see(
    employer, representative, open_job, jordan
):
    make_pa(
        name="Local to Newcastle",
        visibility=PAProfile.Visibility.LOCAL,
        visible_in=["Newcastle upon Tyne"],
    )

    names = sorted(found(matches_for_job(open_job, viewer=representative)))

    # Sara lives in Newcastle too, so both may see both PAs.
    assert names == ["Jordan", "Local to Newcastle"]


def test_staff_elsewhere_see_only_pas_in_their_own_areas(
    employer, open_job, jordan, other_organisation
):
    from tests.factories import make_staff

    durham_staff = make_staff(organisation=other_organisation, email="durham@example.org")
    make_pa(name="Durham PA", postcode="DH1 1AA", travel_miles=30)

    assert found(matches_for_job(open_job, viewer=durham_staff)) == ["Durham PA"]


# A PA's jobs


def test_jordan_sees_amiras_open_job_but_not_drafts_or_closed_ones(
    employer, open_job, draft_job, jordan
):
    make_job(employer, title="Closed job", status=Job.Status.CLOSED)
    make_job(employer, title="Paused job", status=Job.Status.PAUSED)

    results = matches_for_pa(jordan)

    assert [result.job.title for result in results] == [open_job.title]
    assert "Free for all 15 hours" in results[0].match.reasons


def test_a_pa_sees_only_jobs_whose_must_haves_they_meet(employer, open_job, jordan):
    make_job(employer, title="Needs enhanced DBS", required_dbs_rank=3, required_dbs="enhanced")
    make_job(employer, title="Needs a driver", requires_driver=True)
    make_job(employer, title="Needs Polish", required_language=Language.objects.get(code="pl"))
    make_job(employer, title="Needs a hoist", required_skills=["mobility.hoist"])
    make_job(employer, title="Needs a man", required_gender="man", gender_reason="Personal care")
    make_job(employer, title="Needs standard DBS", required_dbs_rank=2, required_dbs="standard")

    titles = sorted(result.job.title for result in matches_for_pa(jordan))

    assert titles == sorted([open_job.title, "Needs standard DBS"])


def test_a_woman_sees_the_jobs_that_need_a_woman(employer, open_job, jordan):
    # The only gender any job asks is the pool's first: its code is 0 (a bug once read 0 as
    # "no such gender" and left every such job out).
    PAProfile.objects.filter(pk=jordan.pk).update(gender="woman")
    jordan.refresh_from_db()
    make_job(employer, title="Needs a woman", required_gender="woman", gender_reason="Care")

    titles = sorted(result.job.title for result in matches_for_pa(jordan))

    assert titles == sorted([open_job.title, "Needs a woman"])
    assert [r.job.pk for r in matches_for_pa(jordan)] == [
        r.job.pk for r in naive_matches_for_pa(jordan)
    ]


def test_a_pa_sees_only_jobs_within_their_travel_distance(employer, open_job, jordan):
    durham_employer = UserFactory(postcode="DH1 1AA", roles=[Role.EMPLOYER])
    make_employer_profile(durham_employer)
    make_job(durham_employer, title="In Durham")

    assert [result.job.title for result in matches_for_pa(jordan)] == [open_job.title]

    PAProfile.objects.filter(pk=jordan.pk).update(travel_miles=30)
    titles = [result.job.title for result in matches_for_pa(jordan)]
    assert titles == [open_job.title, "In Durham"]


def test_a_pa_free_at_none_of_a_jobs_times_does_not_see_it(employer, open_job, jordan):
    make_job(employer, title="Sunday nights", hours_grid=mask_from_keys(["sunday_night"]))

    assert [result.job.title for result in matches_for_pa(jordan)] == [open_job.title]


def test_a_pas_matches_are_the_same_as_scoring_every_open_job_in_python(employer, jordan):
    for number in range(15):
        make_job(
            employer,
            title=f"Job {number}",
            hours_grid=mask_from_keys([*WEEKDAY_EARLY[: 1 + number % 5], "sunday_evening"]),
            tasks=["personal_care.dressing", "mobility.hoist", "food.meal_prep"][: number % 4],
            outcode=["NE1", "NE3", "NE6", "DH1"][number % 4],
            required_dbs_rank=number % 4,
        )

    for limit in (1, 4, 50):
        quick = matches_for_pa(jordan, limit=limit)
        slow = naive_matches_for_pa(jordan, limit=limit)
        assert [(r.job.pk, r.match) for r in quick] == [(r.job.pk, r.match) for r in slow]
        assert quick


def test_explain_jobs_for_pa_explains_even_jobs_that_do_not_match(employer, open_job, jordan):
    driving = make_job(employer, title="Needs a driver", requires_driver=True)

    explained = explain_jobs_for_pa(jordan, [open_job, driving])

    assert set(explained) == {open_job.pk, driving.pk}
    assert explained[open_job.pk].score > 0
    assert "Free for all 15 hours" in explained[driving.pk].reasons


# Talent search


def test_talent_search_finds_pas_near_a_district_with_the_skills_asked_for(employer, jordan):
    make_pa(name="No dressing", skills=("personal_care.washing_bathing",))
    make_pa(name="Far", postcode="DH1 1AA", travel_miles=30)
    filters = TalentFilters(outcode="NE1", miles=5, skill_codes=("personal_care.dressing",))

    results, total = engine.search_talent_with_count(viewer=employer, filters=filters)

    assert found(results) == ["Jordan"]
    assert total == 1
    assert found(engine.search_talent(viewer=employer, filters=filters)) == ["Jordan"]


def test_talent_search_ranks_by_the_times_asked_for(employer):
    make_pa(name="Mornings", availability=["monday_morning", "tuesday_morning"])
    make_pa(name="One morning", availability=["monday_morning", "friday_evening"])
    make_pa(name="Evenings", availability=["friday_evening"])
    filters = TalentFilters(outcode="NE1", availability_keys=("monday_morning", "tuesday_morning"))

    assert found(engine.search_talent(viewer=employer, filters=filters)) == [
        "Mornings",
        "One morning",
    ]


def test_talent_search_filters_by_language_level_and_driving(employer):
    make_pa(
        name="All three",
        languages=("en", "bfi"),
        level=3,
        has_driving_licence=True,
        has_own_car=True,
    )
    make_pa(name="No car", languages=("en", "bfi"), level=3, has_driving_licence=True)
    make_pa(
        name="Level 1", languages=("en", "bfi"), level=1, has_driving_licence=True, has_own_car=True
    )
    make_pa(name="No BSL", level=3, has_driving_licence=True, has_own_car=True)
    filters = TalentFilters(outcode="NE1", language_codes=("bfi",), min_level=2, driver=True)

    assert found(engine.search_talent(viewer=employer, filters=filters)) == ["All three"]


def test_a_talent_search_names_the_employers_shared_interests_and_what_it_asks(
    employer_profile,
):
    """The search reads only the names it asks for (its skills, languages and the employer's
    interests) with their ids, not the whole taxonomy."""
    employer_profile.interests.set(Interest.objects.filter(name__in=["Gardening", "Football"]))
    make_pa(name="Gardener", interests=("Gardening", "Football"), languages=("en", "bfi"))
    filters = TalentFilters(outcode="NE1", language_codes=("bfi",))
    needs = engine.needs_from_filters(filters, viewer=employer_profile.user)

    results = engine.search_talent(viewer=employer_profile.user, filters=filters)

    assert found(results) == ["Gardener"]
    assert "Shares: football, gardening" in results[0].match.reasons
    assert set(needs.interest_names.values()) == {"Gardening", "Football"}
    assert needs.language_names == {
        Language.objects.get(code="bfi").pk: Language.objects.get(code="bfi").name
    }
    assert needs.required_language_ids == frozenset(needs.language_names)


def test_a_talent_search_from_an_unknown_district_finds_nobody(employer, jordan):
    assert engine.search_talent(viewer=employer, filters=TalentFilters(outcode="ZZ99")) == []


# Queries do not grow with results


def queries_for(call) -> int:
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_a_jobs_matches_take_the_same_queries_for_3_or_30_pas(employer, open_job):
    Job.objects.filter(pk=open_job.pk).update(nice_years_experience=2)
    for number in range(3):
        make_pa(name=f"First {number}")
    matches_for_job(open_job, viewer=employer)  # the viewer's roles are read once
    few = queries_for(lambda: matches_for_job(open_job, viewer=employer))
    for number in range(27):
        make_pa(name=f"More {number}", interests=("Gardening",), level=number % 5)
    # The first call after the changes reads the 27 new profiles into the pool: three
    # queries, whether 1 or 27 changed.
    reading = queries_for(lambda: matches_for_job(open_job, viewer=employer, limit=50))

    many = queries_for(lambda: matches_for_job(open_job, viewer=employer, limit=50))

    assert many == few
    assert many <= 20
    assert reading == many + 3


def test_a_pas_matches_take_the_same_queries_for_1_or_20_jobs(employer, open_job, jordan):
    matches_for_pa(jordan)
    few = queries_for(lambda: matches_for_pa(jordan))
    for number in range(19):
        make_job(employer, title=f"Job {number}", nice_skills=["food.meal_prep"])
    # The first call after the changes reads the 19 new jobs into the pool: six queries (the
    # jobs, their three lists of skills, their interests and their employers'), however many.
    reading = queries_for(lambda: matches_for_pa(jordan))

    many = queries_for(lambda: matches_for_pa(jordan))

    assert many == few
    assert many <= 20
    assert reading == many + 6


def test_profiles_are_loaded_with_only_ids_for_their_skills_and_interests(employer, jordan):
    with CaptureQueriesContext(connection) as queries:
        loaded = engine.candidates_for_profiles([jordan.pk])

    # The row, then the skills, interests and languages together.
    assert len(queries) == 2
    assert loaded[jordan.pk].skill_ids == frozenset(jordan.skills.values_list("pk", flat=True))
    assert loaded[jordan.pk].interest_ids == frozenset(
        jordan.interests.values_list("pk", flat=True)
    )
    assert loaded[jordan.pk].language_ids == frozenset(
        jordan.languages.values_list("language_id", flat=True)
    )
    assert loaded[jordan.pk].days_since_active == 2


def test_days_since_active_counts_whole_days():
    now = timezone.now()

    assert engine.days_since(now - timedelta(days=7, hours=23), now) == 7
    assert engine.days_since(now - timedelta(days=8), now) == 8
    assert engine.days_since(now + timedelta(hours=1), now) == 0


def test_employer_profile_interests_reach_the_job_needs(employer_profile, open_job):
    employer_profile.interests.set(Interest.objects.filter(name="Gardening"))

    needs = job_needs(open_job)

    assert needs.interest_ids == frozenset(
        Interest.objects.filter(name="Gardening").values_list("pk", flat=True)
    )
    assert EmployerProfile.objects.count() == 1
