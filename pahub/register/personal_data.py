"""The PA register's part of a person's data: their profile, evidence (with its private
files), code of conduct and induction. All of it is theirs alone, so deletion removes it."""

from pahub.core.personal_data import Fate, Step, register
from pahub.register.equality.exports import delete_equality_answers, export_equality_answers
from pahub.register.exports import export_register_data
from pahub.register.models import CodeSignature, InductionCompletion, PAProfile


def delete_register_data(user) -> None:
    # Evidence, languages, references and reminders go with the profile; the private files
    # go after commit (register.signals).
    PAProfile.objects.filter(user=user).delete()
    CodeSignature.objects.filter(user=user).delete()
    InductionCompletion.objects.filter(user=user).delete()


register(
    "pa_register",
    models={
        "register.PAProfile": Fate.DELETED,
        "register.ProfileLanguage": Fate.DELETED,
        "register.Evidence": Fate.DELETED,
        "register.ReferenceRequest": Fate.DELETED,
        "register.ExpiryReminder": Fate.DELETED,
        "register.VerificationRecord": Fate.DELETED,
        "register.CodeSignature": Fate.DELETED,
        "register.InductionCompletion": Fate.DELETED,
        # An organisation's import made the profile; goes with it.
        "register.ProfileClaim": Fate.DELETED,
    },
    export=export_register_data,
    erase={Step.PROFILES: delete_register_data},
)

# Special-category answers get their own section of the download, and go first on deletion.
register(
    "equality_monitoring",
    models={"register.EqualityMonitoring": Fate.DELETED},
    export=export_equality_answers,
    erase={Step.BEFORE: delete_equality_answers},
)
