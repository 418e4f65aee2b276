"""Who may change an arrangement of committees in common. Row-level security (migration 0011) says the same:
the convening organisation's officers write the arrangement, its invitations and its sessions; only the
invited organisation's officers answer an invitation; each organisation's officers link their own meeting.
What anyone reads of a committee's business stays with that committee's own meeting and its policies."""

from __future__ import annotations

import uuid

from quorum.access import Access


def may_convene(access: Access, org_id: uuid.UUID) -> bool:
    return access.is_governance_officer(org_id)


def may_answer(access: Access, invited_org_id: uuid.UUID) -> bool:
    return access.is_governance_officer(invited_org_id)
