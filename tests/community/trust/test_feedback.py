"""Private feedback: only between a PA and an employer who worked together (else 404); read by
staff serving the area of the person it is about and by site administrators; never by that
person; never a number. Two or more people raising a concern in 12 months puts the person
first, flagged, and tells the area's staff."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pahub.community.models import Feedback
from pahub.community.trust import services
from pahub.core.models import AuditEvent
from pahub.notifications.models import Notice
from tests.community.trust.conftest import book, hire
from tests.factories import UserFactory

START = reverse("community:feedback")
QUEUE = reverse("community:feedback_staff")


def send_url(person) -> str:
    return reverse("community:feedback_send", kwargs={"person_id": person.pk})


def detail_url(feedback: Feedback) -> str:
    return reverse("community:feedback_staff_detail", kwargs={"feedback_id": feedback.pk})


def feedback_about(about, *, sender, category="concern", about_role="pa", **fields) -> Feedback:
    return services.feedback_send(
        sender=sender,
        about=about,
        about_role=about_role,
        category=category,
        text=fields.pop("text", "Arrived late three times and did not say why."),
    )


# Sending ----------------------------------------------------------------------------------


def test_the_employer_sends_feedback_about_the_pa_they_hired(client_for, employer, pa, hired):
    assert "Send feedback about Jordan Reed" in client_for(employer).get(START).text

    response = client_for(employer).post(
        send_url(pa), {"category": "concern", "text": "Late three times."}
    )

    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.sender, feedback.about, feedback.about_role) == (employer, pa, "pa")
    assert feedback.local_authority_id == pa.local_authority_id
    event = AuditEvent.objects.get(action="feedback.sent")
    assert "Late" not in str(event.detail)


def test_the_pa_sends_feedback_about_an_employer_who_booked_them(client_for, pa, second_employer):
    book(second_employer, pa)

    response = client_for(pa).post(
        send_url(second_employer), {"category": "positive", "text": "Very welcoming."}
    )

    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.about, feedback.about_role) == (second_employer, "employer")
    assert feedback.local_authority_id == second_employer.local_authority_id


@pytest.mark.parametrize("who", ["other_pa", "outsider", "representative", "verifier"])
def test_people_who_did_not_work_together_get_404(client_for, pa, employer, hired, who, request):
    person = request.getfixturevalue(who)

    assert client_for(person).get(send_url(pa)).status_code == 404
    assert (
        client_for(person)
        .post(send_url(employer), {"category": "concern", "text": "x"})
        .status_code
        == 404
    )
    assert not Feedback.objects.exists()


def test_no_feedback_about_yourself(client_for, pa):
    assert client_for(pa).get(send_url(pa)).status_code == 404


def test_logged_out_people_are_sent_to_sign_in(client, pa):
    assert client.get(send_url(pa)).status_code == 302
    assert client.get(START).status_code == 302
    assert client.get(QUEUE).status_code == 302


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "Kept words"}, "Choose what kind of feedback this is"),
        ({"category": "five_stars", "text": "Kept words"}, "Choose what kind of feedback this is"),
        ({"category": "concern", "text": ""}, "Enter your feedback"),
        ({"category": "concern", "text": "Kept words" + "x" * 2000}, "2,000 characters or fewer"),
    ],
)
def test_bad_input_is_named_next_to_the_field_and_kept(
    client_for, employer, pa, hired, data, message
):
    response = client_for(employer).post(send_url(pa), data)

    assert response.status_code == 200
    assert message in response.text
    if data.get("text"):
        assert data["text"] in response.text
    assert not Feedback.objects.exists()


# Who reads it -----------------------------------------------------------------------------


def test_staff_of_the_area_read_the_feedback(client_for, employer, pa, hired, verifier):
    feedback = feedback_about(pa, sender=employer)

    queue = client_for(verifier).get(QUEUE)
    assert queue.status_code == 200
    assert "Jordan Reed" in queue.text
    detail = client_for(verifier).get(detail_url(feedback))
    assert detail.status_code == 200
    assert "Arrived late three times" in detail.text


def test_staff_of_another_area_do_not(client_for, employer, pa, hired, durham_staff):
    feedback = feedback_about(pa, sender=employer)

    assert "Jordan Reed" not in client_for(durham_staff).get(QUEUE).text
    assert client_for(durham_staff).get(detail_url(feedback)).status_code == 404


def test_site_administrators_read_all_feedback(client_for, employer, pa, hired, admin):
    feedback = feedback_about(pa, sender=employer)

    assert "Jordan Reed" in client_for(admin).get(QUEUE).text
    assert client_for(admin).get(detail_url(feedback)).status_code == 200


@pytest.mark.parametrize("who", ["pa", "employer", "outsider", "representative"])
def test_the_person_it_is_about_and_everyone_else_get_404(
    client_for, employer, pa, hired, who, request
):
    feedback = feedback_about(pa, sender=employer)
    person = request.getfixturevalue(who)

    assert client_for(person).get(QUEUE).status_code == 404
    assert client_for(person).get(detail_url(feedback)).status_code == 404


def test_feedback_never_appears_on_the_profile_or_pages_of_the_person(
    client_for, employer, pa, hired, pa_profile
):
    feedback_about(pa, sender=employer, text="Private words about Jordan.")
    profile = reverse("register:profile_detail", kwargs={"profile_id": pa_profile.pk})

    for url in (profile, reverse("register:profile"), START, reverse("community:endorsements")):
        assert "Private words about Jordan." not in client_for(pa).get(url).text


def test_staff_who_are_also_the_subject_never_see_feedback_about_themselves(
    client_for, employer, verifier, organisation
):
    from pahub.accounts.models import Role, UserRole

    UserRole.objects.create(user=verifier, role=Role.PA)
    hire(employer, verifier)
    feedback = feedback_about(verifier, sender=employer)

    assert client_for(verifier).get(detail_url(feedback)).status_code == 404


def test_staff_without_two_factor_are_refused(client_for, employer, pa, hired, organisation):
    from tests.factories import make_staff

    staff = make_staff(organisation=organisation, two_factor=False, email="no2fa@example.org")
    feedback_about(pa, sender=employer)

    response = client_for(staff).get(QUEUE)
    assert response.status_code in (302, 403, 404)
    assert "Jordan Reed" not in response.text


# Repeated concerns ------------------------------------------------------------------------


def test_two_people_raising_concerns_puts_the_person_first_flagged_and_tells_staff(
    client_for,
    employer,
    second_employer,
    pa,
    other_pa,
    hired,
    verifier,
    org_admin,
    durham_staff,
    django_capture_on_commit_callbacks,
):
    book(second_employer, pa)
    sam = UserFactory(full_name="Sam Price", postcode="NE6 1AA", roles=["pa"])
    hire(second_employer, sam)
    feedback_about(sam, sender=second_employer, category="positive")
    with django_capture_on_commit_callbacks(execute=True):
        feedback_about(pa, sender=employer)
    assert not Notice.objects.filter(kind="community.feedback_repeated_concerns").exists()

    with django_capture_on_commit_callbacks(execute=True):
        feedback_about(pa, sender=second_employer)

    told = set(
        Notice.objects.filter(kind="community.feedback_repeated_concerns").values_list(
            "recipient__email", flat=True
        )
    )
    assert told == {verifier.email, org_admin.email}
    queue = client_for(verifier).get(QUEUE).text
    assert queue.index("Jordan Reed") < queue.index("Repeated concerns") < queue.index("Sam Price")


def test_the_same_person_raising_two_concerns_is_not_repeated_concerns(
    client_for, employer, pa, hired, verifier, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        feedback_about(pa, sender=employer)
        feedback_about(pa, sender=employer)

    assert "Repeated concerns" not in client_for(verifier).get(QUEUE).text
    assert not Notice.objects.filter(kind="community.feedback_repeated_concerns").exists()


def test_concerns_older_than_12_months_do_not_count(
    client_for, employer, second_employer, pa, hired, verifier
):
    book(second_employer, pa)
    old = feedback_about(pa, sender=employer)
    Feedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=366))
    feedback_about(pa, sender=second_employer)

    assert "Repeated concerns" not in client_for(verifier).get(QUEUE).text


def test_positive_feedback_is_not_a_concern(
    client_for, employer, second_employer, pa, hired, verifier
):
    book(second_employer, pa)
    feedback_about(pa, sender=employer)
    feedback_about(pa, sender=second_employer, category="positive")

    assert "Repeated concerns" not in client_for(verifier).get(QUEUE).text


# Marking ----------------------------------------------------------------------------------


def test_staff_mark_feedback_acted_on_with_a_note_and_it_is_audited(
    client_for, employer, pa, hired, verifier
):
    feedback = feedback_about(pa, sender=employer)

    response = client_for(verifier).post(
        detail_url(feedback), {"status": "acted", "note": "Called Jordan; agreed a plan."}
    )

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert (feedback.status, feedback.staff_note, feedback.handled_by) == (
        "acted",
        "Called Jordan; agreed a plan.",
        verifier,
    )
    assert AuditEvent.objects.filter(action="feedback.marked", actor=verifier).exists()


def test_marking_with_a_bad_status_is_refused_and_the_note_kept(
    client_for, employer, pa, hired, verifier
):
    feedback = feedback_about(pa, sender=employer)

    response = client_for(verifier).post(detail_url(feedback), {"status": "closed", "note": "Kept"})

    assert response.status_code == 200
    assert "Choose read or acted on" in response.text
    assert "Kept" in response.text
    feedback.refresh_from_db()
    assert feedback.status == "new"


def test_staff_of_another_area_cannot_mark_it(client_for, employer, pa, hired, durham_staff):
    feedback = feedback_about(pa, sender=employer)

    assert (
        client_for(durham_staff).post(detail_url(feedback), {"status": "read"}).status_code == 404
    )


def test_the_queue_query_count_does_not_grow_with_feedback(
    client_for, employer, pa, hired, verifier, django_assert_max_num_queries
):
    client = client_for(verifier)
    feedback_about(pa, sender=employer)
    with django_assert_max_num_queries(40) as few:
        client.get(QUEUE)
    for number in range(6):
        sender = UserFactory(email=f"sender{number}@example.org", roles=["employer"])
        about = UserFactory(email=f"about{number}@example.org", postcode="NE3 1AA", roles=["pa"])
        feedback_about(about, sender=sender)
        feedback_about(about, sender=employer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(QUEUE).status_code == 200
