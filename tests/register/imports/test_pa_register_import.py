"""Importing a council's PA register: the dry run, matching, refusals, idempotence and
resuming after a crash."""

from dataclasses import replace

import pytest
from django.core import mail

from pahub.accounts.models import User
from pahub.core.imports import runner, services
from pahub.core.imports.kinds import registry
from pahub.core.imports.models import ImportRowResult, ImportRun
from pahub.register.models import PAProfile, ProfileClaim

Outcome = ImportRowResult.Outcome


def results(run: ImportRun) -> dict[int, tuple[str, str]]:
    return {r.row_number: (r.outcome, r.reason) for r in run.rows.all()}


def test_the_dry_run_reports_every_row_and_writes_nothing_else(checked):
    users_before, profiles_before = User.objects.count(), PAProfile.objects.count()

    run = checked(
        [
            "Ada Lovelace,ada@example.org,NE1 4ST,,12.50",
            "Bea Brown,not-an-email,NE2 1AA,,",
            ",nameless@example.org,NE2 1AA,,",
            "Cal Dune,cal@example.org,DH1 1AA,,",
            "Dee Ek,dee@example.org,XX1 1AA,,",
            "Eve Fox,eve@example.org,hello,,",
            "Ada Again,ADA@example.org,NE3 1AA,,",
            "Fay Gee,fay@example.org,NE4 5AA,,lots",
        ]
    )

    assert run.status == ImportRun.Status.DRY_RUN_DONE
    assert (run.created, run.refused, run.total_rows) == (1, 7, 8)
    assert results(run) == {
        2: (Outcome.CREATED, "New PA, to be invited"),
        3: (Outcome.REFUSED, "'not-an-email' is not a valid email address"),
        4: (Outcome.REFUSED, "Full name is missing"),
        5: (
            Outcome.REFUSED,
            "The postcode DH1 1AA is outside the areas Newcastle Independent Living works in",
        ),
        6: (Outcome.REFUSED, "The postcode district XX1 is not one PA Hub knows"),
        7: (Outcome.REFUSED, "'hello' is not a full UK postcode"),
        8: (Outcome.REFUSED, "Repeats row 2 of this file"),
        9: (Outcome.REFUSED, "Hourly rate 'lots' is not an amount in pounds"),
    }
    assert (User.objects.count(), PAProfile.objects.count()) == (users_before, profiles_before)


def test_import_makes_hidden_unclaimed_profiles_and_invites_each_pa(imported, organisation):
    run = imported(["Ada Lovelace,ada@example.org,NE1 4ST,0191 111 2222,12.50"])

    assert (run.status, run.created, run.cursor) == (ImportRun.Status.DONE, 1, 3)
    profile = PAProfile.objects.select_related("user", "claim").get(user__email="ada@example.org")
    assert profile.visibility == PAProfile.Visibility.HIDDEN
    assert profile.district_id == "NE1" == profile.user.district_id
    assert str(profile.hourly_rate) == "12.50"
    # A register file names no skills, so the skills mask matching reads has no bits either.
    assert not profile.skills.exists() and profile.skills_mask == 0
    assert not profile.user.has_usable_password()
    assert profile.claim.organisation == organisation
    assert profile.claim.invited_at is not None and profile.claim.claimed_at is None
    assert [message.to for message in mail.outbox] == [["ada@example.org"]]
    assert "/register/claim/" in mail.outbox[0].body
    assert run.rows.get().object_id == profile.pk


def test_importing_the_same_file_twice_changes_nothing_the_second_time(imported):
    rows = good_rows_with_a_bad_one()
    first = imported(rows)
    counts = (User.objects.count(), PAProfile.objects.count(), ProfileClaim.objects.count())
    emails_sent = len(mail.outbox)

    second = imported(rows)

    assert (first.created, first.refused) == (5, 1)
    assert (second.created, second.updated, second.duplicate, second.refused) == (0, 0, 5, 1)
    assert {reason for outcome, reason in results(second).values() if outcome == "duplicate"} == {
        "Already imported, no change"
    }
    assert (User.objects.count(), PAProfile.objects.count(), ProfileClaim.objects.count()) == counts
    assert len(mail.outbox) == emails_sent


def good_rows_with_a_bad_one() -> list[str]:
    from tests.register.imports.conftest import good_rows

    return [*good_rows(5), "Bad Row,bad@,NE1 1AA,,"]


def test_a_changed_row_updates_a_profile_the_import_made_and_nobody_has_claimed(imported):
    imported(["Ada Lovelace,ada@example.org,NE1 4ST,0191 111 2222,12.50"])

    run = imported(["Ada Lovelace,ada@example.org,NE2 1AA,0191 999 9999,13.00"])

    assert (run.updated, run.created) == (1, 0)
    assert results(run)[2] == (Outcome.UPDATED, "Changed: phone, postcode, hourly rate")
    user = User.objects.get(email="ada@example.org")
    assert (user.phone, user.postcode, user.district_id) == ("0191 999 9999", "NE2 1AA", "NE2")
    assert user.pa_profile.district_id == "NE2"
    assert str(user.pa_profile.hourly_rate) == "13.00"


def test_someone_already_on_pa_hub_is_matched_and_left_alone(imported, pa):
    """By email, or by full name and postcode when the register has another address."""
    run = imported(
        [
            "Someone Else,PA@example.org,NE1 4ST,0191,10.00",
            "Jordan Reed,jordan.other@example.org,NE3 1AA,,",
        ]
    )

    assert (run.duplicate, run.created) == (2, 0)
    assert results(run)[2][1] == (
        "Already on PA Hub (same email address); their own account is left as it is"
    )
    assert "same full name and postcode" in results(run)[3][1]
    pa.refresh_from_db()
    assert (pa.full_name, pa.phone) == ("Jordan Reed", "")


def test_a_crash_in_the_second_chunk_loses_only_that_chunk_and_resume_finishes(
    imported, checked, verifier, monkeypatch, django_capture_on_commit_callbacks
):
    from tests.register.imports.conftest import good_rows

    monkeypatch.setattr(runner, "CHUNK_ROWS", 3)
    kind = registry.get("pas")
    calls = {"n": 0}

    def crash_on_second_chunk(chunk):
        calls["n"] += 1
        if calls["n"] == 2 and not chunk.dry_run:
            raise RuntimeError("worker lost")
        return kind.handle_chunk(chunk)

    run = checked(good_rows(8))
    monkeypatch.setitem(registry._kinds, "pas", replace(kind, handle_chunk=crash_on_second_chunk))
    calls["n"] = 0
    with django_capture_on_commit_callbacks(execute=True):
        run = services.import_confirm(run=run, by=verifier)

    assert (run.status, run.cursor, run.created) == (ImportRun.Status.FAILED, 5, 3)
    assert User.objects.filter(email__startswith="pa").count() == 3
    assert services.is_resumable(run)

    with django_capture_on_commit_callbacks(execute=True):
        run = services.import_resume(run=run, by=verifier)

    assert (run.status, run.created, run.cursor) == (ImportRun.Status.DONE, 8, 10)
    assert sorted(results(run)) == list(range(2, 10))
    emails = list(User.objects.filter(email__startswith="pa").values_list("email", flat=True))
    assert sorted(emails) == sorted(f"pa{n}@example.org" for n in range(8))
    assert len(mail.outbox) == 8


def test_a_run_whose_worker_died_is_started_again_by_the_sweep(checked, verifier):
    from datetime import timedelta

    from django.utils import timezone

    from tests.register.imports.conftest import good_rows

    run = checked(good_rows(2))
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.RUNNING,
        confirmed_at=timezone.now(),
        updated_at=timezone.now() - timedelta(hours=1),
    )

    assert services.imports_resume_stale(now=timezone.now()) == 1

    run.refresh_from_db()
    assert (run.status, run.created) == (ImportRun.Status.DONE, 2)
    assert services.imports_resume_stale(now=timezone.now()) == 0


def test_columns_are_remembered_for_the_organisations_next_file(checked, organisation, verifier):
    from django.core.files.uploadedfile import SimpleUploadedFile

    checked(["Ada Lovelace,ada@example.org,NE1 4ST,,"])
    upload = SimpleUploadedFile("next.csv", b"Rate,Name,Email,Postcode,Phone\n1,a,b,c,d\n")
    run = services.import_upload(
        organisation=organisation, by=verifier, kind="pas", uploaded=upload
    )

    assert services.mapping_offered(run, services.file_header(run)) == {
        "full_name": "Name",
        "email": "Email",
        "postcode": "Postcode",
        "phone": "Phone",
        "hourly_rate": "Rate",
    }


def test_a_mapping_without_a_required_field_or_using_a_column_twice_is_refused(checked):
    run = checked(["Ada Lovelace,ada@example.org,NE1 4ST,,"])
    kind = registry.get("pas")

    with pytest.raises(services.MappingProblem) as problem:
        services.check_mapping(
            kind, ["Name", "Email"], {"full_name": "Name", "email": "Name", "postcode": ""}
        )

    assert problem.value.errors == {
        "postcode": "Select the column that holds postcode",
        "email": "The column 'Name' is already used for full name; each column can fill one field",
    }
    assert run.status == ImportRun.Status.DRY_RUN_DONE


def test_the_uploaded_file_and_its_report_are_deleted_after_90_days(checked):
    import os
    from datetime import timedelta

    from django.utils import timezone

    from pahub.core import retention
    from tests.register.imports.conftest import good_rows

    run = checked(good_rows(2))
    stored = run.file.path
    ImportRun.objects.filter(pk=run.pk).update(created_at=timezone.now() - timedelta(days=91))

    removed = retention.apply_rule(retention.registry.get("core.import_files"))

    assert removed == 1
    assert not ImportRun.objects.exists() and not ImportRowResult.objects.exists()
    assert not os.path.exists(stored)
