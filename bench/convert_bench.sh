#!/usr/bin/env bash
# Times plancon's .xlsx -> .csv conversion against the peers on one large
# generated workbook (bench/make_big_workbook.py): orcus-xlsx, xlsx2csv,
# openpyxl read-only (bench/openpyxl_to_csv.py) and LibreOffice headless,
# with bare decompression of the sheet part (unzip -p) as the floor.
#
# Wall time is the best of N runs; peak RSS is the largest seen in any run
# (GNU time's %M, which covers child processes such as soffice.bin).
# A tool that exits non-zero, or writes the wrong number of rows or header, is marked
# FAILED; the others are still measured, and the script exits 1 at the end.
#
# usage: bench/convert_bench.sh [-n RUNS] [-r ROWS] [-c COLS] [-t TOOLS] [PLANCON_BINARY]
#   RUNS   runs per tool, best taken (default 3)
#   ROWS   rows in the workbook, header included (default 50000); COLS default 20
#   TOOLS  comma-separated subset of: unzip,plancon,orcus,xlsx2csv,openpyxl,libreoffice
#   PLANCON_BINARY defaults to build/plancon
# BENCH_DIR (environment) is where the workbook and outputs go; by default a new
# temporary directory, removed at the end. A given BENCH_DIR is kept, and the
# workbook in it reused when its size and seed match.
# Peers come from Debian: scripts/install-deps --bench.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
runs=3 rows=50000 cols=20 seed=2019
tools="unzip,plancon,orcus,xlsx2csv,openpyxl,libreoffice"
while getopts "n:r:c:t:h" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    r) rows=$OPTARG ;;
    c) cols=$OPTARG ;;
    t) tools=$OPTARG ;;
    *) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
plancon=${1:-$here/../build/plancon}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "convert_bench: -n wants a positive number" >&2; exit 2; }

for need in /usr/bin/time /usr/bin/python3; do
  [ -x "$need" ] || { echo "convert_bench: $need missing (scripts/install-deps --bench)" >&2; exit 2; }
done

if [ -n "${BENCH_DIR:-}" ]; then
  mkdir -p "$BENCH_DIR"
  work=$(cd "$BENCH_DIR" && pwd)
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/plancon-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi
book="$work/big_${rows}x${cols}_seed${seed}.xlsx"
if [ ! -s "$book" ]; then
  echo "generating $book ..." >&2
  /usr/bin/python3 "$here/make_big_workbook.py" "$book.part" --rows "$rows" --cols "$cols" --seed "$seed" &&
    mv "$book.part" "$book" || { echo "convert_bench: cannot generate the workbook" >&2; exit 2; }
fi
out="$work/out"
mkdir -p "$out"
lo_profile="file://$work/lo-profile"

# Each tool: a command line (run through bash -c, with $book and $out set) and
# the CSV it writes, checked for one line per row and for the header's first
# text ("" = no output to check).
declare -A command output
command[unzip]='unzip -p "$book" xl/worksheets/sheet1.xml > /dev/null'
output[unzip]=""
command[plancon]='"$plancon" convert "$book" --to csv -o "$out/plancon.csv"'
output[plancon]="$out/plancon.csv"
# orcus-xlsx 0.17 (Debian 12) exits 1 even when it converted everything
# (also with -f none), so it is judged by its output alone.
command[orcus]='orcus-xlsx -f csv -o "$out/orcus" "$book" || [ -s "$out/orcus/Tracker.csv" ]'
output[orcus]="$out/orcus/Tracker.csv"
command[xlsx2csv]='xlsx2csv "$book" "$out/xlsx2csv.csv"'
output[xlsx2csv]="$out/xlsx2csv.csv"
command[openpyxl]='/usr/bin/python3 "$here/openpyxl_to_csv.py" "$book" "$out/openpyxl.csv"'
output[openpyxl]="$out/openpyxl.csv"
command[libreoffice]='soffice --headless -env:UserInstallation="$lo_profile" --convert-to csv --outdir "$out/libreoffice" "$book" > /dev/null'
output[libreoffice]="$out/libreoffice/$(basename "${book%.xlsx}").csv"
export book out plancon here lo_profile

declare -A seconds peak_kib status
IFS=, read -r -a selected <<< "$tools"
for tool in "${selected[@]}"; do
  [ -n "${command[$tool]:-}" ] || { echo "convert_bench: unknown tool '$tool'" >&2; exit 2; }
  if [ "$tool" = libreoffice ]; then
    # LibreOffice builds its profile on first start; keep that out of the timings.
    printf 'x\n' > "$work/warmup.csv"
    soffice --headless -env:UserInstallation="$lo_profile" --convert-to xlsx --outdir "$work" "$work/warmup.csv" >/dev/null 2>&1
  fi
  status[$tool]=ok
  for ((run = 1; run <= runs; run++)); do
    rm -rf "$out/orcus" "$out/libreoffice" "$out"/*.csv
    mkdir -p "$out/orcus"
    echo "$tool: run $run of $runs" >&2
    start=$(date +%s%N)
    if ! /usr/bin/time -f '%M' -o "$work/time.txt" bash -c "${command[$tool]}" > "$work/$tool.stdout" 2> "$work/$tool.stderr"; then
      status[$tool]=FAILED
      echo "$tool FAILED:" >&2
      tail -n 5 "$work/$tool.stderr" >&2
      break
    fi
    elapsed_ns=$(( $(date +%s%N) - start ))
    kib=$(tail -n 1 "$work/time.txt")
    if [ -n "${output[$tool]}" ]; then
      # awk counts a last line without a line end too (orcus writes none).
      lines=$( [ -f "${output[$tool]}" ] && awk 'END { print NR }' "${output[$tool]}" || echo 0)
      first=$( [ -f "${output[$tool]}" ] && head -c 6 "${output[$tool]}")
      if [ "$lines" -ne "$rows" ] || [ "$first" != "Text 1" ]; then
        status[$tool]=FAILED
        echo "$tool FAILED: ${output[$tool]} has $lines lines starting '$first', expected $rows starting 'Text 1'" >&2
        break
      fi
    fi
    if [ -z "${seconds[$tool]:-}" ] || [ "$elapsed_ns" -lt "${seconds[$tool]}" ]; then seconds[$tool]=$elapsed_ns; fi
    if [ -z "${peak_kib[$tool]:-}" ] || [ "$kib" -gt "${peak_kib[$tool]}" ]; then peak_kib[$tool]=$kib; fi
  done
done

echo
echo "workbook: $(basename "$book") ($(du -k "$book" | cut -f1) KiB; sheet1.xml $(unzip -l "$book" xl/worksheets/sheet1.xml | awk 'NR==4 {print $1}') bytes), best of $runs"
printf '%-12s %10s %12s %10s\n' tool seconds "vs plancon" "peak MiB"
failed=0
for tool in "${selected[@]}"; do
  if [ "${status[$tool]}" != ok ]; then
    printf '%-12s %10s %12s %10s\n' "$tool" FAILED - -
    failed=1
    continue
  fi
  ratio=-
  if [ "${status[plancon]:-}" = ok ] && [ "$tool" != plancon ]; then
    ratio=$(awk -v a="${seconds[$tool]}" -v b="${seconds[plancon]}" 'BEGIN { printf "%.2fx", a / b }')
  elif [ "$tool" = plancon ]; then
    ratio=1.00x
  fi
  printf '%-12s %10.3f %12s %10.1f\n' "$tool" "$(awk -v ns="${seconds[$tool]}" 'BEGIN { print ns / 1e9 }')" \
    "$ratio" "$(awk -v k="${peak_kib[$tool]}" 'BEGIN { print k / 1024 }')"
done
exit $failed
