"""The GraphQL layer: composes each domain's types, queries and mutations."""
