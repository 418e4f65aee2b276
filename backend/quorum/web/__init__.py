"""The web layer: everything that speaks HTTP, above the domains it serves.

app.py: routes and middleware. schema.py, graphql_http.py, websocket.py, hot_reads.py, extensions.py:
GraphQL over HTTP and websockets. downloads.py: the one download route, serving each domain's producers
(`<domain>/http.py`). files.py: who may fetch an uploaded file, asked of every domain that owns files.
oidc.py, demo_sign_in.py, pages.py: signing in and its refusals. security.py, request_bodies.py,
unavailable.py: security headers, request body limits, answers while the database is away.
"""
