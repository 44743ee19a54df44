#!/usr/bin/env bash
# Runs every test of the project, stopping at the first failure, then prints a summary of the stages:
#   1. toolchain: Java 21+, Maven, PDF tools      5. front end: npm ci, npm run build, npm test
#   2. PostgreSQL (infra/postgres.sh)              6. mvnw verify on the whole reactor, against 2 and 3
#   3. AWS emulator, moto (infra/emulator.sh)      7. cfn-lint template.yaml
#   4. Chromium (infra/browser.sh)                 8. end to end: the packaged local server on a fresh data
#                                                     folder, driven by npm run e2e in frontend/, then
#                                                     schemathesis fuzzing its API (no 5xx for any input)
# Usage: bash infra/test.sh [--java-only | --skip-e2e | --e2e-only] [-- extra mvnw verify arguments]
#   --java-only   stages 1, 2, 3 and 6
#   --skip-e2e    all but stages 4 and 8
#   --e2e-only    stages 1, 4 and 8, against the last build of functions/local
# Environment: ZC_PG_PORT (5432), ZC_EMULATOR_PORT (4566), ZC_E2E_PORT (8089; the next free port if taken),
#   ZC_E2E_WAIT (seconds the local server may take to start, 90).
set -euo pipefail
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JAVA_ONLY=false
SKIP_E2E=false
E2E_ONLY=false
MVN_EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --java-only) JAVA_ONLY=true ;;
    --skip-e2e) SKIP_E2E=true ;;
    --e2e-only) E2E_ONLY=true ;;
    --) shift; MVN_EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

PG_PORT="${ZC_PG_PORT:-5432}"
EMU_PORT="${ZC_EMULATOR_PORT:-4566}"
export ZC_PG_PORT="$PG_PORT" ZC_EMULATOR_PORT="$EMU_PORT"

# ---------------------------------------------------------------- stage bookkeeping and the summary
RESULTS=()
CURRENT=""
STAGE_START=0
SERVER_PID=""
E2E_DATA=""

begin() {
  CURRENT="$1"
  STAGE_START=$SECONDS
  printf '\n\033[1;36m======== %s ========\033[0m\n' "$CURRENT" >&2
}
done_stage() {
  RESULTS+=("ok       $CURRENT ($((SECONDS - STAGE_START)) s)")
  CURRENT=""
}
skipped() {
  RESULTS+=("skipped  $1: $2")
}
fail() {
  printf '\033[1;31mxx FAILED in %s:\033[0m %s\n' "${CURRENT:-setup}" "$*" >&2
  exit 1
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping the local server (pid $SERVER_PID)"
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  if [ -n "$E2E_DATA" ] && [ -d "$E2E_DATA" ]; then rm -rf "$E2E_DATA"; fi
  E2E_DATA=""
}

on_exit() {
  local rc=$?
  set +e
  stop_server
  [ -n "$CURRENT" ] && RESULTS+=("FAILED   $CURRENT ($((SECONDS - STAGE_START)) s)")
  printf '\n\033[1m======== summary (%d s) ========\033[0m\n' "$SECONDS"
  local r
  for r in "${RESULTS[@]}"; do printf '  %s\n' "$r"; done
  if [ "$rc" -eq 0 ]; then
    printf '\033[1;32mall test stages succeeded\033[0m\n'
  else
    printf '\033[1;31mtests FAILED (exit %d)\033[0m\n' "$rc"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- stages
stage_toolchain() {
  begin "toolchain (Java 21+, Maven wrapper)"
  ensure_java
  ensure_maven
  ensure_pdf_tools
  log "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  done_stage
}

stage_postgres() {
  begin "PostgreSQL on 127.0.0.1:$PG_PORT"
  bash "$ZC_ROOT/infra/postgres.sh" start || fail "infra/postgres.sh start failed"
  done_stage
}

stage_emulator() {
  begin "AWS emulator on 127.0.0.1:$EMU_PORT"
  bash "$ZC_ROOT/infra/emulator.sh" start || fail "infra/emulator.sh start failed"
  done_stage
}

stage_browser() {
  begin "browser (Chromium)"
  bash "$ZC_ROOT/infra/browser.sh" || fail "infra/browser.sh failed"
  done_stage
}

stage_frontend() {
  if [ ! -f "$ZC_ROOT/frontend/package.json" ]; then
    skipped "front end" "no frontend/package.json"
    return 0
  fi
  begin "front end: npm ci, build, unit tests"
  # CI starts from a fresh clone; on a workstation an unchanged lock file keeps node_modules.
  if [ "${CI:-}" = true ]; then frontend_install always; else frontend_install when-changed; fi
  (cd "$ZC_ROOT/frontend" && npm run build </dev/null) || fail "npm run build failed in frontend/"
  if frontend_has_script test; then
    (cd "$ZC_ROOT/frontend" && npm test </dev/null) || fail "npm test failed in frontend/"
  else
    log "frontend/package.json has no test script"
  fi
  done_stage
}

stage_maven() {
  begin "Maven: mvnw verify (all modules)"
  export ZC_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/zhicheng_test"
  export ZC_DB_USER=zhicheng ZC_DB_PASSWORD=zhicheng
  export ZC_AWS_ENDPOINT="http://127.0.0.1:$EMU_PORT"
  # The emulator takes any credentials; these keep the AWS SDK away from real accounts.
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
  unset AWS_SESSION_TOKEN AWS_PROFILE
  log "ZC_DB_URL=$ZC_DB_URL ZC_AWS_ENDPOINT=$ZC_AWS_ENDPOINT"
  mvnw verify "${MVN_EXTRA[@]}" </dev/null || fail "mvnw verify failed (Surefire reports: functions/*/target/surefire-reports)"
  done_stage
}

stage_cfn_lint() {
  begin "cfn-lint template.yaml"
  [ -x "$ZC_ROOT/.venv/bin/cfn-lint" ] || bash "$ZC_ROOT/infra/emulator.sh" venv || fail "could not set up .venv"
  (cd "$ZC_ROOT" && .venv/bin/cfn-lint template.yaml) || fail "cfn-lint found problems in template.yaml"
  log "template.yaml: no cfn-lint errors or warnings"
  done_stage
}

wait_for_server() {
  local base="$1" log_file="$2" wait="${ZC_E2E_WAIT:-90}"
  local deadline=$((SECONDS + wait))
  while [ $SECONDS -lt $deadline ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -n 80 "$log_file" >&2
      fail "the local server exited while starting (log above, in full at .infra/e2e-server.log)"
    fi
    if curl -fsS -o /dev/null --max-time 2 "$base/q/health/ready" 2>/dev/null \
       || curl -fsS -o /dev/null --max-time 2 "$base/api/catalogue/series" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  tail -n 80 "$log_file" >&2
  fail "the local server did not answer $base/q/health/ready or /api/catalogue/series within $wait s (log above)"
}

stage_e2e() {
  if [ ! -f "$ZC_ROOT/frontend/package.json" ] || ! frontend_has_script e2e; then
    skipped "end to end" "frontend/package.json has no e2e script"
    return 0
  fi
  begin "end to end: local server + Chromium (npm run e2e)"
  frontend_install when-changed
  local jar="$ZC_ROOT/functions/local/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || fail "$jar is missing: the Maven stage should have built functions/local"
  local port base log_file="$ZC_ROOT/.infra/e2e-server.log"
  port="$(free_port "${ZC_E2E_PORT:-8089}")"
  base="http://localhost:$port"
  E2E_DATA="$(mktemp -d "${TMPDIR:-/tmp}/zhicheng-e2e.XXXXXX")"
  mkdir -p "$ZC_ROOT/.infra"
  log "starting the local server on $base with a fresh data folder (log in .infra/e2e-server.log)"
  # A fresh data folder: the server creates its database and keys there, and seeds the demo accounts
  # the browser test signs in with. Its clock is settable (a fake behind the clock port, /api/dev/clock) so the
  # journey can pass publicity and notice periods counted in working days; it starts on a fixed working day
  # so the journey's dates never depend on when CI runs.
  (cd "$ZC_ROOT" && exec env ZHICHENG_DATA_DIR="$E2E_DATA" QUARKUS_HTTP_PORT="$port" \
      ZHICHENG_PUBLIC_BASE_URL="$base" ZHICHENG_DEMO_SEED="${ZHICHENG_DEMO_SEED:-true}" \
      ZHICHENG_CLOCK_SETTABLE=true ZHICHENG_CLOCK_START="${ZHICHENG_CLOCK_START:-2026-09-01T01:00:00Z}" \
      "$JAVA_HOME/bin/java" -jar "$jar" </dev/null >"$log_file" 2>&1) &
  SERVER_PID=$!
  wait_for_server "$base" "$log_file"
  log "local server ready after $((SECONDS - STAGE_START)) s"
  (cd "$ZC_ROOT/frontend" && ZC_BASE_URL="$base" ZC_CHROMIUM=/usr/bin/chromium npm run e2e </dev/null) \
    || { tail -n 40 "$log_file" >&2; fail "npm run e2e failed (server log tail above; full log .infra/e2e-server.log)"; }
  done_stage
  stage_api_fuzz "$base" "$log_file"
  stop_server
}

# Schemathesis generates requests from the OpenAPI document, valid and invalid, for each demo role and with a
# forged token (public routes answer, the rest must say 401); every answer must be a deliberate one (no 5xx).
# Bounded and seeded so a run is repeatable. Without any Authorization header schemathesis 4.32 tries to sign
# itself up through /api/auth/register and crashes in its own code, hence the forged token.
stage_api_fuzz() {
  local base="$1" log_file="$2" user token
  begin "API fuzzing: schemathesis against the local server (no 5xx for any input)"
  [ -x "$ZC_ROOT/.venv/bin/schemathesis" ] || bash "$ZC_ROOT/infra/emulator.sh" venv || fail "could not set up .venv"
  for user in forged-token applicant unit hrbureau office expert selfeval; do
    local auth=(-H "Authorization: Bearer forged.token.value")
    if [ "$user" != forged-token ]; then
      token="$(curl -sf -H 'Content-Type: application/json' \
        -d "{\"username\":\"$user\",\"password\":\"demo123\"}" "$base/api/auth/sign-in" \
        | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')" || fail "sign-in as $user failed"
      auth=(-H "Authorization: Bearer $token")
    fi
    log "schemathesis as $user"
    "$ZC_ROOT/.venv/bin/schemathesis" run "$base/q/openapi" "${auth[@]}" --checks not_a_server_error \
        --phases fuzzing,stateful --max-examples 15 --workers 2 --seed 20261122 </dev/null \
        >"$ZC_ROOT/.infra/schemathesis-$user.log" 2>&1 \
      || { tail -n 60 "$ZC_ROOT/.infra/schemathesis-$user.log" >&2; tail -n 40 "$log_file" >&2
           fail "schemathesis found a server error as $user (.infra/schemathesis-$user.log)"; }
    grep -E 'generated' "$ZC_ROOT/.infra/schemathesis-$user.log" | tail -n 1 >&2 || true
  done
  done_stage
}

# ---------------------------------------------------------------- run
stage_toolchain
if $E2E_ONLY; then
  skipped "PostgreSQL, emulator, front end, Maven, cfn-lint" "--e2e-only (uses the last build)"
  stage_browser
  stage_e2e
  exit 0
fi
stage_postgres
stage_emulator
if $JAVA_ONLY; then
  skipped "browser, front end, cfn-lint, end to end" "--java-only"
  stage_maven
  exit 0
fi
if $SKIP_E2E; then skipped "browser" "--skip-e2e"; else stage_browser; fi
stage_frontend
stage_maven
stage_cfn_lint
if $SKIP_E2E; then skipped "end to end" "--skip-e2e"; else stage_e2e; fi
