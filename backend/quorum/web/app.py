"""The Starlette application: routes and middleware, nothing else."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import Lifespan

from quorum.auth import sessions
from quorum.auth.identity import Refused
from quorum.ballots import http as ballots_http
from quorum.conduct import http as conduct_http
from quorum.config import Settings, get_settings
from quorum.database import app_engine, statement_pool, write_pool
from quorum.delegations import http as delegations_http
from quorum.indicators import http as indicators_http
from quorum.interests import http as interests_http
from quorum.meetings import http as meetings_http
from quorum.packs import http as packs_http
from quorum.surveys import http as surveys_http
from quorum.web import demo_sign_in as demo
from quorum.web import files
from quorum.web import unsubscribe as unsubscribing
from quorum.web.downloads import download_route
from quorum.web.graphql_http import graphql_endpoint
from quorum.web.oidc import OidcSignIn
from quorum.web.request_bodies import RequestBodies
from quorum.web.security import SecurityHeaders
from quorum.web.unavailable import HANDLED, database_unavailable
from quorum.web.websocket import Subscriptions


async def healthz(request: Request) -> Response:
    try:
        async with app_engine().connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception:
        return JSONResponse({"status": "degraded", "database": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok"})


async def sign_out(request: Request) -> Response:
    if not sessions.has_csrf_header(request):
        return JSONResponse({"error": "Send the X-Quorum-CSRF: 1 header."}, status_code=403)
    if request.query_params.get("everywhere") == "1":
        await sessions.end_everywhere(request)
    else:
        await sessions.end(request)
    return Response(status_code=204)


def frontend_routes(settings: Settings) -> list:
    index = settings.frontend_dir / "index.html"

    async def spa(request: Request) -> Response:
        path = request.url.path
        downloads = path.startswith(("/files/", "/exports/", "/packs/")) or path.endswith(".ics")
        served_elsewhere = downloads or path.startswith(("/auth/", "/assets/", "/unsubscribe/", "/subscriptions/"))
        if served_elsewhere or (path.startswith("/sign-in/demo") and not settings.demo_mode):
            return PlainTextResponse("Not Found", status_code=404)
        if not index.exists():
            unbuilt = "The frontend has not been built: run `npm run build` in frontend/."
            return PlainTextResponse(unbuilt, status_code=503)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    routes = []
    if (settings.frontend_dir / "assets").is_dir():
        routes.append(Mount("/assets", StaticFiles(directory=settings.frontend_dir / "assets"), name="assets"))
    routes.append(Route("/{path:path}", spa, methods=["GET"]))
    return routes


def download_routes() -> list[Route]:
    organisation = ("organisation", "Organisation")
    return [
        download_route("/files/{file_id}", files.download, not_found="No such file."),
        download_route(
            "/exports/delegations.xlsx",
            delegations_http.register_xlsx,
            not_found="No such organisation.",
            query_id=organisation,
        ),
        download_route(
            "/exports/interests.xlsx",
            interests_http.register_xlsx,
            not_found="No such organisation.",
            query_id=organisation,
        ),
        download_route(
            "/meetings/{meeting_id}/minutes.pdf",
            conduct_http.minutes_pdf,
            not_found="No such minutes.",
            query=conduct_http.part_asked,
        ),
        download_route(
            "/meetings/{meeting_id}/calendar.ics",
            meetings_http.meeting_ics,
            not_found="No such meeting.",
            base_url=True,
        ),
        download_route(
            "/committees/{committee_id}/calendar.ics",
            meetings_http.committee_ics,
            not_found="No such committee.",
            base_url=True,
        ),
        download_route(
            "/packs/{build_id}.pdf",
            packs_http.pack_pdf,
            not_found="No such pack.",
            query=packs_http.viewing,
        ),
        download_route(
            "/exports/ballot.xlsx",
            ballots_http.result_xlsx,
            not_found="No such ballot.",
            query_id=("ballot", "Ballot"),
        ),
        download_route(
            "/exports/survey-results.xlsx",
            surveys_http.results_xlsx,
            not_found="No such survey.",
            query_id=("survey", "Survey"),
        ),
        download_route("/indicators/{indicator_id}/trend.svg", indicators_http.trend, not_found="No such indicator."),
        download_route(
            "/indicators/{indicator_id}/practices.svg", indicators_http.practices, not_found="No such indicator."
        ),
    ]


def create_app(lifespan: Lifespan[Starlette] | None = None) -> Starlette:
    """`lifespan` runs beside the app for as long as it serves (`quorum serve` runs a job worker in it)."""
    settings = get_settings()
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/graphql", graphql_endpoint, methods=["GET", "POST"]),
        Route("/auth/sign-out", sign_out, methods=["POST"]),
        WebSocketRoute("/graphql", Subscriptions()),
        *download_routes(),
        *unsubscribing.ROUTES,
    ]
    if settings.oidc_enabled:
        oidc = OidcSignIn(settings)
        routes += [
            Route("/auth/login", oidc.login, methods=["GET"]),
            Route("/auth/callback", oidc.callback, methods=["GET"], name="auth_callback"),
        ]
    if settings.demo_mode:
        routes += [
            Route("/auth/demo/users", demo.demo_users, methods=["GET"]),
            Route("/auth/demo/sign-in", demo.demo_sign_in, methods=["POST"]),
        ]
    routes += frontend_routes(settings)
    middleware = [
        Middleware(SecurityHeaders, production=settings.production),
        Middleware(RequestBodies, seconds=settings.body_seconds),
        Middleware(
            SessionMiddleware,
            secret_key=settings.secret_key,
            session_cookie="quorum_session",
            max_age=int(sessions.LIFETIME.total_seconds()),
            same_site="lax",
            https_only=settings.production,
        ),
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={**{kind: database_unavailable for kind in HANDLED}, Refused: _refused},
        lifespan=_closing_the_statement_pools(lifespan),
    )


def _closing_the_statement_pools(lifespan: Lifespan[Starlette] | None) -> Lifespan[Starlette]:
    """`lifespan` (if any), beside the one-statement pools: their connections opened as the worker starts (in the
    background: serving does not wait for the database) and closed as it stops."""

    @asynccontextmanager
    async def serving(app: Starlette) -> AsyncIterator[None]:
        pools = (statement_pool, write_pool)
        warming = [asyncio.create_task(pool.warm()) for pool in pools]
        try:
            if lifespan is None:
                yield
            else:
                async with lifespan(app):  # type: ignore[union-attr]
                    yield
        finally:
            for task in warming:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
            for pool in pools:
                await pool.close()

    return serving


async def _refused(request: Request, refused: Exception) -> Response:
    # Raised from inside a route's transaction (a revoked bearer token); routes answer the rest themselves.
    return refused.response
