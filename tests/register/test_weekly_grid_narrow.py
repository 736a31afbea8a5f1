"""The 7 x 6 weekly grid reads one day at a time on a narrow screen: each box shows its part
of the day beside it, while its accessible name stays the full "day and time" label."""

import re

from django.template.loader import render_to_string

from pahub.register.availability import PARTS
from pahub.register.models import PAProfile
from pahub.register.profile.forms import AvailabilityForm


def render_grid() -> str:
    form = AvailabilityForm(profile=PAProfile(availability=0))
    return render_to_string(
        "includes/weekly_grid.html",
        {"field": form["availability"], "grid": form.grid, "parts": form.parts, "caption": "Week"},
    )


def test_each_box_shows_its_part_of_the_day_and_keeps_its_full_label():
    html = render_grid()
    labels = re.findall(
        r'<label class="govuk-label govuk-checkboxes__label"[^>]*>(.*?)</label>', html
    )

    assert len(labels) == 7 * len(PARTS)
    # Read as "Monday morning" in either layout; only "morning" shows on a narrow screen.
    assert labels[1] == (
        '<span class="govuk-visually-hidden">Monday </span>'
        '<span class="pahub-week-grid__part">morning</span>'
    )
    assert 'class="govuk-table pahub-week-grid"' in html
