"""Delete private files with the rows that own them (e.g. when an account is deleted), and
keep each profile's copies for matching: its user's district, and its skills and interests as
masks.

Receivers rather than service steps, because rows also disappear through cascades from
`user_delete`, and users move (`accounts.services.place_user`, the account details page, the
admin), in the accounts app, which runs without knowing about the register.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from pahub.accounts.models import User
from pahub.register.masks import bit_of, mask_of, without_bits
from pahub.register.models import Evidence, PAProfile
from pahub.taxonomy.models import Interest, Skill


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


# Each list matching reads as bits: the through table's sender, and the profile's mask.
MASKED_LISTS = {
    PAProfile.skills.through: "skills_mask",
    PAProfile.interests.through: "interests_mask",
}


@receiver(m2m_changed, sender=PAProfile.skills.through)
@receiver(m2m_changed, sender=PAProfile.interests.through)
def keep_mask(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """A profile's skills and interests masks (`register.masks`) follow every change to its
    skills and interests, from either side (`profile.skills.set(...)`,
    `skill.profiles.add(...)`), whoever makes it."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    field = MASKED_LISTS[sender]
    if reverse:  # instance is a skill or an interest, pk_set profiles
        _change_bit(field, instance.pk, action, profile_ids=pk_set)
        return
    bits = mask_of(pk_set or ())
    if not bits and action != "post_clear":
        return  # only ids beyond the mask, which has no bits for them
    old = getattr(instance, field)
    if action == "post_clear":
        mask, new = 0, 0
    elif action == "post_add":
        mask, new = F(field).bitor(bits), old | bits
    else:
        mask, new = F(field).bitand(without_bits(bits)), old & without_bits(bits)
    PAProfile.objects.filter(pk=instance.pk).update(**{field: mask})
    # The instance too, so that saving it afterwards does not write back the old mask.
    setattr(instance, field, new)


def _change_bit(field: str, pk: int, action: str, *, profile_ids) -> None:
    bit = bit_of(pk)
    if not bit:
        return
    if action == "post_add":
        PAProfile.objects.filter(pk__in=profile_ids).update(**{field: F(field).bitor(bit)})
        return
    profiles = PAProfile.objects.alias(has_bit=F(field).bitand(bit)).exclude(has_bit=0)
    if action == "post_remove":
        profiles = profiles.filter(pk__in=profile_ids)
    profiles.update(**{field: F(field).bitand(without_bits(bit))})


@receiver(post_delete, sender=Skill)
@receiver(post_delete, sender=Interest)
def clear_deleted_bit(sender, instance, **kwargs) -> None:
    """A deleted skill's or interest's rows go with it (a cascade, which sends no m2m signal):
    its bit goes from every profile too."""
    field = "skills_mask" if sender is Skill else "interests_mask"
    _change_bit(field, instance.pk, "post_clear", profile_ids=None)
