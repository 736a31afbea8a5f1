"""The one service that tells people things: in-app notices, email now or in a daily digest.

Apps register their kinds of notice in their own `notices.py` (see `registry`) and call
`pahub.notifications.services.notify` / `notify_many`. docs/notifications.md explains it.
"""
