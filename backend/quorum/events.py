"""Live events through PostgreSQL LISTEN/NOTIFY, so every app worker on every machine sees them.

A write publishes inside its transaction (delivered when it commits); each worker keeps one
listening connection and hands events to the subscriptions waiting on their topic. If PostgreSQL
goes away (restarted, failed over), the worker listens again as soon as it can and hands each
subscription its `resync` event, since whatever was published meanwhile never arrived.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from sqlalchemy import text

from quorum.database import Db, app_url, connect_kwargs, is_unavailable

CHANNEL = "quorum_events"
log = logging.getLogger(__name__)

Payload = dict[str, Any]


async def publish(db: Db, topic: str, payload: Payload) -> None:
    await db.execute(
        text("SELECT pg_notify(:channel, :message)"),
        {
            "channel": CHANNEL,
            "message": json.dumps({"topic": topic, "payload": payload}, default=str),
        },
    )


class Hub:
    """One listening connection per worker, fanned out to in-process queues by topic."""

    def __init__(self) -> None:
        self._queues: dict[str, set[asyncio.Queue[Payload]]] = defaultdict(set)
        self._resync: dict[asyncio.Queue[Payload], Payload] = {}
        self._connection: asyncpg.Connection[asyncpg.Record] | None = None
        self._lock = asyncio.Lock()
        self._relistening: asyncio.Task[None] | None = None

    async def _ensure_listening(self) -> None:
        async with self._lock:
            if self._connection is not None and not self._connection.is_closed():
                return
            self._connection = await asyncpg.connect(**connect_kwargs(app_url()))
            # asyncpg hands NOTIFY payloads over as str; its stubs say object.
            await self._connection.add_listener(CHANNEL, self._deliver)  # type: ignore[arg-type]
            self._connection.add_termination_listener(self._lost)

    def _lost(self, connection: object) -> None:
        if self._relistening is None or self._relistening.done():
            self._relistening = asyncio.create_task(self._listen_again())

    async def _listen_again(self) -> None:
        delay = 0.2
        while any(self._queues.values()):
            try:
                await self._ensure_listening()
            except Exception as error:
                if not is_unavailable(error):
                    raise
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5)
                continue
            log.info("listening for live events again")
            for queue, payload in list(self._resync.items()):
                queue.put_nowait(payload)
            return

    def _deliver(self, connection: object, pid: int, channel: str, message: str) -> None:
        try:
            event = json.loads(message)
        except ValueError:
            log.warning("ignoring a malformed event")
            return
        for queue in list(self._queues.get(event.get("topic"), ())):
            queue.put_nowait(event["payload"])

    @asynccontextmanager
    async def subscription(self, topic: str, resync: Payload | None = None) -> AsyncIterator[asyncio.Queue[Payload]]:
        """The topic's events as they are published; `resync` is the event to receive after events may have been
        missed."""
        queue: asyncio.Queue[Payload] = asyncio.Queue(maxsize=1000)
        self._queues[topic].add(queue)
        if resync is not None:
            self._resync[queue] = resync
        try:
            await self._ensure_listening()
            yield queue
        finally:
            self._resync.pop(queue, None)
            self._queues[topic].discard(queue)
            if not self._queues[topic]:
                del self._queues[topic]


hub = Hub()
