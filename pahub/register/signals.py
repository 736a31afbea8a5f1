"""Delete private files with the rows that own them (e.g. when an account is deleted), and
keep each profile's copies for matching: its user's district, and its skills as a mask.

Receivers rather than service steps, because rows also disappear through cascades from
`user_delete`, and users move (`accounts.services.place_user`, the account details page, the
admin), in the accounts app, which runs without knowing about the register.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from pahub.accounts.models import User
from pahub.register.models import Evidence, PAProfile
from pahub.register.skills_mask import mask_of, skill_bit, without_bits
from pahub.taxonomy.models import Skill


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


@receiver(m2m_changed, sender=PAProfile.skills.through)
def keep_skills_mask(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """`PAProfile.skills_mask` follows every change to a profile's skills, from either side
    (`profile.skills.set(...)`, `skill.profiles.add(...)`), whoever makes it."""
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # instance is a skill, pk_set profiles
        _change_skill_bit(instance.pk, action, profile_ids=pk_set)
        return
    bits = mask_of(pk_set or ())
    if not bits and action != "post_clear":
        return  # only skills numbered beyond the mask, which has no bits for them
    if action == "post_clear":
        mask, instance.skills_mask = 0, 0
    elif action == "post_add":
        mask, instance.skills_mask = F("skills_mask").bitor(bits), instance.skills_mask | bits
    else:
        mask = F("skills_mask").bitand(without_bits(bits))
        instance.skills_mask = instance.skills_mask & without_bits(bits)
    # The instance too (above), so that saving it afterwards does not write back the old mask.
    PAProfile.objects.filter(pk=instance.pk).update(skills_mask=mask)


def _change_skill_bit(skill_id: int, action: str, *, profile_ids) -> None:
    bit = skill_bit(skill_id)
    if not bit:
        return
    if action == "post_add":
        PAProfile.objects.filter(pk__in=profile_ids).update(skills_mask=F("skills_mask").bitor(bit))
        return
    profiles = PAProfile.objects.alias(has_bit=F("skills_mask").bitand(bit)).exclude(has_bit=0)
    if action == "post_remove":
        profiles = profiles.filter(pk__in=profile_ids)
    profiles.update(skills_mask=F("skills_mask").bitand(without_bits(bit)))


@receiver(post_delete, sender=Skill)
def clear_deleted_skills_bit(sender, instance: Skill, **kwargs) -> None:
    """A deleted skill's rows go with it (a cascade, which sends no m2m signal): its bit too."""
    _change_skill_bit(instance.pk, "post_clear", profile_ids=None)
