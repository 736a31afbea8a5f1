"""Moderation of the community's private zones: screening posts before they are saved,
reports, the moderators' queue and every moderator's action (docs/community-moderation.md)."""
