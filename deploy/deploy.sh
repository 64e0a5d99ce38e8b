#!/usr/bin/env bash
# Zero-downtime deploys of the Connective Cities partners behind deploy/nginx.conf.
#
#   deploy/deploy.sh [deploy]  build a release of CC_REF into a new directory, start it in the slot
#                              that is not live, wait for its health, fill that slot's cache
#                              (purged first), make the slot live, drain and stop the old release
#   deploy/deploy.sh rollback  the same without a build: back to the previous release
#   deploy/deploy.sh start     after a boot: start the live release again and warm its cache
#   deploy/deploy.sh stop      stop every release (the front goes on serving its cache)
#   deploy/deploy.sh status    the releases, which one is live, their processes and health
#
# Run it as the user nginx's workers run as (www-data on Debian): it empties a slot's cache and
# switches slots by creating or removing CC_ROOT/slot-b-is-live, which nginx reads on every
# request, so nginx is never reloaded or restarted. Settings come from the environment and from
# CC_ENV_FILE (SITE_URL, CMS_GITHUB_*, …; README.md), with the defaults below, which
# deploy/nginx.conf shares (tests/nginx-conf.test.ts keeps them equal). npm run test:faults runs
# this script as README.md ("Deploy") tells an operator to.
set -eu

CC_ENV_FILE=${CC_ENV_FILE:-/etc/cc-partners/env}
if [ -r "$CC_ENV_FILE" ]; then
  set -a
  . "$CC_ENV_FILE"
  set +a
fi
here=$(cd "$(dirname "$0")" && pwd)
CC_ROOT=${CC_ROOT:-/srv/cc-partners}
CC_SOURCE=${CC_SOURCE:-$(git -c safe.directory='*' -C "$here" rev-parse --show-toplevel 2>/dev/null || true)}
CC_REF=${CC_REF:-HEAD}
CC_PROCESSES=${CC_PROCESSES:-2}
CC_PORT_A=${CC_PORT_A:-3000}
CC_PORT_B=${CC_PORT_B:-3100}
CC_WARM_PORT=${CC_WARM_PORT:-8081}
CC_CACHE_DIR=${CC_CACHE_DIR:-/var/cache/nginx/cc-partners}
CC_DRAIN_SECONDS=${CC_DRAIN_SECONDS:-10}
CC_HEALTH_TIMEOUT=${CC_HEALTH_TIMEOUT:-90}
CC_KEEP_RELEASES=${CC_KEEP_RELEASES:-5}
flag="$CC_ROOT/slot-b-is-live"

log() { printf 'deploy: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
# The operator's checkout may belong to another user than the one deploying: trust it.
git() { command git -c safe.directory="$CC_SOURCE" "$@"; }

http_ok() { # url: whether it answers 2xx within 5 s
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}

live_slot() { if [ -e "$flag" ]; then echo b; else echo a; fi; }
other_slot() { if [ "$1" = a ]; then echo b; else echo a; fi; }
slot_ports() { # slot: its CC_PROCESSES ports, space-separated
  local base i
  if [ "$1" = a ]; then base=$CC_PORT_A; else base=$CC_PORT_B; fi
  for ((i = 0; i < CC_PROCESSES; i++)); do printf '%s ' $((base + i)); done
}
release_id() { basename "$1"; }
live_dir() { [ -e "$CC_ROOT/current" ] && readlink -f "$CC_ROOT/current" || true; }
# A pid file may outlive its process (a reboot, a SIGKILL): only a live supervisor counts.
running() {
  local pid
  pid=$(cat "$1/run/pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null &&
    grep -qs run-release.sh "/proc/$pid/cmdline"
}

start_release() { # dir slot
  local dir=$1 slot=$2 port deadline
  for port in $(slot_ports "$slot"); do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null ||
      die "port $port of slot $slot is in use: stop what listens there, or set CC_PORT_$slot"
  done
  mkdir -p "$dir/run"
  echo "$slot" >"$dir/run/slot"
  # Its own session and process group (pid = group id): it outlives this shell, stops as a whole.
  (
    cd "$dir"
    setsid deploy/run-release.sh $(slot_ports "$slot") >>run/next.log 2>&1 </dev/null 9>&- &
    echo $! >run/pid
  )
  deadline=$((SECONDS + CC_HEALTH_TIMEOUT))
  for port in $(slot_ports "$slot"); do
    until http_ok "http://127.0.0.1:$port/healthz"; do
      if [ "$SECONDS" -ge "$deadline" ] || ! running "$dir"; then
        stop_release "$dir"
        die "$(release_id "$dir") did not become healthy on port $port; see $dir/run/next.log"
      fi
      sleep 0.5
    done
  done
  log "$(release_id "$dir") is healthy in slot $slot (ports $(slot_ports "$slot"))"
}

stop_release() { # dir: SIGTERM lets Next finish what it is answering
  local dir=$1 pid i
  running "$dir" || return 0
  pid=$(cat "$dir/run/pid")
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$dir/run/pid"
  log "stopped $(release_id "$dir")"
}

warm() { # dir: fill the cache of the slot that is not live, through the warm-up port
  log "warming the front's cache with $(release_id "$1")"
  (cd "$1" && node deploy/warm-front.mjs "http://127.0.0.1:$CC_WARM_PORT" >&2)
}

# Pages cached in browsers and CDNs (for up to a day) from the live and the previous release name
# their hashed files: keep them. Only the files each built itself (listed at its build), not those
# it kept from others: a release carries its own and two others', however many deploys went before.
keep_assets() { # from-dir to-dir
  [ -d "$1/.next/static" ] || return 0
  if [ -r "$1/.next/own-assets" ]; then
    (cd "$1/.next/static" && xargs -r -d '\n' cp -n --parents -t "$2/.next/static/" <../own-assets) 2>/dev/null || true
  else
    cp -rn "$1/.next/static/." "$2/.next/static/" 2>/dev/null || true
  fi
}

# Start `target` in the slot that is not live, fill that slot's cache, make it live, drain and
# stop the release that was live (none when `target` is the live release, started again).
activate() { # target-dir
  local target=$1 live slot purged previous
  live=$(live_dir)
  slot=$(other_slot "$(live_slot)")
  previous=$(readlink -f "$CC_ROOT/previous" 2>/dev/null || true)
  if [ -n "$previous" ] && [ "$previous" != "$target" ]; then keep_assets "$previous" "$target"; fi
  if [ "$live" = "$target" ]; then live=; elif [ -n "$live" ]; then keep_assets "$live" "$target"; fi
  stop_release "$target"
  # The slot's copies are of the release before last: nginx sees them gone within a second.
  if [ -d "$CC_CACHE_DIR/$slot" ]; then find "$CC_CACHE_DIR/$slot" -mindepth 1 -delete; fi
  purged=$SECONDS
  log "starting $(release_id "$target") in slot $slot${live:+ beside $(release_id "$live")}"
  start_release "$target" "$slot"
  [ $((SECONDS - purged)) -ge 2 ] || sleep 2
  if ! warm "$target"; then
    stop_release "$target"
    die "warming failed; ${live:+$(release_id "$live") stays live}"
  fi
  if [ "$slot" = b ]; then : >"$flag"; else rm -f "$flag"; fi
  ln -sfn "$target" "$CC_ROOT/current"
  log "$(release_id "$target") is live in slot $slot"
  if [ -n "$live" ]; then
    ln -sfn "$live" "$CC_ROOT/previous"
    sleep "$CC_DRAIN_SECONDS"
    stop_release "$live"
  fi
}

build() { # prints the new release's directory
  local sha id dir candidate
  sha=$(git -C "$CC_SOURCE" rev-parse --verify --quiet "$CC_REF^{commit}" ||
    git ls-remote "$CC_SOURCE" "$CC_REF" | cut -f1 | head -n 1)
  [ -n "$sha" ] || die "$CC_REF not found in $CC_SOURCE"
  id="$(date -u +%Y%m%dT%H%M%SZ)-${sha:0:7}"
  dir="$CC_ROOT/releases/$id"
  log "building $id from $CC_SOURCE"
  mkdir -p "$CC_ROOT/releases"
  git clone --quiet --no-checkout "$CC_SOURCE" "$dir"
  git -C "$dir" checkout --quiet --detach "$sha"
  # Same lock file as the live release (or the source checkout): link its installed packages.
  for candidate in "$(live_dir)" "$CC_SOURCE"; do
    if [ -d "$candidate/node_modules" ] && cmp -s "$candidate/package-lock.json" "$dir/package-lock.json"; then
      cp -al "$candidate/node_modules" "$dir/node_modules" 2>/dev/null ||
        { rm -rf "$dir/node_modules"; cp -a "$candidate/node_modules" "$dir/node_modules"; }
      break
    fi
  done
  [ -d "$dir/node_modules" ] || (cd "$dir" && npm ci --no-audit --no-fund >&2)
  (cd "$dir" && NEXT_TELEMETRY_DISABLED=1 npm run build >&2) || die "the build of $id failed"
  (cd "$dir/.next/static" && find . -type f) >"$dir/.next/own-assets"
  echo "$dir"
}

prune() { # keep the newest CC_KEEP_RELEASES, and always the live and the previous one
  local current previous dir kept=0
  current=$(live_dir)
  previous=$(readlink -f "$CC_ROOT/previous" 2>/dev/null || true)
  for dir in $(ls -1d "$CC_ROOT"/releases/*/ 2>/dev/null | sort -r); do
    dir=${dir%/}
    kept=$((kept + 1))
    if [ "$kept" -gt "$CC_KEEP_RELEASES" ] && [ "$dir" != "$current" ] && [ "$dir" != "$previous" ]; then
      running "$dir" || rm -rf "$dir"
    fi
  done
}

command=${1:-deploy}
if [ "$command" != status ]; then
  [ -n "$CC_SOURCE" ] || [ "$command" != deploy ] || die "set CC_SOURCE to the repository (URL or directory)"
  mkdir -p "$CC_ROOT"
  # One at a time: a deploy, a rollback and a timer's `start` must not run into each other.
  exec 9>>"$CC_ROOT/.deploy.lock"
  flock -n 9 || die "another deploy/deploy.sh is at work in $CC_ROOT"
fi

case "$command" in
  deploy)
    [ -n "${SITE_URL:-}" ] || die "SITE_URL is not set: the public address, e.g. https://partners.example.org"
    target=$(build)
    activate "$target"
    prune
    ;;
  rollback)
    previous=$(readlink -f "$CC_ROOT/previous" 2>/dev/null || true)
    [ -n "$previous" ] && [ -d "$previous" ] || die "there is no previous release"
    activate "$previous"
    ;;
  start)
    live=$(live_dir)
    [ -n "$live" ] || die "no release yet: run deploy/deploy.sh first"
    if running "$live"; then log "$(release_id "$live") is running"; else activate "$live"; fi
    ;;
  stop)
    for dir in "$CC_ROOT"/releases/*/; do stop_release "${dir%/}"; done
    ;;
  status)
    live=$(live_dir)
    for dir in "$CC_ROOT"/releases/*/; do
      dir=${dir%/}
      state=stopped
      if running "$dir"; then
        state="running in slot $(cat "$dir/run/slot"):"
        for port in $(slot_ports "$(cat "$dir/run/slot")"); do
          if http_ok "http://127.0.0.1:$port/healthz"; then state+=" $port ok"; else state+=" $port DOWN"; fi
        done
      fi
      printf '%s %s %s\n' "$([ "$dir" = "$live" ] && echo '*' || echo ' ')" "$(release_id "$dir")" "$state"
    done
    ;;
  *)
    die "unknown command $command (deploy, rollback, start, stop, status)"
    ;;
esac
