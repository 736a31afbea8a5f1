"""The private zones' forum, under /community/ (docs/community.md).

Every page needs a signed-in person. A zone, thread or post someone may not see is not found
(404, never 403), so nobody learns that a private zone or group exists. Every write goes
through services.py; every zone through `pahub/community/permissions.py`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pahub.community.forum import permissions, queries, services
from pahub.community.forum.forms import (
    CommunityNameForm,
    EditForm,
    GroupForm,
    InviteForm,
    ReplyForm,
    SubscribeForm,
    ThreadForm,
)
from pahub.community.markdown import quote_of
from pahub.community.models import GroupMember, Post, Zone
from pahub.community.permissions import (
    access_zone,
    can_moderate_zone,
    group_status,
    is_zone_member,
    may_post_in_zone,
)
from pahub.core.pagination import pagination_items


def add_problem(form, error: services.ForumError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


@login_required
@require_http_methods(["GET"])
def community_home(request: HttpRequest) -> HttpResponse:
    zones = queries.zones_for_home(request.user)
    running = set(
        permissions.organisations_running_groups(request.user).values_list("pk", flat=True)
    )
    yours, to_join = [], []
    for zone in zones:
        joined = zone.group_status == GroupMember.Status.MEMBER
        if zone.kind != Zone.Kind.GROUP or joined or zone.organisation_id in running:
            yours.append(zone)
        else:
            to_join.append(zone)
    return render(
        request,
        "community/forum/home.html",
        {
            "zones": yours,
            "to_join": to_join,
            "may_run_groups": bool(running),
            "community_name": services.community_name_of(request.user),
        },
    )


def zone_context(request: HttpRequest, zone: Zone) -> dict:
    status = group_status(request.user, zone) if zone.kind == Zone.Kind.GROUP else None
    return {
        "zone": zone,
        "moderator": can_moderate_zone(request.user, zone),
        "may_post": may_post_in_zone(request.user, zone),
        "is_member": is_zone_member(request.user, zone),
        "group_status": status,
    }


@login_required
@require_http_methods(["GET"])
def zone_detail(request: HttpRequest, zone_slug: str) -> HttpResponse:
    zone = access_zone(request.user, zone_slug)
    page = queries.page_of(
        queries.threads_of_zone(zone, request.user),
        request.GET.get("page"),
        queries.THREADS_PER_PAGE,
    )
    return render(
        request,
        "community/forum/zone.html",
        {
            **zone_context(request, zone),
            "page": page,
            "page_numbers": pagination_items(page),
        },
    )


@login_required
@require_POST
def zone_mark_read(request: HttpRequest, zone_slug: str) -> HttpResponse:
    zone = access_zone(request.user, zone_slug)
    services.zone_read_mark(user=request.user, zone=zone)
    messages.success(request, f"Everything in {zone.name} is marked as read.")
    return redirect("community:zone", zone_slug=zone.slug)


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request: HttpRequest, zone_slug: str) -> HttpResponse:
    zone = access_zone(request.user, zone_slug)
    if not may_post_in_zone(request.user, zone):
        messages.error(request, "You cannot start a thread in this zone at the moment.")
        return redirect("community:zone", zone_slug=zone.slug)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.thread_start(
                zone=zone,
                author=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except services.ForumError as error:
            add_problem(form, error)
        else:
            posted_message(request, post, "Your thread is posted.")
            return redirect("community:thread", zone_slug=zone.slug, thread_id=post.thread_id)
    return render(
        request,
        "community/forum/thread_form.html",
        {"zone": zone, "form": form, "community_name": services.community_name_of(request.user)},
    )


def posted_message(request: HttpRequest, post: Post, published: str) -> None:
    if post.status == Post.Status.HELD:
        messages.info(request, services.HELD_MESSAGE)
    else:
        messages.success(request, published)


@login_required
@require_http_methods(["GET", "POST"])
def thread_detail(request: HttpRequest, zone_slug: str, thread_id: int) -> HttpResponse:
    """A thread's posts, a page at a time, and the reply form (which posts here)."""
    thread = permissions.access_thread(request.user, zone_slug, thread_id)
    zone = thread.zone
    context = zone_context(request, zone)
    form = ReplyForm(request.POST or None, initial=quote_initial(request, thread))
    if request.method == "POST" and not context["may_post"]:
        messages.error(request, "You cannot post in this zone at the moment.")
        return redirect("community:thread", zone_slug=zone.slug, thread_id=thread.pk)
    if request.method == "POST" and form.is_valid():
        try:
            quoted = quoted_post(request, thread, form.cleaned_data.get("quoted"))
            post = services.post_reply(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                quoted=quoted,
            )
        except services.ForumError as error:
            add_problem(form, error)
        else:
            posted_message(request, post, "Your reply is posted.")
            last = reverse("community:thread", args=[zone.slug, thread.pk])
            return redirect(f"{last}?page=last#post-{post.pk}")
    posts = queries.posts_of_thread(thread, request.user, moderator=context["moderator"])
    page = queries.page_of(posts, request.GET.get("page"), queries.POSTS_PER_PAGE)
    if request.method == "GET":
        services.thread_read_mark(user=request.user, thread=thread)
    now_editable = {
        post.pk for post in page.object_list if permissions.may_edit_post(request.user, post)
    }
    subscription = queries.subscription_of(request.user, thread)
    return render(
        request,
        "community/forum/thread.html",
        {
            **context,
            "thread": thread,
            "page": page,
            "page_numbers": pagination_items(page),
            "form": form,
            "editable": now_editable,
            "subscription": subscription,
            "subscribe_form": SubscribeForm(
                initial={"include_text": subscription.include_text if subscription else False}
            ),
            "community_name": services.community_name_of(request.user),
            "quoting": form["quoted"].value(),
        },
    )


def quote_initial(request: HttpRequest, thread) -> dict:
    """ "Quote" links carry ?quote=<post id>: the reply starts with that post as a quote."""
    raw = request.GET.get("quote", "")
    if request.method != "GET" or not raw.isdigit() or len(raw) > 18:
        return {}
    quoted = permissions.access_post_to_quote(request.user, thread, int(raw))
    return {"body": f"{quoted.author_name} wrote:\n\n{quote_of(quoted.body)}", "quoted": quoted.pk}


def quoted_post(request: HttpRequest, thread, post_id: int | None) -> Post | None:
    if post_id is None:
        return None
    try:
        return permissions.access_post_to_quote(request.user, thread, post_id)
    except Http404:
        raise services.ForumError("You can only quote a post from this thread") from None


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request: HttpRequest, zone_slug: str, thread_id: int, post_id: int) -> HttpResponse:
    thread = permissions.access_thread(request.user, zone_slug, thread_id)
    post = permissions.access_post_for_edit(request.user, thread, post_id)
    thread_url = reverse("community:thread", args=[thread.zone.slug, thread.pk])
    if not permissions.may_edit_post(request.user, post):
        messages.error(
            request,
            "You can no longer change this post: posts can be changed for "
            f"{permissions.edit_window().seconds // 60} minutes after posting.",
        )
        return redirect(thread_url)
    form = EditForm(request.POST or None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_edit(
                post=post, author=request.user, body=form.cleaned_data["body"]
            )
        except services.ForumError as error:
            add_problem(form, error)
        else:
            posted_message(request, post, "Your post is changed.")
            return redirect(f"{thread_url}#post-{post.pk}")
    return render(
        request,
        "community/forum/post_edit.html",
        {"thread": thread, "zone": thread.zone, "post": post, "form": form},
    )


@login_required
@require_POST
def thread_subscribe(request: HttpRequest, zone_slug: str, thread_id: int) -> HttpResponse:
    thread = permissions.access_thread(request.user, zone_slug, thread_id)
    form = SubscribeForm(request.POST)
    include_text = form.is_valid() and form.cleaned_data["include_text"]
    services.thread_subscribe(user=request.user, thread=thread, include_text=include_text)
    messages.success(
        request,
        "You follow this thread. Your digest will include the words of new posts."
        if include_text
        else "You follow this thread. Your digest will say when there are new posts.",
    )
    return redirect("community:thread", zone_slug=thread.zone.slug, thread_id=thread.pk)


@login_required
@require_POST
def thread_unsubscribe(request: HttpRequest, zone_slug: str, thread_id: int) -> HttpResponse:
    thread = permissions.access_thread(request.user, zone_slug, thread_id)
    services.thread_unsubscribe(user=request.user, thread=thread)
    messages.success(request, "You no longer follow this thread.")
    return redirect("community:thread", zone_slug=thread.zone.slug, thread_id=thread.pk)


@login_required
@require_http_methods(["GET", "POST"])
def community_name(request: HttpRequest) -> HttpResponse:
    current = services.community_name_of(request.user)
    chosen = request.user.community_name.name if hasattr(request.user, "community_name") else ""
    form = CommunityNameForm(request.POST or None, initial={"name": chosen})
    if request.method == "POST" and form.is_valid():
        try:
            services.community_name_set(user=request.user, name=form.cleaned_data["name"])
        except services.ForumError as error:
            add_problem(form, error)
        else:
            messages.success(
                request, f"You will post as {services.community_name_of(request.user)}."
            )
            return redirect("community:home")
    return render(
        request,
        "community/forum/name.html",
        {
            "form": form,
            "current": current,
            "default": services.default_community_name(request.user),
        },
    )


# Groups.


@login_required
@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest) -> HttpResponse:
    organisations = permissions.organisations_running_groups(request.user)
    if not organisations.exists():
        raise Http404
    form = GroupForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            zone = services.group_create(
                organisation=form.cleaned_data["organisation"],
                by=request.user,
                values=services.GroupInput(
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                    audience=form.cleaned_data["audience"],
                    joining=form.cleaned_data["joining"],
                ),
            )
        except services.ForumError as error:
            add_problem(form, error)
        else:
            messages.success(request, f"The group “{zone.name}” is ready. Invite people to it.")
            return redirect("community:group_members", zone_slug=zone.slug)
    return render(request, "community/forum/group_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def group_members(request: HttpRequest, zone_slug: str) -> HttpResponse:
    """A group's moderators see who is in it and invite people by email."""
    zone = permissions.access_group_to_manage(request.user, zone_slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        services.group_invite(zone=zone, by=request.user, email=email)
        messages.success(request, services.INVITED_MESSAGE.format(email=email))
        return redirect("community:group_members", zone_slug=zone.slug)
    return render(
        request,
        "community/forum/group_members.html",
        {"zone": zone, "form": form, "members": list(queries.group_members(zone))},
    )


@login_required
@require_POST
def group_join(request: HttpRequest, zone_slug: str) -> HttpResponse:
    zone = access_zone(request.user, zone_slug)
    try:
        services.group_join(zone=zone, user=request.user)
    except services.ForumError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"You joined {zone.name}.")
    return redirect("community:zone", zone_slug=zone.slug)


@login_required
@require_POST
def group_leave(request: HttpRequest, zone_slug: str) -> HttpResponse:
    zone = access_zone(request.user, zone_slug)
    services.group_leave(zone=zone, user=request.user)
    messages.success(request, f"You left {zone.name}.")
    return redirect("community:home")


@login_required
@require_POST
def group_invitation(request: HttpRequest, zone_slug: str) -> HttpResponse:
    zone = access_zone(request.user, zone_slug)
    answer = request.POST.get("answer")
    if answer not in ("accept", "decline"):
        messages.error(request, "Choose whether to accept or decline the invitation.")
        return redirect("community:zone", zone_slug=zone.slug)
    try:
        services.group_invitation_answer(zone=zone, user=request.user, accept=answer == "accept")
    except services.ForumError as error:
        messages.error(request, error.message)
        return redirect("community:home")
    if answer == "accept":
        messages.success(request, f"You joined {zone.name}.")
        return redirect("community:zone", zone_slug=zone.slug)
    messages.success(request, f"You declined the invitation to {zone.name}.")
    return redirect("community:home")
