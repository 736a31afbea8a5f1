"""Admin for cover: read only. Every change to cover goes through `pahub.cover.services` or
`pahub.cover.booking`, which check the rules (no double booking, lawful pay, who may act)
and write the audit log; the admin is for looking, when someone asks for help."""

from django.contrib import admin
from django.http import HttpRequest

from pahub.cover.models import (
    Booking,
    CalendarFeed,
    CoverAlert,
    CoverOffer,
    CoverRequest,
    CoverSlot,
    ReliefPoolMember,
    Timesheet,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class SlotInline(ReadOnlyInline):
    model = CoverSlot
    fields = ["starts_at", "ends_at", "status"]


@admin.register(CoverRequest)
class CoverRequestAdmin(ReadOnlyAdmin):
    list_display = ["pk", "employer", "district", "status", "reach", "waves_sent", "created_at"]
    list_filter = ["status", "reach", "auto_confirm_pool"]
    search_fields = ["employer__email", "employer__full_name", "district__outcode"]
    list_select_related = ["employer", "district"]
    date_hierarchy = "created_at"
    inlines = [SlotInline]


@admin.register(CoverSlot)
class CoverSlotAdmin(ReadOnlyAdmin):
    list_display = ["pk", "request", "starts_at", "ends_at", "status"]
    list_filter = ["status"]
    list_select_related = ["request__employer"]
    search_fields = ["request__employer__email"]


@admin.register(ReliefPoolMember)
class ReliefPoolMemberAdmin(ReadOnlyAdmin):
    list_display = ["employer", "pa", "status", "invited_at", "responded_at"]
    list_filter = ["status"]
    list_select_related = ["employer", "pa"]
    search_fields = ["employer__email", "pa__email"]


@admin.register(CoverAlert)
class CoverAlertAdmin(ReadOnlyAdmin):
    list_display = ["request", "pa", "wave", "from_pool", "created_at", "seen_at"]
    list_filter = ["from_pool"]
    list_select_related = ["request__employer", "pa"]
    search_fields = ["pa__email"]


@admin.register(CoverOffer)
class CoverOfferAdmin(ReadOnlyAdmin):
    list_display = ["slot", "pa", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["slot", "pa"]
    search_fields = ["pa__email"]


@admin.register(Booking)
class BookingAdmin(ReadOnlyAdmin):
    list_display = ["pk", "pa", "employer", "starts_at", "ends_at", "status", "late_cancellation"]
    list_filter = ["status", "late_cancellation"]
    list_select_related = ["pa", "employer"]
    search_fields = ["pa__email", "employer__email"]
    date_hierarchy = "starts_at"


@admin.register(Timesheet)
class TimesheetAdmin(ReadOnlyAdmin):
    list_display = ["booking", "started_at", "ended_at", "break_minutes", "status", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["booking__pa", "booking__employer", "booking__slot"]
    search_fields = ["booking__pa__email", "booking__employer__email"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ReadOnlyAdmin):
    # The digest alone cannot rebuild a feed's address, but there is no reason to show it.
    list_display = ["user", "created_at", "revoked_at"]
    exclude = ["token_digest"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
