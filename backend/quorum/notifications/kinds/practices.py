"""Kinds of message about practices (filled by the practices-kinds work)."""

from __future__ import annotations

from quorum.notifications.letters import Kind

KINDS: list[Kind] = []
