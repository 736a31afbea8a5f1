"""Places: local authorities (spokes) and the postcode districts people are placed in.

Every user is placed by postcode in a district, and through it in a local authority. Only the
district (outcode, like NE1) is stored for places, never a full postcode: it is enough for
"how far" questions and reveals much less about where someone lives.
"""

from django.db import models


class LocalAuthority(models.Model):
    """A council area (ONS local authority district). A spoke is one where PA Hub runs locally."""

    gss_code = models.CharField("GSS code", max_length=9, primary_key=True)
    name = models.CharField(max_length=100)
    # The plain address of its spoke: /areas/<slug>/ (the name, slugified; see places.slugs).
    slug = models.SlugField(max_length=110, unique=True)
    region_name = models.CharField(
        max_length=50, help_text="English region, or the country in Scotland and Wales."
    )
    is_spoke = models.BooleanField(
        "PA Hub spoke",
        default=False,
        help_text="PA Hub runs a local spoke here, with a local support organisation.",
    )
    support_phone = models.CharField(max_length=30, blank=True)
    support_email = models.EmailField(blank=True)
    support_url = models.URLField("support website", blank=True)
    # Where to report that an adult may be at risk of abuse or neglect here. Set by the
    # council's own staff (pahub.support.concerns); never invented: when empty, pages show
    # 999 and GOV.UK's route to find the council's number.
    safeguarding_phone = models.CharField("adult safeguarding phone", max_length=30, blank=True)
    safeguarding_email = models.EmailField("adult safeguarding email", blank=True)
    safeguarding_hours = models.CharField(
        "when the safeguarding line is open", max_length=200, blank=True
    )
    safeguarding_url = models.URLField("adult safeguarding web page", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A postcode district (outcode), like NE1, with its centroid and majority local authority.

    Nine non-geographic districts (PO boxes and bulk mail, like BN91) have no centroid and no
    local authority.
    """

    outcode = models.CharField(max_length=4, primary_key=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    local_authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="districts",
        help_text="The local authority holding most of the district's postcodes.",
    )
    postcode_count = models.PositiveIntegerField(default=0)
    local_authorities = models.ManyToManyField(
        LocalAuthority,
        through="DistrictLocalAuthority",
        related_name="overlapping_districts",
        blank=True,
        help_text="Every local authority with postcodes in this district.",
    )

    class Meta:
        ordering = ["outcode"]
        indexes = [
            # For the bounding-box prefilter in queries.districts_within.
            models.Index(fields=["latitude", "longitude"], name="places_district_lat_lon"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(latitude__isnull=True, longitude__isnull=True)
                    | models.Q(latitude__isnull=False, longitude__isnull=False)
                ),
                name="places_district_centroid_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.outcode

    @property
    def has_centroid(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class DistrictLocalAuthority(models.Model):
    """How many of a district's postcodes lie in one local authority.

    A district can straddle a boundary (NE13 is partly in Northumberland), so a spoke may want
    to reach people in districts whose majority authority is a neighbour.
    """

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="local_authority_shares"
    )
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="district_shares"
    )
    postcode_count = models.PositiveIntegerField()

    class Meta:
        verbose_name = "district in a local authority"
        verbose_name_plural = "districts in local authorities"
        constraints = [
            models.UniqueConstraint(
                fields=["district", "local_authority"], name="places_district_local_authority"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.district_id} in {self.local_authority_id}"
