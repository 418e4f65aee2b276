"""Unsubscribing and confirming a public subscription: server-rendered pages that work without signing in.

`GET /unsubscribe/<token>` says what will stop and offers a button; `POST` stops it (also RFC 8058's one-click
POST, body `List-Unsubscribe=One-Click`, which mail programs send without showing the page). The token is
signed over the recipient and kind, so it stops only that; a forged or altered one changes nothing."""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from quorum.notifications import service
from quorum.notifications.tokens import read_confirmation_token, read_unsubscribe_token
from quorum.web.pages import page

NOT_VALID = (
    "This link is not valid",
    "The link may have been copied incompletely. Use the link in the most recent message you received.",
)


async def unsubscribe_page(request: Request) -> HTMLResponse:
    token = request.path_params["token"]
    what = read_unsubscribe_token(token)
    stops = service.describe(what) if what else None
    if what is None or stops is None:
        return page(*NOT_VALID, status_code=404)
    if request.method == "GET":
        form = (
            f'<form method="post" action="/unsubscribe/{escape(token, quote=True)}">'
            '<button type="submit" class="button">Stop these messages</button></form>'
        )
        return page("Stop these messages?", f"You will no longer receive {stops}.", extra_html=form)
    if not await service.unsubscribe(what):
        return page(*NOT_VALID, status_code=404)
    return page("You have unsubscribed", f"You will no longer receive {stops}.")


async def confirm_page(request: Request) -> HTMLResponse:
    token = request.path_params["token"]
    if read_confirmation_token(token) is None:
        return page(
            "This link is not valid",
            "The link may have expired (it works for 7 days) or been copied incompletely. Subscribe again.",
            status_code=404,
        )
    if request.method == "GET":
        form = (
            f'<form method="post" action="/subscriptions/confirm/{escape(token, quote=True)}">'
            '<button type="submit" class="button">Confirm my subscription</button></form>'
        )
        return page("Confirm your subscription", "Confirm that you want these messages.", extra_html=form)
    if not await service.confirm_subscription(token):
        return page(*NOT_VALID, status_code=404)
    return page("Subscription confirmed", "You will receive a message when this committee publishes papers.")


ROUTES = [
    Route("/unsubscribe/{token}", unsubscribe_page, methods=["GET", "POST"]),
    Route("/subscriptions/confirm/{token}", confirm_page, methods=["GET", "POST"]),
]
