"""Synthetic people at scale for `manage.py seed`: deterministic, North East only, and fast.

Everything here builds unsaved model instances from a ``random.Random`` the caller seeds, so
the same seed always gives the same people, on any machine and on any day. Names come from
short lists kept here rather than from Faker: Faker is slow at this scale and its global state
would make runs depend on what else imported it.

Seeded people bypass the account services on purpose. ``user_set_roles`` writes an audit event
per role, and 100,000 audit events saying "role granted" would be noise that hides the real
ones; seeding is a developer tool, not an action a person took. Every seeded email is
``seed-<seed>-<kind>-<n>@seed.pahub.example.org``, so a seed's rows can be found (and deleted)
again without a separate table.
"""

import random
from bisect import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from itertools import accumulate
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db.models import (
    CASCADE,
    DB_CASCADE,
    DB_SET_DEFAULT,
    DB_SET_NULL,
    DO_NOTHING,
    SET_NULL,
    QuerySet,
)
from django.db.models.signals import post_delete, pre_delete
from django.utils import timezone

from pahub.accounts.models import Role, User, UserRole
from pahub.core.bulk_load import analyse_tables, build, bulk_load, db_value, load_rows
from pahub.places.models import District

SEED_EMAIL_DOMAIN = "seed.pahub.example.org"
BATCH_SIZE = 5000

# Royal Mail never uses C, I, K, M, O or V in the inward code (see places.postcodes).
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# Ofcom keeps 07700 900000 to 900999 for fiction: they ring nobody.
FICTION_MOBILE_PREFIX = "07700 900"
# Join dates are spread over two years from a fixed day, not from today, so that the same
# seed gives the same data whenever it is run.
JOINED_FROM = datetime(2024, 1, 1, tzinfo=UTC)
JOINED_SPAN_SECONDS = 2 * 365 * 24 * 60 * 60

# Common names across the generations and communities of the North East.
FIRST_NAMES: tuple[str, ...] = (
    "Aaron", "Abdul", "Adam", "Adrian", "Agnieszka", "Aisha", "Alan", "Alison", "Amelia",
    "Amira", "Amy", "Andrew", "Angela", "Anna", "Anne", "Anthony", "Ava", "Barbara", "Ben",
    "Bethany", "Brian", "Carl", "Caroline", "Catherine", "Charlotte", "Chloe", "Chris",
    "Christine", "Ciaran", "Claire", "Colin", "Craig", "Daniel", "David", "Dawn", "Deborah",
    "Dean", "Denise", "Dominika", "Donna", "Dorothy", "Eleanor", "Elizabeth", "Ellie", "Emily",
    "Emma", "Fatima", "Gareth", "Gary", "Gemma", "George", "Grace", "Graham", "Hannah",
    "Harry", "Hassan", "Hayley", "Helen", "Ian", "Imran", "Isabella", "Jack", "Jacqueline",
    "Jake", "James", "Jamie", "Jane", "Janet", "Jason", "Jennifer", "Jessica", "Joanne", "John",
    "Jordan", "Joseph", "Julie", "Karen", "Kate", "Kayleigh", "Keith", "Kelly", "Kevin", "Kirsty",
    "Kwame", "Laura", "Lauren", "Lee", "Leanne", "Lewis", "Liam", "Lily", "Linda", "Lisa",
    "Louise", "Lucy", "Mark", "Martin", "Mary", "Matthew", "Megan", "Michael", "Michelle",
    "Mohammed", "Nadia", "Natalie", "Neil", "Nicola", "Oliver", "Olivia", "Patricia", "Paul",
    "Peter", "Piotr", "Priya", "Rachel", "Rebecca", "Richard", "Robert", "Ruth", "Ryan", "Sadia",
    "Samantha", "Sarah", "Scott", "Sean", "Sharon", "Shauna", "Simon", "Sophie", "Stephen",
    "Steven", "Stuart", "Susan", "Tariq", "Thomas", "Tomasz", "Tracey", "Victoria", "Wei",
    "Wendy", "William", "Yasmin", "Zainab", "Zoe",
)  # fmt: skip
SURNAMES: tuple[str, ...] = (
    "Ahmed", "Ali", "Allan", "Anderson", "Armstrong", "Atkinson", "Bainbridge", "Begum", "Bell",
    "Bennett", "Blackburn", "Brown", "Burn", "Carr", "Chapman", "Charlton", "Chen", "Clark",
    "Collingwood", "Cook", "Coulson", "Cowan", "Cummings", "Davison", "Dixon", "Dobson", "Dodd",
    "Dodds", "Elliott", "Errington", "Fenwick", "Forster", "Gibson", "Gray", "Green", "Hall",
    "Harrison", "Hedley", "Henderson", "Hepple", "Heron", "Hetherington", "Hodgson", "Hope",
    "Hossain", "Hudson", "Hughes", "Hussain", "Jackson", "Johnson", "Jones", "Kaur", "Kerr",
    "Khan", "Kowalski", "Laidler", "Lamb", "Liddle", "Lowes", "Mahmood", "Marshall", "McDonald",
    "McGuinness", "Milburn", "Miller", "Mitchell", "Moore", "Morton", "Murray", "Nelson",
    "Nixon", "Nowak", "Oliver", "Parker", "Patel", "Pattinson", "Potts", "Rahman", "Reed",
    "Richardson", "Ridley", "Robinson", "Robson", "Rutherford", "Scott", "Shaw", "Shepherd",
    "Singh", "Smith", "Snowball", "Stephenson", "Stoddart", "Storey", "Taylor", "Thompson",
    "Thornton", "Turnbull", "Walker", "Wallace", "Walton", "Wanless", "Watson", "Weatherburn",
    "White", "Wilkinson", "Williams", "Wilson", "Wong", "Wood", "Wright", "Young",
)  # fmt: skip
KNOWN_AS: dict[str, str] = {
    "Andrew": "Andy",
    "Anthony": "Tony",
    "Catherine": "Cath",
    "Christine": "Chris",
    "Daniel": "Dan",
    "Deborah": "Debbie",
    "Elizabeth": "Liz",
    "Jacqueline": "Jackie",
    "Jennifer": "Jen",
    "Joseph": "Joe",
    "Matthew": "Matt",
    "Michael": "Mike",
    "Patricia": "Pat",
    "Rebecca": "Becky",
    "Richard": "Rich",
    "Robert": "Bob",
    "Samantha": "Sam",
    "Stephen": "Steve",
    "Steven": "Steve",
    "Thomas": "Tom",
    "Victoria": "Vicky",
    "William": "Bill",
}


class SeedKind(StrEnum):
    """Who is seeded; the value is the word in their email address."""

    PA = "pa"
    EMPLOYER = "employer"

    @property
    def role(self) -> Role:
        return Role.PA if self is SeedKind.PA else Role.EMPLOYER


class WeightedPick:
    """``rng.choices(values, weights=weights)[0]`` with the weights added up once, not at every
    draw: the same value from the same stream (`random.choices` adds the weights up, then
    bisects one ``rng.random()`` into them, as here)."""

    def __init__(self, values: Iterable[Any], weights: Iterable[float]):
        self.values = tuple(values)
        self.cumulative = list(accumulate(weights))
        self.total = self.cumulative[-1] + 0.0
        self.last = len(self.cumulative) - 1
        if len(self.values) != len(self.cumulative):
            raise ValueError("One weight for each value.")

    def __call__(self, rng: random.Random) -> Any:
        return self.values[bisect(self.cumulative, rng.random() * self.total, 0, self.last)]


@dataclass(frozen=True)
class SeedDistricts:
    """The spoke districts people are placed in, with cumulative weights for fast picking.

    A district is weighted by its number of postcodes, a fair stand-in for how many people
    live there: NE61 (Morpeth) gets more people than NE1 (the city centre).
    """

    outcodes: tuple[str, ...]
    local_authority_ids: tuple[str, ...]
    cumulative_weights: tuple[int, ...]

    def pick(self, rng: random.Random) -> int:
        """The index of a district, drawn in proportion to its weight."""
        return bisect(self.cumulative_weights, rng.random() * self.cumulative_weights[-1])


@dataclass(frozen=True)
class SeedCounts:
    users: int = 0
    roles: int = 0
    email_addresses: int = 0

    @property
    def rows(self) -> int:
        return self.users + self.roles + self.email_addresses

    def __add__(self, other: "SeedCounts") -> "SeedCounts":
        return SeedCounts(
            users=self.users + other.users,
            roles=self.roles + other.roles,
            email_addresses=self.email_addresses + other.email_addresses,
        )


def spoke_districts() -> SeedDistricts:
    """Every district whose majority local authority is a spoke and which has postcodes.

    Ordered by outcode so that the same seed picks the same districts on every database.
    """
    rows = (
        District.objects.filter(local_authority__is_spoke=True, postcode_count__gt=0)
        .order_by("outcode")
        .values_list("outcode", "local_authority_id", "postcode_count")
    )
    outcodes: list[str] = []
    local_authority_ids: list[str] = []
    cumulative_weights: list[int] = []
    total = 0
    for outcode, local_authority_id, postcode_count in rows:
        total += postcode_count
        outcodes.append(outcode)
        local_authority_ids.append(local_authority_id)
        cumulative_weights.append(total)
    return SeedDistricts(tuple(outcodes), tuple(local_authority_ids), tuple(cumulative_weights))


def seed_rng(*, seed: int, kind: SeedKind) -> random.Random:
    """One stream per kind, so the PAs of a seed do not change when employers are added."""
    return random.Random(f"pahub-seed-{seed}-{kind.value}")


def seed_email(*, seed: int, kind: SeedKind, number: int) -> str:
    return f"seed-{seed}-{kind.value}-{number}@{SEED_EMAIL_DOMAIN}"


def seed_users(seed: int) -> QuerySet[User]:
    """Everyone a seed created. ``seed-7-`` cannot match ``seed-70-``: the dash ends it."""
    return User.objects.filter(
        email__startswith=f"seed-{seed}-", email__endswith=f"@{SEED_EMAIL_DOMAIN}"
    )


def in_batches(rows: QuerySet, *fields: str, batch_size: int = BATCH_SIZE) -> Iterator[list[tuple]]:
    """``rows.values_list("pk", *fields)`` in order of pk, a batch at a time: each batch is
    read after the one before is inserted, so memory stays flat however many people there are
    (keyset pagination, not OFFSET, so each page costs the same)."""
    last = None
    while True:
        page = rows.filter(pk__gt=last) if last is not None else rows
        batch = list(page.order_by("pk").values_list("pk", *fields)[:batch_size])
        if not batch:
            return
        yield batch
        last = batch[-1][0]


# The tables the people step loads and every later step reads its people from.
PEOPLE_TABLES = ("accounts_user", "accounts_userrole")
# What the people step loads (see bulk_loading_into): checking each row's foreign keys at
# commit took 6.6 s of the step's 25 at 220,000 people on PostgreSQL.
PEOPLE_MODELS = (User, UserRole, EmailAddress)


def analyse_people_for_planner() -> None:
    """On PostgreSQL, give the planner statistics for the people just loaded, before the
    steps after it read them a batch at a time. Without them it joined every user after the
    batch's first to every role and sorted the lot: 0.3 to 0.5 s a batch of the register's
    200,000 PAs, against 10 to 65 ms with them. VACUUM too (outside a transaction) marks the
    rows all-visible for index-only scans. SQLite's plans did not need statistics here."""
    analyse_tables(PEOPLE_TABLES)


def seed_password_hash(password: str | None) -> str:
    """Hash once for everyone: Argon2 takes a tenth of a second, 100,000 times would be hours.

    Without a password every seeded account gets the same unusable hash: nobody can sign in.
    """
    return make_password(password)


def seed_postcode(rng: random.Random, outcode: str) -> str:
    """A full postcode in the district, with a well-formed inward code like ``4HT``."""
    inward = f"{rng.randrange(10)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    return f"{outcode} {inward}"


def seed_person(
    rng: random.Random,
    districts: SeedDistricts,
    *,
    seed: int,
    kind: SeedKind,
    number: int,
    password_hash: str,
) -> User:
    """One unsaved person, drawn from ``rng`` in a fixed order so a seed always repeats."""
    first_name = rng.choice(FIRST_NAMES)
    surname = rng.choice(SURNAMES)
    known_as = KNOWN_AS.get(first_name, "") if rng.random() < 0.5 else ""
    phone = f"{FICTION_MOBILE_PREFIX}{rng.randrange(1000):03d}" if rng.random() < 0.8 else ""
    district_index = districts.pick(rng)
    outcode = districts.outcodes[district_index]
    postcode = seed_postcode(rng, outcode)
    joined = JOINED_FROM + timedelta(seconds=rng.randrange(JOINED_SPAN_SECONDS))
    return build(
        User,
        email=seed_email(seed=seed, kind=kind, number=number),
        full_name=f"{first_name} {surname}",
        known_as=known_as,
        phone=phone,
        postcode=postcode,
        district_id=outcode,
        local_authority_id=districts.local_authority_ids[district_index],
        password=password_hash,
        date_joined=joined,
    )


def seed_people(
    *,
    seed: int,
    kind: SeedKind,
    count: int,
    districts: SeedDistricts,
    password_hash: str,
    batch_size: int = BATCH_SIZE,
    on_batch: Callable[[int], None] | None = None,
) -> SeedCounts:
    """Insert ``count`` people of one kind, each with their role and a verified email.

    Works a batch at a time so memory stays flat however many are asked for; ``on_batch`` is
    told how many are done after each batch. Relies on ``bulk_create`` setting primary keys,
    which PostgreSQL and SQLite (3.35 and newer) both do.
    """
    rng = seed_rng(seed=seed, kind=kind)
    counts = SeedCounts()
    for start in range(0, count, batch_size):
        people = [
            seed_person(
                rng,
                districts,
                seed=seed,
                kind=kind,
                number=number,
                password_hash=password_hash,
            )
            for number in range(start + 1, min(start + batch_size, count) + 1)
        ]
        counts += _insert_batch(people, role=kind.role, batch_size=batch_size)
        if on_batch is not None:
            on_batch(counts.users)
    return counts


def _insert_batch(people: Sequence[User], *, role: Role, batch_size: int) -> SeedCounts:
    bulk_load(people)
    granted = db_value(UserRole, "created_at", timezone.now())
    roles = load_rows(
        UserRole,
        ("user_id", "role", "created_at"),
        ((person.pk, role, granted) for person in people),
    )
    email_addresses = load_rows(
        EmailAddress,
        ("user_id", "email", "verified", "primary"),
        ((person.pk, person.email, True, True) for person in people),
    )
    return SeedCounts(users=len(people), roles=roles, email_addresses=email_addresses)


class SeedDeleteError(Exception):
    """Seeded people are referenced by rows that protect them; the message says which."""


def seed_delete(seed: int) -> int:
    """Delete everyone a seed created, and everything that is only theirs; returns how many.

    ``people.delete()`` would be correct but slow: Django's cascade looks up every related
    table with an ``IN`` list of every person's id, which takes minutes for 100,000 people.
    Instead each table that points at a person is cleared with one statement using a subquery,
    following its ``on_delete``, and the people go last in one ``DELETE``.
    """
    people = seed_users(seed)
    count = people.count()
    if count:
        _delete_with_subqueries(people)
    return count


def _delete_with_subqueries(rows: QuerySet) -> None:
    model = rows.model
    if pre_delete.has_listeners(model) or post_delete.has_listeners(model):
        # Someone needs to hear about each deleted row (files to remove, say): let Django do it.
        rows.delete()
        return
    ids = rows.values("pk")
    for relation in model._meta.get_fields(include_hidden=True):
        if not (
            relation.auto_created
            and not relation.concrete
            and (relation.one_to_many or relation.one_to_one)
        ):
            continue
        if relation.on_delete in (DO_NOTHING, DB_CASCADE, DB_SET_NULL, DB_SET_DEFAULT):
            continue
        name = relation.field.name
        related = relation.related_model._base_manager.filter(**{f"{name}__in": ids})
        if relation.on_delete is CASCADE:
            if related.exists():
                _delete_with_subqueries(related)
        elif relation.on_delete is SET_NULL:
            related.update(**{name: None})
        elif related.exists():
            raise SeedDeleteError(
                f"Some {relation.related_model._meta.verbose_name_plural} still refer to "
                f"{model._meta.verbose_name_plural} being deleted (on_delete="
                f"{relation.on_delete.__name__}); delete them first."
            )
    # What the cascade does for tables nobody points at: one DELETE, no signals (checked above).
    rows._raw_delete(rows.db)
