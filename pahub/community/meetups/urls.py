"""Meet-ups and peer-led sessions, under /community/meetups/."""

from django.urls import path

from pahub.community.meetups import views

urlpatterns = [
    path("meetups/", views.meetup_list, name="meetups"),
]
