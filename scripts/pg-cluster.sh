# Sourced by scripts/test and scripts/bench: pg_start and pg_stop for a throwaway PostgreSQL
# 15 cluster. A fresh directory under /tmp, run by the postgres user when this runs as root,
# listening on 127.0.0.1 only on a free high port (and a socket in its own directory), trust
# for loopback; a role that may create databases (each hub test case, each benchmark run makes
# its own). pg_start exports PEKON_PG_CLUSTER (postgresql://pekon_test@127.0.0.1:PORT, no
# database) and PEKON_TEST_POSTGRES (the same with the database pekon_test). The caller traps
# EXIT to pg_stop, so the cluster is stopped and removed however it ends.
pg_bin=/usr/lib/postgresql/15/bin
pg_dir=
pg_as=()
pg_run() { (cd "$pg_dir" && "${pg_as[@]}" "$@"); }
pg_stop() {
  [ -n "$pg_dir" ] || return 0
  local started
  started=$(date +%s%3N)
  pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  echo "postgres: PostgreSQL stopped and removed in $(($(date +%s%3N) - started)) ms"
  pg_dir=
}
pg_start() {
  local started port=
  started=$(date +%s%3N)
  pg_dir=$(mktemp -d /tmp/pekon-pg.XXXXXX)
  chmod 700 "$pg_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$pg_dir"
    pg_as=(runuser -u postgres --)
  fi
  pg_run "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$pg_dir/initdb.log" 2>&1 ||
    { cat "$pg_dir/initdb.log" >&2; echo "postgres: initdb failed" >&2; return 1; }
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    # Something answers there already: another port.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then port=; continue; fi
    if pg_run "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir" \
      start >/dev/null 2>&1; then break; fi
    grep -qi "could not bind\|already in use" "$pg_dir/server.log" 2>/dev/null ||
      { cat "$pg_dir/server.log" >&2; echo "postgres: PostgreSQL did not start" >&2; return 1; }
    port=  # taken between the check and the start: another port
  done
  [ -n "$port" ] || { echo "postgres: no free port for PostgreSQL" >&2; return 1; }
  for _ in $(seq 1 120); do
    "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres && break
    sleep 0.5
  done
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres ||
    { echo "postgres: PostgreSQL is not ready" >&2; return 1; }
  "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE pekon_test LOGIN CREATEDB" -c "CREATE DATABASE pekon_test OWNER pekon_test"
  export PEKON_PG_CLUSTER="postgresql://pekon_test@127.0.0.1:$port"
  export PEKON_TEST_POSTGRES="$PEKON_PG_CLUSTER/pekon_test"
  echo "postgres: PostgreSQL on 127.0.0.1:$port ($pg_dir), ready in $(($(date +%s%3N) - started)) ms"
}
