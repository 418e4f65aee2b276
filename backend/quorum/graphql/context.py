"""What every resolver receives: the request, its transaction and the caller's access."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.requests import Request
from strawberry.types import Info as StrawberryInfo

from quorum.access import Access
from quorum.auth.identity import Identity
from quorum.config import Settings
from quorum.database import Db

Loader = TypeVar("Loader")


@dataclass
class Context:
    request: Request | None
    db: Db
    access: Access
    settings: Settings
    identity: Identity = field(default_factory=Identity)
    loaders: dict[str, Any] = field(default_factory=dict)
    after_commit: list[Callable[[], None]] = field(default_factory=list)  # run once the request's writes are committed

    @property
    def client_address(self) -> str | None:
        return self.request.client.host if self.request is not None and self.request.client else None

    def loader(self, name: str, make: Callable[[Context], Loader]) -> Loader:
        """One DataLoader per name per request."""
        if name not in self.loaders:
            self.loaders[name] = make(self)
        loader: Loader = self.loaders[name]
        return loader


Info = StrawberryInfo[Context, None]
