#!/usr/bin/env bash
# Side-by-side speed run for crm-segmentation (see crm-segmentation/README.md#performance).
#
#   bash crm-segmentation/bench/rfm-vs-peers.sh                 # peers at 1M and 10M, then RfmBench
#   PEERS=0 bash crm-segmentation/bench/rfm-vs-peers.sh -p rows=1000000 RfmBench.rfmAndSegments
#
# Writes everything under $OUT (default /tmp/rfm-bench): the peers' tables (copied from their result
# folders), rfm-bench.json (JMH) and rfm-bench.txt. Arguments go to JMH (default: every RfmBench
# benchmark at 1M and 10M rows). JAVA selects the JVM for our benchmarks (default: java on the PATH).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${OUT:-/tmp/rfm-bench}
PEERS_SRC=${PEERS_SRC:-$ROOT/../shared/bench/rfm-peers}
JAVA=${JAVA:-java}
mkdir -p "$OUT"
cd "$ROOT"

if [[ "${PEERS:-1}" != 0 && -d "$PEERS_SRC" ]]; then
  # run.sh builds in place: run a copy; it writes the data sets to /tmp/rfm-peers, which RfmBench reads
  # (RFM_BENCH_DIR, below)
  rm -rf "$OUT/peers-src" && cp -r "$PEERS_SRC" "$OUT/peers-src"
  for n in ${PEER_ROWS:-1000000 10000000}; do
    (cd "$OUT/peers-src" && ./run.sh "$n") | tee "$OUT/peers-$n.md"
  done
fi

mvn -B -q -pl crm-segmentation -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="crm-segmentation/target/test-classes:crm-segmentation/target/classes:$(cat "$OUT/cp.txt")"
if [[ $# -eq 0 ]]; then
  set -- RfmBench
fi
# the generated CSV files: the peers' directory when they ran, else RfmBench writes its own there
RFM_BENCH_DIR=${RFM_BENCH_DIR:-/tmp/rfm-peers}
"$JAVA" -Drfm.bench.dir="$RFM_BENCH_DIR" -cp "$CP" org.openjdk.jmh.Main -f 1 -rf json -rff "$OUT/rfm-bench.json" "$@" | tee "$OUT/rfm-bench.txt"
