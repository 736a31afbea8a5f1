"""The demo's spoke: Newcastle upon Tyne, published by Helen Robson of the demo's Newcastle City
Council, with the council's fictional contact details from `pahub/setup/demo.py` (an
example.org address and one of Ofcom's drama numbers, which ring nobody), and two pieces of
real news for PA employers, each naming the GOV.UK page its figure comes from.

Made through the spoke's services, once: if Newcastle's spoke has been published, nothing is
added again.
"""

from datetime import date

from pahub.accounts.models import User
from pahub.places.models import LocalAuthority
from pahub.spokes.models import SpokeContent
from pahub.spokes.services import (
    ContentInput,
    NewsInput,
    news_item_add,
    spoke_draft_update,
    spoke_publish,
)

AREA = "Newcastle upon Tyne"
EDITOR = "council.admin"  # the demo's Newcastle City Council admin

INTRO = (
    "If you live in Newcastle and get a direct payment, you can use it to employ your own "
    "Personal Assistants (PAs). The council's Direct Payments Team can tell you what your "
    "direct payment covers and how to get started.\n"
    "The organisations below can help you recruit, employ and pay your PAs. If you are worried "
    "that an adult is being abused or neglected, tell the council's adult safeguarding team."
)

NEWS = (
    NewsInput(
        title="The National Living Wage is £12.71 an hour from 1 April 2026",
        body=(
            "From 1 April 2026 you must pay PAs aged 21 and over at least £12.71 an hour "
            "(it was £12.21). PAs aged 18 to 20 must get at least £10.85 an hour.\n"
            "Check your PAs' rates before their first pay period that starts on or after "
            "1 April. The rates are on GOV.UK: National Minimum Wage and National Living Wage "
            "rates."
        ),
        date=date(2026, 3, 2),
        is_published=True,
    ),
    NewsInput(
        title="Statutory Sick Pay from the first day of sickness from 6 April 2026",
        body=(
            "From 6 April 2026 a PA who is off sick gets Statutory Sick Pay from their first "
            "day off, not the fourth, whatever they earn. It is £123.25 a week, or 80% of "
            "their average weekly pay if that is less.\n"
            "Keep some of your direct payment for sickness and cover. The changes are "
            "explained on GOV.UK's business pages: Statutory Sick Pay changes."
        ),
        date=date(2026, 3, 16),
        is_published=True,
    ),
)


def demo_extension(*, people: dict[str, User]) -> None:
    newcastle = LocalAuthority.objects.get(name=AREA)
    if SpokeContent.objects.filter(
        local_authority=newcastle, version=SpokeContent.Version.PUBLISHED
    ).exists():
        return
    editor = people[EDITOR]
    spoke_draft_update(
        local_authority=newcastle,
        by=editor,
        values=ContentInput(
            intro=INTRO,
            team_name="Newcastle City Council Direct Payments Team",
            team_phone="0191 498 0123",
            team_email="direct.payments@newcastle-council.example.org",
            team_hours="Monday to Friday, 9am to 5pm",
            team_url="https://newcastle-council.example.org/direct-payments",
        ),
    )
    spoke_publish(local_authority=newcastle, by=editor)
    for news in NEWS:
        news_item_add(local_authority=newcastle, by=editor, values=news)
