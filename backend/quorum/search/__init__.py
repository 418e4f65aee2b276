"""Search across what the reader may see.

- `service`: the one statement (full-text ranking and highlighting under each table's row-level security), the
  checks on the words, and where each result lives in the app.
- `graphql`: the `search` query and its typed results.
"""
