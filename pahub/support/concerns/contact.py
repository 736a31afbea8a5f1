"""Who to call: the council's adult safeguarding contact when it has set one, and otherwise
only numbers and routes that are certainly right (999, and GOV.UK's page that finds the
council for a postcode). PA Hub never shows an invented or guessed number."""

from dataclasses import dataclass

from pahub.places.models import LocalAuthority

GOV_UK_REPORT_URL = "https://www.gov.uk/report-safeguarding-issue"


@dataclass(frozen=True)
class SafeguardingContact:
    area: LocalAuthority | None
    phone: str
    email: str
    hours: str
    url: str

    @property
    def is_set(self) -> bool:
        return bool(self.phone or self.email or self.url)


def contact_for(area: LocalAuthority | None) -> SafeguardingContact:
    if area is None:
        return SafeguardingContact(area=None, phone="", email="", hours="", url="")
    return SafeguardingContact(
        area=area,
        phone=area.safeguarding_phone,
        email=area.safeguarding_email,
        hours=area.safeguarding_hours,
        url=area.safeguarding_url,
    )
