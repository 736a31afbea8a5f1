"""Cover at short notice, under /cover/: the employer side's pages (employer_urls) and the PA
side's (pa_urls), one namespace "cover". The two lists never share a path prefix."""

from pahub.cover.employer_urls import urlpatterns as employer_urls
from pahub.cover.pa_urls import urlpatterns as pa_urls

app_name = "cover"
urlpatterns = [*employer_urls, *pa_urls]
