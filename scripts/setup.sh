# Shared by scripts/demo.sh and scripts/test.sh: install what Quorum needs, idempotently.
# Needs Python 3.11+ and Node 20+; everything else comes from PyPI, npm and Debian.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"

say() { printf '\n==> %s\n' "$*"; }

python_ok() {
  "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null
}

setup_python() {
  local extras=$1
  if [ ! -x "$VENV/bin/python" ]; then
    local python
    for python in python3 python3.13 python3.12 python3.11; do
      if command -v "$python" >/dev/null && python_ok "$python"; then break; fi
      python=""
    done
    [ -n "$python" ] || { echo "Quorum needs Python 3.11 or later." >&2; exit 1; }
    say "Creating the Python environment in .venv"
    "$python" -m venv "$VENV"
  fi
  say "Installing Quorum and its Python packages"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT$extras"
}

setup_frontend() {
  command -v npm >/dev/null || { echo "Quorum needs Node.js 20 or later with npm." >&2; exit 1; }
  say "Installing the frontend's npm packages"
  (cd "$ROOT/frontend" && npm ci --no-audit --no-fund --loglevel=error)
}

build_frontend() {
  say "Building the frontend"
  (cd "$ROOT/frontend" && npm run --silent build)
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else
    echo "Installing Debian packages needs root: run 'sudo $*' once, then run this again." >&2
    exit 1
  fi
}

setup_chromium() {
  # pdftotext (poppler-utils) reads the built packs back in the pack tests.
  if command -v chromium >/dev/null && command -v pdftotext >/dev/null; then return; fi
  say "Installing Chromium and poppler-utils from Debian for the browser and pack tests"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation \
    poppler-utils >/dev/null
}

setup_office() {
  # LibreOffice turns Word and Excel papers into pack pages; poppler's pdftotext reads packs back in the tests.
  if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then return; fi
  say "Installing LibreOffice (Writer and Calc, no GUI) and poppler-utils from Debian for Word and Excel papers"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation >/dev/null
}
