"""Who may read the outbox: nobody through the application. The notification worker reads it as the owner and
decides, per event, who may be told; a caller may only add events as themself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Select, false
from sqlmodel import SQLModel, select
from sqlmodel.sql.expression import SelectOfScalar

from quorum.access import Access
from quorum.outbox.tables import DomainEvent


def visible_domain_events(access: Access) -> SelectOfScalar[DomainEvent]:
    return select(DomainEvent).where(false())


ROW_POLICIES: dict[type[SQLModel], Callable[[Access], Select[Any]]] = {
    DomainEvent: visible_domain_events,
}
