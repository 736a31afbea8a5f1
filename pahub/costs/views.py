"""The cost calculator's pages: the calculator (open to everyone), its results, and saved
plans (for the employer, their representatives and staff acting for them)."""

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pahub.accounts.models import User
from pahub.core.forms import Form, text
from pahub.core.public import public_page
from pahub.costs.calculator import Costing, cost_plan
from pahub.costs.exports import costing_csv
from pahub.costs.forms import PlanForm, rows_changed
from pahub.costs.permissions import (
    access_cost_plan_for_actor,
    employers_to_save_for,
    require_someone_to_save_for,
)
from pahub.costs.queries import costing_of, plans_user_can_see
from pahub.costs.rates import rates_on
from pahub.costs.services import cost_plan_create, cost_plan_delete, cost_plan_update
from pahub.employers.views import acting_for_employer
from pahub.employers.wages import tax_year_start


def plan_name_field() -> forms.Field:
    return text(
        label="Name this plan",
        what="The name",
        limit=80,
        required=True,
        help_text="For example, Support from May 2026.",
        error_messages={"required": "Enter a name for the plan"},
    )


class SavePlanForm(Form):
    """Shown under the results: a name, and whose plan it is when there is a choice."""

    name = plan_name_field()
    employer = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Whose plan is it?",
        empty_label=None,
        error_messages={
            "required": "Choose whose plan it is",
            "invalid_choice": "Choose whose plan it is",
        },
    )

    def __init__(self, *args, employers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = employers
        self.fields["employer"].label_from_instance = lambda user: user.full_name or user.email
        choices = list(employers[:2])
        if len(choices) == 1:
            self.fields["employer"].widget = forms.HiddenInput()
            self.fields["employer"].initial = choices[0].pk


class SavedPlanForm(PlanForm):
    """Changing a saved plan: its name first, then the calculator's questions."""

    name = plan_name_field()

    field_order = ["name"]


def wants_rows_changed(request: HttpRequest) -> bool:
    return request.POST.get("action") in ("add", "change") or "remove" in request.POST


def changed_rows_form(request: HttpRequest, form_class=PlanForm) -> PlanForm:
    answers = rows_changed(
        request.POST, add=request.POST.get("action") == "add", remove=request.POST.get("remove")
    )
    return form_class(answers).keep_typed_without_checking()


def costing_from(form: PlanForm) -> Costing:
    return cost_plan(form.plan(), rates_on(form.cleaned_data["costed_on"]))


def rates_note(costed_on: date, costing: Costing) -> str:
    """Say so when the date's tax year is later than any in the table."""
    wanted = tax_year_start(costed_on).year
    if int(costing.tax_year[:4]) < wanted:
        return (
            f"PA Hub does not have the rates for {wanted}/{str(wanted + 1)[-2:]} yet, so these "
            f"costs use {costing.tax_year}'s."
        )
    return ""


def save_form_for(request: HttpRequest, data=None) -> SavePlanForm | None:
    if not request.user.is_authenticated:
        return None
    employers = employers_to_save_for(request.user)
    if not employers.exists():
        return None
    return SavePlanForm(data, employers=employers)


@public_page
@require_http_methods(["GET", "POST"])
def calculator(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "costs/calculator.html", {"form": PlanForm()})
    if wants_rows_changed(request):
        return render(request, "costs/calculator.html", {"form": changed_rows_form(request)})
    form = PlanForm(request.POST)
    if not form.is_valid():
        return render(request, "costs/calculator.html", {"form": form})
    return render_results(request, form, save_form=save_form_for(request))


def render_results(
    request: HttpRequest, plan_form: PlanForm, *, save_form: SavePlanForm | None
) -> HttpResponse:
    costing = costing_from(plan_form)
    return render(
        request,
        "costs/results.html",
        {
            "costing": costing,
            "answers": plan_form.answers(),
            "note": rates_note(plan_form.cleaned_data["costed_on"], costing),
            "costed_on": plan_form.cleaned_data["costed_on"],
            # The base template's error summary reads `form`.
            "form": save_form,
        },
    )


@login_required
@require_POST
def plan_save(request: HttpRequest) -> HttpResponse:
    employers = require_someone_to_save_for(request.user)
    plan_form = PlanForm(request.POST)
    if not plan_form.is_valid():
        return render(request, "costs/calculator.html", {"form": plan_form})
    save_form = SavePlanForm(request.POST, employers=employers)
    if not save_form.is_valid():
        return render_results(request, plan_form, save_form=save_form)
    plan = cost_plan_create(
        employer=save_form.cleaned_data["employer"],
        by=request.user,
        name=save_form.cleaned_data["name"],
        costed_on=plan_form.cleaned_data["costed_on"],
        answers=plan_form.answers(),
    )
    messages.success(request, f"Plan saved: {plan.name}.")
    return redirect("costs:plan", plan_id=plan.pk)


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    require_someone_to_save_for(request.user)
    plans = list(plans_user_can_see(request.user))
    return render(request, "costs/plan_list.html", {"plans": plans})


@login_required
@require_GET
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_cost_plan_for_actor(request.user, plan_id)
    costing = costing_of(plan)
    return render(
        request,
        "costs/plan.html",
        {
            "plan": plan,
            "costing": costing,
            "acting": acting_for_employer(request, plan.employer_id),
            "note": rates_note(plan.costed_on, costing) if costing else "",
            "costed_on": plan.costed_on,
        },
    )


@login_required
@require_GET
def plan_print(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_cost_plan_for_actor(request.user, plan_id)
    costing = costing_of(plan)
    return render(
        request,
        "costs/plan_print.html",
        {"plan": plan, "costing": costing, "costed_on": plan.costed_on},
    )


@login_required
@require_GET
def plan_csv(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_cost_plan_for_actor(request.user, plan_id)
    costing = costing_of(plan)
    if costing is None:
        messages.error(request, "Check this plan's answers before exporting it.")
        return redirect("costs:plan_edit", plan_id=plan.pk)
    response = HttpResponse(costing_csv(costing), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pa-hub-cost-plan-{plan.pk}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_cost_plan_for_actor(request.user, plan_id)
    context = {"plan": plan, "acting": acting_for_employer(request, plan.employer_id)}
    if request.method == "GET":
        form = SavedPlanForm({**plan.answers, "name": plan.name})
        form.keep_typed_without_checking()
    elif wants_rows_changed(request):
        form = changed_rows_form(request, SavedPlanForm)
    else:
        form = SavedPlanForm(request.POST)
        if form.is_valid():
            answers = form.answers()
            answers.pop("name")
            cost_plan_update(
                plan=plan,
                by=request.user,
                name=form.cleaned_data["name"],
                costed_on=form.cleaned_data["costed_on"],
                answers=answers,
            )
            messages.success(request, "Plan saved.")
            return redirect("costs:plan", plan_id=plan.pk)
    return render(request, "costs/calculator.html", {**context, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def plan_delete(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access_cost_plan_for_actor(request.user, plan_id)
    if request.method == "POST":
        cost_plan_delete(plan=plan, by=request.user)
        messages.success(request, f"Plan deleted: {plan.name}.")
        return redirect("costs:plans")
    return render(request, "costs/plan_delete.html", {"plan": plan})
