#!/usr/bin/env bash
# Runs one release (the current directory): `next start` on each port given, bound to localhost,
# each restarted a second after it exits or crashes. SIGTERM stops them all; Next finishes the
# requests it is answering first. Started and stopped by deploy/deploy.sh.
set -eu
next=node_modules/next/dist/bin/next

keep_running() { # port
  local port=$1 child='' status
  trap '[ -z "$child" ] || kill -TERM "$child" 2>/dev/null; wait; exit 0' TERM
  while :; do
    # -H localhost, not 127.0.0.1: Next then rewrites localized paths to themselves (a 307 loop).
    # localhost as 127.0.0.1, where nginx connects: Debian's /etc/hosts also names ::1 localhost.
    NODE_ENV=production NODE_OPTIONS="--dns-result-order=ipv4first ${NODE_OPTIONS:-}" \
      node "$next" start -H localhost -p "$port" &
    child=$!
    status=0
    wait "$child" || status=$?
    child=
    echo "run-release: next start on port $port exited with $status; starting it again" >&2
    sleep 1
  done
}

pids=()
for port in "$@"; do
  keep_running "$port" &
  pids+=($!)
done
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait; exit 0' TERM INT
wait
