"""One click: "I'm not looking right now" hides the profile from employers until undone."""

from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.register.models import PAProfile

PAUSE = reverse("register:profile_pause")


def test_pausing_hides_the_profile_from_employers_and_is_audited(client_for, employer, pa_profile):
    response = client_for(pa_profile.user).post(PAUSE, {"paused": "yes"}, follow=True)

    assert PAProfile.objects.get(pk=pa_profile.pk).is_paused
    content = response.content.decode()
    assert "Your profile is paused" in content
    assert "I&#x27;m looking again" in content or "I'm looking again" in content
    assert AuditEvent.objects.filter(action="profile.paused", actor=pa_profile.user).exists()
    detail = reverse("register:profile_detail", kwargs={"profile_id": pa_profile.pk})
    assert client_for(employer).get(detail).status_code == 404


def test_looking_again_shows_the_profile_to_employers_again(client_for, employer, pa_profile):
    client = client_for(pa_profile.user)
    client.post(PAUSE, {"paused": "yes"})

    client.post(PAUSE, {"paused": "no"})

    assert not PAProfile.objects.get(pk=pa_profile.pk).is_paused
    assert AuditEvent.objects.filter(action="profile.resumed").count() == 1
    detail = reverse("register:profile_detail", kwargs={"profile_id": pa_profile.pk})
    assert client_for(employer).get(detail).status_code == 200


def test_the_overview_offers_the_pause_button_that_fits(client_for, pa_profile):
    client = client_for(pa_profile.user)

    before = client.get(reverse("register:profile")).content.decode()
    client.post(PAUSE, {"paused": "yes"})
    after = client.get(reverse("register:profile")).content.decode()

    assert "not looking right now</button>" in before
    assert "looking again</button>" in after
    assert "Nobody: you are not looking for work right now" in after


def test_pausing_twice_is_recorded_once(client_for, pa_profile):
    client = client_for(pa_profile.user)

    client.post(PAUSE, {"paused": "yes"})
    client.post(PAUSE, {"paused": "yes"})

    assert AuditEvent.objects.filter(action="profile.paused").count() == 1


def test_pausing_changes_nothing_else(client_for, pa_profile):
    client_for(pa_profile.user).post(PAUSE, {"paused": "yes"})

    profile = PAProfile.objects.get(pk=pa_profile.pk)
    assert profile.visibility == PAProfile.Visibility.ALL_EMPLOYERS
    assert profile.completed_steps == []
    assert profile.skills.count() == 1
