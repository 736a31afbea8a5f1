from django.urls import path

from pahub.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.centre, name="centre"),
    path("<int:notice_id>/open/", views.open_notice, name="open"),
    path("read-all/", views.mark_all_read, name="read_all"),
    path("preferences/", views.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
