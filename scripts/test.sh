#!/usr/bin/env bash
# Install what is needed and run every check and test: Python (lint, types, layers; API, database, browser) and the
# frontend's unit tests.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$ROOT"

setup_python "[test]"
setup_chromium
setup_office
setup_frontend

say "Checking the generated TypeScript types match frontend/schema.graphql"
(cd frontend && npm run --silent codegen:check)

say "Frontend lint"
(cd frontend && npm run --silent lint)

say "Frontend unit tests"
(cd frontend && npm test --silent)
build_frontend

say "Python lint, format, types and layers"
"$VENV/bin/ruff" check backend tests bench
"$VENV/bin/ruff" format --check backend tests bench
"$VENV/bin/mypy"
"$VENV/bin/lint-imports"

say "Python tests: database, API and browser"
exec "$VENV/bin/python" -m pytest "$@"
