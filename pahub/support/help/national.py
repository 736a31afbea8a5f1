"""Well-known national services for when no organisation on PA Hub serves someone's area.

Only services we are sure of, linked to their own sites; a phone number only where it is the
service's long-published national number. Never make one up: a wrong number sends a person
with a problem at work nowhere.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class NationalRoute:
    name: str
    url: str
    for_what: str
    phone: str = ""


NATIONAL_ROUTES: tuple[NationalRoute, ...] = (
    NationalRoute(
        name="Acas",
        url="https://www.acas.org.uk",
        for_what=(
            "Free, impartial advice on employment rights and problems at work, for PAs and "
            "for employers: contracts, pay, holidays, sickness and disagreements."
        ),
        phone="0300 123 1100",
    ),
    NationalRoute(
        name="Citizens Advice",
        url="https://www.citizensadvice.org.uk",
        for_what=(
            "Free advice on work, money, benefits and direct payments. Their site tells you "
            "how to contact your local Citizens Advice."
        ),
    ),
    NationalRoute(
        name="Skills for Care",
        url="https://www.skillsforcare.org.uk",
        for_what=(
            "Guidance and toolkits for people who employ their own care and support, and "
            "for Personal Assistants."
        ),
    ),
    NationalRoute(
        name="Disability Rights UK",
        url="https://www.disabilityrightsuk.org",
        for_what="Information on direct payments, personal budgets and disabled people's rights.",
    ),
)
