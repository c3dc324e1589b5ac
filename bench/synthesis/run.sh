#!/usr/bin/env bash
# Synthesis benchmark: generates comment files of each size, times the floor (parse + normalise
# + split, nothing else) and the command line on each, and prints a table.
# usage: bench/synthesis/run.sh [SIZE ...]        (default: 10000 100000 200000 1000000)
#        BENCH_DIR=/some/dir keeps the generated files there (default: a temporary folder).
#        BASELINE_COMMIT=REV also times the command line of libs/synthesis at REV (compiled into
#        BENCH_DIR/baseline) on each file, right after the current one, and says whether its
#        report is byte for byte the current one's.
set -euo pipefail
cd "$(dirname "$0")/../.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(10000 100000 200000 1000000); fi
dir="${BENCH_DIR:-$(mktemp -d -t synthesis-bench-XXXXXX)}"
mkdir -p "$dir"

# Build once. The timed runs call runCli from dist/ directly: `npm run synthesize` would first
# check (and, while others edit the tree, redo) the build, which is not what is measured here.
# tsc still emits when files outside this benchmark have type errors (others' work in progress);
# the synthesis sources need no path rewriting, so their output is usable then.
if ! npm run --silent build > "$dir/build.txt" 2>&1; then
  if grep -q 'libs/synthesis\|bench/synthesis' "$dir/build.txt"; then cat "$dir/build.txt" >&2; exit 1; fi
  echo "note: the build reported errors outside libs/synthesis and bench/synthesis; using what tsc emitted" >&2
fi
cli=(node -e "require('./dist/libs/synthesis/src/cli.js').runCli(process.argv.slice(1)).then((code) => { process.exitCode = code; })" --)
if [ -n "${BASELINE_COMMIT:-}" ]; then
  rm -rf "$dir/baseline" && mkdir -p "$dir/baseline/source"
  git archive "$BASELINE_COMMIT" libs/synthesis tsconfig.json | tar -x -C "$dir/baseline/source"
  ln -s "$PWD/node_modules" "$dir/baseline/source/node_modules"
  echo '{ "extends": "./tsconfig.json", "compilerOptions": { "types": ["node"], "outDir": "../out", "sourceMap": false }, "include": ["libs/synthesis/src/**/*.ts"], "exclude": ["**/*.spec.ts"] }' > "$dir/baseline/source/tsconfig.bench.json"
  (cd "$dir/baseline/source" && "$OLDPWD/node_modules/.bin/tsc" -p tsconfig.bench.json)
  baseline_cli=(node -e "require(process.argv[1]).runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; })" "$dir/baseline/out/libs/synthesis/src/cli.js")
fi

measure() { # command… → "wall_seconds peak_kb cpu_seconds"
  if [ -x /usr/bin/time ]; then
    if ! /usr/bin/time -f '%e %M %U %S' -o "$dir/time.txt" "$@" > /dev/null 2> "$dir/stderr.txt"; then
      echo "failed: $*" >&2
      tail -5 "$dir/stderr.txt" >&2
      exit 1
    fi
    tail -1 "$dir/time.txt" | awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }'
  else
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2> "$dir/stderr.txt" || true
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) 0 0"
  fi
}

# Wall time is what the goal is about; CPU time (user + sys, all threads) is shown too because it
# moves less when other work shares the machine.
echo "load average at start: $(cut -d" " -f1-3 /proc/loadavg)"
printf '%-9s %8s %9s %8s %8s %9s %8s %7s %9s %9s' comments floor_s floor_cpu floor_MB cli_s cli_cpu cli_MB ratio cpu_ratio clusters
if [ -n "${BASELINE_COMMIT:-}" ]; then printf ' %8s %9s %8s %7s %9s %s' base_s base_cpu base_MB b_ratio b_cpu_rat report; fi
printf '\n'
for n in "${sizes[@]}"; do
  input="$dir/comments-$n.jsonl"
  [ -s "$input" ] || node dist/bench/synthesis/generate.js "$n" > "$input"
  read -r floor_s floor_kb floor_cpu < <(measure node dist/bench/synthesis/floor.js "$input")
  read -r cli_s cli_kb cli_cpu < <(measure "${cli[@]}" "$input" --out "$dir/report-$n.json" --quiet)
  clusters=$(node -e "const r=require(process.argv[1]); process.stdout.write(String(r.stats.clusters))" "$dir/report-$n.json")
  printf '%-9s %8s %9s %8d %8s %8s %9d %7.2f %9.2f %9s' "$n" "$floor_s" "$floor_cpu" $((floor_kb / 1024)) \
    "$cli_s" "$cli_cpu" $((cli_kb / 1024)) "$(echo "$cli_s / $floor_s" | bc -l)" "$(echo "$cli_cpu / $floor_cpu" | bc -l)" "$clusters"
  if [ -n "${BASELINE_COMMIT:-}" ]; then
    read -r base_s base_kb base_cpu < <(measure "${baseline_cli[@]}" "$input" --out "$dir/report-$n-baseline.json" --quiet)
    same=$(cmp -s "$dir/report-$n.json" "$dir/report-$n-baseline.json" && echo identical || echo DIFFERENT)
    printf ' %8s %9s %8d %7.2f %9.2f %s' "$base_s" "$base_cpu" $((base_kb / 1024)) "$(echo "$base_s / $floor_s" | bc -l)" "$(echo "$base_cpu / $floor_cpu" | bc -l)" "$same"
  fi
  printf '\n'
done
echo "files in $dir; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
