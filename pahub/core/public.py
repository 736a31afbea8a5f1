"""Which views anyone may open, signed in or not: the explicit opt-out from staff two-factor.

Every page and API operation is closed to a staff session without two-factor (see
`pahub.accounts.middleware`) unless it says it is public:

- a page, with `@public_page` on its view;
- an API operation, by declaring `auth=None` (django-ninja's own "no authentication").

Forgetting either keeps the page closed, which is the safe way round.
"""

from collections.abc import Callable

from django.http import HttpRequest
from ninja.operation import Operation, PathView

PUBLIC_ATTRIBUTE = "is_public_page"


def public_page[View: Callable](view: View) -> View:
    """Mark a view as one that anyone signed out may see (and so anyone signed in)."""
    setattr(view, PUBLIC_ATTRIBUTE, True)
    return view


def is_public(view_func: Callable, request: HttpRequest) -> bool:
    if getattr(view_func, PUBLIC_ATTRIBUTE, False):
        return True
    operation = ninja_operation(view_func, request.method or "GET")
    return operation is not None and operation.auth_param is None


def ninja_operation(view_func: Callable, method: str) -> Operation | None:
    """The API operation a django-ninja view would run for this method, if it is one.

    django-ninja serves each path through one closure over its `PathView`, which holds the
    operations by method; nothing else on the view function names them.
    """
    code = getattr(view_func, "__code__", None)
    if code is None or "self" not in code.co_freevars:
        return None
    path_view = view_func.__closure__[code.co_freevars.index("self")].cell_contents
    if not isinstance(path_view, PathView):
        return None
    return next((op for op in path_view.operations if method in op.methods), None)
