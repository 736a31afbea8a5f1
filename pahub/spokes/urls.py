"""Each council's spoke at /areas/<slug>/ (local rules, from pahub.rules, are at
/areas/<slug>/rules/)."""

from django.urls import path

from pahub.spokes import views

app_name = "spokes"
urlpatterns = [
    path("", views.spoke_list, name="list"),
    # Before the council's slug: no council is called "manage".
    path("manage/", views.manage_list, name="manage_list"),
    path("<slug:slug>/", views.spoke_detail, name="detail"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/manage/draft/", views.draft_edit, name="draft_edit"),
    path("<slug:slug>/manage/preview/", views.preview, name="preview"),
    path("<slug:slug>/manage/publish/", views.publish, name="publish"),
    path("<slug:slug>/manage/contacts/new/", views.contact_add, name="contact_add"),
    path("<slug:slug>/manage/contacts/<int:contact_id>/", views.contact_edit, name="contact_edit"),
    path(
        "<slug:slug>/manage/contacts/<int:contact_id>/remove/",
        views.contact_remove,
        name="contact_remove",
    ),
    path("<slug:slug>/manage/news/new/", views.news_add, name="news_add"),
    path("<slug:slug>/manage/news/<int:item_id>/", views.news_edit, name="news_edit"),
    path(
        "<slug:slug>/manage/news/<int:item_id>/unpublish/",
        views.news_unpublish,
        name="news_unpublish",
    ),
]
