"""Relief pools: the PAs an employer asks first. Invitations, answers and leaving."""

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import Role, User
from pahub.core import audit
from pahub.cover.errors import CoverError
from pahub.cover.models import ReliefPoolMember
from pahub.cover.services.after_commit import enqueue_after_commit


@transaction.atomic
def pool_invite(*, employer: User, pa: User, by: User) -> ReliefPoolMember:
    if not pa.has_role(Role.PA):
        raise CoverError("Only people registered as PAs can join a relief pool.")
    live = ReliefPoolMember.objects.filter(
        employer=employer,
        pa=pa,
        status__in=[ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE],
    ).first()
    if live is not None:
        return live
    member = ReliefPoolMember.objects.create(employer=employer, pa=pa, invited_by=by)
    audit.record(by, "cover.pool_invited", member, pa=pa.pk)
    enqueue_after_commit("pool_invitation", member_id=member.pk)
    return member


@transaction.atomic
def pool_respond(*, member: ReliefPoolMember, accept: bool, by: User) -> ReliefPoolMember:
    if member.status != ReliefPoolMember.Status.INVITED:
        raise CoverError("This invitation has already been answered.")
    member.status = ReliefPoolMember.Status.ACTIVE if accept else ReliefPoolMember.Status.DECLINED
    member.responded_at = timezone.now()
    member.save(update_fields=["status", "responded_at"])
    audit.record(by, "cover.pool_joined" if accept else "cover.pool_declined", member)
    return member


@transaction.atomic
def pool_leave(*, member: ReliefPoolMember, by: User) -> ReliefPoolMember:
    """The PA leaves, or the employer side removes them; either way they are no longer asked."""
    if member.status not in (ReliefPoolMember.Status.INVITED, ReliefPoolMember.Status.ACTIVE):
        raise CoverError("This person is not in the relief pool.")
    member.status = ReliefPoolMember.Status.LEFT
    member.responded_at = timezone.now()
    member.save(update_fields=["status", "responded_at"])
    audit.record(by, "cover.pool_left", member)
    return member
