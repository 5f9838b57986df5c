#!/usr/bin/env bash
# `npm run demo`: the one-command demo without Docker (demo/README.md). Builds the plugin and the harness host,
# then starts a backfilled local Prometheus, a live exporter, the companion service and the preview page, all on
# 127.0.0.1. Ctrl-C stops everything and removes the temp data. A development harness, not Grafana.
#   npm run demo [-- --days N --port PORT]
set -euo pipefail
cd "$(dirname "$0")/.."

for bin in prometheus promtool; do
  if ! command -v "$bin" >/dev/null; then
    echo "demo: $bin not found. Install Prometheus first, e.g. 'sudo apt-get install prometheus' (Debian/Ubuntu)." >&2
    exit 1
  fi
done
# promtool writes one block per 2 hours of history and keeps them open.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo '==> building the plugin (npm run build)'
npm run --silent build >/dev/null
echo '==> building the harness host'
npx tsx tests/harness/build.ts
# exec: Ctrl-C and SIGTERM reach the runner, which stops Prometheus, the service and the exporter.
exec npx tsx demo/main.ts "$@"
