"""Membership-engagement surveys: built from templates, answered by members, reported without exposing small groups."""
