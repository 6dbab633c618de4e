# Sourced by scripts/demo, scripts/test and .ci/run: puts Node 24 first on PATH (installing the
# npm package node@24 into .tools/ when the system Node is older) and installs dependencies.
set -euo pipefail
TOLLGATE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$TOLLGATE_ROOT"

node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || echo 0; }

if [ "$(node_major)" -lt 24 ] 2>/dev/null || ! command -v node >/dev/null; then
  if [ ! -x "$TOLLGATE_ROOT/.tools/bin/node" ]; then
    echo "bootstrap: Node $(node --version 2>/dev/null || echo none) is older than 24; installing node@24 into .tools/" >&2
    npm install --silent --no-audit --no-fund --prefix "$TOLLGATE_ROOT/.tools" -g node@24 >&2
  fi
  export PATH="$TOLLGATE_ROOT/.tools/bin:$PATH"
fi
echo "bootstrap: using Node $(node --version)" >&2

# npm ci when node_modules is missing or older than the lockfile.
stamp="$TOLLGATE_ROOT/node_modules/.tollgate-installed"
if [ ! -f "$stamp" ] || [ "$TOLLGATE_ROOT/package-lock.json" -nt "$stamp" ]; then
  echo "bootstrap: npm ci" >&2
  npm ci --no-audit --no-fund >&2
  touch "$stamp"
fi
