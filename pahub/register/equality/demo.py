"""Demo PAs' equality monitoring: some answered, one declined, one never asked and paid to
support a family member, so the workforce dashboard and the PA's own pages have something
to show. Made through the services, as a PA makes them (each write audited)."""

from pahub.accounts.models import User
from pahub.register.equality.models import EqualityMonitoring
from pahub.register.equality.services import Answers, equality_decline, equality_save_answers
from pahub.register.models import PAProfile

DEMO_ANSWERS = {
    "pa.jordan": Answers("16_24", "male", "black", "black_african", "prefer_not_to_say"),
    "pa.tomasz": Answers("35_44", "male", "white", "white_other", "no"),
}
DEMO_DECLINED = ("pa.chloe",)
# David supports his brother with a direct payment; he has not opened the questions.
DEMO_FAMILY = ("pa.david",)


def demo_extension(*, people: dict[str, User]) -> None:
    profiles = {
        profile.user_id: profile
        for profile in PAProfile.objects.filter(user__in=people.values()).select_related("user")
    }
    answered = set(
        EqualityMonitoring.objects.filter(profile__in=profiles.values()).values_list(
            "profile__user_id", flat=True
        )
    )
    for mailbox, user in people.items():
        profile = profiles.get(user.pk)
        if profile is None:
            continue
        if mailbox in DEMO_FAMILY and not profile.works_for_family:
            PAProfile.objects.filter(pk=profile.pk).update(works_for_family=True)
        if user.pk in answered:
            continue
        if mailbox in DEMO_ANSWERS:
            equality_save_answers(profile=profile, answers=DEMO_ANSWERS[mailbox], by=user)
        elif mailbox in DEMO_DECLINED:
            equality_decline(profile=profile, by=user)
