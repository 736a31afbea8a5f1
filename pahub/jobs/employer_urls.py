"""The job builder on the employer side, under /employer/: each job's page and status
actions, and the printable description and advert.

These share the "employer" URL namespace with `pahub.employers.urls` (whom you act for, the
employer profile); `pahub/urls.py` joins the two lists.
"""

from django.urls import path

from pahub.jobs.builder import views as builder_views

urlpatterns = [
    path("<int:employer_id>/jobs/", builder_views.job_list, name="jobs"),
    path("<int:employer_id>/jobs/new/", builder_views.job_new, name="job_new"),
    path("jobs/<int:job_id>/", builder_views.job_detail, name="job"),
    path("jobs/<int:job_id>/check/", builder_views.job_check, name="job_check"),
    path("jobs/<int:job_id>/publish/", builder_views.job_publish_view, name="job_publish"),
    path("jobs/<int:job_id>/pause/", builder_views.job_pause_view, name="job_pause"),
    path("jobs/<int:job_id>/resume/", builder_views.job_resume_view, name="job_resume"),
    path("jobs/<int:job_id>/reopen/", builder_views.job_reopen_view, name="job_reopen"),
    path("jobs/<int:job_id>/close/", builder_views.job_close_view, name="job_close"),
    path("jobs/<int:job_id>/delete/", builder_views.job_delete_view, name="job_delete"),
    path("jobs/<int:job_id>/description/", builder_views.job_description, name="job_description"),
    path("jobs/<int:job_id>/advert/", builder_views.job_advert, name="job_advert"),
    # Under edit/, because one step is called "description", like the printable page.
    path("jobs/<int:job_id>/edit/<slug:step>/", builder_views.job_step, name="job_step"),
]
