"""Every change to cover: relief pools, requests and their waves, offers, bookings, timesheets
and calendar feeds. One function per action, keyword-only, in a transaction, audited. Views,
the API, commands and tasks call these; none of them saves a cover row themselves.

Emails and the next wave are queued after commit (`after_commit`), so a slow mail server never
slows a page and a rolled-back change never tells anyone anything.

By feature: `pools`, `requests` (asking and withdrawing), `alerts` (sending waves, a PA
opening an alert), `offers`, `bookings` (confirming, cancelling), `hours`, `feeds`. Callers
import from `pahub.cover.services`.
"""

from pahub.cover.errors import CoverError
from pahub.cover.services.alerts import (
    WAVE_INTERVAL,
    WaveResult,
    alerts_mark_seen,
    alerts_tell,
    schedule_next_wave,
    untold_for_long,
    wave_restart,
    wave_send,
)
from pahub.cover.services.bookings import (
    booking_cancel,
    booking_confirm,
    offer_auto_confirm,
)
from pahub.cover.services.feeds import (
    MAX_LIVE_FEEDS,
    NewFeed,
    calendar_feed_create,
    calendar_feed_revoke,
)
from pahub.cover.services.hours import HoursInput, timesheet_decide, timesheet_submit
from pahub.cover.services.offers import may_see_request, offer_make, offer_withdraw
from pahub.cover.services.pools import pool_invite, pool_leave, pool_respond
from pahub.cover.services.requests import (
    LONGEST_SHIFT,
    MAX_SLOTS,
    WAIT_CHOICES,
    RequestInput,
    SlotInput,
    cover_request_cancel,
    cover_request_create,
)
from pahub.cover.waves import active_pool_pa_ids

__all__ = [
    "LONGEST_SHIFT",
    "MAX_LIVE_FEEDS",
    "MAX_SLOTS",
    "WAIT_CHOICES",
    "WAVE_INTERVAL",
    "CoverError",
    "HoursInput",
    "NewFeed",
    "RequestInput",
    "SlotInput",
    "WaveResult",
    "active_pool_pa_ids",
    "alerts_mark_seen",
    "alerts_tell",
    "booking_cancel",
    "booking_confirm",
    "calendar_feed_create",
    "calendar_feed_revoke",
    "cover_request_cancel",
    "cover_request_create",
    "may_see_request",
    "offer_auto_confirm",
    "offer_make",
    "offer_withdraw",
    "pool_invite",
    "pool_leave",
    "pool_respond",
    "schedule_next_wave",
    "timesheet_decide",
    "timesheet_submit",
    "untold_for_long",
    "wave_restart",
    "wave_send",
]
