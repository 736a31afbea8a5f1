"""The library at /library/: guidance and templates, and templates filled from PA Hub's data.

The library engineer's pages first; the documents engineer adds `/library/<slug>/fill/...`
from pahub/library/documents/urls.py.
"""

from django.urls import path

from pahub.library import views
from pahub.library.documents.urls import urlpatterns as document_urlpatterns

app_name = "library"

urlpatterns = [
    path("", views.library_home, name="home"),
    path("manage/", views.manage_home, name="manage"),
    path("manage/local/<str:gss_code>/new/", views.local_addition_new, name="local_new"),
    path("manage/<slug:slug>/edit/", views.resource_edit, name="edit"),
    path("<slug:slug>/", views.resource_detail, name="detail"),
    path("<slug:slug>/print/", views.resource_print, name="print"),
    path("<slug:slug>/versions/", views.resource_versions, name="versions"),
    path("<slug:slug>/versions/<int:number>/", views.resource_version, name="version"),
]

# Templates filled from a job: /library/<slug>/fill/... (pahub/library/documents/urls.py).
urlpatterns += document_urlpatterns
