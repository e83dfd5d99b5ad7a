#!/usr/bin/env bash
# Side-by-side speed run for crm-segmentation (figures in BENCHMARKS.md#segmentation).
#
#   bash crm-segmentation/bench/rfm-vs-peers.sh                 # peers at 1M and 10M, then RfmBench
#   PEERS=0 bash crm-segmentation/bench/rfm-vs-peers.sh -p rows=1000000 RfmBench.rfmAndSegments
#
# The peers (crm-segmentation/bench/peers/run.sh: DuckDB through JDBC, pandas when installed, naive and
# floor Java) write the generated data sets to $DATA_DIR, which RfmBench reads. Everything else goes to
# $OUT: the peers' tables, rfm-bench.json (JMH) and rfm-bench.txt. Arguments go to JMH (default: every
# RfmBench benchmark at 1M and 10M rows). JAVA selects the JVM for our benchmarks (default: java on PATH).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export DATA_DIR=${DATA_DIR:-$ROOT/target/bench-data/rfm}
OUT=${OUT:-$ROOT/target/bench-results/rfm}
JAVA=${JAVA:-java}
mkdir -p "$OUT" "$DATA_DIR"
cd "$ROOT"

if [[ "${PEERS:-1}" != 0 ]]; then
  for n in ${PEER_ROWS:-1000000 10000000}; do
    bash "$ROOT/crm-segmentation/bench/peers/run.sh" "$n" | tee "$OUT/peers-$n.md"
  done
fi

mvn -B -q -pl crm-segmentation -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test
CP="crm-segmentation/target/test-classes:crm-segmentation/target/classes:$(cat "$OUT/cp.txt")"
if [[ $# -eq 0 ]]; then
  set -- RfmBench
fi
"$JAVA" -Dbench.data="$DATA_DIR" -cp "$CP" org.openjdk.jmh.Main -f 1 -jvmArgsAppend "-Dbench.data=$DATA_DIR" \
  -rf json -rff "$OUT/rfm-bench.json" "$@" | tee "$OUT/rfm-bench.txt"
