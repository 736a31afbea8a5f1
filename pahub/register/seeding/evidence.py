"""Planning a seeded PA's evidence and its checks: exactly the rows the PA's target tier needs
(DBS, identity, right to work, references, specialist skills, induction, the code signature),
dated so that what they add up to is the tier, whenever the seed is run."""

import random
import secrets
from datetime import date, timedelta

from pahub.accounts.seeding import WeightedPick
from pahub.core.bulk_load import build
from pahub.register.levels import (
    ENTRY,
    LEVEL_2,
    LEVEL_3,
    NONE,
    add_months,
    dbs_valid_until,
)
from pahub.register.models import (
    Evidence,
    ReferenceRequest,
    VerificationRecord,
    hash_token,
)
from pahub.register.queries import DEFAULT_DBS_MAX_AGE_MONTHS
from pahub.register.seeding.context import (
    ORIGINAL_SEEN,
    QUALIFICATIONS,
    REFEREE_NAMES,
    PlannedPA,
    SeedContext,
    days_between,
    moment_on,
)

_DBS_TYPE = WeightedPick(
    [Evidence.DbsType.ENHANCED_ADULTS_BARRED, Evidence.DbsType.ENHANCED, Evidence.DbsType.STANDARD],
    [80, 15, 5],
)


class EvidenceMaker:
    """Builds one PA's evidence rows and the checks that verified them."""

    def __init__(self, rng: random.Random, context: SeedContext, plan: PlannedPA, area_id: str):
        self.rng, self.context, self.plan = rng, context, plan
        self.organisation_id, self.verifier_id = context.verifiers_by_area.get(
            area_id, (None, None)
        )
        self.max_age = context.dbs_max_age_by_area.get(area_id, DEFAULT_DBS_MAX_AGE_MONTHS)
        self.zone = context.zone

    def add(self, kind: str, *, verified_on: date | None = None, **fields) -> Evidence:
        evidence = build(Evidence, profile=self.plan.profile, kind=kind, **fields)
        if verified_on is not None:
            evidence.status = Evidence.Status.VERIFIED
            evidence.verified_at = moment_on(verified_on, self.zone)
            evidence.verified_by_id = self.verifier_id
            evidence.verified_by_organisation_id = self.organisation_id
            self.plan.checks.append(
                build(
                    VerificationRecord,
                    evidence=evidence,
                    outcome=VerificationRecord.Outcome.VERIFIED,
                    saw_original=kind in ORIGINAL_SEEN,
                    status_checked_on=evidence.status_checked_on,
                    status_check_result=evidence.status_check_result,
                    by_id=self.verifier_id,
                    organisation_id=self.organisation_id,
                    at=evidence.verified_at,
                )
            )
        self.plan.evidence.append(evidence)
        return evidence

    def recent_day(self, earliest: date, *, latest_days_ago: int = 1) -> date:
        return days_between(
            self.rng, earliest, self.context.today - timedelta(days=latest_days_ago)
        )

    def certificate_number(self) -> str:
        return f"{self.rng.randrange(10**12):012d}"

    def dbs(self, *, current: bool) -> Evidence:
        rng, today = self.rng, self.context.today
        on_update_service = current and rng.random() < 0.45
        if on_update_service:
            issued = today - timedelta(days=rng.randint(60, 8 * 365))
            checked = today - timedelta(days=rng.randint(0, 350))
            checked = max(checked, issued)
        elif current:
            newest = today - timedelta(days=30)
            oldest = add_months(today, -self.max_age) + timedelta(days=1)
            issued, checked = days_between(rng, oldest, newest), None
        else:
            issued = add_months(today, -self.max_age) - timedelta(days=rng.randint(1, 400))
            checked = None
        expires_on = dbs_valid_until(
            issue_date=issued,
            max_age_months=self.max_age,
            on_update_service=on_update_service,
            status_checked_on=checked,
            status_check_clear=checked is not None,
        )
        latest_check = (checked or issued) + timedelta(days=rng.randint(3, 40))
        return self.add(
            Evidence.Kind.DBS,
            verified_on=min(latest_check, today - timedelta(days=1)),
            dbs_type=_DBS_TYPE(rng),
            dbs_certificate_number=self.certificate_number(),
            dbs_issue_date=issued,
            dbs_on_update_service=on_update_service,
            dbs_status_check_consent=on_update_service,
            status_checked_on=checked,
            status_check_result=(Evidence.StatusCheckResult.NO_NEW_INFORMATION if checked else ""),
            expires_on=expires_on,
        )

    def dbs_waiting(self) -> Evidence:
        return self.add(
            Evidence.Kind.DBS,
            dbs_type=Evidence.DbsType.ENHANCED_ADULTS_BARRED,
            dbs_certificate_number=self.certificate_number(),
            dbs_issue_date=self.context.today - timedelta(days=self.rng.randint(10, 200)),
            dbs_on_update_service=self.rng.random() < 0.5,
        )

    def qualification(self, *, verified: bool) -> Evidence:
        title, body = self.rng.choice(QUALIFICATIONS)
        achieved = self.context.today - timedelta(days=self.rng.randint(60, 3000))
        return self.add(
            Evidence.Kind.QUALIFICATION,
            verified_on=self.recent_day(achieved) if verified else None,
            title=title,
            awarding_body=body,
            achieved_on=achieved,
        )

    def reference(self, *, verified: bool, number: int) -> Evidence:
        rng, today = self.rng, self.context.today
        answered = self.recent_day(today - timedelta(days=600), latest_days_ago=3)
        evidence = self.add(
            Evidence.Kind.REFERENCE,
            verified_on=self.recent_day(answered) if verified else None,
        )
        self.plan.references.append(
            build(
                ReferenceRequest,
                evidence=evidence,
                referee_name=rng.choice(REFEREE_NAMES),
                referee_email=f"referee-{self.plan.profile.user_id}-{number}@example.org",
                relationship=rng.choice(
                    [ReferenceRequest.Relationship.EMPLOYER, ReferenceRequest.Relationship.WORK]
                ),
                token_hash=hash_token(secrets.token_hex(16)),
                expires_at=moment_on(answered + timedelta(days=14), self.zone),
                sent_at=moment_on(answered - timedelta(days=rng.randint(1, 10)), self.zone),
                answered_at=moment_on(answered, self.zone),
                known_for=rng.choice(["1 year", "2 years", "5 years", "over 10 years"]),
                capacity="They supported a family member of mine as a PA.",
                reliable="yes",
                would_recommend="yes",
            )
        )
        return evidence


def plan_evidence(
    rng: random.Random, context: SeedContext, plan: PlannedPA, *, area_id: str, joined: date
) -> None:
    make = EvidenceMaker(rng, context, plan, area_id)
    tier, today = plan.tier, context.today
    joined = min(joined, today - timedelta(days=2))
    if tier == NONE:
        _plan_entry_in_progress(rng, context, plan, make)
        return
    make.add(
        Evidence.Kind.IDENTITY,
        verified_on=make.recent_day(joined) if rng.random() < 0.55 else None,
    )
    plan.signed = context.code_version_id is not None
    if rng.random() < 0.3:
        make.add(
            Evidence.Kind.RIGHT_TO_WORK,
            verified_on=make.recent_day(joined) if rng.random() < 0.6 else None,
        )
    if tier == ENTRY:
        _plan_entry_extras(rng, plan, make, joined)
        return
    make.dbs(current=True)
    plan.induction_on = make.recent_day(joined)
    if plan.profile.offers_driving:
        make.add(Evidence.Kind.DRIVING_LICENCE, verified_on=make.recent_day(joined))
    if tier == LEVEL_2:
        if rng.random() < 0.3:
            make.qualification(verified=False)
        return
    make.qualification(verified=True)
    make.reference(verified=True, number=1)
    make.reference(verified=True, number=2)
    if tier == LEVEL_3:
        return
    if not context.specialist_skill_ids:
        return
    skill_id = rng.choice(context.specialist_skill_ids)
    if skill_id not in plan.skill_ids:
        plan.skill_ids.append(skill_id)
    make.add(
        Evidence.Kind.SPECIALIST,
        verified_on=make.recent_day(joined),
        skill_id=skill_id,
        title="Training certificate",
    )


def _plan_entry_in_progress(
    rng: random.Random, context: SeedContext, plan: PlannedPA, make: EvidenceMaker
) -> None:
    """Joined, and partway to Entry: at least one Entry requirement is still missing."""
    missing = set(rng.sample(["profile", "identity", "code"], rng.choice([1, 1, 2])))
    if "profile" in missing:
        gap = rng.choice(["about_me", "skills", "availability"])
        if gap == "about_me":
            plan.profile.about_me = ""
        elif gap == "skills":
            plan.skill_ids = []
        else:
            plan.profile.availability = 0
    if "identity" not in missing:
        make.add(Evidence.Kind.IDENTITY)
    plan.signed = "code" not in missing and context.code_version_id is not None


def _plan_entry_extras(
    rng: random.Random, plan: PlannedPA, make: EvidenceMaker, joined: date
) -> None:
    """Entry-level PAs on their way up: some DBS checks waiting, some lapsed."""
    roll = rng.random()
    if roll < 0.25:
        make.dbs_waiting()
    elif roll < 0.4:
        make.dbs(current=False)
    if rng.random() < 0.2:
        plan.induction_on = make.recent_day(joined)
    if rng.random() < 0.1:
        make.qualification(verified=False)
