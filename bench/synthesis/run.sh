#!/usr/bin/env bash
# Synthesis benchmark: generates comment files of each size, times the floor (parse + normalise
# + split, nothing else) and the command line on each, and prints a table.
# usage: bench/synthesis/run.sh [SIZE ...]        (default: 10000 100000 200000 1000000)
#        BENCH_DIR=/some/dir keeps the generated files there (default: a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/../.."

sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(10000 100000 200000 1000000); fi
dir="${BENCH_DIR:-$(mktemp -d -t synthesis-bench-XXXXXX)}"
mkdir -p "$dir"

# Builds dist/ when stale (and stamps it), so that no timed run pays for a build.
node scripts/synthesize.mjs --help > /dev/null

measure() { # command… → "seconds peak_kb"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$dir/time.txt" "$@" > /dev/null 2> "$dir/stderr.txt" || true
    cat "$dir/time.txt"
  else
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2> "$dir/stderr.txt" || true
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) 0"
  fi
}

printf '%-9s %9s %9s %9s %9s %7s %9s\n' comments floor_s floor_MB cli_s cli_MB ratio clusters
for n in "${sizes[@]}"; do
  input="$dir/comments-$n.jsonl"
  [ -s "$input" ] || node dist/bench/synthesis/generate.js "$n" > "$input"
  read -r floor_s floor_kb < <(measure node dist/bench/synthesis/floor.js "$input")
  read -r cli_s cli_kb < <(measure node scripts/synthesize.mjs "$input" --out "$dir/report-$n.json" --quiet)
  clusters=$(node -e "const r=require(process.argv[1]); process.stdout.write(String(r.stats.clusters))" "$dir/report-$n.json")
  printf '%-9s %9s %9d %9s %9d %7.2f %9s\n' "$n" "$floor_s" $((floor_kb / 1024)) "$cli_s" $((cli_kb / 1024)) \
    "$(echo "$cli_s / $floor_s" | bc -l)" "$clusters"
done
echo "files in $dir"
