from django.urls import path

from pahub.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("becoming-a-pa/", views.becoming_a_pa, name="becoming_a_pa"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/retention/", views.privacy_retention, name="privacy_retention"),
    path("cookies/", views.cookies, name="cookies"),
    path("contact/", views.contact, name="contact"),
    path("licence/", views.licence, name="licence"),
]
