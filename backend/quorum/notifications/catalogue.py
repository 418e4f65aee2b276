"""Every kind of message Quorum sends, by the name of the event it answers."""

from __future__ import annotations

from quorum.notifications.kinds import concerns, meetings, papers, practices
from quorum.notifications.letters import Kind

KINDS: dict[str, Kind] = {kind.name: kind for area in (papers, meetings, practices, concerns) for kind in area.KINDS}


def kind(name: str) -> Kind | None:
    return KINDS.get(name)
