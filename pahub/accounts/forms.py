"""Forms for accounts. Validation messages say exactly what to fix."""

from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ReauthenticateForm as AllauthReauthenticateForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.account.forms import SetPasswordForm as AllauthSetPasswordForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from pahub.accounts.models import Membership, Role, User
from pahub.core.forms import Form, ModelForm, TextRulesMixin
from pahub.places.forms import PostcodeField
from pahub.places.postcodes import InvalidPostcode
from pahub.places.queries import UnknownDistrict, district_for_postcode

ROLE_CHOICES = [
    (Role.PA.value, "Work as a Personal Assistant (PA)"),
    (Role.EMPLOYER.value, "Employ PAs, using a direct payment, personal budget or my own money"),
    (Role.REPRESENTATIVE.value, "Act for someone who employs PAs, such as a family member"),
]
STAFF_CHOICE = ("staff", "Work for an organisation: a council, support agency or training provider")


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    option_hints = {
        Role.PA.value: "Find work, build your profile and get training.",
        Role.EMPLOYER.value: "Find and keep the right PA, and get cover when you need it.",
        Role.REPRESENTATIVE.value: (
            "You can act for them once they agree, or their council records that they agreed."
        ),
        "staff": "Your organisation will send you an invitation to join its team.",
    }


def clean_known_postcode(postcode: str) -> str:
    try:
        district_for_postcode(postcode)
    except (InvalidPostcode, UnknownDistrict) as error:
        raise forms.ValidationError(str(getattr(error, "message", error))) from error
    return postcode


class SaysWhatIsMissing(TextRulesMixin):
    """For allauth's forms: say which answer is missing ("Enter your email address"), never
    Django's generic "This field is required.". allauth builds some fields in __init__, so the
    messages are set after it."""

    required_messages: dict[str, str] = {}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, message in self.required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message


class LoginForm(SaysWhatIsMissing, AllauthLoginForm):
    required_messages = {"login": "Enter your email address", "password": "Enter your password"}


class ResetPasswordForm(SaysWhatIsMissing, AllauthResetPasswordForm):
    required_messages = {"email": "Enter your email address"}


class ResetPasswordKeyForm(SaysWhatIsMissing, AllauthResetPasswordKeyForm):
    required_messages = {
        "password1": "Enter a new password",
        "password2": "Type the new password again",
    }


class ChangePasswordForm(SaysWhatIsMissing, AllauthChangePasswordForm):
    required_messages = {
        "oldpassword": "Enter your current password",
        "password1": "Enter a new password",
        "password2": "Type the new password again",
    }


class SetPasswordForm(SaysWhatIsMissing, AllauthSetPasswordForm):
    required_messages = {
        "password1": "Enter a new password",
        "password2": "Type the new password again",
    }


class AddEmailForm(SaysWhatIsMissing, AllauthAddEmailForm):
    required_messages = {"email": "Enter the email address to add"}


class ReauthenticateForm(SaysWhatIsMissing, AllauthReauthenticateForm):
    required_messages = {"password": "Enter your password"}


class SignupForm(TextRulesMixin, AllauthSignupForm):
    full_name = forms.CharField(
        label="Full name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    postcode = PostcodeField(
        label="Home postcode",
        help_text=(
            "We use it to show you what is near you. Only the first half (for example NE1) "
            "is ever shown to anyone else."
        ),
    )
    roles = RolesField(
        label="What do you want to do on PA Hub?",
        help_text="Select all that apply. You can change this later.",
        choices=[*ROLE_CHOICES, STAFF_CHOICE],
        error_messages={"required": "Select what you want to do on PA Hub"},
    )

    field_order = ["full_name", "email", "postcode", "roles", "password1", "password2"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)
        self.fields["email"].label = "Email address"
        self.fields["email"].help_text = "We will send you a link to confirm it."
        self.fields["email"].widget.attrs.pop("placeholder", None)
        self.fields["email"].error_messages["required"] = "Enter your email address"
        self.fields["password1"].label = "Create a password"
        self.fields[
            "password1"
        ].help_text = "Use at least 10 characters. A short sentence works well."
        self.fields["password1"].error_messages["required"] = "Create a password"
        self.fields["password2"].label = "Type the password again"
        self.fields["password2"].error_messages["required"] = "Type the password again"
        self.fields["full_name"].error_messages["required"] = "Enter your full name"
        self.fields["postcode"].error_messages["required"] = "Enter your home postcode"
        for name in ("password1", "password2"):
            self.fields[name].widget.attrs.pop("placeholder", None)

    def clean_postcode(self) -> str:
        return clean_known_postcode(self.cleaned_data["postcode"])


class DetailsForm(ModelForm):
    postcode = PostcodeField(
        label="Home postcode",
        help_text="Only the first half (for example NE1) is ever shown to anyone else.",
    )
    roles = RolesField(
        label="What do you use PA Hub for?",
        help_text="Select all that apply.",
        choices=ROLE_CHOICES,
        required=False,
    )

    class Meta:
        model = User
        fields = ["full_name", "known_as", "phone", "postcode"]
        help_texts = {
            "known_as": "The name other people on PA Hub see. Leave it blank to use your full name.",
            "phone": "Optional. Only shared when you choose to share your contact details.",
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "known_as": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        error_messages = {"full_name": {"required": "Enter your full name"}}

    def clean_postcode(self) -> str:
        return clean_known_postcode(self.cleaned_data["postcode"])


class DeleteAccountForm(Form):
    password = forms.CharField(
        label="Enter your password to confirm",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("The password is not right. Try again.")
        return password


class RepresentationRequestForm(Form):
    employer_email = forms.EmailField(
        label="The employer's email address",
        help_text="The email address they use for their PA Hub account.",
        error_messages={
            "required": "Enter the employer's email address",
            "invalid": "Enter an email address in the right format, like name@example.com",
        },
    )
    relationship = forms.CharField(
        label="How are you related to them?",
        help_text="For example: daughter, husband, appointed deputy, friend.",
        max_length=120,
        error_messages={"required": "Say how you are related to them"},
    )


class StaffInvitationForm(Form):
    email = forms.EmailField(
        label="Their work email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the right format, like name@example.org",
        },
    )
    role = forms.ChoiceField(
        label="What will they do?",
        choices=Membership.StaffRole.choices,
        widget=forms.RadioSelect,
        initial=Membership.StaffRole.MEMBER,
        error_messages={"required": "Select what they will do"},
    )
    role.option_hints = {
        "admin": "Manages the team, invitations and API keys.",
        "verifier": "Checks PAs' documents, such as DBS certificates.",
        "member": "Posts jobs and helps people on their behalf.",
    }


class StaffRecordGrantForm(Form):
    employer_email = forms.EmailField(
        label="Employer's email address",
        error_messages={"required": "Enter the employer's email address"},
    )
    representative_email = forms.EmailField(
        label="Representative's email address",
        error_messages={"required": "Enter the representative's email address"},
    )
    relationship = forms.CharField(
        label="Relationship to the employer",
        max_length=120,
        error_messages={"required": "Enter how the representative is related to the employer"},
    )
    note = forms.CharField(
        label="How did the employer agree?",
        help_text="For example: in person at a review on 3 March, witnessed by their social worker.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say how the employer agreed"},
    )


class ApiKeyForm(Form):
    name = forms.CharField(
        label="Name of the key",
        help_text="Say which system will use it, for example 'Case management nightly export'.",
        max_length=100,
        error_messages={"required": "Enter a name for the key"},
    )
