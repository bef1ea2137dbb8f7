#!/usr/bin/env bash
# Run the nightly sync under Prefect on this machine: a local Prefect server (started in the
# background unless one already answers), the `process` work pool, the deployment from
# prefect.yaml, and a worker in the background.
#
#   scripts/deploy.sh          start (again: starts only what is not running, redeploys)
#   scripts/deploy.sh server   only the server (for `discogs-sync serve`, which needs no worker)
#   scripts/deploy.sh stop     stop the worker and the server this script started
#
# Settings (environment): DISCOGS_SYNC_PREFECT_PORT (4200), DISCOGS_SYNC_TIMEZONE (UTC),
# DISCOGS_SYNC_STATE_DIR (data/.prefect: pid files and logs), PREFECT_HOME (~/.prefect: the
# server's database and the result cache).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${DISCOGS_SYNC_BIN:-$ROOT/.venv/bin}
STATE=${DISCOGS_SYNC_STATE_DIR:-$ROOT/data/.prefect}
PORT=${DISCOGS_SYNC_PREFECT_PORT:-4200}
POOL=discogs-sync-pool
DEPLOYMENT=discogs-sync/nightly
UI_URL="http://127.0.0.1:$PORT"
# This machine's server, whatever the active Prefect profile points at.
export PREFECT_API_URL="$UI_URL/api"
export PREFECT_SERVER_ANALYTICS_ENABLED=${PREFECT_SERVER_ANALYTICS_ENABLED:-false}
# Read by prefect.yaml when deploying.
export DISCOGS_SYNC_TIMEZONE=${DISCOGS_SYNC_TIMEZONE:-UTC}

# Job control: each background process leads its own process group, so it can be stopped as a
# group, and it keeps SIGINT (a non-interactive shell makes `cmd &` ignore SIGINT, and Prefect's
# worker turns SIGTERM into SIGINT, which is why a worker started with a bare `&` never stops).
set -m

running() {  # running NAME: the pid file names a live Prefect process
    local pid
    pid=$(cat "$STATE/$1.pid" 2>/dev/null) || return 1
    ps -o args= -p "$pid" 2>/dev/null | grep -q prefect
}

answers() {  # the server answers its health check
    "$BIN/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
        "$PREFECT_API_URL/health" 2>/dev/null
}

stop_one() {  # stop_one NAME: SIGINT to its process group, SIGKILL after 20 s
    local name=$1 pid
    if ! running "$name"; then
        rm -f "$STATE/$name.pid"
        return 0
    fi
    pid=$(cat "$STATE/$name.pid")
    kill -INT -- "-$pid" 2>/dev/null || kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 80); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$STATE/$name.pid"
    echo "Stopped the Prefect $name (pid $pid)."
}

start() {  # start NAME COMMAND...: in the background, logging to $STATE/NAME.log
    local name=$1
    shift
    nohup "$@" </dev/null >>"$STATE/$name.log" 2>&1 &
    echo $! >"$STATE/$name.pid"
}

if [[ ${1:-} == stop ]]; then
    stop_one worker
    stop_one server
    exit 0
fi

if [[ ! -x $BIN/prefect ]]; then
    echo "No $BIN/prefect: run 'make deploy' (it installs the project first)." >&2
    exit 1
fi
mkdir -p "$STATE"
cd "$ROOT"

if answers; then
    echo "A Prefect server answers at $UI_URL: using it."
else
    echo "Starting a Prefect server at $UI_URL (log: $STATE/server.log)..."
    start server "$BIN/prefect" server start --host 127.0.0.1 --port "$PORT"
    for _ in $(seq 1 240); do
        answers && break
        if ! running server; then
            tail -n 30 "$STATE/server.log" >&2
            echo "The Prefect server did not start (log above)." >&2
            exit 1
        fi
        sleep 0.5
    done
    answers || { echo "The Prefect server did not answer within 2 minutes." >&2; exit 1; }
fi

if [[ ${1:-} == server ]]; then
    cat <<EOF

A Prefect server runs at $UI_URL. Serve the nightly sync from this folder with:
  PREFECT_API_URL=$PREFECT_API_URL $BIN/discogs-sync serve
Stop the server: scripts/deploy.sh stop
EOF
    exit 0
fi

if ! "$BIN/prefect" work-pool inspect "$POOL" >/dev/null 2>&1; then
    "$BIN/prefect" work-pool create "$POOL" --type process >/dev/null
    echo "Created the work pool $POOL (type process)."
fi

echo "Deploying $DEPLOYMENT from prefect.yaml (03:00 $DISCOGS_SYNC_TIMEZONE)..."
"$BIN/prefect" --no-prompt deploy --all >"$STATE/deploy.log" 2>&1 || {
    cat "$STATE/deploy.log" >&2
    exit 1
}

if running worker; then
    echo "The worker is already running (pid $(cat "$STATE/worker.pid"))."
else
    : >"$STATE/worker.log"
    start worker "$BIN/prefect" worker start --pool "$POOL"
    for _ in $(seq 1 120); do
        grep -q "started" "$STATE/worker.log" && break
        if ! running worker; then
            cat "$STATE/worker.log" >&2
            echo "The worker did not start (log above)." >&2
            exit 1
        fi
        sleep 0.25
    done
    echo "Started a worker for the pool $POOL (log: $STATE/worker.log)."
fi

cat <<EOF

The nightly sync is deployed: $DEPLOYMENT, every day at 03:00 $DISCOGS_SYNC_TIMEZONE.
  Prefect UI:   $UI_URL/deployments  (discogs-sync > nightly > Run > Quick run / Custom run)
  Run it now:   PREFECT_API_URL=$PREFECT_API_URL $BIN/prefect deployment run $DEPLOYMENT
  Logs:         $STATE/server.log, $STATE/worker.log
  Stop:         scripts/deploy.sh stop
EOF
