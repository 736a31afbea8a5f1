"""Admin for messaging: read-only lists for site administrators.

Conversations, blocks, reports and email settings change only through messaging's services
(which check the rules and write the audit log), so the admin shows them read-only. Message
text is deliberately not listed here: moderators read reported messages, with context and an
audit record, through the moderation queue.
"""

from django.contrib import admin
from django.http import HttpRequest

from pahub.messaging.models import Block, Conversation, NotificationState, Report


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "employer", "pa", "job", "last_message_at", "contact_shared"]
    list_select_related = ["employer", "pa", "job"]
    search_fields = ["employer__email", "pa__email"]
    date_hierarchy = "last_message_at"
    fields = [
        "employer",
        "pa",
        "job",
        "created_at",
        "last_message_at",
        "employer_shared_contact_at",
        "pa_shared_contact_at",
    ]

    @admin.display(boolean=True, description="Contact shared")
    def contact_shared(self, conversation: Conversation) -> bool:
        return conversation.contact_shared


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["pk", "created_at", "status", "reporter", "resolved_by", "resolved_at"]
    list_filter = ["status"]
    list_select_related = ["reporter", "resolved_by"]
    fields = [
        "message",
        "reporter",
        "reason",
        "status",
        "created_at",
        "resolved_by",
        "resolved_at",
        "moderator_note",
    ]


@admin.register(Block)
class BlockAdmin(ReadOnlyAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    list_select_related = ["blocker", "blocked"]
    search_fields = ["blocker__email", "blocked__email"]


@admin.register(NotificationState)
class NotificationStateAdmin(ReadOnlyAdmin):
    list_display = ["user", "last_emailed_at"]
    list_select_related = ["user"]
