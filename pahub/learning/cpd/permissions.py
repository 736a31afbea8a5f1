"""Who may see and change prior learning and CPD entries: the PA they belong to, only."""

from django.shortcuts import get_object_or_404

from pahub.learning.models import CPDEntry, LearningRecord


def access_own_cpd_entry(user, entry_id: int) -> CPDEntry:
    """One of the PA's own CPD entries; anyone else's is 404."""
    return get_object_or_404(CPDEntry, pk=entry_id, user=user)


def access_own_learning_record(user, record_id: int) -> LearningRecord:
    """One of the PA's own learning records; anyone else's is 404."""
    return get_object_or_404(
        LearningRecord.objects.select_related("evidence"), pk=record_id, user=user
    )
