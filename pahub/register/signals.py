"""Delete private files with the rows that own them (e.g. when an account is deleted).

A receiver rather than a service step, because rows also disappear through cascades
from `user_delete`, which the accounts app runs without knowing about the register.
"""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from pahub.register.models import Evidence, PAProfile


def delete_file_after_commit(field_file) -> None:
    if not field_file:
        return
    storage, name = field_file.storage, field_file.name
    transaction.on_commit(lambda: storage.delete(name))


@receiver(post_delete, sender=Evidence)
def delete_evidence_document(sender, instance: Evidence, **kwargs) -> None:
    delete_file_after_commit(instance.document)


@receiver(post_delete, sender=PAProfile)
def delete_profile_photo(sender, instance: PAProfile, **kwargs) -> None:
    delete_file_after_commit(instance.photo)
