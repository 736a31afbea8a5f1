"""Template tags other apps' pages use to offer messaging, without their views knowing it."""

from django import template
from django.urls import reverse

from pahub.messaging.permissions import employer_ids_user_acts_for

register = template.Library()


@register.simple_tag(takes_context=True)
def message_pa_url(context, profile) -> str:
    """Where to write to this PA, or "" when the viewer acts for no employer (or is the PA).

    The page it links to checks everything again; this only decides whether to offer it.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or profile.user_id == user.pk:
        return ""
    if not employer_ids_user_acts_for(user):
        return ""
    return f"{reverse('messaging:new')}?pa={profile.pk}"
