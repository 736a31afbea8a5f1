"""What the learning home offers each person, besides the courses: the tools for their role.

One list, built from roles and the same permission predicates the tools' own pages use, so the
home never links to a page that would refuse the person.
"""

from dataclasses import dataclass

from django.urls import reverse

from pahub.accounts.models import Role
from pahub.learning.authoring.permissions import is_course_author
from pahub.learning.events.permissions import is_organiser, may_book
from pahub.learning.models import ModuleSuggestion


@dataclass(frozen=True)
class Tool:
    title: str
    href: str
    description: str


def pa_tools(user) -> list[Tool]:
    suggested = ModuleSuggestion.objects.filter(pa=user, dismissed_at__isnull=True).count()
    tools = [
        Tool(
            "Check your skills",
            reverse("learning:self_assessment"),
            "Say what you can do, what you want to learn and what is not for you.",
        ),
        Tool(
            "Your learning plan",
            reverse("learning:plan"),
            "Modules and local courses for what you want to learn, in order. Tick them off.",
        ),
        Tool(
            "Your CPD log",
            reverse("learning:cpd"),
            "Keep a record of what you learn, with the hours each year. Download it as a PDF.",
        ),
        Tool(
            "Learning you did before",
            reverse("learning:prior_learning"),
            "Qualifications, courses and experience from elsewhere, such as OCN, WEA or college.",
        ),
    ]
    if suggested:
        tools.insert(
            0,
            Tool(
                f"Modules your employer suggested ({suggested})",
                reverse("learning:suggestions:list"),
                "Modules an employer you work for thinks would help.",
            ),
        )
    return tools


def employer_tools() -> list[Tool]:
    return [
        Tool(
            "Suggest a module to your PA",
            reverse("learning:suggestions:new"),
            "Point a PA who works for you to a module that would help in your home.",
        ),
        Tool(
            "Modules you suggested",
            reverse("learning:suggestions:list"),
            "What you have suggested to your PAs so far.",
        ),
    ]


def learning_tools(user) -> list[Tool]:
    """The tools on the learning home for this person, in the order they are most useful."""
    if not user.is_authenticated:
        return []
    tools: list[Tool] = []
    if user.has_role(Role.PA):
        tools += pa_tools(user)
    if user.has_role(Role.EMPLOYER) or user.has_role(Role.REPRESENTATIVE):
        tools += employer_tools()
    if may_book(user):
        tools.append(
            Tool(
                "Your bookings",
                reverse("learning:my_bookings"),
                "Courses and events you have a place on, with calendar files.",
            )
        )
    tools.append(
        Tool(
            "Your certificates",
            reverse("learning:certificates"),
            "Courses you completed, with codes anyone can check. Choose which your profile shows.",
        )
    )
    if is_course_author(user):
        tools.append(
            Tool(
                "Write and publish courses",
                reverse("learning:authoring:courses"),
                "For staff of training providers.",
            )
        )
    if is_organiser(user):
        tools.append(
            Tool(
                "List your organisation's courses and events",
                reverse("learning:event_manage"),
                "For staff of training providers and councils.",
            )
        )
    return tools
