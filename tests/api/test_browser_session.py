"""Browser sessions: demo sign-in, CSRF protection on cookie-authenticated posts, sign-out, tampering."""

from __future__ import annotations

from tests.support import BOLTON_SECRETARY, CSRF

VIEWER = {"query": "{ viewer { person { email } } }"}


async def sign_in(client, email: str) -> None:
    response = await client.post("/auth/demo/sign-in", json={"email": email}, headers=CSRF)
    assert response.status_code == 204, response.text


async def test_session_cookie_is_signed_http_only_and_same_site_lax(client):
    response = await client.post("/auth/demo/sign-in", json={"email": BOLTON_SECRETARY}, headers=CSRF)
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("quorum_session=")
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    assert "secure" not in cookie.lower()  # development on localhost; production sets https_only


async def test_cookie_authenticated_posts_need_the_csrf_header(client):
    await sign_in(client, BOLTON_SECRETARY)
    refused = await client.post("/graphql", json=VIEWER)
    assert refused.status_code == 403
    assert "X-Quorum-CSRF" in refused.json()["errors"][0]["message"]
    accepted = await client.post("/graphql", json=VIEWER, headers=CSRF)
    assert accepted.json()["data"]["viewer"]["person"]["email"] == BOLTON_SECRETARY


async def test_sign_out_ends_the_session(client):
    await sign_in(client, BOLTON_SECRETARY)
    assert (await client.post("/auth/sign-out")).status_code == 403  # needs the header too
    assert (await client.post("/auth/sign-out", headers=CSRF)).status_code == 204
    assert (await client.post("/graphql", json=VIEWER, headers=CSRF)).json()["data"]["viewer"] is None


async def test_a_tampered_cookie_is_not_accepted(client):
    await sign_in(client, BOLTON_SECRETARY)
    value = client.cookies["quorum_session"]
    client.cookies.clear()
    client.cookies.set("quorum_session", value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
    assert (await client.post("/graphql", json=VIEWER, headers=CSRF)).json()["data"]["viewer"] is None


async def test_demo_sign_in_refuses_anyone_not_in_the_demo_list(client):
    response = await client.post("/auth/demo/sign-in", json={"email": "someone@nhs.example"}, headers=CSRF)
    assert response.status_code == 400
    response = await client.post(
        "/auth/demo/sign-in", content=b"nope", headers={**CSRF, "content-type": "application/json"}
    )
    assert response.status_code == 400


async def test_demo_routes_do_not_exist_outside_demo_mode(monkeypatch):
    import httpx

    from quorum import config
    from quorum.web.app import create_app

    monkeypatch.setenv("QUORUM_DEMO", "0")
    config.get_settings.cache_clear()
    try:
        app = create_app()
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as plain:
            assert (await plain.get("/auth/demo/users")).status_code == 404
            assert (
                await plain.post("/auth/demo/sign-in", json={"email": BOLTON_SECRETARY}, headers=CSRF)
            ).status_code in (404, 405)
            assert (await plain.get("/sign-in/demo")).status_code == 404
            options = await plain.post("/graphql", json={"query": "{ signInOptions { demoMode } }"})
            assert options.json()["data"]["signInOptions"]["demoMode"] is False
    finally:
        monkeypatch.setenv("QUORUM_DEMO", "1")
        config.get_settings.cache_clear()


async def test_a_copy_of_the_cookie_kept_from_before_sign_out_no_longer_works(client):
    await sign_in(client, BOLTON_SECRETARY)
    kept = client.cookies["quorum_session"]
    assert (await client.post("/auth/sign-out", headers=CSRF)).status_code == 204
    client.cookies.set("quorum_session", kept)
    assert (await client.post("/graphql", json=VIEWER, headers=CSRF)).json()["data"]["viewer"] is None
