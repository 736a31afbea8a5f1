"""The GOV.UK form renderer draws each kind of widget with its own GOV.UK pattern."""

import pytest
from django import forms
from django.template.loader import render_to_string

from pahub.core.forms import widget_kind


class ContactPreferencesForm(forms.Form):
    days = forms.MultipleChoiceField(
        choices=[("mon", "Monday"), ("tue", "Tuesday")], widget=forms.CheckboxSelectMultiple
    )
    contact_by = forms.ChoiceField(
        choices=[("email", "Email"), ("phone", "Phone")], widget=forms.RadioSelect
    )
    note = forms.CharField(widget=forms.Textarea, help_text="Anything else we should know.")


@pytest.mark.parametrize(
    ("widget", "kind"),
    [
        (forms.RadioSelect(), "radios"),
        # CheckboxSelectMultiple subclasses RadioSelect, so the order of the checks matters.
        (forms.CheckboxSelectMultiple(), "checkboxes"),
        (forms.CheckboxInput(), "checkbox"),
        (forms.Textarea(), "textarea"),
        (forms.Select(), "select"),
        (forms.TextInput(), "input"),
        (forms.ClearableFileInput(), "file"),
    ],
    ids=lambda value: value if isinstance(value, str) else type(value).__name__,
)
def test_each_widget_is_drawn_with_its_own_govuk_pattern(widget, kind):
    assert widget_kind(widget) == kind


def test_multiple_choice_checkboxes_are_drawn_as_govuk_checkboxes():
    html = str(ContactPreferencesForm())

    assert 'class="govuk-checkboxes"' in html
    assert 'class="govuk-checkboxes__input"' in html


def test_radios_are_drawn_as_govuk_radios():
    html = str(ContactPreferencesForm())

    assert 'class="govuk-radios"' in html


def test_a_field_with_an_error_links_its_hint_and_error_for_screen_readers():
    form = ContactPreferencesForm({"days": ["mon"], "contact_by": "email", "note": ""})

    html = str(form)

    assert 'aria-describedby="id_note-hint id_note-error"' in html
    assert "govuk-textarea--error" in html
    assert '<p id="id_note-error" class="govuk-error-message">' in html
    # The summary is the page's (base.html, at the top of main), linking to the field.
    assert "govuk-error-summary" not in html
    summary = render_to_string("core/forms/error_summary.html", {"form": form})
    assert '<a href="#id_note">This field is required.</a>' in summary


def test_each_option_hint_is_read_out_with_its_option():
    from django import forms

    class RoleForm(forms.Form):
        role = forms.ChoiceField(
            label="Role", choices=[("a", "Admin"), ("b", "Verifier")], widget=forms.RadioSelect
        )

    form = RoleForm()
    form.fields["role"].option_hints = {"a": "Manages the team."}
    html = str(form)

    assert 'aria-describedby="id_role_0-item-hint"' in html
    assert (
        '<div id="id_role_0-item-hint" class="govuk-hint govuk-radios__hint">Manages the team.</div>'
        in html
    )
    assert "id_role_1-item-hint" not in html


def test_each_option_is_drawn_with_its_choice_ticked_and_its_text_escaped():
    class PickForm(forms.Form):
        picks = forms.MultipleChoiceField(
            choices=[(1, "Tea & <b>cake</b>"), (2, "Coffee")],
            widget=forms.CheckboxSelectMultiple,
        )

    form = PickForm({"picks": ["2"]})
    form.fields["picks"].option_hints = {1: 'Served "hot" <i>'}
    html = str(form["picks"].as_field_group())

    assert (
        '<input class="govuk-checkboxes__input" id="id_picks_0" name="picks" type="checkbox"'
        ' value="1" aria-describedby="id_picks_0-item-hint">' in html
    )
    assert '<label class="govuk-label govuk-checkboxes__label" for="id_picks_0">' in html
    assert "Tea &amp; &lt;b&gt;cake&lt;/b&gt;</label>" in html
    assert "Served &quot;hot&quot; &lt;i&gt;</div>" in html
    assert 'type="checkbox" value="2" checked>' in html
    assert "id_picks_1-item-hint" not in html
