# Functions the load benchmarks share (sourced after .ci/common.sh): wrk's figures, CPU time of processes,
# PostgreSQL's own CPU time, and the machine-readable RESULT line that bench/run collects.
# shellcheck shell=bash

CLK_TCK=$(getconf CLK_TCK)

# to_ms VALUE: wrk's latency (850.00us, 1.23ms, 1.02s, 2.00m) in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.2f", n }'
}

# cpu_ticks PID...: user + system CPU time the processes have used so far, in clock ticks (a process that has
# gone counts nothing).
cpu_ticks() {
    local pid total=0 ticks
    for pid in "$@"; do
        [[ -r /proc/$pid/stat ]] || continue
        # Fields after "pid (comm) ": state is 1, utime 12, stime 13.
        ticks=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13}') || ticks=0
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}

# postgres_pids: the running Debian cluster's postmaster and every process it started (backends, WAL writer,
# checkpointer): their CPU is the database's share of a request. Needs PG_VERSION and PG_CLUSTER
# (pg_ensure_running); prints nothing when they are unknown.
postgres_pids() {
    local pidfile=/var/run/postgresql/${PG_VERSION:-x}-${PG_CLUSTER:-x}.pid postmaster
    [[ -r $pidfile ]] || return 0
    postmaster=$(head -n 1 "$pidfile")
    echo "$postmaster"
    pgrep -P "$postmaster" || true
}

# ticks_by_pid PID...: "PID TICKS" per running process.
ticks_by_pid() {
    local pid
    for pid in "$@"; do
        printf '%s %s\n' "$pid" "$(cpu_ticks "$pid")"
    done
}

# ticks_since BEFORE_FILE: the CPU ticks PostgreSQL's processes used since BEFORE_FILE (ticks_by_pid output) was
# written: a process started since counts whole, one that ended since is lost (rare: the pool keeps its connections).
ticks_since() {
    local -a now
    mapfile -t now < <(postgres_pids)
    ticks_by_pid "${now[@]}" | awk 'NR == FNR {before[$1] = $2; next} {total += $2 - ($1 in before ? before[$1] : 0)}
        END {print total + 0}' "$1" -
}

# per_request TICKS REQUESTS: milliseconds of CPU per request.
per_request() {
    awk -v t="$1" -v hz="$CLK_TCK" -v n="$2" 'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / hz / n : 0)}'
}

# wrk_measure NAME URL HEADER... -- PID...: a warm-up of BENCH_WARMUP seconds, then BENCH_DURATION seconds
# measured with BENCH_CONNECTIONS connections and BENCH_THREADS threads, gzip accepted. Sets RPS, P50, P99 (ms),
# REQUESTS, CPU (ms of CPU per request of the processes PID...) and PG_CPU (the same for PostgreSQL's processes,
# "-" when unknown); the wrk output is kept in $WORK. Fails on an answer that is not 2xx or 3xx.
wrk_measure() {
    local name=$1 url=$2 out file before after pg_used non2xx
    shift 2
    local -a headers=(-H 'Accept-Encoding: gzip') pids pg
    local pg_file=$WORK/postgres-ticks
    while (($# > 0)) && [[ $1 != -- ]]; do
        headers+=(-H "$1")
        shift
    done
    [[ ${1:-} == -- ]] && shift
    pids=("$@")
    mapfile -t pg < <(postgres_pids)
    file="$WORK/wrk-$(tr -c 'a-zA-Z0-9\n' '_' <<<"$name").txt"
    wrk -t"${BENCH_THREADS:-2}" -c"${BENCH_CONNECTIONS:-64}" -d"${BENCH_WARMUP:-5}s" --timeout 10s "${headers[@]}" "$url" \
        >/dev/null || fail "wrk warm-up on $url failed"
    before=$(cpu_ticks "${pids[@]}")
    ticks_by_pid "${pg[@]}" >"$pg_file"
    out=$(wrk -t"${BENCH_THREADS:-2}" -c"${BENCH_CONNECTIONS:-64}" -d"${BENCH_DURATION:-15}s" --timeout 10s --latency \
        "${headers[@]}" "$url") || fail "wrk on $url failed"
    after=$(cpu_ticks "${pids[@]}")
    pg_used=$(ticks_since "$pg_file")
    echo "$out" >"$file"
    RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$out")
    P50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
    P99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
    REQUESTS=$(awk '/requests in/ {print $1}' <<<"$out")
    CPU=$(per_request $((after - before)) "$REQUESTS")
    PG_CPU=-
    ((${#pg[@]} > 0)) && PG_CPU=$(per_request "$pg_used" "$REQUESTS")
    non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" || true)
    info "$name: $RPS req/s, p50 $P50 ms, p99 $P99 ms, CPU per request $CPU ms (PostgreSQL $PG_CPU ms), $REQUESTS requests"
    [[ -z $non2xx ]] || fail "$url answered errors under load: $non2xx"
}

# result LABEL EXTRA: the RESULT line of the last wrk_measure, for bench/run's summary.
result() {
    printf 'RESULT|%s|%s|%s|%s|%s|%s|%s\n' "$1" "$RPS" "$P50" "$P99" "$CPU" "$PG_CPU" "${2:-}"
}
