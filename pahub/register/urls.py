"""The register's pages for PAs and employers, under /register/."""

from django.urls import include, path

from pahub.register.claim_views import claim_profile

app_name = "register"

urlpatterns = [
    path("", include("pahub.register.profile.urls")),
    path("", include("pahub.register.evidence.urls")),
    path("", include("pahub.register.equality.urls")),
    path("claim/<str:token>/", claim_profile, name="claim"),
]
