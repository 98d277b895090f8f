#!/usr/bin/env bash
# Run one libFuzzer target for a while.
#   fuzz/run.sh TARGET SECONDS [JOBS]     TARGET: xlsx ods xls csv due layout
# Builds build-fuzz/ if needed (clang, PLANCON_FUZZ=ON), seeds a corpus under
# build-fuzz/corpus/TARGET (not committed) from fixtures/, tests/read/fixtures/,
# tests/read/hostile/
# and ../shared/corpus/calamine, runs the target niced, prints executions and
# seconds from libFuzzer's final stats, and keeps crash/leak/timeout inputs
# under fuzz/findings/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${1:?usage: fuzz/run.sh TARGET SECONDS [JOBS]}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS [JOBS]}
jobs=${3:-1}
build=$root/build-fuzz
corpus_dir=$root/../shared/corpus/calamine

case $target in
  xlsx) patterns=("*.xlsx" "*.xlsm") ;;
  ods) patterns=("*.ods") ;;
  xls) patterns=("*.xls") ;;
  csv) patterns=("*.csv" "*.tsv" "*.txt") ;;
  layout) patterns=("*.csv" "*.tsv" "*.xlsx") ;;
  due) patterns=() ;;
  *) echo "run.sh: unknown target '$target' (xlsx ods xls csv due layout)" >&2; exit 2 ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DPLANCON_FUZZ=ON -DPLANCON_TESTS=OFF >/dev/null
fi
nice cmake --build "$build" --target "fuzz_$target" -j2 >/dev/null
binary=$build/fuzz/fuzz_$target

corpus=$build/corpus/$target
findings=$root/fuzz/findings/$target
mkdir -p "$corpus" "$findings" "$build/logs"
if [ "$target" = due ]; then
  # Each seed: 4 context bytes (calendar quarters, no date cell), then the phrase.
  n=0
  while IFS= read -r phrase; do
    case $phrase in '#'*|'') continue ;; esac
    n=$((n + 1))
    printf '\0\0\0\0%s' "$phrase" >"$corpus/seed_$n"
  done <"$root/fuzz/due_seeds.txt"
else
  for dir in "$root/fixtures" "$root/tests/read/fixtures" "$root/tests/read/hostile" "$corpus_dir"; do
    [ -d "$dir" ] || continue
    for pattern in "${patterns[@]}"; do
      # Seeds over 1 MiB only slow every mutation down.
      find "$dir" -type f -iname "$pattern" -size -1024k -exec cp -n {} "$corpus/" \;
    done
  done
fi

log=$build/logs/$target.log
# FUZZ_TIMEOUT: seconds one input may take (default 10); raise it when several
# targets share the cores, or a starved run reports inputs that are only slow.
flags=(-max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -print_final_stats=1
       -artifact_prefix="$findings/")
if [ "$jobs" -gt 1 ]; then flags+=(-fork="$jobs"); fi
set +e
nice "$binary" "${flags[@]}" "$corpus" >"$log" 2>&1
status=$?
set -e

# "Done N runs in S second(s)" is libFuzzer's closing line when time runs out;
# stat::number_of_executed_units comes from -print_final_stats.
runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
echo "fuzz_$target: exit $status; ${done_line:-no Done line}; executed units ${runs:-?}; log $log"
ls "$findings" 2>/dev/null | sed "s|^|  finding: fuzz/findings/$target/|" || true
exit $status
