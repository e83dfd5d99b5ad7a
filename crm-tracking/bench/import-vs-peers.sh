#!/usr/bin/env bash
# Times crm-tracking's web-log import on the files that crm-tracking/bench/peers/run.sh generates, the
# same way run.sh times its peers: whole process (JVM start-up included), best of RUNS, peak RSS from
# /usr/bin/time -v. Prints markdown rows to add to run.sh's table (figures in BENCHMARKS.md).
#
#   bash crm-tracking/bench/import-vs-peers.sh            # from the repository root, after peers/run.sh
#   SIZES="1000000" RUNS=1 bash crm-tracking/bench/import-vs-peers.sh
#   JAVA_OPTS=-Xmx32m RUNS=1 bash crm-tracking/bench/import-vs-peers.sh   # the flat-heap check
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA_DIR=${DATA_DIR:-$ROOT/target/bench-data/weblog}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SIZES=${SIZES:-"1000000 5000000"}
RUNS=${RUNS:-3}
JAVA=${JAVA:-java}
read -r -a JOPTS <<<"${JAVA_OPTS:-}"
cd "$ROOT"
# one reactor run: crm-tracking's classpath (written last) then points at crm-core/target/classes
mvn -B -ntp -q -pl crm-tracking -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=$WORK/cp.txt >/dev/null
CP="crm-tracking/target/test-classes:crm-tracking/target/classes:crm-core/target/classes:$(tr ':' '\n' <$WORK/cp.txt | grep -v '/crm-core-' | paste -sd:)"
echo "- $("$JAVA" -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES; do
  f="$DATA_DIR/combined_$n.log"
  [[ -f "$f" ]] || { echo "missing $f: run crm-tracking/bench/peers/run.sh first" >&2; exit 1; }
  cat "$f" >/dev/null
  best=""; rss=0; out=""
  for ((i = 1; i <= RUNS; i++)); do
    t0=$(date +%s%N)
    out=$(/usr/bin/time -v "$JAVA" "${JOPTS[@]}" -cp "$CP" org.ecrm.tracking.bench.ImportTiming "$f" 1 2>$WORK/time.txt)
    t1=$(date +%s%N)
    w=$(( (t1 - t0) / 1000 ))
    [[ -z "$best" || $w -lt $best ]] && best=$w
    r=$(awk -F': ' '/Maximum resident/ {print $2}' $WORK/time.txt)
    (( r > rss )) && rss=$r
  done
  python3 - "$n" "$best" "$rss" "$out" <<'PY'
import sys
n, us, rss, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
kv = dict(x.split('=') for x in out.split())
print(f"| crm-tracking import (parse + bot/asset/status filter + sessions) | {n:,} | {us/1e6:.2f} | {n/(us/1e6):,.0f} | {rss//1024} | "
      f"page views {int(kv['pageViews']):,}, sessions {int(kv['sessions']):,}, peak heap {kv['peak_heap_mib']} MiB |")
PY
done
