"""The employer side's own pages, under /employer/: whom you act for and the employer profile.

The job builder's pages share the /employer/ address and the "employer" URL namespace;
`pahub/urls.py` joins these patterns with `pahub.jobs.employer_urls`.
"""

from django.urls import path

from pahub.employers import views

urlpatterns = [
    path("", views.home, name="home"),
    path("profile/", views.my_profile, name="my_profile"),
    path("<int:employer_id>/", views.employer_overview, name="overview"),
    path("<int:employer_id>/profile/", views.profile, name="profile"),
    path("<int:employer_id>/profile/<slug:step>/", views.profile_step, name="profile_step"),
]
