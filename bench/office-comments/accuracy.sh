#!/usr/bin/env bash
# Intake accuracy (sections resolved, kinds read). usage: bench/office-comments/accuracy.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
log="$(mktemp -t office-comments-accuracy-build-XXXXXX.txt)"
# as run.sh: tsc emits even when files outside this benchmark have type errors (others' work)
if ! npm run --silent build > "$log" 2>&1; then
  if grep -q 'libs/office\|libs/synthesis\|libs/document-schema\|bench/office-comments' "$log"; then cat "$log" >&2; exit 1; fi
  echo "note: the build reported errors outside libs/office and bench/office-comments; using what tsc emitted" >&2
  npx tsc-alias -p tsconfig.build.json
fi
node dist/bench/office-comments/accuracy.js "$@"
