#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the store hub's tests (every test of the members/loyalty/offers issue runs on
# SQLite and on PostgreSQL) and writes its JDBC URL to /tmp/instore-test-postgres/jdbc.url, where the tests look for it.
# Idempotent: a cluster already running is reused. The cluster lives in /tmp, listens on 127.0.0.1 on a free port, trusts
# local connections and runs without fsync (test data only). Root cannot run postgres: as root the cluster is created and
# started as the 'postgres' user (runuser). When PostgreSQL is not installed and cannot be, it says so and exits 0: the
# tests then skip their PostgreSQL runs with a message.
set -euo pipefail

DIR=/tmp/instore-test-postgres
DATA="$DIR/data"
URL_FILE="$DIR/jdbc.url"

say() { echo "start-postgres: $*"; }

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && echo "$dir"
}

BIN="$(bin_dir || true)"
if [[ -z "$BIN" && $(id -u) -eq 0 ]]; then
  say "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; } || true
  BIN="$(bin_dir || true)"
fi
if [[ -z "$BIN" ]]; then
  say "PostgreSQL is not installed: the store hub's PostgreSQL test runs will be SKIPPED (SQLite runs only)"
  rm -f "$URL_FILE"
  exit 0
fi

as_owner() { # runs a PostgreSQL command as a user allowed to run it
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ -f "$URL_FILE" && -d "$DATA" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  exit 0
fi

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

PORT="$(free_port)"
rm -rf "$DIR"
mkdir -p "$DIR"
[[ $(id -u) -eq 0 ]] && chown postgres: "$DIR"
as_owner "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --no-sync >"$DIR/initdb.log" 2>&1 \
  || { say "initdb failed (see $DIR/initdb.log): PostgreSQL test runs will be SKIPPED"; exit 0; }
as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null \
  || { say "PostgreSQL did not start (see $DIR/server.log): PostgreSQL test runs will be SKIPPED"; exit 0; }
echo "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres" >"$URL_FILE"
chmod 644 "$URL_FILE"
say "throwaway PostgreSQL on 127.0.0.1:$PORT (data $DATA), URL in $URL_FILE"
