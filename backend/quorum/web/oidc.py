"""OpenID Connect sign-in (authorization code flow with PKCE), with authlib."""

from __future__ import annotations

from authlib.integrations.starlette_client import OAuth, OAuthError
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from quorum.auth import sessions
from quorum.auth.identity import Refused, limit_sign_in
from quorum.auth.tokens import person_id_for_email
from quorum.config import Settings
from quorum.web import pages


def oauth_client(settings: Settings):
    oauth = OAuth()
    oauth.register(
        "provider",
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        server_metadata_url=settings.oidc_issuer.rstrip("/") + "/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile", "code_challenge_method": "S256"},
    )
    return oauth.provider


class OidcSignIn:
    def __init__(self, settings: Settings):
        self.client = oauth_client(settings)

    async def login(self, request: Request) -> Response:
        try:
            limit_sign_in(request)
        except Refused as refused:
            page = pages.refusal("Too many attempts to sign in", "Wait a minute, then try again.", 429)
            page.headers["Retry-After"] = refused.response.headers["Retry-After"]
            return page
        return await self.client.authorize_redirect(request, str(request.url_for("auth_callback")))

    async def callback(self, request: Request) -> Response:
        try:
            token = await self.client.authorize_access_token(request)
        except OAuthError as error:
            return pages.refusal(
                "Sign-in did not finish", f"The identity provider said: {error.description or error.error}.", 400
            )
        claims = token.get("userinfo") or {}
        email = claims.get("email")
        if not email or claims.get("email_verified") is not True:
            return pages.refusal(
                "We could not confirm your email address",
                "Your identity provider did not confirm your email address, so Quorum cannot tell who you are.",
            )
        person_id = await person_id_for_email(email)
        if person_id is None:
            return pages.refusal(
                "You do not have a Quorum account",
                f"There is no Quorum account for {email}. Ask your organisation's Quorum administrator to add you.",
            )
        await sessions.start(request, person_id)
        return RedirectResponse("/", status_code=303)
