"""Errors a person can act on. Plain exceptions: the web layer decides how each is shown."""

from __future__ import annotations

from dataclasses import dataclass


class ClientError(Exception):
    """Bad input to a query (a malformed ID, a page size out of range): shown as is."""


@dataclass
class UserError:
    """A problem with the input that the person can fix. `field` is the input field's name (camelCase) or None."""

    field: str | None
    message: str


class InputErrors(Exception):
    """Raised by a service when a mutation's input is wrong; becomes the payload's errors."""

    def __init__(self, *errors: UserError):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = list(errors)


def input_error(field: str | None, message: str) -> InputErrors:
    return InputErrors(UserError(field=field, message=message))


SIGN_IN_TO_CHANGE = "Sign in to make changes."
MASKED_MESSAGE = "Something went wrong on our side; it has been logged."
