"""The learning zone's part of a person's data: what they learned on PA Hub (quiz attempts,
completions, certificates), their self-assessment, plan, prior learning and CPD log, the
places they booked, the modules employers suggested to them, and their peer supporter roles.

All of it is theirs alone, so deleting the account deletes it, with two exceptions: an event or a
course draft an organisation's staff member wrote stays with the organisation, without their
name.
"""

from typing import Any

from pahub.core.personal_data import Fate, Step, register
from pahub.learning.models import (
    Certificate,
    CPDEntry,
    CPDReview,
    Event,
    EventBooking,
    LearningRecord,
    ModuleCompletion,
    ModuleDraft,
    ModuleSuggestion,
    PeerSupporter,
    PlanItem,
    QuizAttempt,
    SelfRating,
)


def iso(value) -> str | None:
    return value.isoformat() if value else None


def export_courses(user) -> dict[str, Any]:
    completions = ModuleCompletion.objects.filter(user=user).select_related(
        "module_version__module__course"
    )
    certificates = Certificate.objects.filter(user=user).select_related("course")
    attempts = QuizAttempt.objects.filter(user=user).select_related("module_version__module")
    return {
        "modules_completed": [
            {
                "course": done.module_version.module.course.title,
                "module": done.module_version.title,
                "version": done.module_version.number,
                "completed_at": iso(done.completed_at),
            }
            for done in completions.order_by("completed_at")
        ],
        "quiz_attempts": [
            {
                "module": attempt.module_version.module.slug,
                "version": attempt.module_version.number,
                "right": attempt.correct_count,
                "questions": attempt.question_count,
                "passed": attempt.passed,
                "at": iso(attempt.created_at),
            }
            for attempt in attempts.order_by("created_at")
        ],
        "certificates": [
            {
                "course": certificate.course.title,
                "course_version": certificate.course_version,
                "code": certificate.code,
                "name": certificate.name,
                "issued_at": iso(certificate.issued_at),
                "shown_on_profile": certificate.show_on_profile,
            }
            for certificate in certificates.order_by("issued_at")
        ],
    }


def export_planning(user) -> dict[str, Any]:
    ratings = SelfRating.objects.filter(user=user).select_related("skill")
    plan = PlanItem.objects.filter(user=user).select_related("module__current_version", "event")
    return {
        "self_assessment": [
            {
                "about": rating.get_topic_display() if rating.topic else rating.skill.name,
                "rating": rating.get_rating_display(),
            }
            for rating in ratings.order_by("topic", "skill__name")
        ],
        "learning_plan": [
            {
                "step": item.title
                or (item.module.current_version.title if item.module_id else "")
                or (item.event.title if item.event_id else ""),
                "note": item.note,
                "done_at": iso(item.done_at),
            }
            for item in plan
        ],
        "prior_learning": [
            {
                "kind": record.get_kind_display(),
                "title": record.title,
                "provider": record.provider,
                "completed_on": iso(record.completed_on),
                "description": record.description,
            }
            for record in LearningRecord.objects.filter(user=user)
        ],
    }


def export_cpd(user) -> dict[str, Any]:
    return {
        "cpd_log": [
            {
                "title": entry.title,
                "provider": entry.provider,
                "learned_on": iso(entry.learned_on),
                "hours": str(entry.hours),
                "what_i_learned": entry.what_i_learned,
                "evidence_file": bool(entry.evidence_file),
            }
            for entry in CPDEntry.objects.filter(user=user).order_by("learned_on")
        ],
        "cpd_reviews": [
            iso(review.reviewed_at)
            for review in CPDReview.objects.filter(user=user).order_by("reviewed_at")
        ],
    }


def export_bookings_and_suggestions(user) -> dict[str, Any]:
    bookings = EventBooking.objects.filter(user=user).select_related("event")
    suggestions = ModuleSuggestion.objects.filter(pa=user).select_related("module__current_version")
    return {
        "event_bookings": [
            {
                "event": booking.event.title,
                "starts_at": iso(booking.event.starts_at),
                "booked_at": iso(booking.created_at),
                "cancelled_at": iso(booking.cancelled_at),
            }
            for booking in bookings.order_by("created_at")
        ],
        "modules_suggested_to_you": [
            {
                "module": suggestion.module.current_version.title
                if suggestion.module.current_version_id
                else suggestion.module.slug,
                "message": suggestion.message,
                "at": iso(suggestion.created_at),
            }
            for suggestion in suggestions.order_by("created_at")
        ],
        "peer_supporter_roles": [
            {
                "organisation": role.organisation.name,
                "since": iso(role.created_at),
                "ended_at": iso(role.ended_at),
            }
            for role in PeerSupporter.objects.filter(user=user)
            .select_related("organisation")
            .order_by("created_at")
        ],
    }


def export_learning(user) -> dict[str, Any] | None:
    exported = {
        **export_courses(user),
        **export_planning(user),
        **export_cpd(user),
        **export_bookings_and_suggestions(user),
    }
    return exported if any(exported.values()) else None


def delete_learning(user) -> None:
    for entry in CPDEntry.objects.filter(user=user).exclude(evidence_file=""):
        # The file goes with its record: nobody else may ever open it.
        entry.evidence_file.delete(save=False)
    CPDEntry.objects.filter(user=user).delete()
    CPDReview.objects.filter(user=user).delete()
    PlanItem.objects.filter(user=user).delete()
    SelfRating.objects.filter(user=user).delete()
    LearningRecord.objects.filter(user=user).delete()
    EventBooking.objects.filter(user=user).delete()
    ModuleSuggestion.objects.filter(pa=user).delete()
    ModuleSuggestion.objects.filter(employer=user).delete()
    Certificate.objects.filter(user=user).delete()
    ModuleCompletion.objects.filter(user=user).delete()
    QuizAttempt.objects.filter(user=user).delete()
    # Their peer supporter roles go; meet-ups they ran stay with the organisation and no
    # longer name them. Roles they named or ended for others no longer say who did.
    PeerSupporter.objects.filter(user=user).delete()
    PeerSupporter.objects.filter(added_by=user).update(added_by=None)
    PeerSupporter.objects.filter(ended_by=user).update(ended_by=None)
    # The organisation keeps its event; it no longer says which staff member listed it.
    Event.objects.filter(created_by=user).update(created_by=None)
    # A course draft belongs to the training provider; it no longer says who last edited it.
    ModuleDraft.objects.filter(updated_by=user).update(updated_by=None)


register(
    "learning",
    models={
        "learning.QuizAttempt": Fate.DELETED,
        "learning.ModuleCompletion": Fate.DELETED,
        "learning.Certificate": Fate.DELETED,
        "learning.ModuleSuggestion": Fate.DELETED,
        "learning.SelfRating": Fate.DELETED,
        "learning.PlanItem": Fate.DELETED,
        "learning.LearningRecord": Fate.DELETED,
        "learning.CPDEntry": Fate.DELETED,
        "learning.CPDReview": Fate.DELETED,
        "learning.Event": Fate.KEPT_ANONYMISED,
        "learning.EventBooking": Fate.DELETED,
        "learning.ModuleDraft": Fate.KEPT_ANONYMISED,
        "learning.PeerSupporter": Fate.DELETED,
    },
    export=export_learning,
    erase={Step.RECORDS: delete_learning},
)
