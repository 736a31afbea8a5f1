"""Two verifiers recording an outcome for the same evidence at the same moment: the row lock
makes them take turns, and the second is told someone else got there first."""

import threading

import pytest
from django.db import connections

from pahub.register.models import Evidence, VerificationRecord
from pahub.register.verification.services import StaffActionError, evidence_verify
from tests.register.verification.fixtures import add_evidence

# On PostgreSQL the row lock makes them take turns; on SQLite (a file database in tests) each
# transaction takes the write lock when it begins, with the same effect.


@pytest.mark.usefixtures("reference_data_loaded")
@pytest.mark.django_db(transaction=True)
def test_only_one_of_two_simultaneous_outcomes_is_recorded(verifier, org_admin, pa_profile):
    evidence = add_evidence(pa_profile, Evidence.Kind.IDENTITY)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def record(person, outcome: str, reason: str) -> None:
        try:
            start.wait()
            evidence_verify(
                evidence=evidence,
                by=person,
                outcome=outcome,
                reason=reason,
                saw_original=True,
                seen_record_id=0,
            )
            outcomes.append("recorded")
        except StaffActionError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=record, args=(verifier, "verified", "")),
        threading.Thread(target=record, args=(org_admin, "rejected", "Blurred photo")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["recorded", "refused"]
    assert VerificationRecord.objects.filter(evidence=evidence).count() == 1
