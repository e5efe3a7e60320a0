#!/usr/bin/env bash
# The REAL backend for the browser tests: a fresh SQLite file with the demo world, on a test port.
# It also serves the built SPA from frontend/dist (the e2e npm script builds it first).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${SHULCHAN_E2E_PORT:-8765}"
DB="${SHULCHAN_E2E_DB:-${TMPDIR:-/tmp}/shulchan-e2e-${PORT}.db}"
BIN=.venv/bin
if [ ! -x "$BIN/shulchan" ]; then
  echo "serve-backend.sh: $BIN/shulchan is missing; run 'make install' at the repository root first." >&2
  exit 1
fi
if [ ! -f frontend/dist/index.html ]; then
  echo "serve-backend.sh: frontend/dist is not built; run 'npm run build' in frontend/ (npm run e2e does)." >&2
  exit 1
fi
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
export SHULCHAN_DATABASE_URL="sqlite+aiosqlite:///$DB"
export SHULCHAN_DEMO_MODE=true
# This worktree's build and a throwaway attachment store: the installed package would otherwise
# default both to paths beside its own source, which may be another checkout.
export SHULCHAN_FRONTEND_DIST="$PWD/frontend/dist"
export SHULCHAN_ATTACHMENTS_DIR="${SHULCHAN_E2E_ATTACHMENTS:-${TMPDIR:-/tmp}/shulchan-e2e-${PORT}-attachments}"
rm -rf "$SHULCHAN_ATTACHMENTS_DIR"
mkdir -p "$SHULCHAN_ATTACHMENTS_DIR"
export SHULCHAN_ENVIRONMENT=development
"$BIN/shulchan" migrate >/dev/null
"$BIN/shulchan" seed-demo >/dev/null
exec "$BIN/shulchan" serve --host 127.0.0.1 --port "$PORT" --no-access-log
