#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 on 127.0.0.1 for tests and benchmarks.
#   .ci/postgres.sh start DIR [PORT]   prints the connection string on the last line
#   .ci/postgres.sh stop DIR           stops the server and deletes DIR
#   .ci/postgres.sh halt DIR           stops the server and keeps its data (fault tests)
#   .ci/postgres.sh resume DIR [PORT]  starts a halted server again
# fsync stays on unless PULSE_PG_FSYNC=off: benchmarks that claim durability must keep it.
set -euo pipefail
cmd=${1:?start or stop}; dir=${2:?directory}; port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL is not installed: run 'apt-get install -y postgresql'" >&2
  exit 1
fi
launch() {
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=${PULSE_PG_FSYNC:-on} -c max_connections=200" start >/dev/null
}
halt() {
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}
case "$cmd" in
  start)
    mkdir -p "$dir/data" "$dir/sock"
    chown -R postgres:postgres "$dir"; chmod 700 "$dir/data"
    runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    launch
    runuser -u postgres -- "$bin/psql" -q -h "$dir/sock" -p "$port" -U postgres \
      -c "CREATE ROLE pulse LOGIN PASSWORD 'pulse' CREATEDB" -c "CREATE DATABASE pulse OWNER pulse"
    echo "Host=127.0.0.1;Port=$port;Database=pulse;Username=pulse;Password=pulse"
    ;;
  halt) halt ;;
  resume) launch ;;
  stop)
    halt || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop|halt|resume DIR [PORT]" >&2; exit 2 ;;
esac
