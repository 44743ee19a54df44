#!/usr/bin/env bash
# Runs a benchmark of docs/benchmarks.md against the real parts it needs, and prints its figures.
#   bash infra/bench.sh p2     issuing 10,000 certificates with the local signer vs raw JDK signing (R27, R28)
#   bash infra/bench.sh p3     spot-check draw over 100,000 accepted applications on PostgreSQL (R18, R19)
#   bash infra/bench.sh p4     mark-overdue sweep over 1,000,000 deadlines on PostgreSQL (issue 3)
#   bash infra/bench.sh p7     importing a sheet of 5,000 appointment records on PostgreSQL vs reading it (R25)
#   bash infra/bench.sh p1     public certificate status over 1,000,000 certificates against the packaged server on
#                              PostgreSQL, with wrk, as a share of the same server's trivial JSON answer (issue 6)
#   bash infra/bench.sh p2-kms signing through the rate-limited KMS signer on the emulator, plain and throttled
# Environment: ZC_BENCH_ROWS overrides the row count (for a quick try). P1 also reads ZC_BENCH_DB (zhicheng_bench),
#   ZC_BENCH_PORT (8097), ZC_BENCH_SECONDS (30 per measurement), ZC_BENCH_NO_BUILD=1 (start the last bench build).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# --- P1 -------------------------------------------------------------------------------------------------------------

P1_DIR="$ZC_ROOT/.infra/bench-p1"
P1_PID=

p1_stop_server() {
  if [ -n "$P1_PID" ] && kill -0 "$P1_PID" 2>/dev/null; then
    kill "$P1_PID" && wait "$P1_PID" 2>/dev/null || true
  fi
}

# wrk's "Requests/sec:" figure.
wrk_rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }

# A percentile line of wrk --latency ("  99%    4.12ms") in milliseconds.
wrk_ms() {
  awk -v p="$2%" '$1 == p {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000
    printf "%.2f", v }' "$1"
}

# wrk's mean latency ("Latency   1.23ms ...") in milliseconds.
wrk_mean_ms() {
  awk '$1 == "Latency" && !done { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; printf "%.3f", v; done = 1 }' "$1"
}

wrk_errors() { awk '/Non-2xx or 3xx responses:/ {print $5; found=1} END {if (!found) print 0}' "$1"; }

p1_wrk() { # name url [extra wrk args…]: one measurement into $P1_DIR/name.txt (later -c wins)
  local name=$1 url=$2; shift 2
  wrk -t2 -c32 "$@" --latency "$url" >"$P1_DIR/$name.txt"
  [ "$(wrk_errors "$P1_DIR/$name.txt")" = 0 ] || { cat "$P1_DIR/$name.txt" >&2; die "$name: some answers were not 2xx"; }
}

bench_p1() {
  local db="${ZC_BENCH_DB:-zhicheng_bench}" port="${ZC_BENCH_PORT:-8097}" rows="${ZC_BENCH_ROWS:-1000000}"
  local seconds="${ZC_BENCH_SECONDS:-30}" jar="$ZC_ROOT/functions/local/target/bench-app/quarkus-run.jar"
  local base="http://127.0.0.1:$port"
  export PGPASSWORD=zhicheng
  local psql=(psql -h 127.0.0.1 -p "${ZC_PG_PORT:-5432}" -U zhicheng -d "$db" -v ON_ERROR_STOP=1 -qAt)

  bash "$ZC_ROOT/infra/postgres.sh" start
  ensure_apt_packages wrk
  "${psql[@]}" -c 'select 1' >/dev/null || die "cannot open database $db as zhicheng (create it, owned by zhicheng)"
  ensure_java
  if [ "${ZC_BENCH_NO_BUILD:-}" != 1 ] || [ ! -f "$jar" ]; then
    # the local server as run.sh builds it, but on PostgreSQL (profile bench in its application.properties)
    mvnw -q package -pl functions/local -am -DskipTests -Djacoco.skip=true -Dquarkus.profile=bench </dev/null \
      || die "the bench build of functions/local failed"
  fi
  port_in_use 127.0.0.1 "$port" && die "port $port is taken"
  mkdir -p "$P1_DIR"

  log "P1: starting the packaged server on $base (database $db)"
  trap p1_stop_server EXIT
  QUARKUS_HTTP_PORT="$port" ZHICHENG_PUBLIC_BASE_URL="$base" ZHICHENG_DATA_DIR="$P1_DIR/data" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:${ZC_PG_PORT:-5432}/$db" \
    QUARKUS_DATASOURCE_USERNAME=zhicheng QUARKUS_DATASOURCE_PASSWORD=zhicheng \
    "$JAVA_HOME/bin/java" -jar "$jar" >"$P1_DIR/server.log" 2>&1 &
  P1_PID=$!
  local i
  for i in $(seq 1 120); do
    curl -fs "$base/api/public/ping" >/dev/null 2>&1 && break
    kill -0 "$P1_PID" 2>/dev/null || { tail -n 40 "$P1_DIR/server.log" >&2; die "the server stopped"; }
    sleep 1
  done
  curl -fs "$base/api/public/ping" >/dev/null || die "the server did not answer in 120 s (see $P1_DIR/server.log)"

  local have
  have="$("${psql[@]}" -c "select count(*) from certificate where kid = 'WFHRSS-be4c0001'")"
  if [ "$have" -lt "$rows" ]; then
    log "P1: loading $rows certificates (had $have)"
    "${psql[@]}" -c "delete from certificate where kid = 'WFHRSS-be4c0001' and supersedes_id is not null" \
      -c "delete from certificate where kid = 'WFHRSS-be4c0001'"
    "${psql[@]}" -v rows="$rows" -f "$ZC_ROOT/infra/bench/p1-certificates.sql"
    # what autovacuum does soon after a bulk load: statistics, and the visibility map index-only scans rely on
    "${psql[@]}" -c "vacuum analyze certificate"
  fi
  "${psql[@]}" -c "select number from certificate where kid = 'WFHRSS-be4c0001' order by random() limit 200000" \
    >"$P1_DIR/numbers.txt"
  local sample
  sample="$(head -n 1 "$P1_DIR/numbers.txt")"
  curl -fs "$base/api/public/certificates/$sample/status" >/dev/null || die "the status of $sample failed"

  export P1_NUMBERS="$P1_DIR/numbers.txt" P1_DELAY_MS=0
  local script="$ZC_ROOT/infra/bench/p1-status.lua"
  log "P1: warming up (20 s status, 10 s ping)"
  p1_wrk warmup-status "$base" -d20s -s "$script"
  p1_wrk warmup-ping "$base/api/public/ping" -d10s

  # (a) and (b) take turns in three rounds, so a neighbour's load on the machine weighs on both alike
  local round rounds=3 slice=$(( seconds / 3 ))
  for round in $(seq 1 $rounds); do
    log "P1: round $round of $rounds: (a) trivial JSON answer, then (b) certificate status, ${slice} s each"
    p1_wrk "ping-$round" "$base/api/public/ping" -d"${slice}s"
    p1_wrk "status-$round" "$base" -d"${slice}s" -s "$script"
  done
  local ping_rps status_rps target
  ping_rps="$(for round in $(seq 1 $rounds); do wrk_rps "$P1_DIR/ping-$round.txt"; done \
    | awk '{s += $1} END {printf "%.0f", s / NR}')"
  status_rps="$(for round in $(seq 1 $rounds); do wrk_rps "$P1_DIR/status-$round.txt"; done \
    | awk '{s += $1} END {printf "%.0f", s / NR}')"
  target="$(awk -v r="$status_rps" 'BEGIN {printf "%.0f", r / 2}')"
  # wrk cannot hold a rate: each connection waits a delay (whole milliseconds) between requests. 128 connections
  # make that delay long enough to tune finely; two short runs correct it for the time a request itself takes.
  local conns=128 delay got step
  delay="$(awk -v t="$target" -v c="$conns" 'BEGIN {printf "%.0f", c * 1000 / t}')"
  for step in 1 2; do
    log "P1: (c) calibrating the delay for half load ($target/s), step $step: ${delay} ms"
    P1_DELAY_MS="$delay" p1_wrk "calibrate-$step" "$base" -c"$conns" -d8s -s "$script"
    got="$(wrk_rps "$P1_DIR/calibrate-$step.txt")"
    delay="$(awk -v t="$target" -v d="$delay" -v c="$conns" -v got="$got" \
      'BEGIN { busy = c * 1000 / got - d; if (busy < 0) busy = 0; n = c * 1000 / t - busy
               if (n < d / 2) n = d / 2; if (n < 1) n = 1; printf "%.0f", n }')"
  done
  log "P1: (c) status at half load, delay ${delay} ms, ${seconds} s"
  P1_DELAY_MS="$delay" p1_wrk half "$base" -c"$conns" -d"${seconds}s" -s "$script"

  local out="$P1_DIR/bench-p1.txt"
  {
    echo "P1 public certificate status, $rows certificates in PostgreSQL ($db), packaged local server, wrk -t2 -c32"
    echo "(a) trivial JSON, GET /api/public/ping: $ping_rps req/s (rounds: $(for round in $(seq 1 $rounds); do
      printf '%s ' "$(wrk_rps "$P1_DIR/ping-$round.txt")"; done))"
    echo "(b) GET /api/public/certificates/{number}/status: $status_rps req/s (rounds: $(for round in $(seq 1 $rounds); do
      printf '%s ' "$(wrk_rps "$P1_DIR/status-$round.txt")"; done))"
    awk -v a="$ping_rps" -v b="$status_rps" 'BEGIN {printf "ratio (b)/(a): %.2f (target >= 0.50)\n", b / a}'
    local half="$P1_DIR/half.txt"
    echo "(c) half load: target $target req/s, achieved $(wrk_rps "$half") req/s" \
      "(wrk -c$conns, delay ${delay} ms per connection)"
    echo "    latency: mean $(wrk_mean_ms "$half") ms, p50 $(wrk_ms "$half" 50) ms, p75 $(wrk_ms "$half" 75) ms," \
      "p90 $(wrk_ms "$half" 90) ms, p99 $(wrk_ms "$half" 99) ms (target p99 <= 25 ms)"
  } | tee "$out"
  log "P1: raw wrk outputs in $P1_DIR"
  p1_stop_server
  trap - EXIT
}

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
  p7)
    bash "$ZC_ROOT/infra/postgres.sh" start
    bash "$ZC_ROOT/infra/emulator.sh" start
    export ZC_DB_URL="jdbc:postgresql://127.0.0.1:${ZC_PG_PORT:-5432}/${ZC_BENCH_DB:-zhicheng_bench}" ZC_DB_USER=zhicheng ZC_DB_PASSWORD=zhicheng
    export ZC_AWS_ENDPOINT="http://127.0.0.1:${ZC_EMULATOR_PORT:-4566}" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
    mvnw verify -pl functions/catalogue -am -DskipTests=false -Dtest=AppointmentUploadBench \
      -Dsurefire.failIfNoSpecifiedTests=false -Dzc.bench=true -Dzc.bench.rows="${ZC_BENCH_ROWS:-5000}" \
      -Djacoco.skip=true ${ZC_BENCH_ARGS:-} </dev/null
    cat "$ZC_ROOT/functions/catalogue/target/bench-p7.txt"
    ;;
  p1) bench_p1 ;;
  p2-kms)
    bash "$ZC_ROOT/infra/emulator.sh" start
    export ZC_AWS_ENDPOINT="http://127.0.0.1:${ZC_EMULATOR_PORT:-4566}" AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
    mvnw verify -pl functions/core -DskipTests=false -Dtest=KmsSigningBench -Dsurefire.failIfNoSpecifiedTests=false \
      -Dzc.bench=true -Dzc.bench.rows="${ZC_BENCH_ROWS:-1000}" -Djacoco.skip=true </dev/null
    cat "$ZC_ROOT/functions/core/target/bench-p2-kms.txt"
    ;;
  *) die "usage: bash infra/bench.sh p1|p2|p2-kms|p3|p4|p7" ;;
esac
