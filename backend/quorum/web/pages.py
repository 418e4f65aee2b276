"""The few pages the server renders itself: sign-in refusals happen before the app loads."""

from __future__ import annotations

from html import escape

from starlette.responses import HTMLResponse

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – Quorum</title>
<style>
body {{ font-family: Arial, sans-serif; margin: 0; color: #212b32; background: #f0f4f5; }}
header {{ background: #005eb8; color: #fff; padding: 16px; font-size: 1.5rem; font-weight: bold; }}
main {{ max-width: 960px; margin: 0 auto; padding: 24px 16px; }}
h1 {{ font-size: 2rem; }}
a {{ color: #005eb8; }}
button {{ font-size: 1.1rem; padding: 8px 16px; background: #007f3b; color: #fff; border: 0;
box-shadow: 0 4px 0 #00401e; cursor: pointer; }}
button:focus {{ background: #ffeb3b; color: #212b32; outline: 4px solid transparent; box-shadow: 0 4px 0 #212b32; }}
a:focus {{ background: #ffeb3b; color: #212b32; outline: 4px solid transparent; box-shadow: 0 -2px #ffeb3b, 0
4px #212b32; }}
</style>
</head>
<body>
<header>Quorum</header>
<main id="main-content">
<h1>{title}</h1>
<p>{message}</p>
{extra}
</main>
</body>
</html>
"""


_BACK_TO_SIGN_IN = '<p><a href="/sign-in">Back to sign in</a></p>'


def refusal(title: str, message: str, status_code: int = 403) -> HTMLResponse:
    return page(title, message, status_code=status_code, extra_html=_BACK_TO_SIGN_IN)


def page(title: str, message: str, *, status_code: int = 200, extra_html: str = "") -> HTMLResponse:
    """A plain page; `extra_html` is markup the caller built (and escaped) itself."""
    body = _PAGE.format(title=escape(title), message=escape(message), extra=extra_html)
    return HTMLResponse(body, status_code=status_code)
