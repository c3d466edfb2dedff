#!/usr/bin/env bash
# `npm test`: everything CI checks, in order of cost. Needs Chromium and Firefox ESR (see README).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step 'typecheck'
npx tsc --noEmit

step 'build: knowledge pack, Chrome MV3, Firefox MV2, store zips'
npm run --silent build

step 'build: Firefox MV3 (buildable)'
npx wxt build -b firefox --mv3 >/dev/null

step 'web-ext lint (Firefox build): 0 errors'
npx web-ext lint -s .output/firefox-mv2 --no-input

step 'unit tests'
npx vitest run

step 'end-to-end tests in Chromium and Firefox ESR'
npx vitest run --config vitest.e2e.config.ts
