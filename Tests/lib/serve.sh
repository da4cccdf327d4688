# Sourced by the runners of client and browser tests.
# start_serve BINARY LOG [ARGS...]: starts `BINARY serve --port 0 ARGS...` in the background with its stderr in
# LOG and sets SERVE_PID, then SERVE_PORT once it says where it listens (up to 20 s); if it dies or never says,
# prints its log and exits 1.
start_serve() {
    local binary="$1" log="$2"
    shift 2
    "$binary" serve --port 0 "$@" 2>"$log" &
    SERVE_PID=$!
    SERVE_PORT=""
    for _ in $(seq 200); do
        SERVE_PORT=$(sed -n 's|^stepwise: listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$log")
        [[ -n "$SERVE_PORT" ]] && return 0
        kill -0 "$SERVE_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    echo "stepwise serve did not report its port" >&2
    cat "$log" >&2
    exit 1
}
