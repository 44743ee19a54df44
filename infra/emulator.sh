#!/usr/bin/env bash
# The local AWS wire-protocol emulator the AWS adapters are tested against: moto's server on 127.0.0.1:4566.
# No Docker needed. It runs from the project virtualenv .venv (git-ignored), which also holds the Python tools
# the tests use (cfn-lint for template.yaml, schemathesis for API fuzzing).
#
#   bash infra/emulator.sh [start]   make .venv if needed, start moto_server in the background, wait until S3 and KMS answer
#   bash infra/emulator.sh stop      stop the moto_server this script started
#   bash infra/emulator.sh status    exit 0 when an emulator answers S3 and KMS on the port, 3 when not
#   bash infra/emulator.sh venv      only make/update .venv
#
# If another emulator (LocalStack, Floci) already answers on the port, start uses it and starts nothing.
# ZC_EMULATOR_PORT overrides the port (default 4566). pid and log: .infra/moto.pid, .infra/moto.log.
set -euo pipefail
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EMU_HOST=127.0.0.1
EMU_PORT="${ZC_EMULATOR_PORT:-4566}"
EMU_URL="http://$EMU_HOST:$EMU_PORT"
VENV="$ZC_ROOT/.venv"
PID_FILE="$ZC_ROOT/.infra/moto.pid"
LOG_FILE="$ZC_ROOT/.infra/moto.log"

# Pinned: a change here re-installs .venv on the next run.
PY_REQUIREMENTS=(
  "moto[server]==5.2.5"
  "cfn-lint==1.58.0"
  "schemathesis==4.32.5"
)

# Emulators accept any credentials; these are placeholders, not secrets.
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}"

find_python() {
  local p
  for p in "${ZC_PYTHON:-}" python3 python3.13 python3.12 python3.11 python3.10; do
    [ -n "$p" ] || continue
    if command -v "$p" >/dev/null && "$p" -c 'import sys, venv; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      command -v "$p"; return 0
    fi
  done
  return 1
}

ensure_venv() {
  local stamp="$VENV/.zhicheng-requirements" want
  want="$(printf '%s\n' "${PY_REQUIREMENTS[@]}")"
  if [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  mkdir -p "$ZC_ROOT/.infra"
  local py
  if [ ! -x "$VENV/bin/python" ]; then
    py="$(find_python)" || die "Python 3.10+ with the venv module is needed (apt-get install python3-venv)"
    log "creating the Python virtualenv .venv with $py"
    "$py" -m venv "$VENV" || die "could not create .venv (Debian: apt-get install python3-venv)"
  fi
  log "installing ${PY_REQUIREMENTS[*]} into .venv (log in .infra/pip.log)"
  if ! { "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip \
         && "$VENV/bin/python" -m pip install --disable-pip-version-check "${PY_REQUIREMENTS[@]}"; } \
       </dev/null >"$ZC_ROOT/.infra/pip.log" 2>&1; then
    tail -n 30 "$ZC_ROOT/.infra/pip.log" >&2
    die "pip install into .venv failed (see .infra/pip.log)"
  fi
  printf '%s\n' "$want" >"$stamp"
}

# True when S3 and KMS both answer at the endpoint (any emulator: moto, LocalStack, Floci).
answers() {
  local py="$VENV/bin/python"
  [ -x "$py" ] || return 1
  "$py" - "$EMU_URL" <<'PY' >/dev/null 2>&1
import sys, boto3
from botocore.config import Config
cfg = Config(connect_timeout=2, read_timeout=5, retries={"max_attempts": 1})
url = sys.argv[1]
boto3.client("s3", endpoint_url=url, config=cfg).list_buckets()
boto3.client("kms", endpoint_url=url, config=cfg).list_keys()
PY
}

our_pid() {
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

cmd_start() {
  ensure_venv
  if our_pid >/dev/null && answers; then
    log "moto already running on $EMU_URL (pid $(our_pid))"
    return 0
  fi
  if port_in_use "$EMU_HOST" "$EMU_PORT"; then
    if answers; then
      log "an AWS emulator not started by this script already answers on $EMU_URL; using it"
      return 0
    fi
    if ! our_pid >/dev/null; then
      die "port $EMU_PORT on $EMU_HOST is taken by a program that does not answer S3/KMS; free it, or set ZC_EMULATOR_PORT"
    fi
  fi
  if ! our_pid >/dev/null; then
    log "starting moto_server on $EMU_URL (log in .infra/moto.log)"
    rm -f "$PID_FILE"
    # its own session, so it outlives this script and the shell that ran it
    setsid nohup "$VENV/bin/moto_server" -H "$EMU_HOST" -p "$EMU_PORT" </dev/null >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
  fi
  for _ in $(seq 1 60); do
    if answers; then
      log "moto ready on $EMU_URL (pid $(cat "$PID_FILE"))"
      return 0
    fi
    our_pid >/dev/null || { tail -n 30 "$LOG_FILE" >&2; die "moto_server exited (see .infra/moto.log)"; }
    sleep 0.5
  done
  tail -n 30 "$LOG_FILE" >&2
  die "moto_server did not answer S3 and KMS on $EMU_URL within 30 s (see .infra/moto.log)"
}

cmd_stop() {
  local pid
  if pid="$(our_pid)"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    rm -f "$PID_FILE"
    log "moto stopped"
  else
    rm -f "$PID_FILE"
    log "no moto_server started by this script is running"
  fi
}

cmd_status() {
  local pid
  if answers; then
    if pid="$(our_pid)"; then
      echo "moto running on $EMU_URL (pid $pid, log .infra/moto.log); S3 and KMS answer"
    else
      echo "an AWS emulator (not started by this script) answers S3 and KMS on $EMU_URL"
    fi
  else
    echo "no AWS emulator answers on $EMU_URL"
    exit 3
  fi
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  venv) ensure_venv ;;
  *) die "usage: $0 [start|stop|status|venv]" ;;
esac
