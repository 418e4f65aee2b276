"""Kinds of message about meetings (filled by the meetings-kinds work)."""

from __future__ import annotations

from quorum.notifications.letters import Kind

KINDS: list[Kind] = []
