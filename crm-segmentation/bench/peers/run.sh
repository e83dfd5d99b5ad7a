#!/usr/bin/env bash
# RFM peers of BENCHMARKS.md (DuckDB through JDBC, pandas, naive and floor Java) on rfm.Gen data.
#   usage: bash crm-segmentation/bench/peers/run.sh [ROWS]      (default 1000000; e.g. 10000000)
# Env knobs: DATA_DIR (<repository>/target/bench-data/rfm), SEED (42), LOAD_REPS (3), REPS (5), JAVA_WARMUP_S (2),
#            XMX (8g, heap for the pure-Java runs), JAVA17, JAVA25, PY (/usr/bin/python3),
#            ONLY="duckdb pandas java" to run a subset (matches label prefixes),
#            WAIT_IDLE_S (90): how long to wait for a quiet machine before each implementation.
set -euo pipefail
ROWS="${1:-1000000}"
ROWS="${ROWS//_/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DATA_DIR="${DATA_DIR:-$ROOT/target/bench-data/rfm}"
SEED="${SEED:-42}"
LOAD_REPS="${LOAD_REPS:-3}"
REPS="${REPS:-5}"
JAVA_WARMUP_S="${JAVA_WARMUP_S:-2}"
XMX="${XMX:-8g}"
JAVA17="${JAVA17:-$(command -v java)}"
JAVA25="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
PY="${PY:-/usr/bin/python3}"
ONLY="${ONLY:-}"

cd "$HERE"
log() { echo "[run.sh $(date +%H:%M:%S)] $*" >&2; }

# --- tools: pandas and GNU time are optional; a missing one is said and its part skipped
HAVE_PANDAS=1
if ! "$PY" -c 'import pandas' 2>/dev/null; then
  HAVE_PANDAS=0
  log "pandas is not installed for $PY (Debian: apt-get install python3-pandas): the pandas row is skipped"
fi
[ -x /usr/bin/time ] || log "/usr/bin/time is missing (Debian: apt-get install time): no peak RSS column"

# --- build: target/classes + target/dependency/duckdb_jdbc-*.jar (DuckDB's JDBC driver from Maven Central)
log "building the peers with maven"
if ! mvn -q -B -f "$HERE/pom.xml" package; then
  log "build failed: the DuckDB driver (org.duckdb:duckdb_jdbc) comes from Maven Central; run once with network access"
  exit 1
fi
CP="$HERE/target/classes:$HERE/target/dependency/*"

# --- data
mkdir -p "$DATA_DIR"
CSV="$DATA_DIR/tx_${ROWS}_s${SEED}.csv"
if [ ! -s "$CSV" ]; then
  log "generating $CSV"
  "$JAVA17" -cp "$HERE/target/classes" rfm.Gen "$ROWS" "$SEED" "$CSV.tmp"
  mv "$CSV.tmp" "$CSV"
fi
cat "$CSV" > /dev/null   # warm the page cache so every loader sees the same (cached) file

RES="$DATA_DIR/results-${ROWS}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RES"
log "results in $RES"

cpu_busy_pct() {  # busy % of all cores over 1 s, from /proc/stat
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  local idle=$(( (b[4]+b[5]) - (a[4]+a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

busy_jiffies() { local a; a=($(head -1 /proc/stat)); echo $(( a[1]+a[2]+a[3]+a[6]+a[7]+a[8] )); }

wait_idle() {  # other processes on a 2-core box skew the numbers: wait (max WAIT_IDLE_S) for a quiet machine
  local i busy
  for i in $(seq 1 "${WAIT_IDLE_S:-90}"); do
    busy=$(cpu_busy_pct)
    [ "$busy" -le 10 ] && return 0
    log "machine busy (${busy}% CPU by other processes), waiting"
  done
  log "WARNING: machine still busy; numbers may be skewed"
}

run_impl() {  # label, command...
  local label="$1"; shift
  if [ -n "$ONLY" ]; then
    local hit=0 w
    for w in $ONLY; do [[ "$label" == "$w"* ]] && hit=1; done
    [ "$hit" = 1 ] || return 0
  fi
  wait_idle
  log "running $label"
  local timer=()
  [ -x /usr/bin/time ] && timer=(/usr/bin/time -v -o "$RES/$label.time")
  local j0 j1 w0 w1
  j0=$(busy_jiffies); w0=$(date +%s%N)
  if ! "${timer[@]}" "$@" > "$RES/$label.out" 2> "$RES/$label.err"; then
    log "FAILED: $label (see $RES/$label.err)"; tail -5 "$RES/$label.err" >&2
  fi
  j1=$(busy_jiffies); w1=$(date +%s%N)
  # whole-machine busy CPU during the run; report.py subtracts the process's own CPU time
  echo "busy_jiffies=$(( j1 - j0 )) wall_ns=$(( w1 - w0 ))" > "$RES/$label.cpu"
}

J="-Xmx$XMX"
run_impl duckdb-t2        "$JAVA17" -Xmx2g -cp "$CP" rfm.DuckBench "$CSV" 2 table "$LOAD_REPS" "$REPS" duckdb-t2
run_impl duckdb-t1        "$JAVA17" -Xmx2g -cp "$CP" rfm.DuckBench "$CSV" 1 table "$LOAD_REPS" "$REPS" duckdb-t1
run_impl duckdb-fetch-t2  "$JAVA17" -Xmx2g -cp "$CP" rfm.DuckBench "$CSV" 2 fetch "$LOAD_REPS" "$REPS" duckdb-fetch-t2
[ "$HAVE_PANDAS" = 1 ] && run_impl pandas "$PY" "$HERE/python/pandas_rfm.py" "$CSV" "$LOAD_REPS" "$REPS" pandas
run_impl java17-naive     "$JAVA17" $J -cp "$CP" rfm.JavaBench "$CSV" naive "$LOAD_REPS" "$REPS" "$JAVA_WARMUP_S" java17-naive
run_impl java17-floor     "$JAVA17" $J -cp "$CP" rfm.JavaBench "$CSV" floor "$LOAD_REPS" "$REPS" "$JAVA_WARMUP_S" java17-floor
if [ -x "$JAVA25" ]; then
  run_impl java25-naive   "$JAVA25" $J -cp "$CP" rfm.JavaBench "$CSV" naive "$LOAD_REPS" "$REPS" "$JAVA_WARMUP_S" java25-naive
  run_impl java25-floor   "$JAVA25" $J -cp "$CP" rfm.JavaBench "$CSV" floor "$LOAD_REPS" "$REPS" "$JAVA_WARMUP_S" java25-floor
fi

"$PY" "$HERE/report.py" "$RES" | tee "$RES/table.md"
