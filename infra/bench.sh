#!/usr/bin/env bash
# Runs a benchmark of docs/benchmarks.md against the real parts it needs, and prints its figures.
#   bash infra/bench.sh p2     issuing 10,000 certificates with the local signer vs raw JDK signing (R27, R28)
#   bash infra/bench.sh p3     spot-check draw over 100,000 accepted applications on PostgreSQL (R18, R19)
#   bash infra/bench.sh p4     mark-overdue sweep over 1,000,000 deadlines on PostgreSQL (issue 3)
# Environment: ZC_BENCH_ROWS overrides the row count (for a quick try).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
  p2)
    bash "$ZC_ROOT/infra/postgres.sh" start
    bash "$ZC_ROOT/infra/emulator.sh" start
    export ZC_DB_URL="${ZC_DB_URL:-jdbc:postgresql://127.0.0.1:${ZC_PG_PORT:-5432}/zhicheng_test}" ZC_DB_USER=zhicheng ZC_DB_PASSWORD=zhicheng
    export ZC_AWS_ENDPOINT="http://127.0.0.1:${ZC_EMULATOR_PORT:-4566}" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
    mvnw verify -pl functions/certificate -am -DskipTests=false -Dtest=CertificateIssueBench \
      -Dsurefire.failIfNoSpecifiedTests=false -Dzc.bench=true -Dzc.bench.rows="${ZC_BENCH_ROWS:-10000}" \
      -Djacoco.skip=true ${ZC_BENCH_ARGS:-} </dev/null
    cat "$ZC_ROOT/functions/certificate/target/bench-p2.txt"
    ;;
  p3)
    bash "$ZC_ROOT/infra/postgres.sh" start
    bash "$ZC_ROOT/infra/emulator.sh" start
    export ZC_DB_URL="${ZC_DB_URL:-jdbc:postgresql://127.0.0.1:${ZC_PG_PORT:-5432}/zhicheng_test}" ZC_DB_USER=zhicheng ZC_DB_PASSWORD=zhicheng
    export ZC_AWS_ENDPOINT="http://127.0.0.1:${ZC_EMULATOR_PORT:-4566}" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
    mvnw verify -pl functions/spotcheck -am -DskipTests=false -Dtest=SpotCheckDrawBench \
      -Dsurefire.failIfNoSpecifiedTests=false -Dzc.bench=true -Dzc.bench.rows="${ZC_BENCH_ROWS:-100000}" \
      -Djacoco.skip=true </dev/null
    cat "$ZC_ROOT/functions/spotcheck/target/bench-p3.txt"
    ;;
  p4)
    bash "$ZC_ROOT/infra/postgres.sh" start
    bash "$ZC_ROOT/infra/emulator.sh" start
    export ZC_DB_URL="jdbc:postgresql://127.0.0.1:${ZC_PG_PORT:-5432}/zhicheng_test" ZC_DB_USER=zhicheng ZC_DB_PASSWORD=zhicheng
    export ZC_AWS_ENDPOINT="http://127.0.0.1:${ZC_EMULATOR_PORT:-4566}" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
    mvnw verify -pl functions/deadlines -am -DskipTests=false -Dtest=MarkOverdueSweepBench \
      -Dsurefire.failIfNoSpecifiedTests=false -Dzc.bench=true -Dzc.bench.rows="${ZC_BENCH_ROWS:-1000000}" \
      -Djacoco.skip=true </dev/null
    cat "$ZC_ROOT/functions/deadlines/target/bench-p4.txt"
    ;;
  *) die "usage: bash infra/bench.sh p2|p3|p4" ;;
esac
