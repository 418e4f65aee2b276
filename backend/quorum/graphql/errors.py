"""The GraphQL face of the kernel's input errors."""

from __future__ import annotations

import strawberry

from quorum.errors import UserError

__all__ = ["UserError"]  # the kernel's class, made a GraphQL type here

strawberry.type(
    UserError,
    description=(
        "A problem with the input that the person can fix. field is the input field's name (camelCase) or null."
    ),
)
