"""Importing a council's PA register (kind "pas"): each row becomes a PA's account and a
hidden profile waiting to be claimed, or is matched to someone already on PA Hub.

A chunk costs a fixed handful of queries whatever its size: one for the rows' districts, one
for people already on PA Hub (by email, or by full name with postcode), one for their
profiles, then one bulk insert per table. Matching is by email, or by full name and
postcode, so running a chunk again finds what the first run made: an import is idempotent.
"""

from decimal import Decimal, InvalidOperation

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from pahub.accounts.models import Role, User, UserRole
from pahub.core import audit
from pahub.core.imports.kinds import Chunk, ImportField, ImportKind, RowDecision, register_kind
from pahub.core.imports.models import ImportRowResult
from pahub.places.models import District
from pahub.places.postcodes import InvalidPostcode, normalise_postcode
from pahub.register.models import PAProfile, ProfileClaim

Outcome = ImportRowResult.Outcome

FIELDS = (
    ImportField("full_name", "Full name", required=True, aliases=("name", "pa name")),
    ImportField(
        "email", "Email address", required=True, aliases=("email", "e-mail", "email address")
    ),
    ImportField("postcode", "Postcode", required=True, aliases=("post code", "home postcode")),
    ImportField("phone", "Phone number", aliases=("phone", "telephone", "mobile")),
    ImportField("known_as", "Known as", aliases=("preferred name",)),
    ImportField(
        "hourly_rate", "Hourly rate", aliases=("rate", "pay"), hint="In pounds, like 12.50"
    ),
)
# The user fields an import may change on a profile it made and its PA has not yet claimed.
UPDATABLE_USER_FIELDS = (
    "full_name",
    "phone",
    "known_as",
    "postcode",
    "district",
    "local_authority",
)


def _name_key(full_name: str, postcode: str) -> str:
    return f"{' '.join(full_name.split()).casefold()}|{postcode.replace(' ', '').upper()}"


def row_keys(values: dict[str, str]) -> list[str]:
    email = values.get("email", "").strip().lower()
    name, postcode = values.get("full_name", "").strip(), values.get("postcode", "").strip()
    return [
        f"email:{email}" if email else "",
        f"name:{_name_key(name, postcode)}" if name and postcode else "",
    ]


class Refused(ValueError):
    pass


def _clean(values: dict[str, str]) -> dict:
    """The row's values as PA Hub stores them; raises Refused with the reason for staff."""
    full_name = " ".join(values.get("full_name", "").split())
    if not full_name:
        raise Refused("Full name is missing")
    email = values.get("email", "").strip().lower()
    if not email:
        raise Refused("Email address is missing")
    try:
        validate_email(email)
    except ValidationError:
        raise Refused(f"'{email}' is not a valid email address") from None
    raw_postcode = values.get("postcode", "").strip()
    if not raw_postcode:
        raise Refused("Postcode is missing")
    try:
        postcode = normalise_postcode(raw_postcode)
    except InvalidPostcode:
        raise Refused(f"'{raw_postcode}' is not a full UK postcode") from None
    rate_text = values.get("hourly_rate", "").strip().lstrip("£")
    hourly_rate = None
    if rate_text:
        try:
            hourly_rate = Decimal(rate_text).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise Refused(f"Hourly rate '{rate_text}' is not an amount in pounds") from None
        if not Decimal(0) <= hourly_rate < Decimal(1000):
            raise Refused(f"Hourly rate '{rate_text}' is not between £0 and £999.99")
    return {
        "full_name": full_name[:150],
        "email": email,
        "postcode": postcode,
        "outcode": postcode.split(" ")[0],
        "phone": values.get("phone", "").strip()[:30],
        "known_as": values.get("known_as", "").strip()[:80],
        "hourly_rate": hourly_rate,
    }


def _existing(rows: list[tuple[int, dict]]) -> tuple[dict[str, User], dict[str, User]]:
    """People already on PA Hub matching any row, by email and by name with postcode."""
    emails = {row["email"] for _number, row in rows}
    names = {row["full_name"] for _number, row in rows}
    postcodes = {row["postcode"] for _number, row in rows}
    users = User.objects.filter(
        Q(email__in=emails) | Q(full_name__in=names, postcode__in=postcodes)
    ).only("id", "email", "full_name", "known_as", "phone", "postcode", "district_id")
    by_email, by_name = {}, {}
    for user in users:
        by_email[user.email.lower()] = user
        by_name[_name_key(user.full_name, user.postcode)] = user
    return by_email, by_name


def _changes(user: User, profile: PAProfile, row: dict) -> list[str]:
    changed = [
        name
        for name in ("full_name", "phone", "known_as", "postcode")
        if getattr(user, name) != row[name]
    ]
    if row["hourly_rate"] is not None and profile.hourly_rate != row["hourly_rate"]:
        changed.append("hourly_rate")
    return changed


def handle_chunk(chunk: Chunk) -> list[RowDecision]:
    run = chunk.run
    decisions: list[RowDecision] = []
    cleaned: list[tuple[int, dict]] = []
    for number, values in chunk.rows:
        try:
            cleaned.append((number, _clean(values)))
        except Refused as refusal:
            decisions.append(RowDecision(number, Outcome.REFUSED, str(refusal)))
    districts = {
        district.outcode: district
        for district in District.objects.filter(outcode__in={row["outcode"] for _n, row in cleaned})
    }
    areas = set(run.organisation.local_authorities.values_list("gss_code", flat=True))
    placed: list[tuple[int, dict]] = []
    for number, row in cleaned:
        district = districts.get(row["outcode"])
        if district is None:
            reason = f"The postcode district {row['outcode']} is not one PA Hub knows"
            decisions.append(RowDecision(number, Outcome.REFUSED, reason))
        elif district.local_authority_id not in areas:
            reason = (
                f"The postcode {row['postcode']} is outside the areas "
                f"{run.organisation.name} works in"
            )
            decisions.append(RowDecision(number, Outcome.REFUSED, reason))
        else:
            row["district"] = district
            placed.append((number, row))
    by_email, by_name = _existing(placed)
    matched_ids = {user.pk for user in (*by_email.values(), *by_name.values())}
    profiles = {
        profile.user_id: profile
        for profile in PAProfile.objects.filter(user_id__in=matched_ids)
        .select_related("claim")
        .only("id", "user_id", "hourly_rate", "claim__organisation_id", "claim__claimed_at")
    }
    to_create: list[tuple[int, dict]] = []
    to_update: list[tuple[int, User, PAProfile, dict]] = []
    for number, row in placed:
        user = by_email.get(row["email"])
        how = "email address"
        if user is None:
            user = by_name.get(_name_key(row["full_name"], row["postcode"]))
            how = "full name and postcode"
        if user is None:
            to_create.append((number, row))
            continue
        profile = profiles.get(user.pk)
        claim = getattr(profile, "claim", None) if profile else None
        ours_unclaimed = (
            claim is not None
            and claim.organisation_id == run.organisation_id
            and claim.claimed_at is None
        )
        if ours_unclaimed and _changes(user, profile, row):
            to_update.append((number, user, profile, row))
        elif ours_unclaimed:
            decisions.append(
                RowDecision(number, Outcome.DUPLICATE, "Already imported, no change", profile.pk)
            )
        else:
            decisions.append(
                RowDecision(
                    number,
                    Outcome.DUPLICATE,
                    f"Already on PA Hub (same {how}); their own account is left as it is",
                    profile.pk if profile else None,
                )
            )
    decisions += _create(run, to_create, write=not chunk.dry_run)
    decisions += _update(to_update, write=not chunk.dry_run)
    if not chunk.dry_run and (to_create or to_update):
        audit.record(
            run.started_by,
            "import.rows_written",
            run,
            created=len(to_create),
            updated=len(to_update),
        )
    return decisions


def _create(run, rows: list[tuple[int, dict]], *, write: bool) -> list[RowDecision]:
    if not write:
        return [RowDecision(number, Outcome.CREATED, "New PA, to be invited") for number, _ in rows]
    from allauth.account.models import EmailAddress

    # One unusable password for the chunk: only its "!" prefix matters (it can never match),
    # and making a random one per row cost a tenth of the import's time.
    no_password = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=row["email"],
            full_name=row["full_name"],
            known_as=row["known_as"],
            phone=row["phone"],
            postcode=row["postcode"],
            district=row["district"],
            local_authority_id=row["district"].local_authority_id,
            # No usable password: the PA chooses one when claiming the profile.
            password=no_password,
        )
        for _number, row in rows
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=False, primary=True) for user in users
    )
    UserRole.objects.bulk_create(UserRole(user=user, role=Role.PA) for user in users)
    profiles = PAProfile.objects.bulk_create(
        PAProfile(
            user=user,
            display_name=(row["known_as"] or row["full_name"]).split(" ")[0],
            district_id=row["district"].pk,
            hourly_rate=row["hourly_rate"],
            visibility=PAProfile.Visibility.HIDDEN,
        )
        for user, (_number, row) in zip(users, rows, strict=True)
    )
    claims = ProfileClaim.objects.bulk_create(
        ProfileClaim(profile=profile, organisation_id=run.organisation_id) for profile in profiles
    )
    claim_ids = [claim.pk for claim in claims]
    if claim_ids:
        from pahub.register.tasks import send_claim_invitations

        # After commit: a chunk rolled back must not invite anyone.
        transaction.on_commit(lambda: send_claim_invitations.enqueue(claim_ids=claim_ids))
    return [
        RowDecision(number, Outcome.CREATED, "New PA, invited to claim the profile", profile.pk)
        for (number, _row), profile in zip(rows, profiles, strict=True)
    ]


def _update(rows: list[tuple[int, User, PAProfile, dict]], *, write: bool) -> list[RowDecision]:
    decisions = []
    users, profiles = [], []
    for number, user, profile, row in rows:
        changed = _changes(user, profile, row)
        label = ", ".join(name.replace("_", " ") for name in changed)
        decisions.append(RowDecision(number, Outcome.UPDATED, f"Changed: {label}", profile.pk))
        for name in ("full_name", "phone", "known_as", "postcode"):
            setattr(user, name, row[name])
        user.district = row["district"]
        user.local_authority_id = row["district"].local_authority_id
        users.append(user)
        if row["hourly_rate"] is not None:
            profile.hourly_rate = row["hourly_rate"]
        profile.district_id = row["district"].pk
        profiles.append(profile)
    if write and users:
        User.objects.bulk_update(users, UPDATABLE_USER_FIELDS)
        PAProfile.objects.bulk_update(profiles, ["hourly_rate", "district"])
        PAProfile.objects.filter(pk__in=[p.pk for p in profiles]).update(updated_at=timezone.now())
    return decisions


register_kind(
    ImportKind(
        name="pas",
        title="PA register",
        fields=FIELDS,
        row_keys=row_keys,
        handle_chunk=handle_chunk,
    )
)
