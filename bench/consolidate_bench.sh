#!/usr/bin/env bash
# Times `plancon consolidate` on N generated department trackers
# (bench/make_trackers.py) beside a pandas + openpyxl script that reads each,
# concatenates, drops exact duplicates and writes one .xlsx
# (bench/pandas_consolidate.py), in the same run, with peak memory.
#
# Wall time is the best of RUNS runs; peak RSS the largest seen (GNU time's %M).
# Prints a Markdown table: trackers, input rows, each tool's time and peak
# memory, and the time ratio pandas / plancon.
#
# usage: bench/consolidate_bench.sh [-n RUNS] [-s "100 1000"] [-p] [PLANCON_BINARY]
#   RUNS    runs per tool and size, best taken (default 3)
#   SIZES   tracker counts (default "100 1000"; 10000 takes minutes to generate)
#   -p      plancon only (skip the pandas script)
#   PLANCON_BINARY defaults to build/plancon
# BENCH_DIR (environment) keeps the generated trackers between runs; by default
# a temporary directory, removed at the end.
# Peers come from Debian: scripts/install-deps --bench (python3-pandas).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
runs=3 sizes="100 1000" pandas=1
while getopts "n:s:ph" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    s) sizes=$OPTARG ;;
    p) pandas=0 ;;
    *) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
plancon=${1:-$here/../build/plancon}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "consolidate_bench: -n wants a positive number" >&2; exit 2; }
[ -x "$plancon" ] || { echo "consolidate_bench: $plancon: no such program (build first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "consolidate_bench: /usr/bin/time missing (scripts/install-deps --bench)" >&2; exit 2; }
if [ $pandas = 1 ] && ! /usr/bin/python3 -c 'import pandas, openpyxl' 2>/dev/null; then
  echo "consolidate_bench: python3-pandas missing (scripts/install-deps --bench), or run with -p" >&2; exit 2
fi

if [ -n "${BENCH_DIR:-}" ]; then
  mkdir -p "$BENCH_DIR"
  work=$(cd "$BENCH_DIR" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/plancon-consolidate-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

# best_of RUNS COMMAND...: "SECONDS MAX_RSS_KB" (best time, largest RSS); non-zero exit on failure.
best_of() {
  local n=$1 best="" rss=0 t m
  shift
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
    read -r t m <"$work/time"
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$best $rss"
}

echo "| trackers | input rows | plancon | plancon peak | pandas + openpyxl | pandas peak | pandas / plancon |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  dir="$work/trackers_$n"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    /usr/bin/python3 "$here/make_trackers.py" "$n" "$dir" || exit 1
    touch "$dir/.complete"
  fi
  read -r pt pm < <(best_of "$runs" "$plancon" consolidate "$dir" -o "$work/plancon.xlsx" --as-of 2020-02-15) || exit 1
  rows=$(grep -o '[0-9,]* rows read' "$work/stderr" | tr -d ', rowsread')
  if [ $pandas = 1 ]; then
    read -r qt qm < <(best_of "$runs" /usr/bin/python3 "$here/pandas_consolidate.py" "$work/pandas.xlsx" "$dir"/*.xlsx) || exit 1
    ratio=$(awk -v a="$qt" -v b="$pt" 'BEGIN{printf "%.1f", a/b}')
    printf "| %s | %s | %s s | %d MiB | %s s | %d MiB | %s |\n" "$n" "$rows" "$pt" $((pm / 1024)) "$qt" $((qm / 1024)) "$ratio"
  else
    printf "| %s | %s | %s s | %d MiB | | | |\n" "$n" "$rows" "$pt" $((pm / 1024))
  fi
done
