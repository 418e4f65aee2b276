"""How errors reach the caller: what is masked, and the extensions that answer before a resolver runs."""

from __future__ import annotations

import re

from graphql import ExecutionResult, FieldNode, GraphQLError, OperationDefinitionNode, VariableDefinitionNode
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.types.graphql import OperationType

from quorum.errors import SIGN_IN_TO_CHANGE, ClientError


def is_internal(error: GraphQLError) -> bool:
    """Mask everything except validation errors, GraphQL's own, the variables' and our own ClientErrors.

    A value in the variables that cannot be coerced (a scalar's parser raised) carries that exception as its
    cause, but the message names the variable, the field and the value: the caller's mistake, not ours.
    """
    original = error.original_error
    if original is None or isinstance(original, (ClientError, GraphQLError)):
        return False
    return not any(isinstance(node, VariableDefinitionNode) for node in error.nodes or ())


# Mutations a member of the public may make: asking to follow a committee by email (double opt-in).
ANONYMOUS_MUTATIONS = frozenset({"subscribeToCommittee"})


class MutationsNeedSignIn(SchemaExtension):
    """Nothing in Quorum can be changed without signing in (but ANONYMOUS_MUTATIONS): tell an anonymous caller
    that, once, rather than each service's account of who may make the change."""

    def on_execute(self):
        ctx = self.execution_context
        access = getattr(ctx.context, "access", None)
        if ctx.operation_type is OperationType.MUTATION and access is not None and not access.signed_in:
            if not _only_anonymous_fields(ctx):
                ctx.result = ExecutionResult(data=None, errors=[GraphQLError(SIGN_IN_TO_CHANGE)])
        yield


def _only_anonymous_fields(ctx) -> bool:
    """Whether the operation selects nothing but mutations the public may make (fragments are refused)."""
    document = ctx.graphql_document
    if document is None:
        return False
    operations = [
        d
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
        and (ctx.operation_name is None or (d.name is not None and d.name.value == ctx.operation_name))
    ]
    if len(operations) != 1:
        return False
    selections = operations[0].selection_set.selections
    return bool(selections) and all(
        isinstance(s, FieldNode) and s.name.value in ANONYMOUS_MUTATIONS for s in selections
    )


SUBSCRIPTIONS_BY_WEBSOCKET = "Subscriptions go over the WebSocket at /graphql (graphql-transport-ws), not by POST."


class SubscriptionsOverWebSocket(SchemaExtension):
    """A subscription sent by POST was executed like a query and failed inside graphql-core (a masked 500-like
    answer); say where subscriptions go instead. The WebSocket's context has no HTTP request."""

    def on_execute(self):
        ctx = self.execution_context
        if ctx.operation_type is OperationType.SUBSCRIPTION and getattr(ctx.context, "request", None) is not None:
            ctx.result = ExecutionResult(data=None, errors=[GraphQLError(SUBSCRIPTIONS_BY_WEBSOCKET)])
        yield


_SUGGESTION = re.compile(r"\s*Did you mean .*$", re.DOTALL)


class NoSuggestions(SchemaExtension):
    """Production: no "Did you mean 'organisations'?" in any error, which would give the schema away with
    introspection off (strawberry's own option covers unknown fields only, not arguments, types or enum values)."""

    def on_operation(self):
        yield
        result = self.execution_context.result
        for error in (result.errors if result else None) or ():
            error.message = _SUGGESTION.sub("", error.message)


class MaskInternalErrors(MaskErrors):
    """Replaces an internal error's message, keeping its cause for the server (which can then tell a lost database
    from a bug); `formatted`, what the client receives, never includes the cause."""

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.original_error = error.original_error
        return masked
