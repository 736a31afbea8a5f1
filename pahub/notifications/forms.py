"""The preferences form, generated from the registry: one set of radios per kind a person may
choose for, so a newly registered kind appears without any change here."""

from django import forms

from pahub.notifications.registry import Channel, Kind, registry

CHANNEL_HINTS = {
    Channel.EMAIL: "You also see it in your notifications on PA Hub.",
    Channel.DIGEST: "One email a day listing everything you chose this for.",
    Channel.IN_APP: "In your notifications on PA Hub, with no email.",
    Channel.OFF: "Nothing at all.",
}


def channel_field(kind: Kind) -> forms.ChoiceField:
    field = forms.ChoiceField(
        label=kind.label,
        choices=Channel.choices,
        widget=forms.RadioSelect,
        help_text=kind.hint,
        error_messages={
            "required": f"Choose how you want to hear about: {kind.label.lower()}",
            "invalid_choice": f"Choose one of the ways to hear about: {kind.label.lower()}",
        },
    )
    field.option_hints = CHANNEL_HINTS
    return field


class PreferencesForm(forms.Form):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in registry:
            if not kind.required:
                self.fields[kind.field_name] = channel_field(kind)

    def clean(self) -> dict:
        cleaned = super().clean()
        # A required kind has no radios; a hand-made POST that tries to turn one down is told why.
        for kind in registry:
            value = self.data.get(kind.field_name)
            if kind.required and value is not None and not kind.allows(value):
                self.add_error(None, f"You cannot turn off “{kind.label}”: {kind.reason}")
        return cleaned

    def choices(self) -> dict[str, str]:
        return {
            kind.key: self.cleaned_data[kind.field_name]
            for kind in registry
            if kind.field_name in self.cleaned_data
        }


def initial_for(preferences: dict[str, str]) -> dict[str, str]:
    return {registry.get(key).field_name: channel for key, channel in preferences.items()}
