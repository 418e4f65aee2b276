"""People, the organisations that registered them, and their memberships (roles)."""
