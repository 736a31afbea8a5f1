"""The library at /library/: guidance and templates, and templates filled from PA Hub's data."""

from pahub.library.documents.urls import urlpatterns as document_urlpatterns

app_name = "library"
urlpatterns: list = []

# Templates filled from a job: /library/<slug>/fill/... (the documents engineer's lines).
urlpatterns += document_urlpatterns
