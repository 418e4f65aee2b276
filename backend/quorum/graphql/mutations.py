"""Mutations without ceremony: input errors become the payload's `errors`, and payload types are declared in a line.

ContractPayload = payload("PrimaryCareContractPayload", contract=PrimaryCareContractNode)

@mutation
async def create_primary_care_contract(self, info: Info, input: CreateInput) -> ContractPayload:
    row = await service.create_contract(...)      # may raise InputErrors
    return ContractPayload(contract=PrimaryCareContractNode.from_row(row))
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry

from quorum.errors import InputErrors
from quorum.graphql.errors import UserError

Resolver = TypeVar("Resolver", bound=Callable[..., Awaitable[Any]])


def payload(name: str, description: str | None = None, **results: Any) -> Any:
    """A mutation's payload type: each named result (null when the mutation failed), then `errors`."""
    annotations: dict[str, Any] = {field: result | None for field, result in results.items()}
    annotations["errors"] = list[UserError]
    namespace: dict[str, Any] = {field: None for field in results}
    namespace.update(__annotations__=annotations, errors=strawberry.field(default_factory=list))
    return strawberry.type(type(name, (), namespace), description=description)


def mutation(resolver: Resolver | None = None, *, description: str | None = None) -> Any:
    """`strawberry.mutation` whose InputErrors are answered as the payload the resolver returns, with those errors."""

    def decorate(resolver: Resolver) -> Any:
        @functools.cache
        def payload_type() -> Any:
            return typing.get_type_hints(resolver)["return"]

        @functools.wraps(resolver)
        async def answer(*args: Any, **kwargs: Any) -> Any:
            try:
                return await resolver(*args, **kwargs)
            except InputErrors as refused:
                return payload_type()(errors=refused.errors)

        return strawberry.mutation(answer, description=description)

    return decorate if resolver is None else decorate(resolver)
