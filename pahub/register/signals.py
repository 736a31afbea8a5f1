"""Delete private files with the rows that own them (e.g. when an account is deleted), and
keep each profile's copy of its user's district.

Receivers rather than service steps, because rows also disappear through cascades from
`user_delete`, and users move (`accounts.services.place_user`, the account details page, the
admin), in the accounts app, which runs without knowing about the register.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from pahub.accounts.models import User
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


@receiver(post_save, sender=User)
def copy_user_district(sender, instance: User, created: bool, update_fields=None, **kwargs) -> None:
    """Matching reads the PA's district from their profile (`PAProfile.district`)."""
    if created or (update_fields is not None and "district" not in update_fields):
        return  # a new user has no profile yet; the profile copies the district when made
    PAProfile.objects.filter(user_id=instance.pk).exclude(district_id=instance.district_id).update(
        district_id=instance.district_id
    )
