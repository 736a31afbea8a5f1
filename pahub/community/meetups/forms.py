"""The meet-ups search: learning's event search, offering only the meet-up kinds."""

from typing import Any

from pahub.learning.events.forms import EventSearchForm
from pahub.learning.models import MEETUP_KINDS, Event


class MeetupSearchForm(EventSearchForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        kind.label = "Kind of meet-up"
        kind.choices = [
            ("", "Any meet-up"),
            *[(value, label) for value, label in Event.Kind.choices if value in MEETUP_KINDS],
        ]
        kind.error_messages["invalid_choice"] = "Choose a kind of meet-up from the list"

    def kinds_asked(self) -> tuple[str, ...]:
        """The kind chosen, or every kind of meet-up: never courses."""
        return super().kinds_asked() or MEETUP_KINDS
