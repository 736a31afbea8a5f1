"""`manage.py run_periodic send_cover_waves`: the sweep that sends every due wave when the task queue did
not, once each, and keeps going when one request or the database fails."""

import io
from datetime import time, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import OperationalError
from django.utils import timezone

from pahub.cover import sweep
from pahub.cover.models import CoverAlert, CoverRequest, ReliefPoolMember
from pahub.cover.services import wave_send
from pahub.cover.sweep import sweep_due_waves, sweep_request_ids
from pahub.cover.times import span_from_local
from pahub.cover.waves import grid_for_shift
from pahub.register.models import PAProfile
from tests.cover.conftest import make_request
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def free_pa(email: str, *, day, postcode: str = "NE2 1AA"):
    """A PA nearby who wants cover work and is free for the 08:00 to 11:00 shift."""
    user = UserFactory(email=email, roles=["pa"], postcode=postcode)
    shift = span_from_local(day, time(8), time(11))
    PAProfile.objects.create(
        user=user,
        display_name=email.split("@")[0],
        about_me="Happy to cover.",
        availability=grid_for_shift(shift.starts_at, shift.ends_at),
        visibility=PAProfile.Visibility.ALL_EMPLOYERS,
        travel_miles=10,
        work_wanted=PAProfile.WorkWanted.COVER,
    )
    return user


@pytest.fixture
def pool_asked(employer_profile, pa, tomorrow) -> CoverRequest:
    """Amira's request went to her relief pool (Jordan) 31 minutes ago; nobody answered."""
    amira = employer_profile.user
    ReliefPoolMember.objects.create(employer=amira, pa=pa, status="active")
    request = make_request(amira, slots=[(tomorrow, time(8), time(11))], pool_wait_minutes=30)
    wave_send(request_id=request.pk, now=timezone.now() - timedelta(minutes=31))
    request.refresh_from_db()
    return request


@pytest.fixture(autouse=True)
def keep_the_test_connection_open(monkeypatch):
    """The loop closes stale connections between sweeps, as a long-running process must; here
    that would close the connection holding the test's transaction (Django's test client skips
    the same clean-up for the same reason)."""
    monkeypatch.setattr(
        "pahub.core.management.commands.run_periodic.close_old_connections", lambda: None
    )


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("run_periodic", "send_cover_waves", *args, stdout=out)
    return out.getvalue()


def test_the_sweep_widens_a_request_whose_pool_wait_is_over(pool_asked, tomorrow):
    nearby = free_pa("near@example.org", day=tomorrow)

    output = run()

    assert "1 due: 1 wave sent (1 PA alerted)." in output
    assert CoverAlert.objects.filter(request=pool_asked, from_pool=False).get().pa == nearby
    pool_asked.refresh_from_db()
    assert pool_asked.waves_sent == 2 and pool_asked.reach == "nearby"


def test_a_request_still_inside_its_pool_wait_is_left_alone(employer_profile, pa, tomorrow):
    amira = employer_profile.user
    ReliefPoolMember.objects.create(employer=amira, pa=pa, status="active")
    request = make_request(amira, slots=[(tomorrow, time(8), time(11))], pool_wait_minutes=30)
    wave_send(request_id=request.pk)
    free_pa("near@example.org", day=tomorrow)

    assert run() == "No cover waves due.\n"
    assert CoverAlert.objects.filter(from_pool=False).count() == 0


def test_sweeping_twice_sends_each_wave_once(pool_asked, tomorrow):
    free_pa("near@example.org", day=tomorrow)

    first = sweep_due_waves()
    second = sweep_due_waves()

    assert (first.waves_sent, second.waves_sent) == (1, 0)
    assert CoverAlert.objects.filter(request=pool_asked).count() == 2


def test_a_first_wave_whose_task_was_lost_goes_out_after_a_minute(employer_profile, pa, tomorrow):
    amira = employer_profile.user
    ReliefPoolMember.objects.create(employer=amira, pa=pa, status="active")
    request = make_request(amira, slots=[(tomorrow, time(8), time(11))])

    assert sweep_request_ids() == []  # the queued task normally sends it within seconds
    later = timezone.now() + timedelta(minutes=2)
    assert sweep_request_ids(later) == [request.pk]

    result = sweep_due_waves(now=later)

    assert (result.waves_sent, result.pas_alerted) == (1, 1)
    assert CoverAlert.objects.get(request=request).pa == pa


def test_a_request_whose_shifts_all_started_is_closed_as_not_covered(pool_asked):
    result = sweep_due_waves(now=timezone.now() + timedelta(days=3))

    assert result.closed == 1
    pool_asked.refresh_from_db()
    assert pool_asked.status == "expired"
    assert sweep_request_ids(timezone.now() + timedelta(days=3)) == []


def test_a_cancelled_or_covered_request_is_never_swept(pool_asked):
    CoverRequest.objects.filter(pk=pool_asked.pk).update(status="cancelled")

    assert sweep_request_ids(timezone.now() + timedelta(hours=1)) == []


def test_one_failing_request_does_not_stop_the_others_and_the_run_says_so(
    pool_asked, employer, tomorrow, monkeypatch, caplog
):
    second = make_request(employer, slots=[(tomorrow, time(14), time(15))])
    CoverRequest.objects.filter(pk=second.pk).update(
        next_wave_at=timezone.now() - timedelta(minutes=1), waves_sent=1
    )
    real_wave_send = sweep.wave_send

    def broken_for_the_first(*, request_id, now=None):
        if request_id == pool_asked.pk:
            raise RuntimeError("matching engine down")
        return real_wave_send(request_id=request_id, now=now)

    monkeypatch.setattr(sweep, "wave_send", broken_for_the_first)

    with pytest.raises(CommandError, match=f"Waves failed for request {pool_asked.pk}"):
        run()

    second.refresh_from_db()
    assert second.waves_sent == 2
    assert "matching engine down" in caplog.text


def test_the_loop_sweeps_until_its_limit_and_survives_a_database_error(monkeypatch, db):
    calls = []

    def flaky_sweep(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return sweep.SweepResult()

    monkeypatch.setattr("pahub.cover.periodic.sweep_due_waves", flaky_sweep)

    output = run("--loop", "0.01", "--max-sweeps", "3")

    assert len(calls) == 3
    assert "Sweeping for due cover waves every 0.01 s." in output
    assert "Stopped after 3 sweeps." in output


def test_the_loop_reports_sweeps_that_did_something(pool_asked, tomorrow):
    free_pa("near@example.org", day=tomorrow)

    output = run("--loop", "0.01", "--max-sweeps", "2")

    assert output.count("wave sent") == 1
    assert "No cover waves due." not in output  # quiet when nothing happens


@pytest.mark.parametrize("args", [["--loop", "0"], ["--loop", "soon"], ["--max-sweeps", "0"]])
def test_nonsense_options_are_refused(args, db):
    with pytest.raises(CommandError):
        run(*args)
