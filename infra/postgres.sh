#!/usr/bin/env bash
# The tests' PostgreSQL: a private cluster in the repo's git-ignored .infra/pg, listening on 127.0.0.1 only.
#
#   bash infra/postgres.sh [start]   install Debian's postgresql if missing, create the cluster on first use, start it,
#                                    and make sure role zhicheng (password zhicheng) and database zhicheng_test exist
#   bash infra/postgres.sh stop      stop the cluster (its data stays in .infra/pg)
#   bash infra/postgres.sh status    exit 0 when running, 3 when not
#
# Idempotent: when the cluster already runs, start only re-checks the role and database. When another PostgreSQL
# already listens on the port and zhicheng/zhicheng can open zhicheng_test there (say, a second checkout's
# cluster), start uses it; any other program on the port is an error.
# ZC_PG_PORT overrides the port (default 5432). initdb refuses to run as root, so under root the cluster
# belongs to the `postgres` OS user (made by the Debian package); if that user cannot enter the checkout
# (a clone under a private home folder), the cluster goes to a per-checkout folder in its home instead.
set -euo pipefail
# shellcheck source=infra/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_PORT="${ZC_PG_PORT:-5432}"
PG_DATA="$ZC_ROOT/.infra/pg"
PG_LOG="$ZC_ROOT/.infra/postgres.log"
PG_WHERE=.infra/pg
PG_DB=zhicheng_test
PG_ROLE=zhicheng
PG_PASSWORD=zhicheng

# The cluster's OS user: postgres when we are root, else whoever runs this.
if [ "$(id -u)" -eq 0 ]; then PG_OS_USER=postgres; else PG_OS_USER="$(id -un)"; fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # from /, since the cluster's user may not be allowed into the current folder
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

find_pg_bin() {
  local d
  if [ -n "${ZC_PG_BIN:-}" ] && [ -x "$ZC_PG_BIN/initdb" ]; then echo "$ZC_PG_BIN"; return 0; fi
  # newest installed major version first
  for d in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -rn); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

ensure_pg_installed() {
  if PG_BIN="$(find_pg_bin)"; then return 0; fi
  ensure_apt_packages postgresql
  PG_BIN="$(find_pg_bin)" || die "PostgreSQL binaries not found under /usr/lib/postgresql after installing postgresql"
  # Debian's package may create and start its own 'main' cluster on 5432; ours needs the port, so stop it.
  if command -v pg_lsclusters >/dev/null; then
    local ver name port status
    while read -r ver name port status _; do
      if [ "$status" = online ] && [ "$port" = "$PG_PORT" ]; then
        log "stopping Debian's PostgreSQL cluster $ver/$name, which the install started on port $port"
        pg_ctlcluster "$ver" "$name" stop || true
      fi
    done < <(pg_lsclusters --no-header 2>/dev/null || true)
  fi
}

# Socket directory: inside the cluster folder (mode 0700, so only its owner connects), unless the path is too
# long for a Unix socket name.
socket_dir() {
  if [ ${#PG_DATA} -le 80 ]; then echo "$PG_DATA"; else echo "/tmp"; fi
}

is_running() {
  [ -n "${PG_BIN:-}" ] || PG_BIN="$(find_pg_bin)" || return 1
  [ -f "$PG_DATA/PG_VERSION" ] || return 1
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

running_port() {
  # postmaster.pid line 4 is the port
  sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null
}

# Under root, the postgres OS user runs the cluster and must be able to enter the checkout; when it cannot,
# the cluster lives in that user's home, in a folder named after the checkout's path.
choose_location() {
  if [ "$(id -u)" -ne 0 ] || runuser -u "$PG_OS_USER" -- test -x "$ZC_ROOT" 2>/dev/null; then
    return 0
  fi
  local home
  home="$(getent passwd "$PG_OS_USER" | cut -d: -f6)"
  if [ -z "$home" ] || [ ! -d "$home" ]; then
    die "the '$PG_OS_USER' OS user cannot enter $ZC_ROOT and has no home folder for the cluster either"
  fi
  [ "${1:-}" = quiet ] || log "the '$PG_OS_USER' OS user cannot enter this checkout, so the cluster lives in its home folder"
  local dir
  dir="$home/zhicheng-$(printf '%s' "$ZC_ROOT" | sha256sum | cut -c1-12)"
  mkdir -p "$dir"
  chown "$PG_OS_USER": "$dir"
  chmod 700 "$dir"
  PG_DATA="$dir/pg"
  PG_LOG="$dir/postgres.log"
  PG_WHERE="$PG_DATA"
}

init_cluster() {
  [ -f "$PG_DATA/PG_VERSION" ] && return 0
  log "creating the PostgreSQL cluster in $PG_WHERE"
  mkdir -p "$PG_DATA"
  if [ -n "$(ls -A "$PG_DATA" 2>/dev/null)" ]; then
    die "$PG_WHERE exists but holds no cluster (no PG_VERSION); remove it and run again"
  fi
  [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER": "$PG_DATA"
  chmod 700 "$PG_DATA"
  # the peer rule lets the cluster's OS user in over the private socket; TCP needs a password
  as_owner "$PG_BIN/initdb" -D "$PG_DATA" --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >"$ZC_ROOT/.infra/initdb.log" 2>&1 \
    || { cat "$ZC_ROOT/.infra/initdb.log" >&2; die "initdb failed"; }
  tune_cluster
}

# True when role zhicheng can open zhicheng_test with its password on the port (whoever runs that server).
can_login() {
  [ "$(PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=3 "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_ROLE" \
        -d "$PG_DB" -Atc 'SELECT 1' 2>/dev/null)" = 1 ]
}

tune_cluster() {
  # A throw-away test database: trade durability for speed.
  cat >>"$PG_DATA/postgresql.conf" <<'CONF'

# --- zhicheng test cluster (infra/postgres.sh) ---
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
# room for benchmark P4's million-row tables on a 24 GiB machine
shared_buffers = 1GB
max_wal_size = 4GB
checkpoint_timeout = 30min
CONF
  [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER": "$PG_DATA/postgresql.conf"
  return 0
}

start_cluster() {
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (log in $PG_LOG)"
  touch "$PG_LOG"
  [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER": "$PG_LOG"
  as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-p $PG_PORT -k '$(socket_dir)' -c listen_addresses=127.0.0.1" start >/dev/null \
    || { tail -n 30 "$PG_LOG" >&2; die "PostgreSQL did not start (see $PG_LOG)"; }
}

admin_psql() {
  as_owner "$PG_BIN/psql" -h "$(socket_dir)" -p "$(running_port)" -U "$PG_OS_USER" -d postgres \
    -v ON_ERROR_STOP=1 -qAt "$@"
}

ensure_role_and_db() {
  admin_psql >/dev/null <<SQL || die "could not create role $PG_ROLE / database $PG_DB"
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL
  if [ "$(admin_psql -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
    log "creating database $PG_DB (owner $PG_ROLE)"
    admin_psql -c "CREATE DATABASE $PG_DB OWNER $PG_ROLE ENCODING 'UTF8' TEMPLATE template0" >/dev/null \
      || die "could not create database $PG_DB"
  fi
}

cmd_start() {
  mkdir -p "$ZC_ROOT/.infra"
  ensure_pg_installed
  choose_location
  if is_running; then
    local port; port="$(running_port)"
    if [ "$port" != "$PG_PORT" ]; then
      die "the $PG_WHERE cluster already runs on port $port, not $PG_PORT: run 'bash infra/postgres.sh stop' first, or set ZC_PG_PORT=$port"
    fi
    ensure_role_and_db
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT (database $PG_DB, user $PG_ROLE)"
    return 0
  fi
  if port_in_use 127.0.0.1 "$PG_PORT"; then
    if can_login; then
      log "a PostgreSQL not started from this checkout already serves $PG_DB to $PG_ROLE on 127.0.0.1:$PG_PORT; using it"
      return 0
    fi
    die "port $PG_PORT on 127.0.0.1 is taken by a program where $PG_ROLE/$PG_PASSWORD cannot open $PG_DB; stop it, or set ZC_PG_PORT to a free port"
  fi
  init_cluster
  start_cluster
  ensure_role_and_db
  log "PostgreSQL ready: jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB (user $PG_ROLE, password $PG_PASSWORD)"
}

cmd_stop() {
  choose_location quiet
  if is_running; then
    as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || die "pg_ctl stop failed"
    log "PostgreSQL stopped"
  else
    log "PostgreSQL ($PG_WHERE) is not running"
  fi
}

cmd_status() {
  choose_location quiet
  if is_running; then
    echo "PostgreSQL running on 127.0.0.1:$(running_port), data in $PG_WHERE, database $PG_DB, user $PG_ROLE"
  else
    echo "PostgreSQL ($PG_WHERE) is not running"
    exit 3
  fi
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac
