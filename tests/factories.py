"""Test data builders shared by every test (factory_boy)."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from pahub.accounts.models import Membership, Organisation, Representation, Role, User, UserRole
from pahub.places.models import District, LocalAuthority

PASSWORD = "correct horse battery staple"
# A fixed TOTP secret for staff in tests, so browser tests can compute codes.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def district(outcode: str) -> District:
    return District.objects.select_related("local_authority").get(outcode=outcode)


def local_authority(name: str) -> LocalAuthority:
    return LocalAuthority.objects.get(name=name)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    postcode = "NE1 4ST"
    district = factory.LazyAttribute(lambda o: district(o.postcode.split(" ")[0]))
    local_authority = factory.LazyAttribute(lambda o: o.district.local_authority)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create: bool, extracted: list[str] | None, **kwargs) -> None:
        for role in extracted or []:
            UserRole.objects.create(user=self, role=role)

    @factory.post_generation
    def verified_email(self, create: bool, extracted: bool | None, **kwargs) -> None:
        if extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Support Organisation {n}")
    kind = Organisation.Kind.SUPPORT_AGENCY
    verifies_evidence = True
    email = "team@support.example.org"

    @factory.post_generation
    def areas(self, create: bool, extracted: list[str] | None, **kwargs) -> None:
        for name in extracted or ["Newcastle upon Tyne"]:
            self.local_authorities.add(local_authority(name))


def make_council(name: str, area: str) -> Organisation:
    """A council's own organisation on PA Hub (the local-authority kind) serving `area`."""
    return OrganisationFactory(name=name, kind=Organisation.Kind.LOCAL_AUTHORITY, areas=[area])


def make_staff(
    *,
    organisation: Organisation,
    role: str = Membership.StaffRole.VERIFIER,
    two_factor: bool = True,
    **fields,
) -> User:
    user = UserFactory(**fields)
    Membership.objects.create(user=user, organisation=organisation, role=role)
    if two_factor:
        TOTP.activate(user, TOTP_SECRET)
    return user


def grant_representation(*, employer: User, representative: User) -> Representation:
    from django.utils import timezone

    return Representation.objects.create(
        employer=employer,
        representative=representative,
        relationship="daughter",
        status=Representation.Status.ACTIVE,
        granted_at=timezone.now(),
        granted_by=employer,
    )


def make_employer_profile(employer: User, **fields):
    """An employer profile at the employer's own postcode unless told otherwise."""
    from pahub.employers.models import EmployerProfile

    postcode = fields.pop("postcode", employer.postcode)
    found = district(postcode.split(" ")[0])
    defaults = {
        "display_name": employer.full_name.split(" ")[0],
        "postcode": postcode,
        "district": found,
        "local_authority": found.local_authority,
        "what_matters": "Someone calm and cheerful who likes a chat.",
    }
    return EmployerProfile.objects.create(user=employer, **(defaults | fields))


def make_job(employer: User, **fields):
    """A published regular job in the employer's district: weekday mornings, 15 hours a week,
    washing and dressing, £13.50 an hour. Pass `status="draft"` and any field to change it."""
    from datetime import date
    from decimal import Decimal

    from django.utils import timezone

    from pahub.jobs.models import Job
    from pahub.register.availability import mask_from_keys
    from pahub.taxonomy.models import Skill

    tasks = fields.pop("tasks", ["personal_care.washing_bathing", "personal_care.dressing"])
    required_skills = fields.pop("required_skills", [])
    nice_skills = fields.pop("nice_skills", [])
    place = district(fields.pop("outcode", employer.postcode.split(" ")[0]))
    defaults = {
        "posted_by": employer,
        "title": "Morning PA for a busy mum",
        "description": "Help getting up, washed and dressed before the school run.",
        "hours_grid": mask_from_keys(
            [f"{day}_early" for day in ("monday", "tuesday", "wednesday", "thursday", "friday")]
        ),
        "hours_per_week": Decimal("15"),
        "start_date": date(2027, 1, 4),
        "hourly_pay": Decimal("13.50"),
        "district": place,
        "local_authority": place.local_authority,
        "status": Job.Status.PUBLISHED,
        "completed_steps": ["title", "description", "tasks", "hours", "start", "pay"],
    }
    values = defaults | fields
    if values["status"] != Job.Status.DRAFT and "published_at" not in values:
        values["published_at"] = timezone.now()
    job = Job.objects.create(employer=employer, **values)
    job.tasks.set(Skill.objects.filter(code__in=tasks))
    job.required_skills.set(Skill.objects.filter(code__in=required_skills))
    job.nice_skills.set(Skill.objects.filter(code__in=nice_skills))
    return job


__all__ = ["PASSWORD", "TOTP_SECRET", "Role"]


def give_employer_consent(*, employer: User, organisation: Organisation, **fields):
    """The employer's recorded agreement that the organisation's staff may act for them."""
    from pahub.accounts.models import OrganisationConsent

    return OrganisationConsent.objects.create(
        purpose=OrganisationConsent.Purpose.ACT_FOR_EMPLOYER,
        person=employer,
        organisation=organisation,
        **fields,
    )
