"""Demo mode's "sign in as": mounted only when QUORUM_DEMO is set, never in production."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from quorum.auth import sessions
from quorum.auth.demo_people import DEMO_PEOPLE
from quorum.auth.identity import Refused, limit_sign_in
from quorum.auth.tokens import person_id_for_email


async def demo_users(request: Request) -> Response:
    return JSONResponse([{"email": p.email, "name": p.name, "description": p.description} for p in DEMO_PEOPLE])


async def demo_sign_in(request: Request) -> Response:
    try:
        limit_sign_in(request)
    except Refused as refused:
        return refused.response
    if not sessions.has_csrf_header(request):
        return JSONResponse({"error": "Send the X-Quorum-CSRF: 1 header."}, status_code=403)
    try:
        email = json.loads(await request.body())["email"]
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"error": 'Send a JSON body like {"email": "..."}.'}, status_code=400)
    if not isinstance(email, str) or email.lower() not in {p.email for p in DEMO_PEOPLE}:
        return JSONResponse({"error": "That is not a demo user."}, status_code=400)
    person_id = await person_id_for_email(email)
    if person_id is None:
        return JSONResponse({"error": "The demo data has not been loaded: run quorum seed --demo."}, status_code=409)
    await sessions.start(request, person_id)
    return Response(status_code=204)
