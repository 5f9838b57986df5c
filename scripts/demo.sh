#!/usr/bin/env bash
# `npm run demo`: the README's run command.
set -euo pipefail
echo "Tidemark demo: not built yet. The one-command demo (local Prometheus, companion service, preview page)"
echo "arrives with the stack issue. Today you can build the plugin with 'npm run build' and load dist/ into Grafana."
exit 1
