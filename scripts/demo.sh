#!/usr/bin/env bash
# Install what is needed and run Quorum with demo data at http://127.0.0.1:8000.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$ROOT"

setup_python ""
setup_office
setup_frontend
build_frontend

export QUORUM_DEMO=1
say "Preparing the database (embedded PostgreSQL in .quorum/ unless DATABASE_URL is set)"
"$VENV/bin/quorum" migrate
"$VENV/bin/quorum" seed --demo
say "Quorum is at http://127.0.0.1:${PORT:-8000} (sign in as a demo user at /sign-in/demo). Ctrl-C stops it."
exec "$VENV/bin/quorum" serve --host 127.0.0.1 --port "${PORT:-8000}"
