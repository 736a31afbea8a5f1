"""Hypothesis strategies for the pure score: jobs and PAs around Newcastle, on small
universes of skills, interests and languages so that overlaps are common."""

from hypothesis import strategies as st

from pahub.matching.scoring import JobNeeds, PACandidate
from pahub.register.availability import FULL_WEEK

SKILLS = {pk: f"Skill number {pk}" for pk in range(1, 9)}
INTERESTS = {pk: f"Interest {pk}" for pk in range(1, 7)}
LANGUAGES = {1: "English", 2: "Polish", 3: "British Sign Language (BSL)"}

skill_sets = st.frozensets(st.sampled_from(sorted(SKILLS)), max_size=5)
interest_sets = st.frozensets(st.sampled_from(sorted(INTERESTS)), max_size=5)
grids = st.integers(min_value=0, max_value=FULL_WEEK)
# Around Tyneside: 0.2 of a degree is about 14 miles north to south.
latitudes = st.floats(min_value=54.85, max_value=55.15)
longitudes = st.floats(min_value=-1.9, max_value=-1.3)


@st.composite
def jobs(draw, *, with_must_haves: bool = True) -> JobNeeds:
    hours = draw(st.one_of(st.none(), st.sampled_from([0.5, 1, 3, 7.5, 10, 15, 22.5, 37.5, 60])))
    return JobNeeds(
        job_id=draw(st.integers(min_value=1, max_value=10_000)),
        hours_grid=draw(grids),
        hours_per_week=hours,
        district="NE1",
        latitude=draw(latitudes),
        longitude=draw(longitudes),
        required_dbs_rank=draw(st.integers(0, 4)) if with_must_haves else 0,
        requires_driver=draw(st.booleans()) if with_must_haves else False,
        required_language_ids=(
            draw(st.frozensets(st.sampled_from(sorted(LANGUAGES)), max_size=1))
            if with_must_haves
            else frozenset()
        ),
        required_gender=draw(st.sampled_from(["", "", "woman", "man"])) if with_must_haves else "",
        required_skill_ids=(
            draw(st.frozensets(st.sampled_from(sorted(SKILLS)), max_size=2))
            if with_must_haves
            else frozenset()
        ),
        task_ids=draw(skill_sets),
        nice_skill_ids=draw(skill_sets),
        nice_years_experience=draw(st.one_of(st.none(), st.integers(0, 10))),
        interest_ids=draw(interest_sets),
        skill_names=SKILLS,
        interest_names=INTERESTS,
        language_names=LANGUAGES,
    )


@st.composite
def pas(draw) -> PACandidate:
    return PACandidate(
        profile_id=draw(st.integers(min_value=1, max_value=10_000)),
        district="NE3",
        latitude=draw(latitudes),
        longitude=draw(longitudes),
        travel_miles=draw(st.integers(1, 30)),
        availability=draw(grids),
        dbs_rank=draw(st.integers(0, 4)),
        has_driving_licence=draw(st.booleans()),
        has_own_car=draw(st.booleans()),
        language_ids=draw(st.frozensets(st.sampled_from(sorted(LANGUAGES)), max_size=3)),
        gender=draw(st.sampled_from(["", "woman", "man", "non_binary"])),
        skill_ids=draw(skill_sets),
        interest_ids=draw(interest_sets),
        years_experience=draw(st.one_of(st.none(), st.integers(0, 40))),
        level=draw(st.integers(0, 4)),
        days_since_active=draw(st.integers(0, 400)),
    )
