"""A real SMTP server on loopback (aiosmtpd) for the notification tests, and helpers to run the machine.

`smtp_server` starts a server on a free port, points QUORUM_SMTP_URL at it and yields its `Inbox`; other tests
(meetings' and practices' kinds) can use it the same way: record events, `await run_machine()`, read the inbox.
"""

from __future__ import annotations

import asyncio
import os
import socket
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

import pytest
from aiosmtpd.controller import Controller

from quorum.config import get_settings


@dataclass
class Received:
    recipients: list[str]
    message: EmailMessage

    @property
    def text(self) -> str:
        part = self.message.get_body(("plain",))
        return part.get_content() if part else ""

    @property
    def html(self) -> str:
        part = self.message.get_body(("html",))
        return part.get_content() if part else ""


@dataclass
class Inbox:
    """What the server accepted. With `delay`, it waits before accepting each message, and a message whose client
    went away meanwhile is not accepted (the client never heard the server say it was)."""

    messages: list[Received] = field(default_factory=list)
    delay: float = 0.0
    refused: set[str] = field(default_factory=set)  # addresses answered "550 no such mailbox"

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:  # noqa: N802 (aiosmtpd's name)
        if address in self.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        if self.delay:
            await asyncio.sleep(self.delay)
            if server.transport is None or server.transport.is_closing():
                return "451 Connection lost"
        message = message_from_bytes(envelope.content, policy=default)
        self.messages.append(Received(list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"

    def to(self, email: str) -> list[Received]:
        return [m for m in self.messages if email in m.recipients]

    def clear(self) -> None:
        self.messages.clear()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    os.environ["QUORUM_SMTP_URL"] = f"smtp://127.0.0.1:{port}"
    get_settings.cache_clear()
    try:
        yield inbox
    finally:
        controller.stop()
        os.environ.pop("QUORUM_SMTP_URL", None)
        get_settings.cache_clear()


async def run_machine() -> None:
    """Dispatch every waiting event and deliver every queued message, as the worker does each minute."""
    from quorum.notifications.delivery import deliver_messages
    from quorum.notifications.dispatch import dispatch_events

    await dispatch_events()
    await deliver_messages()


@pytest.fixture
async def quiet_inbox(smtp_server):
    """The server's inbox after everything earlier tests left waiting has gone out."""
    await run_machine()
    smtp_server.clear()
    return smtp_server
