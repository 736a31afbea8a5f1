"""A council's local rules, under /areas/<slug>/rules/.

Anyone may read the rules a council has in force. The council's own staff (with two-factor,
enforced for all staff by middleware) and site admins add, change and retire them under
/areas/<slug>/rules/manage/; anyone else gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from pahub.core.forms import FieldInputError
from pahub.core.public import public_page
from pahub.rules import permissions, queries, services
from pahub.rules.forms import KIND_SLUGS, KIND_TITLES, SLUG_OF_KIND, RuleForm, rule_initial
from pahub.rules.presenters import rule_views


@public_page
@require_GET
def rules_list(request: HttpRequest, council: str) -> HttpResponse:
    local_authority = permissions.access_council_for_rules(council)
    return render(
        request,
        "rules/list.html",
        {
            "council": local_authority,
            "council_name": queries.council_of(local_authority),
            "rules": rule_views(queries.rules_in_force(local_authority.pk)),
            "may_manage": permissions.may_manage_rules(request.user, local_authority),
        },
    )


@login_required
@require_GET
def rules_manage(request: HttpRequest, council: str) -> HttpResponse:
    local_authority = permissions.access_council_for_rule_manager(request.user, council)
    return render(
        request,
        "rules/manage.html",
        {
            "council": local_authority,
            "council_name": queries.council_of(local_authority),
            "rules": rule_views(list(queries.rules_for_council(local_authority.pk))),
            "kinds": [(slug, KIND_TITLES[kind]) for slug, kind in KIND_SLUGS.items()],
        },
    )


def save_errors(form: RuleForm, error: FieldInputError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
@require_http_methods(["GET", "POST"])
def rule_add(request: HttpRequest, council: str, kind: str) -> HttpResponse:
    local_authority = permissions.access_council_for_rule_manager(request.user, council)
    if kind not in KIND_SLUGS:
        raise Http404
    form = RuleForm(request.POST or None, kind=KIND_SLUGS[kind])
    if request.method == "POST" and form.is_valid():
        try:
            services.rule_add(council=local_authority, answers=form.to_input(), by=request.user)
        except FieldInputError as error:
            save_errors(form, error)
        else:
            messages.success(request, "Rule added. Jobs it applies to now follow it.")
            return redirect("rules:manage", council=local_authority.slug)
    return render(
        request,
        "rules/form.html",
        {
            "council": local_authority,
            "council_name": queries.council_of(local_authority),
            "form": form,
            "heading": f"Add {KIND_TITLES[form.kind]}",
            "rule": None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, council: str, rule_id: int) -> HttpResponse:
    rule = permissions.access_rule_for_manager(request.user, council, rule_id)
    if rule.is_retired:
        messages.info(request, "This rule is retired, so it cannot be changed. Add a new one.")
        return redirect("rules:manage", council=rule.council.slug)
    form = RuleForm(request.POST or None, kind=rule.kind, initial=rule_initial(rule))
    if request.method == "POST" and form.is_valid():
        try:
            services.rule_change(rule=rule, answers=form.to_input(), by=request.user)
        except FieldInputError as error:
            save_errors(form, error)
        else:
            messages.success(request, "Rule saved. Jobs it applies to now follow it.")
            return redirect("rules:manage", council=rule.council.slug)
    return render(
        request,
        "rules/form.html",
        {
            "council": rule.council,
            "council_name": queries.council_of(rule.council),
            "form": form,
            "heading": f"Change {KIND_TITLES[rule.kind]}",
            "rule": rule,
            "kind_slug": SLUG_OF_KIND[rule.kind],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def rule_retire(request: HttpRequest, council: str, rule_id: int) -> HttpResponse:
    rule = permissions.access_rule_for_manager(request.user, council, rule_id)
    if request.method == "POST":
        try:
            services.rule_retire(rule=rule, by=request.user)
        except FieldInputError as error:
            messages.info(request, error.message)
        else:
            messages.success(request, "Rule retired. New jobs no longer follow it.")
        return redirect("rules:manage", council=rule.council.slug)
    return render(
        request,
        "rules/retire.html",
        {
            "council": rule.council,
            "council_name": queries.council_of(rule.council),
            "view": rule_views([rule])[0],
        },
    )
