"""Who is calling: OpenID Connect sign-in, browser sessions, bearer tokens and the demo sign-in."""
