"""Rate limits: sign-in attempts, bearer token use and vote or response submissions.

Counted in each worker's memory (a sliding window per key), so with N workers a client may get up to
N times the limit; a load balancer's own limits sit in front in production (see infra/README.md).
QUORUM_RATE_LIMITS=off (refused in production) turns them all off, for load benchmarks such as
bench/servers, whose few personas send thousands of requests a minute.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque

from quorum.config import get_settings
from quorum.errors import ClientError


class RateLimited(ClientError):
    def __init__(self, retry_after: int):
        super().__init__(f"Too many requests; try again in {retry_after} seconds.")
        self.retry_after = retry_after


class RateLimit:
    def __init__(self, limit: int, per_seconds: float):
        self.limit, self.window = limit, per_seconds
        self._hits: dict[str, deque[float]] = defaultdict(deque)

    def reset(self) -> None:
        self._hits.clear()

    def check(self, key: str) -> None:
        """Count one request for `key`; raise RateLimited if it is over the limit."""
        if not get_settings().rate_limits:
            return
        now = time.monotonic()
        hits = self._hits[key]
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            raise RateLimited(max(1, math.ceil(hits[0] + self.window - now)))
        hits.append(now)
        if len(self._hits) > 100_000:  # forget idle keys rather than grow without end
            for stale in [k for k, v in self._hits.items() if not v or v[-1] <= now - self.window][:50_000]:
                del self._hits[stale]

    def take_back(self, key: str) -> None:
        """Uncount the request `check` last counted for `key`: it is to be answered, and counted, elsewhere."""
        hits = self._hits.get(key)
        if hits and get_settings().rate_limits:
            hits.pop()


SIGN_IN = RateLimit(limit=20, per_seconds=60)  # per client address
TOKEN_USE = RateLimit(limit=1200, per_seconds=60)  # per person using bearer tokens
SUBMISSIONS = RateLimit(limit=60, per_seconds=60)  # votes and survey responses, per person


def check_submission(person_id: object, address: str | None) -> None:
    """Count a vote or survey response: per person, or per address for a caller not signed in."""
    SUBMISSIONS.check(_submitter(person_id, address))


def take_back_submission(person_id: object, address: str | None) -> None:
    SUBMISSIONS.take_back(_submitter(person_id, address))


def _submitter(person_id: object, address: str | None) -> str:
    return f"person:{person_id}" if person_id else f"address:{address or 'unknown'}"
