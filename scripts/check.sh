#!/usr/bin/env bash
# Every check, in the order CI runs them: typecheck → lint → format → dead exports (knip) → unit tests → build → built-output tests →
# browser tests (headless Chromium against the harness; under CI=true a missing chromium fails the run).
# This is the project's one test command (`npm run check`); .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step typecheck
npm run --silent typecheck
step lint
npm run --silent lint
step format
npm run --silent format:check
step 'dead exports'
npm run --silent knip
step 'unit tests'
npm run --silent test
step build
npm run --silent build
step 'built-output tests'
npm run --silent test:dist
step 'browser tests'
npm run --silent test:browser
