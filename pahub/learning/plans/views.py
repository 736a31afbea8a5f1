"""The self-assessment and the learning plan, for PAs, under /learning/."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from pahub.core.forms import FieldInputError
from pahub.learning.plans import queries, services
from pahub.learning.plans.forms import NoteForm, RatingGroupForm, StepForm
from pahub.learning.plans.permissions import access_own_plan_item, pa_required

STEP_ACTIONS = ("up", "down", "done", "not-done", "remove")


@pa_required
@require_http_methods(["GET"])
def self_assessment(request: HttpRequest) -> HttpResponse:
    groups = queries.rating_groups(request.user)
    next_group = next((group for group in groups if not group.is_complete), None)
    return render(
        request,
        "learning/plans/self_assessment.html",
        {
            "groups": groups,
            "next_group": next_group,
            "any_answered": queries.has_answered(request.user),
            "has_plan": queries.plan_items_of(request.user).exists(),
        },
    )


@pa_required
@require_http_methods(["GET", "POST"])
def self_assessment_group(request: HttpRequest, group: str) -> HttpResponse:
    groups = queries.rating_groups(request.user)
    position = next((index for index, each in enumerate(groups) if each.slug == group), None)
    if position is None:
        raise Http404
    current = groups[position]
    form = RatingGroupForm(request.POST or None, group=current)
    if request.method == "POST" and form.is_valid():
        topic_ratings, skill_ratings = form.ratings()
        try:
            services.self_assessment_save(
                user=request.user, topic_ratings=topic_ratings, skill_ratings=skill_ratings
            )
        except FieldInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            later = [each for each in groups[position + 1 :] if not each.is_complete]
            if later:
                return redirect("learning:self_assessment_group", group=later[0].slug)
            messages.success(request, "Your answers have been saved.")
            return redirect("learning:self_assessment")
    return render(
        request,
        "learning/plans/self_assessment_group.html",
        {
            "group": current,
            "form": form,
            "number": position + 1,
            "count": len(groups),
        },
    )


@pa_required
@require_http_methods(["GET"])
def plan(request: HttpRequest) -> HttpResponse:
    items = list(queries.plan_items_of(request.user))
    steps = [
        {
            "item": item,
            "title": queries.step_title(item),
            "done_at": queries.step_done_at(item),
            "by_module": item.done_at is None and item.module_completed_at is not None,
            "own": services.is_own_step(item),
            "first": index == 0,
            "last": index == len(items) - 1,
        }
        for index, item in enumerate(items)
    ]
    return render(
        request,
        "learning/plans/plan.html",
        {
            "steps": steps,
            "done_count": sum(1 for step in steps if step["done_at"]),
            "add_form": StepForm(),
            "event_miles": queries.EVENT_MILES,
        },
    )


@pa_required
@require_POST
def plan_make(request: HttpRequest) -> HttpResponse:
    services.plan_generate(user=request.user)
    messages.success(
        request,
        "Your learning plan has been made from your self-assessment. "
        "Your own steps and the steps you ticked off are kept.",
    )
    return redirect("learning:plan")


@pa_required
@require_http_methods(["GET", "POST"])
def plan_step_add(request: HttpRequest) -> HttpResponse:
    form = StepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_step_add(user=request.user, **form.cleaned_data)
        except FieldInputError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Your step has been added to the end of your plan.")
            return redirect("learning:plan")
    return render(request, "learning/plans/step_add.html", {"form": form})


@pa_required
@require_http_methods(["GET", "POST"])
def plan_step_note(request: HttpRequest, item_id: int) -> HttpResponse:
    item = access_own_plan_item(request.user, item_id)
    item = queries.plan_items_of(request.user).get(pk=item.pk)
    form = NoteForm(request.POST or None, initial={"note": item.note})
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_step_note(item=item, note=form.cleaned_data["note"])
        except FieldInputError as error:
            form.add_error("note", error.message)
        else:
            messages.success(request, "Your note has been saved.")
            return redirect("learning:plan")
    return render(
        request,
        "learning/plans/step_note.html",
        {"form": form, "item": item, "title": queries.step_title(item)},
    )


@pa_required
@require_POST
def plan_step_action(request: HttpRequest, item_id: int, action: str) -> HttpResponse:
    if action not in STEP_ACTIONS:
        raise Http404
    item = access_own_plan_item(request.user, item_id)
    if action in ("up", "down"):
        services.plan_step_move(item=item, direction=action)
    elif action == "done":
        services.plan_step_tick(item=item, done=True)
        messages.success(request, "Step ticked off. Well done.")
    elif action == "not-done":
        services.plan_step_tick(item=item, done=False)
    else:
        services.plan_step_remove(item=item)
        messages.success(request, "Step removed from your plan.")
    if action in ("up", "down"):
        # Back to the step that moved, so a keyboard user keeps their place.
        return redirect(reverse("learning:plan") + f"#step-{item_id}")
    return redirect("learning:plan")
