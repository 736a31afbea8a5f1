from django.urls import path

from pahub.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account_home, name="home"),
    path("details/", views.details_edit, name="details"),
    path("my-data.json", views.data_download, name="data_download"),
    path("delete/", views.account_delete, name="delete"),
    path("representatives/request/", views.representation_request, name="representation_request"),
    path(
        "representatives/<int:representation_id>/answer/",
        views.representation_answer,
        name="representation_answer",
    ),
    path(
        "representatives/<int:representation_id>/end/",
        views.representation_end,
        name="representation_end",
    ),
    path("consents/<int:consent_id>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
