"""The answers, one row per PA who answered or declined; no row means "not asked yet".

The categories are the GOV.UK / ONS harmonised standards used in Census 2021 for England
(docs/equality-monitoring.md names the sources). Age is asked as a band, not a date of birth:
the counts need no more.

Not imported by `pahub.register.models`, which matching reads: the register's AppConfig loads
this module (`RegisterConfig.import_models`), so the import-linter contract that keeps matching
and employer pages away from this package holds for indirect imports too.
"""

from django.db import models

PREFER_NOT_TO_SAY = "prefer_not_to_say"
PREFER_NOT_TO_SAY_LABEL = "Prefer not to say"


class AgeBand(models.TextChoices):
    AGE_16_24 = "16_24", "16 to 24"
    AGE_25_34 = "25_34", "25 to 34"
    AGE_35_44 = "35_44", "35 to 44"
    AGE_45_54 = "45_54", "45 to 54"
    AGE_55_64 = "55_64", "55 to 64"
    AGE_65_PLUS = "65_plus", "65 or over"
    PREFER_NOT = PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    PREFER_NOT = PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL


class EthnicGroup(models.TextChoices):
    WHITE = "white", "White"
    MIXED = "mixed", "Mixed or Multiple ethnic groups"
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    OTHER = "other", "Other ethnic group"
    PREFER_NOT = PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL


class Ethnicity(models.TextChoices):
    """The 19 detailed categories of the ONS ethnic group standard for England, by group."""

    WHITE_BRITISH = "white_british", "English, Welsh, Scottish, Northern Irish or British"
    WHITE_IRISH = "white_irish", "Irish"
    WHITE_GYPSY_TRAVELLER = "white_gypsy_traveller", "Gypsy or Irish Traveller"
    WHITE_ROMA = "white_roma", "Roma"
    WHITE_OTHER = "white_other", "Any other White background"
    MIXED_WHITE_BLACK_CARIBBEAN = "mixed_white_black_caribbean", "White and Black Caribbean"
    MIXED_WHITE_BLACK_AFRICAN = "mixed_white_black_african", "White and Black African"
    MIXED_WHITE_ASIAN = "mixed_white_asian", "White and Asian"
    MIXED_OTHER = "mixed_other", "Any other Mixed or Multiple ethnic background"
    ASIAN_INDIAN = "asian_indian", "Indian"
    ASIAN_PAKISTANI = "asian_pakistani", "Pakistani"
    ASIAN_BANGLADESHI = "asian_bangladeshi", "Bangladeshi"
    ASIAN_CHINESE = "asian_chinese", "Chinese"
    ASIAN_OTHER = "asian_other", "Any other Asian background"
    BLACK_CARIBBEAN = "black_caribbean", "Caribbean"
    BLACK_AFRICAN = "black_african", "African"
    BLACK_OTHER = "black_other", "Any other Black, Black British, or Caribbean background"
    OTHER_ARAB = "other_arab", "Arab"
    OTHER_ANY = "other_any", "Any other ethnic group"
    PREFER_NOT = PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL


def ethnic_group_of(ethnicity: str) -> str:
    """The high-level group a detailed answer belongs to: "asian_indian" -> "asian"."""
    return ethnicity.split("_", 1)[0]


def ethnicities_in(group: str) -> list[tuple[str, str]]:
    """The detailed answers of one group, in the standard's order."""
    return [
        (value, label)
        for value, label in Ethnicity.choices
        if value != PREFER_NOT_TO_SAY and ethnic_group_of(value) == group
    ]


class Disability(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT = PREFER_NOT_TO_SAY, PREFER_NOT_TO_SAY_LABEL


class EqualityMonitoring(models.Model):
    # With the profile, not the account: councils count PAs on their register, and deleting
    # the profile (or the account) deletes the answers with it.
    profile = models.OneToOneField(
        "register.PAProfile", on_delete=models.CASCADE, related_name="equality_monitoring"
    )
    # Blank until answered, and after "I do not want to answer".
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    sex = models.CharField(max_length=20, choices=Sex.choices, blank=True)
    ethnic_group = models.CharField(max_length=20, choices=EthnicGroup.choices, blank=True)
    # The detailed answer within the group; blank when the group was "Prefer not to say".
    ethnicity = models.CharField(max_length=30, choices=Ethnicity.choices, blank=True)
    disability = models.CharField(max_length=20, choices=Disability.choices, blank=True)
    # Exactly one of the two is set: answered, or declined.
    answered_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "register"
        verbose_name = "equality monitoring answers"
        verbose_name_plural = "equality monitoring answers"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True) | models.Q(declined_at__isnull=True),
                name="equality_answered_or_declined",
            ),
        ]

    def __str__(self) -> str:
        # Never the answers: this string lands in audit logs and the admin.
        return f"Equality monitoring of PA profile {self.profile_id}"

    @property
    def declined(self) -> bool:
        return self.declined_at is not None
