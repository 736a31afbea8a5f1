"""The API's errors: one shape, one status for each kind, documented on every operation.

Every error is `ErrorOut`: a `detail` sentence to show, and where the input is at fault,
`field` (the first field named) and `errors` (each field's messages); keys with nothing to
say are left out, so a plain error is `{"detail": "..."}` as it always was. The statuses:

- 400 bad input: a value of the wrong type or out of range, or one that breaks a rule;
- 401 not signed in (no session, or no valid API key);
- 403 signed in but not allowed: the wrong role, two-factor not set up, a missing CSRF token;
- 404 not found, or not yours (so nobody learns that it exists);
- 409 the thing has moved on: a state that no longer allows it, a slot just taken;
- 429 too many requests.

`PAHubAPI` adds the errors an operation can give to its published description, so no
operation can forget them: 400 where it takes input, 401 and 403 where it needs sign-in,
404 where its path names something. Operations still declare, in `response=`, the errors
they return themselves (ninja checks the body against the declared schema).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.schema import NinjaGenerateJsonSchema
from pydantic import Field, SerializerFunctionWrapHandler, model_serializer, model_validator

# The plain-English meaning of each error status, as the published description says it.
ERROR_STATUSES: dict[int, str] = {
    400: "Bad input: `detail` says what is wrong, `field` and `errors` name the fields.",
    401: "Not signed in: no browser session, or no valid API key.",
    403: "Not allowed: the wrong role, two-factor authentication not set up, or no CSRF token.",
    404: "Not found, or not yours to see.",
    409: "The thing has moved on: its state no longer allows this.",
    429: "Too many requests: wait, then try again.",
}
BODY_SOURCES = ("body", "form", "file")
REF_TEMPLATE = "#/components/schemas/{model}"


class InputError(Exception):
    """Bad input that a view finds itself (an unknown code, a malformed postcode): 400 naming
    the field, like the input ninja refuses."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ProblemOut(Schema):
    step: str
    message: str


class ErrorOut(Schema):
    """Every error the API gives, whatever the status."""

    detail: str = Field(description="What went wrong, as a sentence to show")
    field: str | None = Field(None, description="Bad input: the first field at fault")
    errors: dict[str, list[str]] = Field(
        default_factory=dict, description="Bad input: the messages for each field at fault"
    )
    problems: list[ProblemOut] | None = Field(
        None, description="A job that cannot be published: what is missing, step by step"
    )

    @model_validator(mode="after")
    def field_is_in_errors(self) -> "ErrorOut":
        # A service names one field; clients read `errors` whichever way the error arose.
        if self.field and self.field not in self.errors:
            message = self.detail.removeprefix(f"{self.field}: ")
            self.errors = {self.field: [message], **self.errors}
        return self

    @model_serializer(mode="wrap")
    def leave_out_empty_keys(self, handler: SerializerFunctionWrapHandler):
        # No return annotation, so pydantic documents the fields rather than "any object".
        return {key: value for key, value in handler(self).items() if key == "detail" or value}


def error_body(detail: str, *, field: str | None = None, errors: dict | None = None) -> dict:
    return ErrorOut(detail=detail, field=field, errors=errors or {}).model_dump()


def field_name(location: tuple) -> str:
    """A pydantic error location as the name the client sent: `("body", "payload",
    "slots", 0, "day")` is `slots.0.day`, `("query", "page")` is `page`."""
    source, *rest = location
    if source in BODY_SOURCES and len(rest) > 1:
        rest = rest[1:]  # the view's parameter name, which the client never sees
    return ".".join(str(part) for part in rest) or source


def validation_messages(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    messages: dict[str, list[str]] = {}
    for error in errors:
        messages.setdefault(field_name(tuple(error["loc"])), []).append(error["msg"])
    return messages


def install_error_handlers(api: NinjaAPI) -> None:
    """Every error raised, whether by ninja, Django or a view, answers as `ErrorOut`."""

    def answer(request: HttpRequest, status: int, body: dict) -> HttpResponse:
        return api.create_response(request, body, status=status)

    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        messages = validation_messages(exc.errors)
        first = next(iter(messages), None)
        detail = "The request was not valid"
        detail += f": {first}: {messages[first][0]}" if first else "."
        return answer(request, 400, error_body(detail, field=first, errors=messages))

    def input_error(request: HttpRequest, exc: InputError) -> HttpResponse:
        return answer(request, 400, error_body(str(exc), field=exc.field))

    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        # A rule that refuses with a reason (e.g. staff without two-factor) says it.
        return answer(request, 403, error_body(str(exc) or "You may not do that."))

    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return answer(request, 404, error_body("Not found."))

    def authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return answer(request, 401, error_body("Authentication required."))

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return answer(request, exc.status_code, error_body(exc.message))

    def unreadable_body(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
        # A multipart body without a boundary cannot be read; left to Django, the API would
        # answer with an HTML page (or, with DEBUG on, a 500 traceback).
        return answer(
            request,
            400,
            error_body(
                "The request body could not be read. Send JSON with Content-Type: application/json."
            ),
        )

    api.add_exception_handler(ValidationError, validation_error)
    api.add_exception_handler(InputError, input_error)
    api.add_exception_handler(PermissionDenied, permission_denied)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(AuthenticationError, authentication_error)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(MultiPartParserError, unreadable_body)


def standard_errors(operation: dict) -> list[int]:
    """The errors any operation of this kind can give, whatever its view does."""
    statuses = []
    parameters = operation.get("parameters") or []
    if parameters or "requestBody" in operation:
        statuses.append(400)
    if operation.get("security"):
        statuses += [401, 403]
    if any(parameter.get("in") == "path" for parameter in parameters):
        statuses.append(404)
    return statuses


def error_schema_definitions() -> dict[str, dict]:
    # As ninja writes the ErrorOut of a declared response, so the two are the same.
    schema = ErrorOut.model_json_schema(
        ref_template=REF_TEMPLATE, schema_generator=NinjaGenerateJsonSchema, mode="serialization"
    )
    definitions = schema.pop("$defs", {})
    return {**definitions, ErrorOut.__name__: schema}


def document_errors(openapi: dict) -> dict:
    """Add the standard errors to every operation of an OpenAPI document, each described
    in plain English and answered as `ErrorOut`."""
    openapi["components"].setdefault("schemas", {}).update(error_schema_definitions())
    error_content = {
        "application/json": {"schema": {"$ref": REF_TEMPLATE.format(model=ErrorOut.__name__)}}
    }
    for path_item in openapi["paths"].values():
        for operation in path_item.values():
            responses = operation["responses"]
            for status in standard_errors(operation):
                responses.setdefault(status, {"content": error_content})
            for status, response in responses.items():
                if int(status) in ERROR_STATUSES:
                    response["description"] = ERROR_STATUSES[int(status)]
    return openapi


class PAHubAPI(NinjaAPI):
    """A NinjaAPI whose errors are `ErrorOut` and whose published description lists them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        install_error_handlers(self)

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return document_errors(super().get_openapi_schema(**kwargs))
