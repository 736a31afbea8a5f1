"""Who may see and do what with endorsements and private feedback. The only place these
rules live: pages, the API and the services ask these helpers. Anyone else gets 404, so
nobody learns that an endorsement request or a piece of feedback exists.

- A PA asks only their own employers (`relationships.employers_of`) and sees only their own
  endorsements.
- The employer, or a representative with an active grant writing on their behalf, answers
  requests made to that employer and may withdraw what was written. Staff acting for an
  employer do not: an endorsement is the employer's own words.
- Feedback is sent only between a PA and an employer who worked together, either way.
- Feedback is read by staff of organisations serving the area of the person it is about
  (with two-factor set up) and by site administrators; never by the person it is about.
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pahub.accounts.models import Representation, Role, User, UserRole
from pahub.accounts.permissions import has_two_factor, is_site_admin, staff_local_authority_ids
from pahub.community.models import Endorsement, Feedback
from pahub.community.trust import relationships
from pahub.employers.permissions import EmployerSide, employer_side_role

WRITERS = (EmployerSide.EMPLOYER, EmployerSide.REPRESENTATIVE)


def may_ask_for_endorsements(user: User) -> bool:
    return user.is_authenticated and user.has_role(Role.PA)


def employers_written_for(user: User) -> QuerySet[User]:
    """The employers whose endorsements this person writes: themself, when they employ, and
    everyone they represent with an active grant."""
    if not user.is_authenticated:
        return User.objects.none()
    # Subqueries rather than an OR across joins, as employers.permissions does, for speed.
    own = Q(pk__in=UserRole.objects.filter(user=user, role=Role.EMPLOYER).values("user_id"))
    represented = Q(
        pk__in=Representation.objects.filter(
            representative=user, status=Representation.Status.ACTIVE
        ).values("employer_id")
    )
    return User.objects.filter(own | represented)


def may_write_for(user: User, employer: User) -> bool:
    return employer_side_role(user, employer) in WRITERS


def access_employer_for_request(user: User, employer_id: int) -> User:
    """An employer a PA may ask for an endorsement: one who hired or booked them."""
    if not may_ask_for_endorsements(user):
        raise Http404
    employer = relationships.employers_of(user).filter(pk=employer_id).first()
    if employer is None:
        raise Http404
    return employer


def access_endorsement_for_pa(user: User, endorsement_id: int) -> Endorsement:
    """The PA's own endorsement (to show, hide or read); 404 for anyone else."""
    endorsement = get_object_or_404(
        Endorsement.objects.select_related("employer__district"), pk=endorsement_id
    )
    if not user.is_authenticated:
        raise Http404
    if endorsement.pa_id != user.pk:
        raise Http404
    return endorsement


def access_endorsement_for_writer(user: User, endorsement_id: int) -> Endorsement:
    """An endorsement asked of an employer, for the employer or their representative."""
    endorsement = get_object_or_404(
        Endorsement.objects.select_related("pa", "employer"), pk=endorsement_id
    )
    if not user.is_authenticated:
        raise Http404
    if not may_write_for(user, endorsement.employer):
        raise Http404
    return endorsement


def feedback_relationship(user: User, person: User) -> str | None:
    """What `person` is to `user` for feedback: their employer, their PA, or nothing."""
    if not user.is_authenticated or person.pk == user.pk:
        return None
    if user.has_role(Role.PA) and relationships.has_employed(employer_id=person.pk, pa_id=user.pk):
        return Feedback.About.EMPLOYER
    if user.has_role(Role.EMPLOYER) and relationships.has_employed(
        employer_id=user.pk, pa_id=person.pk
    ):
        return Feedback.About.PA
    return None


def access_person_for_feedback(user: User, person_id: int) -> tuple[User, str]:
    """The person feedback may be sent about, and what they are to the sender; 404 unless the
    two worked together."""
    person = get_object_or_404(relationships.live_people(), pk=person_id)
    about_role = feedback_relationship(user, person)
    if about_role is None:
        raise Http404
    return person, about_role


def is_feedback_staff(user: User) -> bool:
    """Site administrators, and staff with two-factor of organisations serving an area."""
    if not user.is_authenticated:
        return False
    if is_site_admin(user):
        return True
    if not has_two_factor(user):
        return False
    return bool(staff_local_authority_ids(user))


def feedback_for_staff(user: User) -> QuerySet[Feedback]:
    """Every piece of feedback this person may read, in one query."""
    if not is_feedback_staff(user):
        return Feedback.objects.none()
    feedback = Feedback.objects.all()
    if not is_site_admin(user):
        feedback = feedback.filter(local_authority_id__in=staff_local_authority_ids(user))
    # Never feedback about themself, even when they are also a PA or employer in the area.
    return feedback.exclude(about=user)


def require_feedback_staff(user: User) -> None:
    if not is_feedback_staff(user):
        raise Http404


def access_feedback_for_staff(user: User, feedback_id: int) -> Feedback:
    require_feedback_staff(user)
    return get_object_or_404(
        feedback_for_staff(user).select_related("sender", "about", "local_authority", "handled_by"),
        pk=feedback_id,
    )
