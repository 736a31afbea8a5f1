"""The error every cover service raises when a person broke a rule.

It lives below the services, beside the models, so forms, pages and the API can catch it
without importing anything that writes.
"""


class CoverError(Exception):
    """A rule a person broke, with the field it belongs to (or "" for the whole form)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.field = field
