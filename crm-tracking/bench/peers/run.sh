#!/usr/bin/env bash
# Web-log ingestion peers of BENCHMARKS.md: GoAccess (when installed), wc -l and a hand-written Java parse
# floor on 1M / 5M Combined Log Format lines built from a real Apache log.
#
#   SRC=/path/to/apache_logs bash crm-tracking/bench/peers/run.sh
#   SRC=/path/to/apache_logs SIZES="1000000" RUNS=1 bash crm-tracking/bench/peers/run.sh   # quick look
#
# SRC: the 10,000-line Apache access log of elastic/examples on GitHub ("Common Data Formats/apache_logs/
# apache_logs", 2,370,789 bytes); it is not part of this repository. Prints a markdown table, also saved
# under $OUT. Environment: SRC, DATA_DIR (<repository>/target/bench-data/weblog: the generated logs),
# SIZES ("1000000 5000000"), RUNS (3), OUT (<repository>/target/bench-results/weblog), GOACCESS=0 to skip
# GoAccess, GOACCESS_FILTERED=0 to skip its filtered run.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
SRC=${SRC:-${1:-}}
DATA_DIR=${DATA_DIR:-$ROOT/target/bench-data/weblog}
SIZES=${SIZES:-"1000000 5000000"}
RUNS=${RUNS:-3}
OUT=${OUT:-$ROOT/target/bench-results/weblog}
GOACCESS=${GOACCESS:-1}                     # 0: skip GoAccess (floors only)
GOACCESS_FILTERED=${GOACCESS_FILTERED:-1}   # also time goaccess --ignore-crawlers --ignore-statics=panel

die() { echo "run.sh: $*" >&2; exit 1; }
[[ -n "$SRC" && -f "$SRC" ]] || die "source log not found: set SRC=/path/to/apache_logs (the 10,000-line log of
  elastic/examples on GitHub, 'Common Data Formats/apache_logs/apache_logs')"
if [[ "$GOACCESS" == 1 ]] && ! command -v goaccess >/dev/null; then
  echo "run.sh: goaccess is not installed (Debian: apt-get install goaccess): the GoAccess rows are skipped" >&2
  GOACCESS=0
fi
command -v javac >/dev/null || die "javac missing (a JDK 17 or later)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time missing (Debian: apt-get install time)"
command -v python3 >/dev/null || die "python3 missing"

mkdir -p "$DATA_DIR" "$OUT/classes" "$OUT/run"
javac -d "$OUT/classes" "$HERE/ParseFloor.java"

# measure LABEL LINES CHECK_CMD -- CMD...
# Runs CMD $RUNS times under /usr/bin/time -v; wall time from a nanosecond clock around the process,
# peak RSS from time -v. Echoes "best_wall_s max_rss_kb".
measure() {
  local best="" rss=0 i t0 t1 w r
  for ((i = 0; i < RUNS; i++)); do
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$OUT/run/time.txt" "$@" > "$OUT/run/stdout.txt" 2> "$OUT/run/stderr.txt" \
      || { cat "$OUT/run/stderr.txt" >&2; die "command failed: $*"; }
    t1=$(date +%s%N)
    w=$(( t1 - t0 ))
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/run/time.txt")
    [[ -z "$best" || $w -lt $best ]] && best=$w
    (( r > rss )) && rss=$r
  done
  echo "$best $rss"
}

row() {  # row TOOL LINES WALL_NS RSS_KB NOTE
  python3 - "$@" <<'EOF'
import sys
tool, lines, ns, kb, note = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
s = ns / 1e9
print(f"| {tool} | {lines:,} | {s:.2f} | {lines / s:,.0f} | {kb / 1024:.0f} | {note} |")
EOF
}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
REPORT="$OUT/results-$STAMP.md"
{
  echo "## Web-log ingestion peers ($STAMP)"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "- $(java -version 2>&1 | head -1); $( [[ "$GOACCESS" == 1 ]] && goaccess --version | head -1 || echo "no GoAccess"); source: $(basename "$SRC") ($(wc -l < "$SRC") lines)"
  echo "- best of $RUNS runs, wall clock of the whole process (JVM start-up included), warm page cache; RSS = max over the runs"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the numbers; re-run when it is idle)"
  echo
  echo "| tool | lines | best wall (s) | lines/s | peak RSS (MiB) | notes |"
  echo "| --- | ---: | ---: | ---: | ---: | --- |"
} > "$REPORT"
cat "$REPORT"

for n in $SIZES; do
  f="$DATA_DIR/combined_$n.log"
  if [[ ! -f "$f" ]] || [[ $(wc -l < "$f") -ne $n ]]; then
    python3 "$HERE/gen_bigger.py" "$SRC" "$f" "$n"
  fi
  cat "$f" > /dev/null   # warm the page cache

  read -r w r < <(measure wc -l "$f")
  [[ $(awk '{print $1}' "$OUT/run/stdout.txt") -eq $n ]] || die "wc -l count mismatch"
  row "wc -l" "$n" "$w" "$r" "I/O + newline floor" | tee -a "$REPORT"

  read -r w r < <(measure java -cp "$OUT/classes" ParseFloor "$f")
  grep -q "lines=$n " "$OUT/run/stdout.txt" || die "ParseFloor count mismatch: $(cat "$OUT/run/stdout.txt")"
  mal=$(sed -n 's/.*malformed=\([0-9]*\).*/\1/p' "$OUT/run/stdout.txt")
  row "Java parse floor (BufferedReader + 9-field scanner)" "$n" "$w" "$r" "cold JVM; malformed=$mal" | tee -a "$REPORT"

  # same program, 3 passes in one JVM: the steady-state (JIT-warm) in-process rate of the last pass
  java -cp "$OUT/classes" ParseFloor "$f" --repeat 3 > "$OUT/run/warm.txt"
  warm=$(tail -1 "$OUT/run/warm.txt" | sed -n 's/.*seconds=\([0-9.]*\).*/\1/p')
  python3 - "$n" "$warm" <<'EOF' | tee -a "$REPORT"
import sys
n, s = int(sys.argv[1]), float(sys.argv[2])
print(f"| Java parse floor, warm (3rd pass in one JVM) | {n:,} | {s:.2f} | {n / s:,.0f} | – | in-process timer, JIT warm |")
EOF

  [[ "$GOACCESS" == 1 ]] || continue
  read -r w r < <(measure goaccess "$f" --log-format=COMBINED --no-global-config -o "$OUT/run/goaccess.json")
  ga=$(python3 -c "import json,sys; g=json.load(open(sys.argv[1]))['general']; print(g['total_requests'], g['failed_requests'], g['unique_visitors'])" "$OUT/run/goaccess.json")
  row "goaccess --log-format=COMBINED -o report.json" "$n" "$w" "$r" "total/failed/unique_visitors = ${ga// //}" | tee -a "$REPORT"

  if [[ "$GOACCESS_FILTERED" == 1 ]]; then
    read -r w r < <(measure goaccess "$f" --log-format=COMBINED --no-global-config \
      --ignore-crawlers --ignore-statics=panel -o "$OUT/run/goaccess.json")
    ga=$(python3 -c "import json,sys; g=json.load(open(sys.argv[1]))['general']; print(g['valid_requests'], g['unique_visitors'])" "$OUT/run/goaccess.json")
    row "goaccess … --ignore-crawlers --ignore-statics=panel" "$n" "$w" "$r" "valid/unique_visitors = ${ga// //}" | tee -a "$REPORT"
  fi
done
echo "" | tee -a "$REPORT"
echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$REPORT"
echo "saved: $REPORT"
