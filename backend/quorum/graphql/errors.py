"""Errors a person can act on, and the masking of everything else."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

MASKED_MESSAGE = "Something went wrong on our side; it has been logged."


class ClientError(Exception):
    """Bad input to a query (a malformed ID, a page size out of range): shown as is."""


@strawberry.type(description="A problem with the input that the person can fix. field is the input field's name (camelCase) or null.")
class UserError:
    field: str | None
    message: str


class InputErrors(Exception):
    """Raised by a service when a mutation's input is wrong; becomes the payload's errors."""

    def __init__(self, *errors: UserError):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = list(errors)


def input_error(field: str | None, message: str) -> InputErrors:
    return InputErrors(UserError(field=field, message=message))


def is_internal(error: GraphQLError) -> bool:
    """Mask everything except validation errors and our own ClientErrors."""
    original = error.original_error
    if original is None:
        return False
    return not isinstance(original, ClientError)


class MaskInternalErrors(MaskErrors):
    """Replaces an internal error's message, keeping its cause for the server (which can then tell a lost database
    from a bug); `formatted`, what the client receives, never includes the cause."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.original_error = error.original_error
        return masked
