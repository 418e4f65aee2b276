"""Quorum: governance for NHS commissioning organisations."""
