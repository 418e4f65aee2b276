"""Settings, read once from the environment.

Every setting has a development default except the ones production must state:
QUORUM_SECRET_KEY, and the OpenID Connect client when sign-in is wanted.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit


@dataclass(frozen=True)
class SmtpServer:
    """Where email goes (QUORUM_SMTP_URL): `smtp://` plain or with `?starttls=1`, `smtps://` implicit TLS."""

    host: str
    port: int
    username: str | None = None
    password: str | None = None
    implicit_tls: bool = False
    starttls: bool = False


@dataclass(frozen=True)
class Settings:
    environment: str  # "development" or "production"
    demo_mode: bool
    data_dir: Path
    database_url: str | None  # None: run the embedded PostgreSQL in data_dir
    app_database_password: str | None
    secret_key: str
    oidc_issuer: str | None
    oidc_client_id: str | None
    oidc_client_secret: str | None
    frontend_dir: Path
    rate_limits: bool  # False only outside production, for load benchmarks (QUORUM_RATE_LIMITS=off)
    body_seconds: float = 30.0  # how long a client may take to send a request's body (QUORUM_BODY_SECONDS)
    smtp: SmtpServer | None = None  # None: messages stay in the outbox (QUORUM_SMTP_URL unset)
    mail_from: str = "Quorum <quorum@localhost>"  # QUORUM_MAIL_FROM
    public_url: str = "http://127.0.0.1:8000"  # QUORUM_PUBLIC_URL: where links in messages point
    # QUORUM_WORKER_JOBS: the jobs and schedules this process's worker runs (comma-separated names); None: all of them
    worker_jobs: frozenset[str] | None = None

    @property
    def production(self) -> bool:
        return self.environment == "production"

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _secret_key(environment: str, data_dir: Path) -> str:
    key = os.environ.get("QUORUM_SECRET_KEY")
    if key:
        return key
    if environment == "production":
        raise RuntimeError("QUORUM_SECRET_KEY must be set in production")
    # Development keeps one generated key in the data folder so sessions and
    # tokens survive restarts and are shared by every worker.
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def _rate_limits(environment: str) -> bool:
    value = os.environ.get("QUORUM_RATE_LIMITS", "on").strip().lower()
    if value not in {"on", "off"}:
        raise RuntimeError("QUORUM_RATE_LIMITS must be 'on' or 'off'")
    if value == "off" and environment == "production":
        raise RuntimeError("QUORUM_RATE_LIMITS=off cannot be set in production: it is for load benchmarks")
    return value == "on"


@cache
def get_settings() -> Settings:
    environment = os.environ.get("QUORUM_ENV", "development").strip().lower()
    if environment not in {"development", "production"}:
        raise RuntimeError("QUORUM_ENV must be 'development' or 'production'")
    demo_mode = _flag("QUORUM_DEMO")
    if demo_mode and environment == "production":
        raise RuntimeError("QUORUM_DEMO cannot be set in production: it lets anyone sign in as anyone")
    rate_limits = _rate_limits(environment)
    data_dir = Path(os.environ.get("QUORUM_DATA_DIR", ".quorum")).resolve()
    repo_root = Path(__file__).resolve().parents[2]
    return Settings(
        environment=environment,
        demo_mode=demo_mode,
        data_dir=data_dir,
        database_url=os.environ.get("DATABASE_URL") or None,
        app_database_password=os.environ.get("QUORUM_APP_DB_PASSWORD") or None,
        secret_key=_secret_key(environment, data_dir),
        oidc_issuer=os.environ.get("QUORUM_OIDC_ISSUER") or None,
        oidc_client_id=os.environ.get("QUORUM_OIDC_CLIENT_ID") or None,
        oidc_client_secret=os.environ.get("QUORUM_OIDC_CLIENT_SECRET") or None,
        frontend_dir=Path(os.environ.get("QUORUM_FRONTEND_DIR", repo_root / "frontend" / "dist")),
        rate_limits=rate_limits,
        body_seconds=_seconds("QUORUM_BODY_SECONDS", 30.0),
        smtp=parse_smtp_url(os.environ.get("QUORUM_SMTP_URL", "")),
        mail_from=os.environ.get("QUORUM_MAIL_FROM", "").strip() or "Quorum <quorum@localhost>",
        public_url=_public_url(os.environ.get("QUORUM_PUBLIC_URL", "")),
        worker_jobs=_names(os.environ.get("QUORUM_WORKER_JOBS", "")),
    )


def _names(value: str) -> frozenset[str] | None:
    names = frozenset(name.strip() for name in value.split(",") if name.strip())
    return names or None


def parse_smtp_url(value: str) -> SmtpServer | None:
    """QUORUM_SMTP_URL as a server, None when unset; a malformed one stops start-up with what is wrong."""
    value = value.strip()
    if not value:
        return None
    problem = "QUORUM_SMTP_URL must look like smtp://user:password@host:587?starttls=1 or smtps://host:465"
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:
        raise RuntimeError(f"{problem} ({error})") from None
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise RuntimeError(problem)
    query = parse_qs(parts.query)
    unknown = set(query) - {"starttls"}
    if unknown:
        raise RuntimeError(f"{problem}; unknown option {sorted(unknown)[0]!r}")
    starttls = query.get("starttls", ["0"])[-1].lower()
    if starttls not in {"0", "1", "true", "false", "yes", "no"}:
        raise RuntimeError(f"{problem}; starttls must be 1 or 0")
    implicit = parts.scheme == "smtps"
    wants_starttls = starttls in {"1", "true", "yes"}
    if implicit and wants_starttls:
        raise RuntimeError(f"{problem}; smtps:// is already encrypted, so starttls does not apply")
    return SmtpServer(
        host=parts.hostname,
        port=port or (465 if implicit else 25),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        implicit_tls=implicit,
        starttls=wants_starttls,
    )


def _public_url(value: str) -> str:
    value = value.strip().rstrip("/") or "http://127.0.0.1:8000"
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise RuntimeError("QUORUM_PUBLIC_URL must be an absolute http:// or https:// address")
    return value


def _seconds(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= 3600:
        raise RuntimeError(f"{name} must be a number of seconds between 0 and 3600")
    return seconds
