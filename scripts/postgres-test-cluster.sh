#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the PostgreSQL journal's tests: `start` installs PostgreSQL when it is missing
# (Debian's `postgresql` package), creates a cluster in a temporary folder owned by a dedicated user (PostgreSQL
# refuses to run as root), starts it on 127.0.0.1:$CHORUS_PG_PORT (54329) with database `chorus_test` and user
# `chorus` (trust authentication, loopback only), and prints the address; `stop` stops it and removes the folder.
set -euo pipefail
action=${1:?usage: postgres-test-cluster.sh start|stop}
port=${CHORUS_PG_PORT:-54329}
dir=${CHORUS_PG_DIR:-/tmp/chorus-test-postgres}
user=chorus-pg

sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }

case "$action" in
start)
    if [ -z "$(find_bin)" ]; then
        echo "installing: postgresql"
        $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(find_bin)
    if [ "$(id -u)" -eq 0 ] && ! id "$user" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    fi
    [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown "$user" "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U chorus --auth=trust -E UTF8 >"$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U chorus chorus_test
    echo "127.0.0.1:$port"
    ;;
stop)
    bin=$(find_bin)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
*) echo "usage: postgres-test-cluster.sh start|stop" >&2; exit 2 ;;
esac
