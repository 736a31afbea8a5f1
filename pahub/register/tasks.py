"""Background work for the register, run by `manage.py db_worker`."""

from django.tasks import task

from pahub.register.claims import claims_invite


@task()
def send_claim_invitations(claim_ids: list[int]) -> int:
    """Invite imported PAs to claim their profiles; idempotent (each claim is invited once)."""
    return claims_invite(claim_ids=claim_ids)
