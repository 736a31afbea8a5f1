"""Messaging pages, mounted at /messages/ (app_name "messaging")."""

from django.urls import path

from pahub.messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("email-preference/", views.notification_preference, name="notification_preference"),
    path("new/", views.conversation_new, name="new"),
    path("<int:conversation_id>/", views.conversation_detail, name="conversation"),
    path("<int:conversation_id>/share-contact/", views.contact_share, name="contact_share"),
    path(
        "<int:conversation_id>/withdraw-contact/",
        views.contact_withdraw,
        name="contact_withdraw",
    ),
    path("<int:conversation_id>/block/", views.block, name="block"),
    path("<int:conversation_id>/unblock/", views.unblock, name="unblock"),
    path(
        "<int:conversation_id>/messages/<int:message_id>/report/",
        views.report,
        name="report",
    ),
]
