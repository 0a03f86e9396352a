# shellcheck shell=bash
# Shared by .ci/run and bench/run (sourced, not executed): system packages, Debian's PostgreSQL
# server, a database for the application, JDK 25, free ports and the wait for health.
# Every function prints what it does; failures go through `fail`, which the caller defines
# (it prints the logs it knows about and exits non-zero).

# --- the JVM ---------------------------------------------------------------------------------

# G1's marking started at a fixed old-generation occupancy, as in production (docs/operations.md, the unit file):
# with its adaptive threshold, on a 512 MiB heap whose young generation takes 300 MiB, G1 ran a concurrent marking
# cycle every 2.5 s under load (each 240 ms of a core, and a 13 ms remark pause) though the old generation held a
# steady 110 MiB (bench/README.md, "Eighth round"). Every bench and the two-node set-up start the application with these.
# shellcheck disable=SC2034 # used by the scripts that source this file
G1_FLAGS=(-XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=60)

# --- output -------------------------------------------------------------------------------

section() {
    printf '\n=== %s === (%s, +%ss)\n' "$*" "$(date '+%H:%M:%S')" "$SECONDS"
}

info() {
    printf '  %s\n' "$*"
}

# --- system packages ----------------------------------------------------------------------

# apt_install_missing "command-or-path:package" ... installs the packages whose command (or file
# glob, when it starts with /) is missing, with one apt-get update, non-interactively.
apt_install_missing() {
    local spec probe package missing=()
    for spec in "$@"; do
        probe=${spec%%:*}
        package=${spec#*:}
        if [[ $probe == /* ]]; then
            compgen -G "$probe" >/dev/null && continue
        else
            command -v "$probe" >/dev/null 2>&1 && continue
        fi
        missing+=("$package")
    done
    if ((${#missing[@]} == 0)); then
        local names=("${@#*:}")
        info "already installed: ${names[*]}"
        return 0
    fi
    info "installing with apt-get: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then
        fail "installing ${missing[*]} needs root"
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || fail "apt-get update failed"
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || fail "apt-get install ${missing[*]} failed"
}

# --- Debian's PostgreSQL server ----------------------------------------------------------------

PG_VERSION=
PG_CLUSTER=
PG_PORT=
PG_LOG=
PG_STARTED_BY_US=false

# Makes one Debian PostgreSQL cluster run: uses the running one, starts a stopped one, or
# creates one when there is none. Sets PG_VERSION, PG_CLUSTER, PG_PORT, PG_LOG, PG_STARTED_BY_US.
pg_ensure_running() {
    command -v pg_lsclusters >/dev/null || fail "pg_lsclusters not found: is the postgresql package installed?"
    local version cluster port status _owner _datadir logfile chosen=
    # Prefer a cluster that is already online; otherwise the newest one.
    while read -r version cluster port status _owner _datadir logfile; do
        [[ -z $version ]] && continue
        if [[ $status == online* ]]; then
            chosen="$version $cluster $port $status $logfile"
            break
        fi
        chosen="$version $cluster $port $status $logfile"
    done < <(pg_lsclusters -h 2>/dev/null | sort -V)

    if [[ -z $chosen ]]; then
        version=$(find /usr/lib/postgresql/ -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -V | tail -n 1)
        [[ -n $version ]] || fail "no PostgreSQL server binaries under /usr/lib/postgresql"
        info "no PostgreSQL cluster exists: creating $version/main"
        pg_createcluster --locale C.UTF-8 "$version" main >/dev/null || fail "pg_createcluster $version main failed"
        read -r version cluster port status _owner _datadir logfile < <(pg_lsclusters -h "$version" main)
        chosen="$version $cluster $port $status $logfile"
    fi
    read -r PG_VERSION PG_CLUSTER PG_PORT status PG_LOG <<<"$chosen"

    if [[ $status == online* ]]; then
        info "PostgreSQL $PG_VERSION/$PG_CLUSTER already running on port $PG_PORT (left running at exit)"
    else
        info "starting PostgreSQL $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
        if ! pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start; then
            [[ -f $PG_LOG ]] && tail -n 40 "$PG_LOG"
            fail "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed"
        fi
        PG_STARTED_BY_US=true
    fi
    for _ in $(seq 1 60); do
        pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && return 0
        sleep 0.5
    done
    [[ -f $PG_LOG ]] && tail -n 40 "$PG_LOG"
    fail "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT within 30 s"
}

# Stops the cluster only when pg_ensure_running started it, and nobody else is connected: on a shared machine a
# bench or check started at the same time may have found it running and still be using it.
pg_stop_if_started() {
    if [[ $PG_STARTED_BY_US == true ]]; then
        local others
        others=$(pg_admin_psql -Atc "select count(*) from pg_stat_activity
            where backend_type = 'client backend' and pid <> pg_backend_pid()" 2>/dev/null) || others=0
        if [[ ${others:-0} != 0 ]]; then
            echo "  leaving PostgreSQL $PG_VERSION/$PG_CLUSTER running: $others other connection(s) use it"
        else
            echo "  stopping PostgreSQL $PG_VERSION/$PG_CLUSTER (started by this script)"
            pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast || true
        fi
        PG_STARTED_BY_US=false
    fi
}

# psql as the postgres superuser over the local socket; extra arguments are passed on.
pg_admin_psql() {
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
}

# pg_recreate_database DB ROLE PASSWORD: (re)creates the login role with that password and a
# fresh, empty UTF-8 database it owns (an existing database of that name is dropped).
pg_recreate_database() {
    local db=$1 role=$2 password=$3
    pg_admin_psql -d postgres -v db="$db" -v role="$role" -v pw="$password" <<'SQL' || fail "creating database $db failed"
SET client_min_messages = warning;
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER PASSWORD :'pw';
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
CREATE DATABASE :"db" OWNER :"role" ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;
SQL
    info "database $db owned by role $role (password set) on 127.0.0.1:$PG_PORT"
}

random_password() {
    od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# --- Java, ports, health --------------------------------------------------------------------------

# Prints the path of a java binary of version 25 or later (KOORDES_JAVA, JAVA_HOME, /usr/lib/jvm).
find_java25() {
    local candidate major
    for candidate in "${KOORDES_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" \
        /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*/bin/java; do
        [[ -n $candidate && -x $candidate ]] || continue
        major=$("$candidate" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
        if [[ $major =~ ^[0-9]+$ ]] && ((major >= 25)); then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port FROM: the first port from FROM on that nothing listens on.
free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        port_in_use "$port" || { echo "$port"; return 0; }
    done
    return 1
}

# jvm_jit_ticks PID: "whole process, its JIT compiler threads" CPU (user + system, clock ticks) of a HotSpot JVM. The
# benches warm up until the compiler's share is small: on 2 cores C2 reaches a method called once per request only
# after thousands of requests.
jvm_jit_ticks() {
    local pid=$1 jit=0 t comm
    for t in /proc/"$pid"/task/*; do
        read -r comm <"$t/comm" 2>/dev/null || continue
        [[ $comm == C[12]\ CompilerThre* ]] && jit=$((jit + $(stat_ticks "$t/stat")))
    done
    echo "$(stat_ticks "/proc/$pid/stat") $jit"
}

# stat_ticks FILE: user + system clock ticks from a /proc stat file (0 when it is gone).
stat_ticks() {
    awk '{ sub(/.*\) /, ""); split($0, f, " "); print f[12] + f[13] }' "$1" 2>/dev/null || echo 0
}

# jit_share JVM0 JIT0 JVM1 JIT1: the compiler's share, in whole per cent, of the JVM's CPU between two jvm_jit_ticks.
jit_share() {
    echo $((($4 - $2) * 100 / ($3 - $1 > 0 ? $3 - $1 : 1)))
}

# wait_for_idle [PERCENT] [SECONDS]: waits until the machine's processors were at least PERCENT (90) idle over a second,
# for at most SECONDS (30); prints the idle share it ended with. A bench measures after it, so that work left over from
# its warm-up (the JIT compiling what the warm-up made hot, mail, a collection) is not counted in the measured part.
wait_for_idle() {
    local want=${1:-90} limit=${2:-30} start=$SECONDS idle=0 a b
    while :; do
        read -r -a a < <(head -n 1 /proc/stat)
        sleep 1
        read -r -a b < <(head -n 1 /proc/stat)
        local total=0 i
        for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
        idle=$(((b[4] + b[5] - a[4] - a[5]) * 100 / (total > 0 ? total : 1)))
        ((idle >= want || SECONDS - start >= limit)) && break
    done
    echo "$idle"
}

now_ms() {
    echo $(($(date +%s%N) / 1000000))
}

# wait_for_health URL PID TIMEOUT_SECONDS: polls every 100 ms until the health endpoint answers
# UP; fails early when the process PID has died.
wait_for_health() {
    local url=$1 pid=$2 timeout=$3 deadline
    deadline=$(($(now_ms) + timeout * 1000))
    while (($(now_ms) < deadline)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            fail "the application (pid $pid) exited before it became healthy"
        fi
        if curl -fsS --max-time 2 "$url" 2>/dev/null | grep -q '"status":"UP"'; then
            return 0
        fi
        sleep 0.1
    done
    fail "$url was not UP within $timeout s"
}

# stop_process PID NAME: SIGTERM, then SIGKILL after 30 s (for clean-up traps).
stop_process() {
    local pid=$1 name=$2
    kill -0 "$pid" 2>/dev/null || return 0
    echo "  stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    echo "  $name did not stop in 30 s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
}
