#!/usr/bin/env bash
# Builds and starts Zhicheng on this machine: one Quarkus HTTP server (functions/local) with every function's
# routes and the built front end, at http://localhost:8080. It keeps its embedded database, evidence files and
# keys in ./data (git-ignored), so it needs no PostgreSQL, no AWS emulator and no cloud account.
#
# Usage: bash infra/run.sh [--no-build]
#   --no-build   start the last build without rebuilding
# Environment: QUARKUS_HTTP_PORT (8080), ZHICHENG_DATA_DIR (data), ZHICHENG_PUBLIC_BASE_URL
#   (http://localhost:<port>), ZHICHENG_DEMO_SEED (true: demo units and one account per role, password demo123).
set -euo pipefail
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BUILD=true
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=false ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

PORT="${QUARKUS_HTTP_PORT:-8080}"
JAR="$ZC_ROOT/functions/local/target/quarkus-app/quarkus-run.jar"

ensure_java
# certificate PDFs are printed with Noto Serif CJK
ensure_apt_packages fonts-noto-cjk
if $BUILD; then
  ensure_maven
  if [ -f "$ZC_ROOT/frontend/package.json" ]; then
    frontend_install when-changed
    log "frontend: npm run build"
    (cd "$ZC_ROOT/frontend" && npm run build </dev/null) || die "npm run build failed in frontend/"
  else
    log "no frontend/package.json: the server starts without the web pages"
  fi
  log "building functions/local (tests skipped; infra/test.sh runs them)"
  mvnw -DskipTests package -pl functions/local -am || die "the Maven build of functions/local failed"
fi
[ -f "$JAR" ] || die "$JAR is missing: run without --no-build"

if port_in_use 127.0.0.1 "$PORT"; then
  die "port $PORT is taken (Zhicheng already running?); stop that program or set QUARKUS_HTTP_PORT"
fi

export QUARKUS_HTTP_PORT="$PORT"
export ZHICHENG_PUBLIC_BASE_URL="${ZHICHENG_PUBLIC_BASE_URL:-http://localhost:$PORT}"
cd "$ZC_ROOT"
log "starting Zhicheng at $ZHICHENG_PUBLIC_BASE_URL (data in ${ZHICHENG_DATA_DIR:-./data}; Ctrl-C stops it)"
exec "$JAVA_HOME/bin/java" -jar "$JAR"
