"""Forms for evidence and references. Messages say exactly what to fix.

About 500 lines on purpose: one form per kind of evidence (identity, DBS, right to work,
driving licence, qualification, specialist skill) and the two reference forms, all built on
`EvidenceForm` and its few helpers here; split up, each would be a short file importing the
same base.

Each evidence form has `details()`: the model fields it sets, ready for
`evidence.services.evidence_add` / `evidence_change`, and `initial_for(evidence)` to fill
the form again when a PA changes an item.
"""

import re
from typing import Any, ClassVar

from django import forms

from pahub.core.forms import Form, GovukDateField, YesNoField, yes_no
from pahub.register.models import Evidence, ReferenceRequest
from pahub.register.uploads import DocumentField
from pahub.taxonomy.dbs import CERTIFICATE_CHOICES
from pahub.taxonomy.models import Skill

YES_NO_NOT_SURE = [("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure")]
DECLARATION = "The information I have given is true"


def declaration_field(label: str = DECLARATION) -> forms.BooleanField:
    return forms.BooleanField(
        label=label,
        error_messages={"required": "Confirm that the information you have given is true"},
    )


def require_detail_for_other(
    form: forms.Form, *, choice: str, other: str, detail: str, message: str
) -> None:
    """When "other" is chosen, the text field saying what it is becomes required."""
    cleaned = form.cleaned_data
    if cleaned.get(choice) == other and not (cleaned.get(detail) or "").strip():
        form.add_error(detail, message)


class EvidenceForm(Form):
    """The shared shape of every "add evidence" form."""

    kind: ClassVar[str]
    declared: ClassVar[bool] = False
    has_document: ClassVar[bool] = False

    # Each kind's form defines these two; the base class has no meaningful answer.
    def details(self) -> dict[str, Any]:
        raise TypeError(f"{type(self).__name__} must define details()")

    @classmethod
    def initial_for(cls, evidence: Evidence) -> dict[str, Any]:
        raise TypeError(f"{cls.__name__} must define initial_for()")


class IdentityForm(EvidenceForm):
    kind = Evidence.Kind.IDENTITY
    declared = True

    identity_document = forms.ChoiceField(
        label="Which document will you show staff?",
        help_text="Choose a document with your photo on it. It must be the original, not a copy.",
        choices=Evidence.IdentityDocument.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the document you will show staff"},
    )
    other_document = forms.CharField(
        label="If you chose another document, which one?",
        required=False,
        max_length=200,
    )
    declaration = declaration_field()

    def clean(self) -> dict:
        cleaned = super().clean()
        require_detail_for_other(
            self,
            choice="identity_document",
            other=Evidence.IdentityDocument.OTHER,
            detail="other_document",
            message="Enter the name of the document you will show",
        )
        return cleaned

    def details(self) -> dict[str, Any]:
        document = self.cleaned_data["identity_document"]
        other = self.cleaned_data["other_document"].strip()
        return {
            "identity_document": document,
            "title": other if document == Evidence.IdentityDocument.OTHER else "",
        }

    @classmethod
    def initial_for(cls, evidence: Evidence) -> dict[str, Any]:
        return {"identity_document": evidence.identity_document, "other_document": evidence.title}


DBS_NUMBER_MESSAGE = (
    "Enter the 12-digit certificate number, printed at the top right of the certificate"
)


class DbsForm(EvidenceForm):
    kind = Evidence.Kind.DBS

    dbs_type = forms.ChoiceField(
        label="What type of DBS check is your certificate?",
        help_text="It says at the top of the certificate.",
        choices=CERTIFICATE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of DBS certificate"},
    )
    dbs_certificate_number = forms.CharField(
        label="Certificate number",
        help_text="12 digits, printed at the top right of the certificate.",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-20",
                "inputmode": "numeric",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": DBS_NUMBER_MESSAGE},
    )
    dbs_issue_date = GovukDateField(
        label="Issue date",
        help_text="Printed on the certificate. For example, 27 3 2025.",
        past_message="Issue date must be in the past",
        error_messages={"required": "Enter the issue date"},
    )
    dbs_on_update_service = YesNoField(
        label="Is your certificate on the DBS Update Service?",
        help_text=(
            "The Update Service keeps your certificate up to date, so you do not need a new "
            "check for each job. You join it yourself and pay a yearly fee."
        ),
        required_message="Select yes if your certificate is on the DBS Update Service",
    )
    dbs_status_check_consent = YesNoField(
        label="If it is on the Update Service, may staff check its status?",
        help_text=(
            "A status check is free and online. It shows whether anything new has been added "
            "since the certificate was issued. Staff can only do it with your agreement."
        ),
        required_message="",
        required=False,
        empty_value=None,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dbs_type"].option_hints = {
            Evidence.DbsType.BASIC: "Shows unspent convictions only.",
            Evidence.DbsType.STANDARD: "Shows spent and unspent convictions and cautions.",
            Evidence.DbsType.ENHANCED: "A standard check plus relevant police information.",
            Evidence.DbsType.ENHANCED_ADULTS_BARRED: (
                "An enhanced check that also says whether you are barred from working with "
                "adults. This is the check for PAs who give personal care."
            ),
        }

    def clean_dbs_certificate_number(self) -> str:
        number = self.cleaned_data["dbs_certificate_number"].replace(" ", "")
        if not re.fullmatch(r"\d{12}", number):
            raise forms.ValidationError(DBS_NUMBER_MESSAGE, code="invalid")
        return number

    def clean(self) -> dict:
        cleaned = super().clean()
        on_update_service = cleaned.get("dbs_on_update_service")
        if on_update_service and cleaned.get("dbs_status_check_consent") is None:
            self.add_error(
                "dbs_status_check_consent",
                "Select yes if you agree to staff checking your certificate on the Update Service",
            )
        return cleaned

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        on_update_service = bool(data["dbs_on_update_service"])
        return {
            "dbs_type": data["dbs_type"],
            "dbs_certificate_number": data["dbs_certificate_number"],
            "dbs_issue_date": data["dbs_issue_date"],
            "dbs_on_update_service": on_update_service,
            "dbs_status_check_consent": on_update_service
            and bool(data["dbs_status_check_consent"]),
        }

    @classmethod
    def initial_for(cls, evidence: Evidence) -> dict[str, Any]:
        return {
            "dbs_type": evidence.dbs_type,
            "dbs_certificate_number": evidence.dbs_certificate_number,
            "dbs_issue_date": evidence.dbs_issue_date,
            "dbs_on_update_service": yes_no(evidence.dbs_on_update_service),
            "dbs_status_check_consent": (
                yes_no(evidence.dbs_status_check_consent)
                if evidence.dbs_on_update_service
                else None
            ),
        }


SHARE_CODE_MESSAGE = "Enter the share code as 9 letters and numbers, like W12 345 678"


class RightToWorkForm(EvidenceForm):
    kind = Evidence.Kind.RIGHT_TO_WORK
    declared = True

    right_to_work = forms.ChoiceField(
        label="Why can you work in the UK?",
        choices=Evidence.RightToWork.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why you can work in the UK"},
    )
    other_reason = forms.CharField(
        label="If you chose something else, tell us what",
        required=False,
        max_length=200,
    )
    share_code = forms.CharField(
        label="Share code (optional)",
        help_text=(
            "If you have settled or pre-settled status or a visa, you can get a share code "
            "on GOV.UK ('Prove your right to work to an employer'). It is 9 letters and "
            "numbers, like W12 345 678."
        ),
        required=False,
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-10",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
    )
    declaration = declaration_field()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["right_to_work"].option_hints = {
            Evidence.RightToWork.BRITISH_OR_IRISH: "Staff will look at your passport.",
            Evidence.RightToWork.SETTLED: "Under the EU Settlement Scheme.",
            Evidence.RightToWork.VISA: "For example, a Health and Care Worker visa.",
        }

    def clean_share_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["share_code"]).upper()
        if code and not re.fullmatch(r"[A-Z0-9]{9}", code):
            raise forms.ValidationError(SHARE_CODE_MESSAGE, code="invalid")
        return code

    def clean(self) -> dict:
        cleaned = super().clean()
        require_detail_for_other(
            self,
            choice="right_to_work",
            other=Evidence.RightToWork.OTHER,
            detail="other_reason",
            message="Tell us why you can work in the UK",
        )
        return cleaned

    def details(self) -> dict[str, Any]:
        status = self.cleaned_data["right_to_work"]
        other = self.cleaned_data["other_reason"].strip()
        return {
            "right_to_work": status,
            "share_code": self.cleaned_data["share_code"],
            "title": other if status == Evidence.RightToWork.OTHER else "",
        }

    @classmethod
    def initial_for(cls, evidence: Evidence) -> dict[str, Any]:
        return {
            "right_to_work": evidence.right_to_work,
            "share_code": evidence.share_code,
            "other_reason": evidence.title,
        }


LICENCE_MESSAGE = (
    "Enter your driving licence number as it is on your licence: 16 letters and numbers, "
    "like MORGA753116SM9IJ"
)
# Surname (5, padded with 9s), date of birth (6 digits), initials (2), a digit, 2 check characters.
LICENCE_PATTERN = re.compile(r"[A-Z9]{5}\d(?P<month>\d{2})\d{3}[A-Z9]{2}\d[A-Z0-9]{2}")


class DrivingLicenceForm(EvidenceForm):
    kind = Evidence.Kind.DRIVING_LICENCE
    declared = True

    driving_licence_number = forms.CharField(
        label="Driving licence number (optional)",
        help_text=(
            "16 letters and numbers, in section 5 of your photocard licence. Staff will look "
            "at your licence when they check it."
        ),
        required=False,
        max_length=30,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-20",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
    )
    declaration = declaration_field("I have a full, valid UK driving licence")

    def clean_driving_licence_number(self) -> str:
        number = re.sub(r"\s", "", self.cleaned_data["driving_licence_number"]).upper()
        if not number:
            return ""
        match = LICENCE_PATTERN.fullmatch(number)
        # The month digits hold the birth month, plus 50 for women: 01-12 or 51-62.
        if match is None or int(match["month"]) % 50 not in range(1, 13):
            raise forms.ValidationError(LICENCE_MESSAGE, code="invalid")
        return number

    def details(self) -> dict[str, Any]:
        return {"driving_licence_number": self.cleaned_data["driving_licence_number"]}

    @classmethod
    def initial_for(cls, evidence: Evidence) -> dict[str, Any]:
        return {"driving_licence_number": evidence.driving_licence_number}


class QualificationForm(EvidenceForm):
    kind = Evidence.Kind.QUALIFICATION
    has_document = True

    title = forms.CharField(
        label="Name of the qualification",
        help_text="For example, Level 2 Diploma in Care.",
        max_length=200,
        error_messages={"required": "Enter the name of the qualification"},
    )
    awarding_body = forms.CharField(
        label="Awarding body",
        help_text="The organisation that awarded it, for example City & Guilds.",
        max_length=200,
        error_messages={"required": "Enter the name of the awarding body"},
    )
    achieved_on = GovukDateField(
        label="Date achieved",
        help_text="For example, 14 6 2023.",
        past_message="Date achieved must be in the past",
        error_messages={"required": "Enter the date you achieved it"},
    )
    document = DocumentField(
        help_text="A photo or scan of your certificate: a PDF, JPG or PNG, smaller than 10MB."
    )

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "awarding_body": data["awarding_body"].strip(),
            "achieved_on": data["achieved_on"],
        }

    @classmethod
    def initial_for(cls, evidence: Evidence) -> dict[str, Any]:
        return {
            "title": evidence.title,
            "awarding_body": evidence.awarding_body,
            "achieved_on": evidence.achieved_on,
        }


class SpecialistForm(EvidenceForm):
    kind = Evidence.Kind.SPECIALIST
    has_document = True

    skill = forms.ModelChoiceField(
        label="Which specialist skill is your evidence for?",
        queryset=Skill.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": "Select the skill your evidence is for"},
    )
    title = forms.CharField(
        label="What is your evidence?",
        help_text="For example, PEG feeding training from Newcastle hospitals, March 2025.",
        max_length=200,
        error_messages={"required": "Describe your evidence"},
    )
    document = DocumentField(
        help_text="A certificate or letter: a PDF, JPG or PNG, smaller than 10MB."
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        skills = list(Skill.objects.filter(is_specialist=True, is_active=True))
        field = self.fields["skill"]
        field.queryset = Skill.objects.filter(pk__in=[skill.pk for skill in skills])
        field.option_hints = {skill.pk: skill.description for skill in skills}

    def details(self) -> dict[str, Any]:
        return {"skill": self.cleaned_data["skill"], "title": self.cleaned_data["title"].strip()}

    @classmethod
    def initial_for(cls, evidence: Evidence) -> dict[str, Any]:
        return {"skill": evidence.skill_id, "title": evidence.title}


FORM_FOR_KIND: dict[str, type[EvidenceForm]] = {
    form.kind: form
    for form in (
        IdentityForm,
        DbsForm,
        RightToWorkForm,
        DrivingLicenceForm,
        QualificationForm,
        SpecialistForm,
    )
}


# References


class ReferenceRequestForm(Form):
    referee_name = forms.CharField(
        label="Your referee's full name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        error_messages={"required": "Enter your referee's full name"},
    )
    referee_email = forms.EmailField(
        label="Your referee's email address",
        help_text="We will email them a link to a short form. It takes about 3 minutes.",
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your referee's email address",
            "invalid": "Enter an email address in the right format, like name@example.org",
        },
    )
    relationship = forms.ChoiceField(
        label="How does your referee know you?",
        choices=ReferenceRequest.Relationship.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how your referee knows you"},
    )
    note = forms.CharField(
        label="A note to your referee (optional)",
        help_text=(
            "We put it in the email, marked as your own words. For example, remind them when "
            "you worked together."
        ),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, pa_email: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pa_email = pa_email.lower()

    def clean_referee_email(self) -> str:
        email = self.cleaned_data["referee_email"].strip().lower()
        if email == self.pa_email:
            raise forms.ValidationError(
                "Enter your referee's email address, not your own", code="own_email"
            )
        return email


class ReferenceAnswerForm(Form):
    known_for = forms.CharField(
        max_length=120,
        help_text="For example, 3 years.",
        error_messages={"required": "Enter how long you have known them"},
    )
    capacity = forms.CharField(
        help_text="For example, they were my PA, or I managed them at work.",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say how you know them"},
    )
    reliable = forms.ChoiceField(
        choices=YES_NO_NOT_SURE,
        widget=forms.RadioSelect(attrs={"inline": True}),
        error_messages={"required": "Select whether they are reliable"},
    )
    would_recommend = forms.ChoiceField(
        choices=YES_NO_NOT_SURE,
        widget=forms.RadioSelect(attrs={"inline": True}),
        error_messages={"required": "Select whether you would recommend them as a PA"},
    )
    comments = forms.CharField(
        label="Anything else you want to tell us (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    declaration = forms.BooleanField(
        label="What I have written is true",
        error_messages={"required": "Confirm that what you have written is true"},
    )

    def __init__(self, *args, pa_name: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["known_for"].label = f"How long have you known {pa_name}?"
        self.fields["capacity"].label = f"How do you know {pa_name}?"
        self.fields["reliable"].label = f"Is {pa_name} reliable?"
        self.fields[
            "would_recommend"
        ].label = f"Would you recommend {pa_name} as a Personal Assistant?"

    def answers(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            "known_for": data["known_for"].strip(),
            "capacity": data["capacity"].strip(),
            "reliable": data["reliable"],
            "would_recommend": data["would_recommend"],
            "comments": data["comments"].strip(),
        }
