from django import forms

from pahub.core.imports.kinds import registry
from pahub.core.imports.models import ImportRun
from pahub.core.imports.reading import MOST_BYTES, MOST_ROWS


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label="What does the file hold?",
        choices=(),
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the file holds"},
    )
    organisation = forms.TypedChoiceField(
        label="Import for", coerce=int, error_messages={"required": "Select the organisation"}
    )
    file = forms.FileField(
        label="Upload a file",
        help_text=f"A CSV file or an Excel workbook (.xlsx) with a header row, up to "
        f"{MOST_ROWS:,} rows and {MOST_BYTES // (1024 * 1024)} MB.",
        error_messages={"required": "Select a file", "empty": "The file is empty."},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Only the kinds an app has registered (pahub.core.imports.kinds).
        order = ImportRun.Kind.values
        kinds = sorted(registry.all(), key=lambda kind: order.index(kind.name))
        self.fields["kind"].choices = [(kind.name, kind.title) for kind in kinds]
        self.organisations = {org.pk: org for org in organisations}
        self.fields["organisation"].choices = [(org.pk, org.name) for org in organisations]
        if len(organisations) == 1:
            # Nothing to choose: most staff work for one organisation.
            del self.fields["organisation"]

    def chosen_organisation(self):
        if "organisation" not in self.fields:
            return next(iter(self.organisations.values()))
        return self.organisations[self.cleaned_data["organisation"]]


class ColumnsForm(forms.Form):
    """One select per PA Hub field, listing the file's headers."""

    def __init__(self, *args, kind, header: list[str], initial_mapping: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "Not in this file")] + [(name, name) for name in header if name]
        for item in kind.fields:
            self.fields[item.name] = forms.ChoiceField(
                label=item.label + ("" if item.required else " (optional)"),
                help_text=item.hint,
                choices=choices,
                required=False,
                initial=initial_mapping.get(item.name, ""),
            )
