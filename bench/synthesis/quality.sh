#!/usr/bin/env bash
# Clustering quality before and after: builds this tree and the library of BASELINE_COMMIT
# (default 3f741f7, the commit before the object guard and the lexicon), and prints pairwise and
# B-cubed precision and recall of both on the labelled set of bench/synthesis/quality-set.ts.
# usage: [BASELINE_COMMIT=REV] [BENCH_DIR=DIR] bench/synthesis/quality.sh [--missed]
set -euo pipefail
cd "$(dirname "$0")/../.."
dir="${BENCH_DIR:-$(mktemp -d -t synthesis-quality-XXXXXX)}"
baseline_commit="${BASELINE_COMMIT:-3f741f7}"
mkdir -p "$dir"
if ! npm run --silent build > "$dir/build.txt" 2>&1; then
  if grep -q 'libs/synthesis\|bench/synthesis' "$dir/build.txt"; then cat "$dir/build.txt" >&2; exit 1; fi
  echo "note: the build reported errors outside libs/synthesis and bench/synthesis; using what tsc emitted" >&2
fi
rm -rf "$dir/baseline" && mkdir -p "$dir/baseline/source"
git archive "$baseline_commit" libs/synthesis tsconfig.json | tar -x -C "$dir/baseline/source"
ln -s "$PWD/node_modules" "$dir/baseline/source/node_modules"
echo '{ "extends": "./tsconfig.json", "compilerOptions": { "types": ["node"], "outDir": "../out", "sourceMap": false }, "include": ["libs/synthesis/src/**/*.ts"], "exclude": ["**/*.spec.ts"] }' > "$dir/baseline/source/tsconfig.bench.json"
(cd "$dir/baseline/source" && "$OLDPWD/node_modules/.bin/tsc" -p tsconfig.bench.json)
node dist/bench/synthesis/quality.js "$@" "$baseline_commit=$dir/baseline/out/libs/synthesis/src"
