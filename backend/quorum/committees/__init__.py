"""Committees (joint committees included), their seats and their quorum rules."""
