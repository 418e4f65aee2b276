"""Sending email over SMTP (QUORUM_SMTP_URL). Only the notification machine calls this; services never do."""

from __future__ import annotations

from email.message import EmailMessage
from types import TracebackType

import aiosmtplib

from quorum.config import SmtpServer


class Mailer:
    """One SMTP connection, opened on first use and reused for every message sent through it."""

    def __init__(self, server: SmtpServer, timeout: float = 30.0):
        self.server = server
        self.timeout = timeout
        self._client: aiosmtplib.SMTP | None = None

    async def __aenter__(self) -> Mailer:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        await self.close()

    async def _connected(self) -> aiosmtplib.SMTP:
        if self._client is not None and self._client.is_connected:
            return self._client
        server = self.server
        client = aiosmtplib.SMTP(
            hostname=server.host,
            port=server.port,
            use_tls=server.implicit_tls,
            start_tls=server.starttls,
            timeout=self.timeout,
        )
        await client.connect()
        if server.username:
            await client.login(server.username, server.password or "")
        self._client = client
        return client

    async def send(self, message: EmailMessage) -> None:
        client = await self._connected()
        try:
            await client.send_message(message)
        except aiosmtplib.SMTPServerDisconnected:
            # The server closed an idle connection: once more on a fresh one.
            self._client = None
            await (await self._connected()).send_message(message)

    async def close(self) -> None:
        if self._client is not None and self._client.is_connected:
            try:
                await self._client.quit()
            except aiosmtplib.SMTPException:
                self._client.close()
        self._client = None
