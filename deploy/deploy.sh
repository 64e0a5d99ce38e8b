#!/usr/bin/env bash
# Zero-downtime deploys of the Connective Cities partners behind deploy/nginx.conf.
#
#   deploy/deploy.sh [deploy]  deploy CC_REF of CC_SOURCE: fetch that commit into a new release
#                              directory, install, content check, go-live check, build, start it
#                              in the slot that is not live, wait for its health, fill that slot's
#                              cache (purged first), make the slot live, drain and stop the old one
#   deploy/deploy.sh auto      the same for a new commit of exactly refs/heads/$CC_BRANCH; nothing
#                              when it is live or was tried already (the timer runs this)
#   deploy/deploy.sh rollback  back to the previous release, without a build
#   deploy/deploy.sh start     after a boot: start the live release again and warm its cache
#   deploy/deploy.sh stop      stop every release (the front goes on serving its cache)
#   deploy/deploy.sh status    the releases, which one is live, the last attempt and the last check
#
# Run it as the user nginx's workers run as (www-data on Debian): it empties a slot's cache and
# switches slots by creating or removing CC_ROOT/slot-b-is-live, which nginx reads on every
# request, so nginx is never reloaded or restarted. Settings come from the environment and from
# CC_ENV_FILE, read as KEY=value lines (README.md, "Deploy"), with the defaults below, which
# deploy/nginx.conf shares (tests/nginx-conf.test.ts keeps them equal). Every run but status and
# stop first repairs what an interrupted run left behind. Unattended means refusing: a commit
# that fails a step is not deployed, the live release stays, the attempt is recorded for status
# and CC_ALERT_COMMAND is told. tests/deploy-script.test.ts runs its checks; npm run test:faults
# runs it as README.md tells an operator to, and kills it at every step.
set -eu -o pipefail
shopt -s inherit_errexit

log() { printf 'deploy: %s\n' "$*" >&2; }
die() {
  last_error=$*
  log "error: $*"
  # The step's output ends with the reason, for status and the alert.
  if [ -n "${step_out:-}" ] && [ -n "${in_attempt:-}" ]; then
    printf 'error: %s\n' "$*" >>"$step_out" || true
  fi
  exit 1
}

CC_ENV_FILE=${CC_ENV_FILE-/etc/cc-partners/env}
release_env=() # KEY=value lines of CC_ENV_FILE: the running release's environment

# Values only, never code: nothing in the file is run, expanded or handed to npm and the build
# unless named below; the environment wins over the file, as for every setting.
load_settings() {
  local file=$CC_ENV_FILE line n=0 key value mode owner fix
  [ -n "$file" ] || return 0
  fix="install -m 0640 -o root -g $(id -gn) <your file> $file"
  [ -e "$file" ] || die "$file (CC_ENV_FILE) does not exist: create it as README.md (\"Deploy\") says, or set CC_ENV_FILE= for none"
  if [ ! -f "$file" ] || [ ! -r "$file" ]; then die "$file (CC_ENV_FILE) is not a file that $(id -un) can read: $fix"; fi
  mode=$(stat -L -c %a "$file")
  owner=$(stat -L -c %u "$file")
  if ((8#$mode & 8#022)); then die "$file (CC_ENV_FILE) is writable by others than its owner (mode $mode): $fix"; fi
  if ((8#$mode & 8#004)); then die "$file (CC_ENV_FILE) is readable by everyone and holds the editor's client secret (mode $mode): $fix"; fi
  if [ "$owner" != 0 ] && [ "$owner" != "$(id -u)" ]; then die "$file (CC_ENV_FILE) belongs to user $owner, not root: $fix"; fi
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#.*)?$ ]] && continue
    [[ $line =~ ^([A-Z][A-Z0-9_]*)=(.*)$ ]] ||
      die "$file:$n (CC_ENV_FILE) is not a KEY=value line (KEY of A-Z, 0-9 and _; nothing is run or expanded)"
    key=${BASH_REMATCH[1]} value=${BASH_REMATCH[2]}
    case $key in BASH_* | ENV | SHELLOPTS | BASHOPTS | LD_*)
      die "$file:$n (CC_ENV_FILE) sets $key, which would run code: remove it" ;;
    esac
    if [[ $value =~ ^\"(.*)\"$ ]] || [[ $value =~ ^\'(.*)\'$ ]]; then value=${BASH_REMATCH[1]}; fi
    [ -z "${!key+set}" ] || continue
    case $key in CC_* | SITE_* | CMS_*) printf -v "$key" '%s' "$value" ;; esac
    release_env+=("$key=$value")
  done <"$file"
}
load_settings

# The release's own directory, not the `current` link, which a deploy moves while it runs.
here=$(cd "$(dirname "$0")" && pwd -P)
CC_ROOT=${CC_ROOT:-/srv/cc-partners}
CC_SOURCE=${CC_SOURCE:-$(git -c safe.directory='*' -C "$here" rev-parse --show-toplevel 2>/dev/null || true)}
CC_REF=${CC_REF:-HEAD}
CC_BRANCH=${CC_BRANCH:-main}
CC_PROCESSES=${CC_PROCESSES:-2}
CC_PORT_A=${CC_PORT_A:-3000}
CC_PORT_B=${CC_PORT_B:-3100}
CC_WARM_PORT=${CC_WARM_PORT:-8081}
CC_CACHE_DIR=${CC_CACHE_DIR:-/var/cache/nginx/cc-partners}
CC_DRAIN_SECONDS=${CC_DRAIN_SECONDS:-10}
CC_HEALTH_TIMEOUT=${CC_HEALTH_TIMEOUT:-90}
CC_KEEP_RELEASES=${CC_KEEP_RELEASES:-5}
CC_MAX_TRIES=${CC_MAX_TRIES:-3}
CC_ALERT_COMMAND=${CC_ALERT_COMMAND:-}
CC_STAGING=${CC_STAGING:-0}
flag="$CC_ROOT/slot-b-is-live"
step_out="$CC_ROOT/last-attempt.log"
[ "$CC_STAGING" = 0 ] || [ "$CC_STAGING" = 1 ] ||
  die "CC_STAGING is \"$CC_STAGING\": 1 for a staging or test system (placeholders allowed, noindex), else 0"
# Numbers only: bash evaluates a setting used in arithmetic as an expression, which may run code.
for setting in CC_PROCESSES CC_PORT_A CC_PORT_B CC_WARM_PORT CC_DRAIN_SECONDS CC_HEALTH_TIMEOUT \
  CC_KEEP_RELEASES CC_MAX_TRIES; do
  [[ ${!setting} =~ ^[0-9]{1,5}$ ]] || die "$setting is \"${!setting}\": a whole number"
done
[ "$CC_PROCESSES" -ge 1 ] || die "CC_PROCESSES is $CC_PROCESSES: at least 1 Next process per slot"
if [ -d "$CC_SOURCE" ]; then CC_SOURCE=$(cd "$CC_SOURCE" && pwd); fi
# What npm ci, the checks and the build get from the settings; never the editor's client secret.
build_env=(NEXT_TELEMETRY_DISABLED=1 "SITE_URL=${SITE_URL:-}" "CMS_GITHUB_REPO=${CMS_GITHUB_REPO:-}"
  "CMS_GITHUB_BRANCH=${CMS_GITHUB_BRANCH:-$CC_BRANCH}" "CMS_GITHUB_API_URL=${CMS_GITHUB_API_URL:-}"
  "CC_STAGING=$CC_STAGING")

# The operator's checkout may belong to another user than the one deploying: trust it. Git drops
# `-c safe.directory` for the local transport (upload-pack), so it goes into a global config of
# ours, which includes the user's own (credentials, proxies); see trust_source below.
trust_source() {
  printf '[include]\n\tpath = %s/.gitconfig\n[safe]\n\tdirectory = %s\n\tdirectory = %s/.git\n' \
    "${HOME:-/nonexistent}" "$CC_SOURCE" "$CC_SOURCE" >"$CC_ROOT/.gitconfig"
  export GIT_CONFIG_GLOBAL="$CC_ROOT/.gitconfig"
}
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

http_ok() { # url: whether it answers 2xx within 5 s
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}

live_slot() { if [ -e "$flag" ]; then echo b; else echo a; fi; }
other_slot() { if [ "$1" = a ]; then echo b; else echo a; fi; }
set_live_slot() { if [ "$1" = b ]; then : >"$flag"; else rm -f "$flag"; fi; }
slot_ports() { # slot: its CC_PROCESSES ports, space-separated
  local base i
  if [ "$1" = a ]; then base=$CC_PORT_A; else base=$CC_PORT_B; fi
  for ((i = 0; i < CC_PROCESSES; i++)); do printf '%s ' $((base + i)); done
}
release_id() { basename "$1"; }
live_dir() { if [ -e "$CC_ROOT/current" ]; then readlink -f "$CC_ROOT/current"; fi; }
previous_dir() { if [ -e "$CC_ROOT/previous" ]; then readlink -f "$CC_ROOT/previous"; fi; }
releases() { # every release directory, oldest first
  local dir
  for dir in "$CC_ROOT"/releases/*/; do [ ! -d "$dir" ] || echo "${dir%/}"; done
}
# A release is complete once its build has listed its own assets; anything else is half-built.
complete() { [ -f "$1/.next/own-assets" ]; }
# A pid file may outlive its process (a reboot, a SIGKILL): only a live supervisor counts.
running() {
  local pid
  pid=$(cat "$1/run/pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null &&
    grep -qs run-release.sh "/proc/$pid/cmdline"
}

# ---- the record of the last attempt (CC_ROOT/last-attempt, KEY=value lines, never sourced)

attempt_fields=(commit ref subject started finished result step tries release pid)
declare -A attempt=()
clear_attempt() {
  local key
  for key in "${attempt_fields[@]}"; do attempt[$key]=''; done
}
read_attempt() {
  local line
  clear_attempt
  [ -r "$CC_ROOT/last-attempt" ] || return 0
  while IFS= read -r line; do
    if [[ $line =~ ^([a-z]+)=(.*)$ ]]; then attempt[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}; fi
  done <"$CC_ROOT/last-attempt"
}
write_attempt() {
  local key
  for key in "${attempt_fields[@]}"; do printf '%s=%s\n' "$key" "${attempt[$key]:-}"; done \
    >"$CC_ROOT/.last-attempt.tmp"
  mv -f "$CC_ROOT/.last-attempt.tmp" "$CC_ROOT/last-attempt"
}
begin_step() { # name message: what the deploy does now; its output replaces the last step's
  log "$2"
  [ -n "${in_attempt:-}" ] || return 0
  attempt[step]=$1
  write_attempt
  : >"$step_out"
}
excerpt() { # file: the first lines that say what went wrong
  local lines
  # The checks' items (file:line: field: message) without their warnings, else error messages.
  lines=$(grep -E '^[^ ]+:[0-9]+: ' "$1" 2>/dev/null | grep -v ': warning: ' | head -n 6 || true)
  [ -n "$lines" ] || lines=$(grep -E '^error: |[Ee]rror|✗|[Ff]ailed' "$1" 2>/dev/null | head -n 6 || true)
  [ -n "$lines" ] || lines=$(grep -v '^[[:space:]]*$' "$1" 2>/dev/null | tail -n 6 || true)
  [ -z "$lines" ] || printf '%s\n' "$lines" | cut -c 1-240
}

# CC_ALERT_COMMAND: words split at spaces, no shell; the one-line summary is its last argument.
alert() {
  local argv=()
  [ -n "$CC_ALERT_COMMAND" ] || return 0
  read -r -a argv <<<"$CC_ALERT_COMMAND"
  timeout 60 "${argv[@]}" "$1" </dev/null >&2 9>&- || log "CC_ALERT_COMMAND ($CC_ALERT_COMMAND) failed"
}

# ---- steps run in a release, in a process group of their own (so that a later run can stop
# what an interrupted one left running), with the lock closed and without the client secret

in_release() { # dir [KEY=value…] command…: output to the step's log and, as it comes, stderr
  local dir=$1 vars=() pid tailer offset status=0
  shift
  while [[ ${1:-} =~ ^[A-Za-z_][A-Za-z0-9_]*= ]]; do vars+=("$1"); shift; done
  offset=$(stat -c %s "$step_out")
  # shellcheck disable=SC2016 # "$$" is that sh's pid, the id of the group it starts
  (cd "$dir" && exec env -u CMS_GITHUB_CLIENT_SECRET "${build_env[@]}" "${vars[@]}" \
    setsid -w sh -c 'echo "$$" >"$0" && exec "$@"' "$CC_ROOT/.step-pgid" "$@") \
    >>"$step_out" 2>&1 </dev/null 9>&- &
  pid=$!
  tail -s 0.2 -c +$((offset + 1)) -f --pid="$pid" "$step_out" >&2 9>&- &
  tailer=$!
  # `wait`, unlike a command in the foreground, lets the TERM trap run at once.
  wait "$pid" || status=$?
  wait "$tailer" || true
  rm -f "$CC_ROOT/.step-pgid"
  return "$status"
}

stop_step() { # stops the process group of a step that is still running (an interrupted run's)
  local pgid member i
  pgid=$(cat "$CC_ROOT/.step-pgid" 2>/dev/null) || return 0
  rm -f "$CC_ROOT/.step-pgid"
  [[ $pgid =~ ^[0-9]+$ ]] && kill -0 -- "-$pgid" 2>/dev/null || return 0
  # Only a group at work below CC_ROOT: the id may have been given to another since.
  for member in $(pgrep -g "$pgid" || true); do
    case $(readlink "/proc/$member/cwd" 2>/dev/null || true) in "$root_real"/*) break ;; *) member= ;; esac
  done
  [ -n "${member:-}" ] || return 0
  log "stopping process group $pgid, left running by an interrupted deploy"
  kill -TERM -- "-$pgid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do kill -0 -- "-$pgid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$pgid" 2>/dev/null || true
}

# ---- releases in slots

start_release() { # dir slot
  local dir=$1 slot=$2 port deadline
  for port in $(slot_ports "$slot"); do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null ||
      die "port $port of slot $slot is in use: stop what listens there, or set CC_PORT_${slot^^}"
  done
  mkdir -p "$dir/run"
  echo "$slot" >"$dir/run/slot"
  # Its own session and process group (pid = group id): it outlives this shell, stops as a whole.
  # The settings file's values (the editor's client secret among them) reach only this.
  local ports
  read -r -a ports <<<"$(slot_ports "$slot")"
  (
    cd "$dir"
    env "${release_env[@]}" setsid deploy/run-release.sh "${ports[@]}" >>run/next.log 2>&1 </dev/null 9>&- &
    echo $! >run/pid
  )
  deadline=$((SECONDS + CC_HEALTH_TIMEOUT))
  for port in "${ports[@]}"; do
    until http_ok "http://127.0.0.1:$port/healthz"; do
      if [ "$SECONDS" -ge "$deadline" ] || ! running "$dir"; then
        die "$(release_id "$dir") did not become healthy on port $port within CC_HEALTH_TIMEOUT=${CC_HEALTH_TIMEOUT}s; see $dir/run/next.log"
      fi
      sleep 0.5
    done
  done
  log "$(release_id "$dir") is healthy in slot $slot (ports ${ports[*]})"
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
  previous=$(previous_dir)
  if [ -n "$previous" ] && [ "$previous" != "$target" ]; then keep_assets "$previous" "$target"; fi
  if [ "$live" = "$target" ]; then live=; elif [ -n "$live" ]; then keep_assets "$live" "$target"; fi
  stop_release "$target"
  # The slot's copies are of the release before last: nginx sees them gone within a second.
  if [ -d "$CC_CACHE_DIR/$slot" ]; then find "$CC_CACHE_DIR/$slot" -mindepth 1 -delete; fi
  purged=$SECONDS
  begin_step start "starting $(release_id "$target") in slot $slot${live:+ beside $(release_id "$live")}"
  starting=$target
  start_release "$target" "$slot"
  [ $((SECONDS - purged)) -ge 2 ] || sleep 2
  begin_step warm "warming the front's cache with $(release_id "$target")"
  in_release "$target" node "$here/warm-front.mjs" "http://127.0.0.1:$CC_WARM_PORT" ||
    die "warming the front's cache through port $CC_WARM_PORT (CC_WARM_PORT) failed; see $step_out"
  begin_step switch "switching to slot $slot"
  # A run that ends between these lines leaves `current` to go by: the next run sets the slot
  # flag from it and moves `previous` (see reconcile).
  printf '%s\n%s\n' "$live" "$target" >"$CC_ROOT/.switching"
  ln -sfn "$target" "$CC_ROOT/current"
  set_live_slot "$slot"
  starting=
  log "$(release_id "$target") is live in slot $slot"
  if [ -n "$live" ]; then ln -sfn "$live" "$CC_ROOT/previous"; fi
  rm -f "$CC_ROOT/.switching"
  finish_attempt live
  if [ -n "$live" ]; then
    sleep "$CC_DRAIN_SECONDS"
    stop_release "$live"
  fi
}

# ---- repairs: what an interrupted run (a kill, a reboot, a crash) left behind

reconcile() {
  local cur want dir from='' to='' strays=() all=()
  read_attempt
  if [ "${attempt[result]:-}" = running ]; then
    attempt[result]=interrupted
    attempt[finished]=$(now)
    write_attempt
    log "the deploy of ${attempt[commit]:0:7} started ${attempt[started]} was interrupted during its ${attempt[step]} step: repairing"
  fi
  stop_step
  cur=$(live_dir)
  # `current` names the live release; the slot flag follows it, never the other way round.
  if [ -n "$cur" ] && [ -r "$cur/run/slot" ]; then
    want=$(cat "$cur/run/slot")
    if [ "$(live_slot)" != "$want" ]; then
      log "the front served slot $(live_slot), but current is $(release_id "$cur") in slot $want: slot $want is live again"
      set_live_slot "$want"
    fi
  elif [ -z "$cur" ] && [ -e "$flag" ]; then
    rm -f "$flag"
  fi
  if [ -r "$CC_ROOT/.switching" ]; then
    { read -r from && read -r to; } <"$CC_ROOT/.switching" || true
    if [ "$to" = "$cur" ] && [ -n "$from" ] && [ "$from" != "$cur" ] && [ -d "$from" ]; then
      ln -sfn "$from" "$CC_ROOT/previous"
    fi
    rm -f "$CC_ROOT/.switching"
  fi
  if [ "${attempt[result]:-}" = interrupted ] && [ -n "$cur" ] && [ "${attempt[release]:-}" = "$(release_id "$cur")" ]; then
    attempt[result]=live
    write_attempt
  fi
  mapfile -t all < <(releases)
  for dir in "${all[@]}"; do
    if [ "$dir" != "$cur" ] && running "$dir"; then strays+=("$dir"); fi
  done
  if [ ${#strays[@]} -gt 0 ]; then
    # It may have been live until a moment ago: let it finish its answers.
    log "stopping $(for dir in "${strays[@]}"; do release_id "$dir"; done | paste -sd ' '), running beside the live release, in ${CC_DRAIN_SECONDS}s"
    sleep "$CC_DRAIN_SECONDS"
    for dir in "${strays[@]}"; do stop_release "$dir"; done
  fi
  for dir in "${all[@]}"; do
    if ! complete "$dir" && [ "$dir" != "$cur" ] && [ "$dir" != "$(previous_dir)" ]; then
      log "removing $(release_id "$dir"), whose build did not finish"
      rm -rf "$dir"
    fi
  done
}

# ---- resolving and building a commit

resolve_ref() { # ref setting: sets `resolved` (commit) and `resolved_ref`; exact names only
  local ref=$1 setting=$2 refs candidates=() found=() name sha
  if [[ $ref =~ ^[0-9a-f]{40}$ ]]; then resolved=$ref resolved_ref=$ref; return; fi
  refs=$(timeout 120 git ls-remote "$CC_SOURCE") ||
    die "cannot list the branches of $CC_SOURCE: check CC_SOURCE and the network"
  case $ref in
    HEAD | refs/*) candidates=("$ref") ;;
    *) candidates=("refs/heads/$ref" "refs/tags/$ref") ;;
  esac
  for name in "${candidates[@]}"; do
    # An annotated tag's commit is on its own line, name^{}; exact names only, never by suffix.
    sha=$(awk -v n="$name" '$2 == n "^{}" { p = $1 } $2 == n && !p { p = $1 } END { print p }' <<<"$refs")
    if [ -n "$sha" ]; then found+=("$name"); resolved=$sha resolved_ref=$name; fi
  done
  [ ${#found[@]} -gt 0 ] || die "$setting=$ref: $CC_SOURCE has no such branch or tag; set $setting to one it has"
  [ ${#found[@]} -eq 1 ] ||
    die "$setting=$ref is ambiguous in $CC_SOURCE (${found[*]}): set $setting to the full name"
}

build_settings() { # what a build depends on beside its commit: a release built with others is not reused
  printf '%s\n' "${build_env[@]}" "node=$(node --version)"
}

reusable() { # sha: a complete release of that commit, built with today's settings
  local dir all=()
  mapfile -t all < <(releases | tac)
  for dir in "${all[@]}"; do
    if complete "$dir" && [ "$(git -C "$dir" rev-parse HEAD 2>/dev/null)" = "$1" ] &&
      [ "$(build_settings)" = "$(cat "$dir/.next/build-settings" 2>/dev/null)" ]; then
      echo "$dir"
      return
    fi
  done
}

fetch() { # the commit `resolved` into a new release directory, `release`
  release="$CC_ROOT/releases/$(date -u +%Y%m%dT%H%M%SZ)-${resolved:0:7}"
  attempt[release]=$(release_id "$release")
  begin_step fetch "fetching ${resolved:0:7} ($resolved_ref) from $CC_SOURCE into $(release_id "$release")"
  mkdir -p "$release"
  git init -q "$release"
  # Exactly that ref (or commit), with its history (pages are dated from it), and nothing else.
  in_release "$release" git fetch -q --no-tags "$CC_SOURCE" "$resolved_ref" ||
    die "could not fetch $resolved_ref from $CC_SOURCE (CC_SOURCE)"
  in_release "$release" git checkout -q --detach "$resolved" ||
    die "$CC_SOURCE (CC_SOURCE) has no commit $resolved on $resolved_ref any more"
}

install() {
  local candidate
  begin_step install "packages for $(release_id "$release")"
  # Same lock file as the live release (or the source checkout): link its installed packages.
  for candidate in "$(live_dir)" "$CC_SOURCE"; do
    if [ -d "$candidate/node_modules" ] && cmp -s "$candidate/package-lock.json" "$release/package-lock.json"; then
      cp -al "$candidate/node_modules" "$release/node_modules" 2>/dev/null ||
        { rm -rf "$release/node_modules"; cp -a "$candidate/node_modules" "$release/node_modules"; }
      return 0
    fi
  done
  in_release "$release" npm ci --no-audit --no-fund || die "npm ci failed in $release; see $step_out"
}

check_and_build() { # content check, go-live check (with the settings), and the build, unless reused
  begin_step content-check "content check: npm run content:check"
  in_release "$release" npm run --silent content:check ||
    die "the content check refused ${resolved:0:7}: fix the content it lists above (also in $step_out)"
  begin_step launch-check "go-live check: npm run launch:check with the settings of ${CC_ENV_FILE:-the environment}"
  # The check learns whether the client secret is set, not the secret.
  in_release "$release" "CMS_GITHUB_CLIENT_ID=${CMS_GITHUB_CLIENT_ID:-}" \
    "CMS_GITHUB_CLIENT_SECRET=${CMS_GITHUB_CLIENT_SECRET:+(set)}" npm run --silent launch:check ||
    die "the go-live check refused ${resolved:0:7}: fix what it lists in the content or in ${CC_ENV_FILE:-the settings} (CC_STAGING=1 on a test system lets placeholders through)"
  if complete "$release"; then return 0; fi
  begin_step build "building $(release_id "$release")"
  in_release "$release" npm run build || die "the build of $(release_id "$release") failed; see $step_out"
  build_settings >"$release/.next/build-settings"
  (cd "$release/.next/static" && find . -type f) >"$release/.next/own-assets.tmp"
  mv "$release/.next/own-assets.tmp" "$release/.next/own-assets"
}

begin_attempt() { # new|again: starts the record of deploying `resolved`
  local tries
  read_attempt
  if [ "$1" = again ] && [ "${attempt[commit]:-}" = "$resolved" ]; then tries=$((${attempt[tries]:-0} + 1)); else tries=1; fi
  clear_attempt
  attempt+=([commit]=$resolved [ref]=$resolved_ref [started]=$(now) [result]=running
    [step]=settings [tries]=$tries [pid]=$$)
  in_attempt=1
  write_attempt
  : >"$step_out"
}

finish_attempt() { # result
  [ -n "${in_attempt:-}" ] || return 0
  attempt[result]=$1
  attempt[finished]=$(now)
  write_attempt
  in_attempt=
}

deploy_commit() { # new|again ("again" when the timer retries an interrupted attempt)
  begin_attempt "$1"
  [ -n "${SITE_URL:-}" ] ||
    die "SITE_URL is not set: put the public address (SITE_URL=https://…) in ${CC_ENV_FILE:-CC_ENV_FILE}"
  release=$(reusable "$resolved")
  if [ -n "$release" ]; then
    attempt[release]=$(release_id "$release")
    log "reusing $(release_id "$release"), built from ${resolved:0:7} with the same settings"
  else
    fetch
  fi
  attempt[subject]=$(git -C "$release" log -1 --format=%s "$resolved" | tr -d '\000-\037' | cut -c 1-200)
  write_attempt
  if [ ! -d "$release/node_modules" ]; then install; fi
  check_and_build
  activate "$release"
  prune
}

# The timer's run: deploy a new commit of exactly refs/heads/$CC_BRANCH, once.
auto() {
  local cur live_commit=
  cur=$(live_dir)
  # A live release whose processes are gone (a killed supervisor, an out-of-memory kill) is
  # started again, unless an operator stopped it (deploy.sh stop).
  if [ -n "$cur" ] && ! running "$cur" && [ ! -e "$CC_ROOT/stopped" ]; then
    log "$(release_id "$cur") is live but not running: starting it again"
    activate "$cur"
  fi
  resolve_ref "refs/heads/$CC_BRANCH" CC_BRANCH
  if [ -n "$cur" ]; then live_commit=$(git -C "$cur" rev-parse HEAD 2>/dev/null || true); fi
  read_attempt
  if [ "$resolved" = "$live_commit" ]; then
    note_check "live"
  elif [ "${attempt[commit]:-}" != "$resolved" ]; then
    note_check "new: deploying it"
    deploy_commit new
    note_check "deployed"
  elif [ "${attempt[result]:-}" = failed ]; then
    note_check "not deployed: its ${attempt[step]} step failed at ${attempt[finished]}; waiting for a new commit (or run deploy.sh)"
  elif [ "${attempt[result]:-}" = live ]; then
    note_check "deployed at ${attempt[finished]} and rolled back since; waiting for a new commit"
  elif [ "${attempt[tries]:-0}" -ge "$CC_MAX_TRIES" ]; then
    note_check "interrupted ${attempt[tries]} times; run deploy.sh to try again"
  else
    note_check "interrupted: trying again"
    deploy_commit again
    note_check "deployed"
  fi
}

check_outcome() { sed -n 's/^outcome=//p' "$CC_ROOT/last-check" 2>/dev/null || true; }
note_check() { # outcome: what the timer's last run found (status shows it)
  printf 'checked=%s\nref=%s\ncommit=%s\noutcome=%s\n' "$(now)" "refs/heads/$CC_BRANCH" "${resolved:-}" "$1" \
    >"$CC_ROOT/.last-check.tmp"
  mv -f "$CC_ROOT/.last-check.tmp" "$CC_ROOT/last-check"
}

prune() { # keep the newest CC_KEEP_RELEASES, and always the live and the previous one
  local current previous dir kept=0 all=()
  current=$(live_dir)
  previous=$(previous_dir)
  mapfile -t all < <(releases | tac)
  for dir in "${all[@]}"; do
    kept=$((kept + 1))
    if [ "$kept" -gt "$CC_KEEP_RELEASES" ] && [ "$dir" != "$current" ] && [ "$dir" != "$previous" ]; then
      running "$dir" || rm -rf "$dir"
    fi
  done
}

# ---- the end of a run: a failed attempt is recorded and told; a half-started release stopped

on_exit() {
  local status=$? summary live before
  set +e
  trap - EXIT TERM INT HUP
  # Not when it went live already: the switch was done, the run only ended before it said so.
  if [ -n "${starting:-}" ] && [ "$starting" != "$(live_dir)" ]; then stop_release "$starting"; fi
  if [ -n "${in_attempt:-}" ]; then
    if [ -n "${release:-}" ] && ! complete "$release" && [ "$release" != "$(live_dir)" ]; then rm -rf "$release"; fi
    if [ -n "${signalled:-}" ]; then
      finish_attempt interrupted
    else
      finish_attempt failed
      live=$(live_dir)
      if [ -n "$live" ]; then live="$(release_id "$live") stays live"; else live='nothing is live'; fi
      summary="cc-partners: ${attempt[commit]:0:7} \"${attempt[subject]:-?}\" was not deployed: its ${attempt[step]} step failed ($(excerpt "$step_out" | head -n 1)); $live"
      log "$summary"
      [ "$command" != auto ] || note_check "not deployed: its ${attempt[step]} step failed"
      alert "$summary"
    fi
  elif [ "$status" -ne 0 ] && [ "$command" = auto ]; then
    # Once per cause, not every minute.
    before=$(check_outcome)
    note_check "error: ${last_error:-see the log}"
    [ "$before" = "error: ${last_error:-see the log}" ] ||
      alert "cc-partners: the deploy timer could not check refs/heads/$CC_BRANCH: ${last_error:-see the log}"
  fi
  exit "$status"
}
on_signal() {
  signalled=1
  log "stopped by SIG$1${in_attempt:+ during the ${attempt[step]} step}"
  stop_step
  exit $((128 + $2))
}

# ---- status

status() {
  local live dir state key all=()
  live=$(live_dir)
  echo "releases in $CC_ROOT/releases (settings: ${CC_ENV_FILE:-none}):"
  mapfile -t all < <(releases)
  for dir in "${all[@]}"; do
    state=stopped
    if running "$dir"; then
      state="running in slot $(cat "$dir/run/slot"):"
      for port in $(slot_ports "$(cat "$dir/run/slot")"); do
        if http_ok "http://127.0.0.1:$port/healthz"; then state+=" $port ok"; else state+=" $port DOWN"; fi
      done
    fi
    complete "$dir" || state+=" (build unfinished)"
    if [ "$dir" = "$live" ]; then state="live, $state"; fi
    printf '  %s %s\n' "$(release_id "$dir")" "$state"
  done
  if [ -n "$live" ]; then state=$(release_id "$live"); else state='no release yet'; fi
  printf 'live: slot %s, %s\n' "$(live_slot)" "$state"
  if [ -n "$live" ] && grep -qs '^CC_STAGING=1$' "$live/.next/build-settings"; then
    echo 'staging build (CC_STAGING=1): placeholders allowed; robots.txt disallows all, pages are noindex'
  fi
  read_attempt
  if [ -n "${attempt[commit]:-}" ]; then
    if [ "${attempt[result]}" = running ] && ! { kill -0 "${attempt[pid]}" 2>/dev/null &&
      grep -qs deploy.sh "/proc/${attempt[pid]}/cmdline"; }; then
      attempt[result]="interrupted (the next run repairs)"
    fi
    printf 'last attempt: %s "%s" (%s), started %s, %s: %s at its %s step\n' "${attempt[commit]:0:7}" \
      "${attempt[subject]}" "${attempt[ref]}" "${attempt[started]}" "try ${attempt[tries]}" \
      "${attempt[result]}" "${attempt[step]}"
    case ${attempt[result]} in failed | interrupted*)
      excerpt "$step_out" | sed 's/^/  /'
      echo "  (the whole output of that step: $step_out)" ;;
    esac
  fi
  if [ -r "$CC_ROOT/last-check" ]; then
    declare -A check=()
    while IFS= read -r key; do [[ $key =~ ^([a-z]+)=(.*)$ ]] && check[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}; done <"$CC_ROOT/last-check"
    printf 'last check of %s at %s: %s%s\n' "${check[ref]:-}" "${check[checked]:-}" \
      "${check[commit]:+${check[commit]:0:7} }" "${check[outcome]:-}"
  fi
}

# ---- main

command=${1:-deploy}
case $command in deploy | auto | rollback | start | stop | status) ;;
  *) die "unknown command $command (deploy, auto, rollback, start, stop, status)" ;;
esac
if [ "$command" = status ]; then status; exit 0; fi
if [ -z "$CC_SOURCE" ] && { [ "$command" = deploy ] || [ "$command" = auto ]; }; then
  die "set CC_SOURCE to the repository (URL or directory) in ${CC_ENV_FILE:-the environment}"
fi
mkdir -p "$CC_ROOT"
cd "$CC_ROOT"
trust_source
root_real=$(pwd -P)
# One at a time: a deploy, a rollback and a timer's run must not run into each other.
exec 9>>"$CC_ROOT/.deploy.lock"
if [ "$command" = stop ]; then
  # At shutdown a deploy may be at work: give it a moment to give up, then stop all the same.
  flock -w 30 9 || log "another deploy.sh is at work in $CC_ROOT: stopping the releases all the same"
elif ! flock -n 9; then
  [ "$command" != auto ] || { log "another deploy.sh is at work in $CC_ROOT; the next run checks again"; exit 0; }
  die "another deploy/deploy.sh is at work in $CC_ROOT (it holds $CC_ROOT/.deploy.lock)"
fi
trap on_exit EXIT
trap 'on_signal TERM 15' TERM
trap 'on_signal INT 2' INT
trap 'on_signal HUP 1' HUP

case $command in
  deploy)
    rm -f "$CC_ROOT/stopped"
    reconcile
    resolve_ref "$CC_REF" CC_REF
    deploy_commit new
    ;;
  auto)
    reconcile
    auto
    ;;
  rollback)
    rm -f "$CC_ROOT/stopped"
    reconcile
    previous=$(previous_dir)
    if [ -z "$previous" ] || [ ! -d "$previous" ]; then die "there is no previous release ($CC_ROOT/previous)"; fi
    activate "$previous"
    ;;
  start)
    rm -f "$CC_ROOT/stopped"
    reconcile
    live=$(live_dir)
    [ -n "$live" ] || die "no release yet ($CC_ROOT/current): run deploy/deploy.sh first"
    if running "$live"; then log "$(release_id "$live") is running"; else activate "$live"; fi
    ;;
  stop)
    mapfile -t all < <(releases)
    for dir in "${all[@]}"; do stop_release "$dir"; done
    # The timer leaves them stopped until deploy.sh start, deploy or rollback.
    : >"$CC_ROOT/stopped"
    ;;
esac
