"""The register of delegations: who delegated which functions to which committee, over which practices, when."""
