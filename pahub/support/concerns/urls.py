from django.urls import path

from pahub.support.concerns import views

urlpatterns = [
    path("", views.concern_queue, name="queue"),
    path("new/", views.concern_new, name="new"),
    path("new/sent/", views.concern_raised, name="raised"),
    path("mine/", views.concern_mine, name="mine"),
    path("<int:concern_id>/", views.concern_detail, name="detail"),
    path("<int:concern_id>/notes/", views.concern_note, name="note"),
    path("manage/", views.manage, name="manage"),
    path("manage/<str:gss_code>/", views.manage_contact, name="manage_contact"),
]
