"""The demo cast for `make run`: four North East organisations and the people who use PA Hub.

Everyone shares one password and has a verified email at ``demo.pahub.example.org``. Staff and
the site admin are created *without* two-factor: the first staff page they open asks them to
set it up, exactly as it would for a real new member of staff.
"""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from pahub.accounts.models import Membership, Organisation, Representation, Role, User
from pahub.accounts.services import (
    place_user,
    representation_grant,
    representation_request,
    user_set_roles,
)
from pahub.directory.demo import demo_extension as demo_directory
from pahub.jobs.demo import demo_extension as demo_jobs
from pahub.learning.demo import demo_extension as demo_learning
from pahub.places.models import LocalAuthority
from pahub.register.equality.demo import demo_extension as demo_equality
from pahub.rules.demo import demo_extension as demo_rules
from pahub.spokes.demo import demo_extension as demo_spokes
from pahub.support.help.demo import demo_extension as demo_support_help

# Apps further up add their own demo rows for the people made here (profiles, jobs, ...).
DEMO_EXTENSIONS = (
    demo_jobs,
    demo_equality,  # after demo_jobs, which makes the PAs' profiles
    demo_learning,
    demo_directory,
    demo_support_help,
    demo_rules,
    demo_spokes,
)
DEMO_EMAIL_DOMAIN = "demo.pahub.example.org"
DEMO_PASSWORD = "pahub-demo-2026"  # noqa: S105 -- printed for everyone by `demo_logins`

# The council itself (its direct payments team is part of it), so a local rule reads
# "Required by Newcastle City Council for jobs paid by a direct payment".
COUNCIL = "Newcastle City Council"
SUPPORT_AGENCY = "Tyne and Wear Independent Living Support"
USER_LED = "Durham Disabled People's Network"
TRAINING = "North East PA Training Partnership"


@dataclass(frozen=True)
class DemoOrganisation:
    name: str
    kind: Organisation.Kind
    # Local authority names; empty means every spoke.
    areas: tuple[str, ...]
    verifies_evidence: bool
    email: str
    # Ofcom's drama numbers (0191 498 0xxx, 01632 960xxx) ring nobody.
    phone: str
    website: str
    # A council's adult safeguarding line, set on its areas (a drama number too).
    safeguarding_phone: str = ""
    safeguarding_hours: str = ""


@dataclass(frozen=True)
class DemoPerson:
    mailbox: str  # the part of the email before the @
    full_name: str
    postcode: str
    description: str  # what `demo_logins` calls them
    roles: tuple[Role, ...] = ()
    organisation: str = ""
    staff_role: Membership.StaffRole | None = None
    site_admin: bool = False
    known_as: str = ""
    phone: str = ""
    # Reads the safeguarding concerns raised in their council's areas.
    handles_safeguarding: bool = False
    # Reads the insights dashboards for their council's areas (a commissioner).
    views_insights: bool = False

    @property
    def email(self) -> str:
        return f"{self.mailbox}@{DEMO_EMAIL_DOMAIN}"


@dataclass(frozen=True)
class DemoRepresentation:
    representative: str  # mailbox
    employer: str  # mailbox
    relationship: str
    granted: bool


@dataclass
class DemoSummary:
    organisations_created: int = 0
    people_created: int = 0
    representations_created: int = 0
    people: list[User] = field(default_factory=list)


DEMO_ORGANISATIONS: tuple[DemoOrganisation, ...] = (
    DemoOrganisation(
        name=COUNCIL,
        kind=Organisation.Kind.LOCAL_AUTHORITY,
        areas=("Newcastle upon Tyne",),
        verifies_evidence=True,
        email="direct.payments@newcastle-council.example.org",
        phone="0191 498 0123",
        website="https://newcastle-council.example.org/direct-payments",
        safeguarding_phone="0191 498 0789",
        safeguarding_hours="Monday to Friday, 8am to 5pm",
    ),
    DemoOrganisation(
        name=SUPPORT_AGENCY,
        kind=Organisation.Kind.SUPPORT_AGENCY,
        areas=(
            "Newcastle upon Tyne",
            "North Tyneside",
            "South Tyneside",
            "Gateshead",
            "Sunderland",
        ),
        verifies_evidence=True,
        email="hello@twils.example.org",
        phone="0191 498 0456",
        website="https://twils.example.org",
    ),
    DemoOrganisation(
        name=USER_LED,
        kind=Organisation.Kind.USER_LED,
        # Darlington too, so George, a demo employer there, has someone to ask for help.
        areas=("County Durham", "Darlington"),
        verifies_evidence=False,
        email="info@durham-dpn.example.org",
        phone="01632 960214",
        website="https://durham-dpn.example.org",
    ),
    DemoOrganisation(
        name=TRAINING,
        kind=Organisation.Kind.TRAINING_PROVIDER,
        areas=(),
        verifies_evidence=False,
        email="courses@ne-pa-training.example.org",
        phone="01632 960587",
        website="https://ne-pa-training.example.org",
    ),
)

DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        mailbox="admin",
        full_name="Ruth Hedley",
        postcode="NE1 4ST",
        description="Site admin (Django admin too)",
        site_admin=True,
    ),
    DemoPerson(
        mailbox="council.admin",
        full_name="Helen Robson",
        postcode="NE4 5PL",
        description=(
            "Organisation admin, Newcastle City Council (reads safeguarding concerns, edits "
            "the Newcastle upon Tyne page at /areas/newcastle-upon-tyne/manage/)"
        ),
        organisation=COUNCIL,
        staff_role=Membership.StaffRole.ADMIN,
        handles_safeguarding=True,
    ),
    DemoPerson(
        mailbox="commissioner",
        full_name="Aisha Begum",
        postcode="NE2 1XE",
        description="Commissioner, Newcastle City Council (reads insights at /insights/)",
        organisation=COUNCIL,
        staff_role=Membership.StaffRole.MEMBER,
        views_insights=True,
    ),
    DemoPerson(
        mailbox="verifier",
        full_name="Gary Milburn",
        postcode="NE6 5LA",
        description="Verifier, Newcastle City Council",
        organisation=COUNCIL,
        staff_role=Membership.StaffRole.VERIFIER,
    ),
    DemoPerson(
        mailbox="verifier.twils",
        full_name="Priya Sharma",
        postcode="SR2 7PT",
        description="Verifier, Tyne and Wear Independent Living Support",
        organisation=SUPPORT_AGENCY,
        staff_role=Membership.StaffRole.VERIFIER,
    ),
    DemoPerson(
        mailbox="ulo.member",
        full_name="Joanne Charlton",
        postcode="DH1 4RG",
        description="Member, Durham Disabled People's Network",
        organisation=USER_LED,
        staff_role=Membership.StaffRole.MEMBER,
        known_as="Jo",
    ),
    DemoPerson(
        mailbox="pa.jordan",
        full_name="Jordan Reed",
        postcode="NE6 2AB",
        description="PA, Walker (Newcastle)",
        roles=(Role.PA,),
        phone="07700 900101",
    ),
    DemoPerson(
        mailbox="pa.chloe",
        full_name="Chloe Armstrong",
        postcode="SR1 1RE",
        description="PA, Sunderland city centre",
        roles=(Role.PA,),
        phone="07700 900102",
    ),
    DemoPerson(
        mailbox="pa.tomasz",
        full_name="Tomasz Nowak",
        postcode="NE8 1HE",
        description="PA, Gateshead",
        roles=(Role.PA,),
        known_as="Tom",
        phone="07700 900103",
    ),
    DemoPerson(
        mailbox="pa.david",
        full_name="David Hepple",
        postcode="DH1 3HP",
        description="PA, Durham",
        roles=(Role.PA,),
        known_as="Dave",
        phone="07700 900104",
    ),
    DemoPerson(
        mailbox="pa.aisha",
        full_name="Aisha Rahman",
        postcode="TS1 2AA",
        description="PA, Middlesbrough",
        roles=(Role.PA,),
        phone="07700 900105",
    ),
    DemoPerson(
        mailbox="employer.amira",
        full_name="Amira Khan",
        postcode="NE1 4ST",
        description="Employer, Newcastle (has a representative)",
        roles=(Role.EMPLOYER,),
        phone="07700 900201",
    ),
    DemoPerson(
        mailbox="employer.george",
        full_name="George Hetherington",
        postcode="DL1 1AA",
        description="Employer, Darlington (a request waits for him)",
        roles=(Role.EMPLOYER,),
        phone="07700 900202",
    ),
    DemoPerson(
        mailbox="employer.margaret",
        full_name="Margaret Bell",
        postcode="NE30 2HQ",
        description="Employer, Tynemouth",
        roles=(Role.EMPLOYER,),
        known_as="Peggy",
    ),
    DemoPerson(
        mailbox="representative.sara",
        full_name="Sara Khan",
        postcode="NE2 1AA",
        description="Representative, acts for Amira Khan",
        roles=(Role.REPRESENTATIVE,),
        phone="07700 900301",
    ),
)

DEMO_REPRESENTATIONS: tuple[DemoRepresentation, ...] = (
    DemoRepresentation(
        representative="representative.sara",
        employer="employer.amira",
        relationship="daughter",
        granted=True,
    ),
    DemoRepresentation(
        representative="representative.sara",
        employer="employer.george",
        relationship="neighbour and friend",
        granted=False,
    ),
)


def demo_emails() -> list[str]:
    return [person.email for person in DEMO_PEOPLE]


def demo_people_present() -> list[tuple[DemoPerson, User]]:
    """The demo cast as it is in the database, in cast order; missing people are left out."""
    users = {user.email: user for user in User.objects.filter(email__in=demo_emails())}
    return [(person, users[person.email]) for person in DEMO_PEOPLE if person.email in users]


@transaction.atomic
def demo_data_create() -> DemoSummary:
    """Create whatever part of the demo cast is missing; what exists is left as it is."""
    summary = DemoSummary()
    organisations = {spec.name: _demo_organisation(spec, summary) for spec in DEMO_ORGANISATIONS}
    # Argon2 takes a noticeable moment per hash, and every demo person has the same password.
    password_hash = make_password(DEMO_PASSWORD)
    people = {
        person.mailbox: _demo_person(person, organisations, password_hash, summary)
        for person in DEMO_PEOPLE
    }
    for spec in DEMO_REPRESENTATIONS:
        _demo_representation(spec, people, summary)
    for extension in DEMO_EXTENSIONS:
        extension(people=people)
    summary.people = list(people.values())
    return summary


def _demo_organisation(spec: DemoOrganisation, summary: DemoSummary) -> Organisation:
    organisation, created = Organisation.objects.get_or_create(
        name=spec.name,
        defaults={
            "kind": spec.kind,
            "verifies_evidence": spec.verifies_evidence,
            "email": spec.email,
            "phone": spec.phone,
            "website": spec.website,
        },
    )
    if created:
        summary.organisations_created += 1
        areas = LocalAuthority.objects.filter(is_spoke=True)
        if spec.areas:
            areas = areas.filter(name__in=spec.areas)
        organisation.local_authorities.set(areas)
        if spec.safeguarding_phone:
            areas.filter(safeguarding_phone="").update(
                safeguarding_phone=spec.safeguarding_phone,
                safeguarding_hours=spec.safeguarding_hours,
            )
    return organisation


def _demo_person(
    person: DemoPerson,
    organisations: dict[str, Organisation],
    password_hash: str,
    summary: DemoSummary,
) -> User:
    user = User.objects.filter(email=person.email).first()
    if user is None:
        user = User(
            email=person.email,
            full_name=person.full_name,
            known_as=person.known_as,
            phone=person.phone,
            is_staff=person.site_admin,
            is_superuser=person.site_admin,
            password=password_hash,
        )
        place_user(user, person.postcode)
        user.save()
        summary.people_created += 1
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if person.roles:
        user_set_roles(user=user, roles=person.roles, by=None)
    if person.organisation and person.staff_role:
        Membership.objects.get_or_create(
            user=user,
            organisation=organisations[person.organisation],
            defaults={
                "role": person.staff_role,
                "handles_safeguarding": person.handles_safeguarding,
                "views_insights": person.views_insights,
            },
        )
    return user


def _demo_representation(
    spec: DemoRepresentation, people: dict[str, User], summary: DemoSummary
) -> None:
    representative, employer = people[spec.representative], people[spec.employer]
    already = Representation.objects.filter(
        employer=employer,
        representative=representative,
        status__in=[Representation.Status.REQUESTED, Representation.Status.ACTIVE],
    ).exists()
    if already:
        return
    representation = representation_request(
        representative=representative,
        employer_email=employer.email,
        relationship=spec.relationship,
    )
    if spec.granted:
        representation_grant(representation=representation, by=employer)
    summary.representations_created += 1
