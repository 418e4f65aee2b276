"""The GraphQL face of the kernel's input errors."""

from __future__ import annotations

import strawberry

from quorum.errors import UserError

strawberry.type(UserError, description=(
    "A problem with the input that the person can fix. field is the input field's name (camelCase) or null."
))
