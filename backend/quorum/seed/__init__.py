"""Data loaders run by `quorum seed`."""
