#!/usr/bin/env bash
# Install what is needed and run every test: Python (API, database, browser) and frontend unit tests.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$ROOT"

setup_python "[test]"
setup_chromium
setup_frontend

say "Checking the generated TypeScript types match frontend/schema.graphql"
(cd frontend && npm run --silent codegen:check)

say "Frontend lint"
(cd frontend && npm run --silent lint)

say "Frontend unit tests"
(cd frontend && npm test --silent)
build_frontend

say "Python tests: database, API and browser"
exec "$VENV/bin/python" -m pytest "$@"
