"""API: who am I (people), and which organisation is this key (systems)."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import APIKeyHeader, HttpBearer, django_auth

from pahub.accounts.models import ApiKey
from pahub.accounts.permissions import has_two_factor, must_use_two_factor
from pahub.accounts.queries import memberships_for
from pahub.accounts.services import api_key_authenticate

router = Router(tags=["accounts"])


class OrganisationKeyBearer(HttpBearer):
    """`Authorization: Bearer pahub_...`: an organisation's system."""

    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        api_key = api_key_authenticate(token)
        if api_key is not None:
            request.api_key = api_key
        return api_key


class OrganisationKeyHeader(APIKeyHeader):
    """`X-API-Key: pahub_...`, for systems that cannot set an Authorization header."""

    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey | None:
        if not key:
            return None
        api_key = api_key_authenticate(key)
        if api_key is not None:
            request.api_key = api_key
        return api_key


organisation_key_auth = [OrganisationKeyBearer(), OrganisationKeyHeader()]


def api_key_of(request: HttpRequest) -> ApiKey | None:
    """The organisation key a request carries, in either header, for an operation open to
    everyone that tells key holders more."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return api_key_authenticate(token.strip())
    key = request.headers.get("X-API-Key", "").strip()
    return api_key_authenticate(key) if key else None


def may_see_service_details(request: HttpRequest) -> bool:
    """Staff signed in with two-factor, or an organisation's system: the health check's
    details (database engine, queue depth) are for those who run or rely on the service."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and must_use_two_factor(user):
        return has_two_factor(user)
    return api_key_of(request) is not None


class MembershipOut(Schema):
    organisation: str
    organisation_id: int
    role: str


class MeOut(Schema):
    email: str
    display_name: str
    roles: list[str]
    district: str | None
    local_authority: str | None
    organisations: list[MembershipOut]


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    local_authorities: list[str]
    key_name: str


@router.get("/me", response=MeOut, auth=django_auth, summary="The signed-in person")
def me(request: HttpRequest) -> MeOut:
    user = request.auth
    return MeOut(
        email=user.email,
        display_name=user.display_name,
        roles=sorted(user.role_set),
        district=user.district_id,
        local_authority=user.local_authority.name if user.local_authority_id else None,
        organisations=[
            MembershipOut(
                organisation=m.organisation.name, organisation_id=m.organisation_id, role=m.role
            )
            for m in memberships_for(user)
        ],
    )


@router.get(
    "/organisation",
    response=OrganisationOut,
    auth=organisation_key_auth,
    summary="The organisation an API key belongs to",
)
def organisation_for_key(request: HttpRequest) -> OrganisationOut:
    api_key: ApiKey = request.auth
    organisation = api_key.organisation
    return OrganisationOut(
        id=organisation.pk,
        name=organisation.name,
        kind=organisation.kind,
        local_authorities=[la.name for la in organisation.local_authorities.all()],
        key_name=api_key.name,
    )
