"""Sections of a PA's profile that apps above the register contribute.

The register sits below learning (and other apps that know things about a PA), so it cannot
import them to show, say, the courses a PA completed. Instead each such app registers a
provider here from its AppConfig.ready(), as `pahub.accounts.navigation.register_header_count`
does for header counts, and the profile pages render whatever the providers return.

A provider is called with the profile and the person looking at it. The viewer is None on
the PA's preview ("what employers see"), so a provider shows there what any employer allowed
to see the profile would see. It returns a template name and that template's context, or
None to show nothing. The template is included in the card with its context as `section`;
its headings start at h2, like the card's. A provider should read what it needs in a fixed
number of queries: the profile pages' query counts are tested.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pahub.accounts.models import User
from pahub.register.models import PAProfile

SectionContent = tuple[str, dict[str, Any]]
SectionProvider = Callable[[PAProfile, User | None], SectionContent | None]

_providers: dict[str, SectionProvider] = {}


@dataclass(frozen=True)
class ProfileSection:
    name: str
    template: str
    context: dict[str, Any]


def register_profile_section(name: str, provider: SectionProvider) -> None:
    """Let a higher app add a section to PA profiles; registering a name again replaces it."""
    _providers[name] = provider


def unregister_profile_section(name: str) -> None:
    """For tests that register a section of their own."""
    _providers.pop(name, None)


def profile_sections(profile: PAProfile, viewer: User | None) -> list[ProfileSection]:
    """The sections to show on this profile for this viewer, in the order they registered."""
    sections = []
    for name, provider in _providers.items():
        content = provider(profile, viewer)
        if content is not None:
            template, context = content
            sections.append(ProfileSection(name=name, template=template, context=context))
    return sections
