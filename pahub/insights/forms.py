"""The dashboard filter: which of the commissioner's areas, and which dates."""

from datetime import date

from django import forms

from pahub.core.forms import Form, GovukDateField
from pahub.insights.permissions import AreaChoice


class InsightsFilterForm(Form):
    """Sent by GET, so a filtered dashboard has an address to bookmark and share. The date
    fields are `from` and `to` (from_day, from_month, from_year...)."""

    area = forms.ChoiceField(label="Area", required=False)

    def __init__(self, data, *, areas: list[AreaChoice], default_period: tuple[date, date]):
        super().__init__(data)
        self.default_period = default_period
        self.fields["area"].choices = [(choice.value, choice.label) for choice in areas]
        self.fields["area"].error_messages["invalid_choice"] = "Choose one of your areas"
        self.fields["from"] = GovukDateField(
            label="From", required=False, help_text="For example, 1 4 2026"
        )
        self.fields["to"] = GovukDateField(
            label="To", required=False, help_text="For example, 30 9 2026"
        )
        if not self.is_bound:
            self.initial = {"from": default_period[0], "to": default_period[1]}

    def clean(self) -> dict:
        cleaned = super().clean()
        start = cleaned.get("from") or self.default_period[0]
        end = cleaned.get("to") or self.default_period[1]
        if "from" in cleaned and "to" in cleaned and start > end:
            self.add_error("to", "The date to must be the same as or after the date from")
        cleaned["start"], cleaned["end"] = start, end
        return cleaned
