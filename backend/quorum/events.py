"""Live events through PostgreSQL LISTEN/NOTIFY, so every app worker on every machine sees them.

A write publishes inside its transaction (delivered when it commits); each worker keeps one
listening connection and hands events to the subscriptions waiting on their topic.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from sqlalchemy import text

from quorum.database import Db, app_url, connect_kwargs

CHANNEL = "quorum_events"
log = logging.getLogger(__name__)


async def publish(db: Db, topic: str, payload: dict) -> None:
    await db.execute(text("SELECT pg_notify(:channel, :message)"), {
        "channel": CHANNEL, "message": json.dumps({"topic": topic, "payload": payload}, default=str),
    })


class Hub:
    """One listening connection per worker, fanned out to in-process queues by topic."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self._connection: asyncpg.Connection | None = None
        self._lock = asyncio.Lock()

    async def _ensure_listening(self) -> None:
        async with self._lock:
            if self._connection is not None and not self._connection.is_closed():
                return
            self._connection = await asyncpg.connect(**connect_kwargs(app_url()))
            await self._connection.add_listener(CHANNEL, self._deliver)

    def _deliver(self, connection, pid, channel, message: str) -> None:
        try:
            event = json.loads(message)
        except ValueError:
            log.warning("ignoring a malformed event")
            return
        for queue in list(self._queues.get(event.get("topic"), ())):
            queue.put_nowait(event["payload"])

    @asynccontextmanager
    async def subscription(self, topic: str) -> AsyncIterator[asyncio.Queue]:
        queue: asyncio.Queue = asyncio.Queue(maxsize=1000)
        self._queues[topic].add(queue)
        try:
            await self._ensure_listening()
            yield queue
        finally:
            self._queues[topic].discard(queue)
            if not self._queues[topic]:
                del self._queues[topic]


hub = Hub()
