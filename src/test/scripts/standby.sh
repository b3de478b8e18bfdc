#!/usr/bin/env bash
# Makes a hot standby of the local PostgreSQL cluster for the replica tests, and leaves it running.
#
# The primary is the server on 127.0.0.1:$TENON_PRIMARY_PORT (default 5432); the standby is a copy made by
# pg_basebackup -R with a physical replication slot, streaming from it, on 127.0.0.1:$TENON_STANDBY_PORT (default
# 55432). Locations come from the system: the binaries of the primary's major version, the data directory and its
# log in the postgres user's home (override with TENON_STANDBY_DIR).
#
# Idempotent: a standby already running and streaming is left alone; a stopped one is started; one that does not
# stream (broken, or its slot gone) is made again. Run as root (or as the postgres user); needs the primary up.
set -euo pipefail

readonly HOST=127.0.0.1
readonly PRIMARY_PORT=${TENON_PRIMARY_PORT:-5432}
readonly STANDBY_PORT=${TENON_STANDBY_PORT:-55432}
readonly SLOT=tenon_standby
readonly WAIT_SECONDS=30

say() {
    echo "standby: $*" >&2
}

fail() {
    say "$*"
    exit 1
}

# Runs a command as the postgres OS user, the owner of the clusters' files.
as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        "$@"
    elif [ "$(id -u)" = 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        fail "run as root or as the postgres user (the standby's files belong to postgres)"
    fi
}

primary_sql() {
    psql -X -h "$HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAc "$1"
}

standby_sql() {
    psql -X -h "$HOST" -p "$STANDBY_PORT" -U postgres -d postgres -tAc "$1" 2>/dev/null
}

# The binaries of the primary's major version: Debian keeps each version apart; elsewhere pg_config knows.
bin_dir() {
    local major=$1
    if [ -x "/usr/lib/postgresql/$major/bin/pg_ctl" ]; then
        echo "/usr/lib/postgresql/$major/bin"
    elif command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
        pg_config --bindir
    else
        fail "no pg_ctl for PostgreSQL $major (looked in /usr/lib/postgresql/$major/bin and pg_config --bindir)"
    fi
}

# Whether the standby answers, is in recovery and its WAL receiver streams from the primary.
streaming() {
    [ "$(standby_sql "SELECT pg_is_in_recovery() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming')")" = t ]
}

wait_streaming() {
    for _ in $(seq 1 "$1"); do
        streaming && return 0
        sleep 1
    done
    return 1
}

running() {
    [ -f "$DATA/postmaster.pid" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    say "starting the standby on $HOST:$STANDBY_PORT (log: $LOG)"
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t "$WAIT_SECONDS" start >/dev/null
}

stop() {
    if running; then
        as_postgres "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null || true
    fi
}

# The primary must accept replication connections from loopback: "all" in pg_hba's database column does not match them.
allow_replication() {
    local hba
    hba=$(primary_sql "SHOW hba_file")
    if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(postgres|all)[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
        say "allowing replication connections from $HOST in $hba"
        sed -i '1i host replication postgres 127.0.0.1/32 trust' "$hba"
        primary_sql "SELECT pg_reload_conf()" >/dev/null
    fi
}

# A new copy of the primary, with a fresh slot, configured to run beside it.
create() {
    say "making the standby in $DATA from the primary on $HOST:$PRIMARY_PORT"
    stop
    rm -rf "$DATA"
    if [ "$(primary_sql "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '$SLOT'")" = 1 ]; then
        primary_sql "SELECT pg_drop_replication_slot('$SLOT')" >/dev/null
    fi
    primary_sql "SELECT pg_create_physical_replication_slot('$SLOT', true)" >/dev/null
    as_postgres "$BIN/pg_basebackup" -h "$HOST" -p "$PRIMARY_PORT" -U postgres -D "$DATA" -R -S "$SLOT" -X stream -c fast
    # A hot standby needs these at least as large as on the primary; the rest keeps it small and on loopback only.
    local settings
    settings=$(primary_sql "SELECT string_agg(name || ' = ' || setting, E'\n') FROM pg_settings WHERE name IN
        ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')")
    as_postgres tee "$DATA/postgresql.conf" >/dev/null <<EOF
# The replica tests' hot standby, made by src/test/scripts/standby.sh.
port = $STANDBY_PORT
listen_addresses = '$HOST'
unix_socket_directories = ''
hot_standby = on
# A query that holds up replay is cancelled (SQLState 40001) after this, instead of the default 30 s.
max_standby_streaming_delay = 1s
$settings
EOF
    # Same authentication as the primary; Debian keeps these files outside the data directory.
    as_postgres cp "$(primary_sql "SHOW hba_file")" "$DATA/pg_hba.conf"
    as_postgres touch "$DATA/pg_ident.conf"
    start
}

pg_isready -q -h "$HOST" -p "$PRIMARY_PORT" || fail "no PostgreSQL primary on $HOST:$PRIMARY_PORT: start it first"
MAJOR=$(( $(primary_sql "SHOW server_version_num") / 10000 ))
BIN=$(bin_dir "$MAJOR")
HOME_DIR=$(getent passwd postgres | cut -d: -f6)
[ -n "$HOME_DIR" ] || fail "no postgres user on this machine"
DATA=${TENON_STANDBY_DIR:-$HOME_DIR/tenon_standby_$MAJOR}
LOG=$DATA.log

allow_replication
if [ "$(primary_sql "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '$SLOT'")" = 0 ]; then
    # The standby, if any, streamed from a slot that is gone: the WAL it needs may be too.
    primary_sql "SELECT pg_create_physical_replication_slot('$SLOT', true)" >/dev/null
    stop
    rm -rf "$DATA"
fi

if streaming; then
    say "already running and streaming on $HOST:$STANDBY_PORT"
    exit 0
fi
if [ -f "$DATA/standby.signal" ]; then
    stop
    if start && wait_streaming 10; then
        say "restarted; streaming on $HOST:$STANDBY_PORT"
        exit 0
    fi
    say "the existing standby does not stream; making it again"
fi
create
wait_streaming "$WAIT_SECONDS" || fail "the standby on $HOST:$STANDBY_PORT does not stream; see $LOG"
say "ready and streaming on $HOST:$STANDBY_PORT"
