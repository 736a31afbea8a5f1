"""The profile builder's steps, in the order "Save and continue" walks them: each step's name
(its address), title, section on the task list and form. The forms are in `forms`."""

from dataclasses import dataclass

from pahub.register.profile.forms import (
    AboutForm,
    AvailabilityForm,
    DrivingForm,
    ExperienceForm,
    GenderForm,
    InterestsForm,
    LanguagesForm,
    LocationForm,
    NameForm,
    PayForm,
    PhotoForm,
    ProfileStepForm,
    SkillsForm,
    VisibilityForm,
    WorkForm,
)


@dataclass(frozen=True)
class Step:
    name: str
    title: str
    section: str
    form_class: type[ProfileStepForm]
    template: str = "register/profile/step.html"
    hint: str = ""


ABOUT_YOU = "About you"
YOUR_WORK = "Your work"
WHO_SEES_IT = "Sharing your profile"

BUILDER_STEPS: tuple[Step, ...] = (
    Step("name", "Your name", ABOUT_YOU, NameForm, "register/profile/steps/single_question.html"),
    Step("about", "About me and what matters to me", ABOUT_YOU, AboutForm),
    Step("interests", "Interests", ABOUT_YOU, InterestsForm),
    Step(
        "languages", "Languages", ABOUT_YOU, LanguagesForm, "register/profile/steps/languages.html"
    ),
    Step("photo", "Photo", ABOUT_YOU, PhotoForm, "register/profile/steps/photo.html", "Optional"),
    Step("skills", "Tasks and skills", YOUR_WORK, SkillsForm, "register/profile/steps/skills.html"),
    Step("experience", "Experience and qualifications", YOUR_WORK, ExperienceForm),
    Step("driving", "Driving", YOUR_WORK, DrivingForm),
    Step("gender", "Gender", YOUR_WORK, GenderForm, hint="Optional. Nobody sees it"),
    Step(
        "availability",
        "When you can work",
        YOUR_WORK,
        AvailabilityForm,
        "register/profile/steps/availability.html",
    ),
    Step(
        "location",
        "How far you will travel",
        YOUR_WORK,
        LocationForm,
        "register/profile/steps/location.html",
    ),
    Step("pay", "Pay", YOUR_WORK, PayForm, "register/profile/steps/pay.html", "Optional"),
    Step("work", "Regular work or cover", YOUR_WORK, WorkForm),
    Step(
        "visibility",
        "Who can see your profile",
        WHO_SEES_IT,
        VisibilityForm,
        "register/profile/steps/visibility.html",
    ),
)
STEP_BY_NAME = {step.name: step for step in BUILDER_STEPS}


def step_after(name: str) -> Step | None:
    names = [step.name for step in BUILDER_STEPS]
    position = names.index(name)
    return BUILDER_STEPS[position + 1] if position + 1 < len(names) else None
